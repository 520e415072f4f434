package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;

/**
 * GLAD (Generative model of Labels, Abilities and Difficulties): each source has an ability
 * {@code α} (negative for adversarial sources), each question an inverse difficulty {@code β > 0},
 * and a source answers a question correctly with probability {@code σ(α β)}; abilities,
 * difficulties and the posterior of every question's true value are estimated by EM.
 *
 * <p>J. Whitehill, P. Ruvolo, T. Wu, J. Bergsma and J. Movellan, "Whose Vote Should Count More:
 * Optimal Integration of Labels from Labelers of Unknown Expertise", <i>Advances in Neural
 * Information Processing Systems 22</i> (NIPS 2009), pp. 2035–2043.
 *
 * <p><b>Model.</b> As in the authors' code and Crowd-Kit ({@code crowdkit.aggregation.GLAD}), β is
 * parametrised by its logarithm, so it stays positive; abilities and log-difficulties have
 * Gaussian priors N(1, 1) and start at 1; the label prior is uniform and fixed. With {@code K}
 * labels (the union of the candidates of the questions of one value type) a wrong answer is any
 * of the {@code K - 1} wrong labels with equal probability {@code (1 - σ(αβ)) / (K - 1)}, the
 * multi-class extension of Crowd-Kit and of the benchmark code of Zheng et al. (PVLDB 2017). A
 * question's true value is one of its own candidates. A denial of {@code v} has likelihood one
 * minus that of answering {@code v}; a claim's weight multiplies its log-likelihood.
 *
 * <p><b>Iteration.</b> Each iteration is an E-step (posteriors, in log space) and an M-step that
 * takes up to {@link #gradientSteps()} steps (default 25, Crowd-Kit's {@code m_step_max_iter})
 * of gradient ascent on the expected complete-data log-posterior. The reference implementations
 * run conjugate gradient there; here each step scales every coordinate's gradient by its
 * curvature (a diagonal Newton step, needed because a source with thousands of answers and one
 * with three have gradients of very different size), multiplied by {@link #learningRate()}
 * (default 1), and halves the step until the objective does not decrease. The run stops when no
 * posterior changes by more than {@link #tolerance()} (default 1e-5) or after {@link
 * #iterations()} iterations (default 100).
 *
 * <p><b>Results.</b> A source's trust is the mean, over its claims, of the probability {@code
 * σ(α β)} that it answers that question correctly (0.5 for a source without claims); its vote
 * weight is {@code log(t (K - 1) / (1 - t))} for trust {@code t}, the log-odds a claim adds for
 * the answered label over another single label at that trust.
 *
 * @implNote Each iteration costs O(Σ claims(q) · candidates(q)) time for the E-step and O(steps ·
 *     claims) for the M-step: one pass over the claims for the E-step (which also yields the
 *     M-step's first objective and gradient) and one per line-search trial (which also yields
 *     the gradient for the next step), each with one exponential and one {@code log1p} per
 *     claim, split across {@link #threads()} threads (see {@link #withThreads(int)}); memory is
 *     O(sources × stripes + questions + candidates).
 * @since 0.1
 */
public final class Glad extends AbstractReconciler {
  private static final Glad DEFAULTS = new Glad(100, 1e-5, 25, 1.0, Parallel.ALL_PROCESSORS);

  /** Mean of the Gaussian priors on α and log β (both with variance 1), as in the references. */
  static final double PRIOR_MEAN = 1.0;

  private final int gradientSteps;
  private final double learningRate;
  private final int threads;

  private Glad(
      int iterations, double tolerance, int gradientSteps, double learningRate, int threads) {
    super(iterations, tolerance);
    this.threads = Parallel.checkThreads("glad", threads);
    checkArgument(gradientSteps >= 1, "glad: gradientSteps must be >= 1, got %s", gradientSteps);
    checkArgument(
        learningRate > 0 && Double.isFinite(learningRate),
        "glad: learningRate must be finite and > 0, got %s",
        learningRate);
    this.gradientSteps = gradientSteps;
    this.learningRate = learningRate;
  }

  /**
   * GLAD with at most 100 iterations, tolerance 1e-5, 25 gradient steps per M-step and learning
   * rate 1.
   *
   * @return the algorithm
   */
  public static Glad withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns this algorithm with another iteration limit.
   *
   * @param iterations the largest number of EM iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Glad withIterations(int iterations) {
    return new Glad(iterations, tolerance, gradientSteps, learningRate, threads);
  }

  /**
   * Returns this algorithm with another tolerance.
   *
   * @param tolerance the largest change of any posterior at which the iteration stops, finite and
   *     at least 0
   * @return the algorithm
   * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
   */
  public Glad withTolerance(double tolerance) {
    return new Glad(maxIterations, tolerance, gradientSteps, learningRate, threads);
  }

  /**
   * Returns this algorithm with another number of gradient steps per M-step.
   *
   * @param steps at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public Glad withGradientSteps(int steps) {
    return new Glad(maxIterations, tolerance, steps, learningRate, threads);
  }

  /**
   * Returns this algorithm with another learning rate, the factor applied to each curvature-scaled
   * gradient step before step halving.
   *
   * @param rate finite and greater than 0
   * @return the algorithm
   * @throws IllegalArgumentException if {@code rate} is not finite and positive
   */
  public Glad withLearningRate(double rate) {
    return new Glad(maxIterations, tolerance, gradientSteps, rate, threads);
  }

  /**
   * Returns GLAD run on {@code n} threads. The questions are split into the same stripes whatever
   * the thread count, and per-source sums and the objective are reduced in stripe order, so the
   * result is identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Glad withThreads(int n) {
    return new Glad(maxIterations, tolerance, gradientSteps, learningRate, n);
  }

  /**
   * The number of threads a run uses.
   *
   * @return the thread count, 0 meaning all processors
   */
  public int threads() {
    return threads;
  }

  /**
   * The largest number of gradient steps per M-step.
   *
   * @return the step count
   */
  public int gradientSteps() {
    return gradientSteps;
  }

  /**
   * The factor applied to each curvature-scaled gradient step.
   *
   * @return the learning rate
   */
  public double learningRate() {
    return learningRate;
  }

  /**
   * {@code "glad"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "glad";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("gradientSteps", Integer.toString(gradientSteps));
    b.put("learningRate", Double.toString(learningRate));
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    return new Run(index).run();
  }

  /** {@code out[c] = part[0][c] + part[1][c] + …}, in stripe order. */
  static void sum(double[][] part, double[] out) {
    System.arraycopy(part[0], 0, out, 0, out.length);
    for (int p = 1; p < part.length; p++) {
      double[] x = part[p];
      for (int c = 0; c < out.length; c++) {
        out[c] += x[c];
      }
    }
  }

  /** log σ(x), stable for large |x|. */
  static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  /**
   * The state of one EM run.
   *
   * <p>Every pass over the claims is one of two kinds, and both compute, per claim, one
   * exponential {@code e = exp(-|x|)} and one {@code log1p(e)}, from which both log-sigmoids and
   * the sigmoid follow (the same numbers as computing each on its own): the E-pass, which
   * computes the posteriors and, at the same point, the M-step's first objective and gradient;
   * and the trial pass of a line-search step, which computes the objective at the trial point
   * and the gradient there, used if the trial is accepted. Each is split into stripes of
   * questions: a stripe writes its own questions' values and sums its sources' gradient terms
   * and its share of the objective into its own partials, reduced in stripe order (stripe 0
   * starting from the priors' terms, so one stripe adds in exactly the sequential order).
   */
  private final class Run {
    final ClaimIndex ix;
    final LabelSpace labels;
    final int nq;
    final int ns;
    /** Per question: log(K - 1) of its label group (0 when the group has one label). */
    final double[] logWrong;
    /** Per question: 1 / (K - 1) of its label group. */
    final double[] wrongShare;
    double[] alpha;
    double[] logBeta;
    /** The gradient and curvature at (alpha, logBeta). */
    Gradient grad;
    /** The gradient and curvature at the last trial point. */
    Gradient trialGrad;
    double[] trialA;
    double[] trialB;

    /** Per-question gradient and curvature, and per-stripe partials of the per-source ones. */
    final class Gradient {
      final double[] a;
      final double[] curvA;
      final double[] b = new double[nq];
      final double[] curvB = new double[nq];
      double[][] partA;
      double[][] partCurvA;

      Gradient() {
        a = new double[ns];
        curvA = new double[ns];
      }

      /** Sums the stripes' per-source terms in stripe order. */
      void reduce() {
        sum(partA, a);
        sum(partCurvA, curvA);
      }
    }

    Run(ClaimIndex ix) {
      this.ix = ix;
      this.labels = LabelSpace.of(ix);
      this.nq = ix.questionCount();
      this.ns = ix.sourceCount();
      logWrong = new double[nq];
      wrongShare = new double[nq];
      for (int q = 0; q < nq; q++) {
        int wrong = Math.max(1, labels.size(q) - 1);
        logWrong[q] = Math.log(wrong);
        wrongShare[q] = 1.0 / wrong;
      }
      alpha = new double[ns];
      logBeta = new double[nq];
      Arrays.fill(alpha, PRIOR_MEAN);
      Arrays.fill(logBeta, PRIOR_MEAN);
      trialA = new double[ns];
      trialB = new double[nq];
    }

    Estimate run() {
      Estimate e = new Estimate(ix);
      int maxK = 1;
      for (int q = 0; q < nq; q++) {
        maxK = Math.max(maxK, ix.candidateCount(q));
      }
      int scratchK = maxK;
      double[] t = e.candProb;
      double[] next = new double[t.length];
      int it = 0;
      double change = Double.POSITIVE_INFINITY;
      try (Sweep sweep = Sweep.open(ix, threads, 2L * ns)) {
        int stripes = sweep.count();
        grad = new Gradient();
        trialGrad = new Gradient();
        for (Gradient g : new Gradient[] {grad, trialGrad}) {
          g.partA = sweep.partials(ns);
          g.partCurvA = sweep.partials(ns);
        }
        double[] partObjective = new double[stripes];
        double[] partChange = new double[stripes];
        // Scratch per stripe, for its largest question: at most a few doubles per claim in all.
        Scratch[] scratch = new Scratch[stripes];
        sweep.forEach(
            (p, from, to) -> {
              int most = 1;
              for (int q = from; q < to; q++) {
                most = Math.max(most, ix.questionClaimStart[q + 1] - ix.questionClaimStart[q]);
              }
              scratch[p] = new Scratch(scratchK, most);
            });
        // The first posteriors; the objective and gradient there are not needed (no M-step yet
        // has a posterior to work with), but cost nothing extra.
        double[] first = t;
        sweep.forEach(
            (p, from, to) ->
                partObjective[p] = ePass(p, from, to, first, null, scratch[p], partChange));
        double current = objective(partObjective, alpha);
        grad.reduce();
        while (it < maxIterations) {
          current = mStep(sweep, t, current, partObjective, scratch);
          double[] old = t;
          double[] fresh = next;
          sweep.forEach(
              (p, from, to) ->
                  partObjective[p] = ePass(p, from, to, fresh, old, scratch[p], partChange));
          current = objective(partObjective, alpha);
          grad.reduce();
          change = 0;
          for (double c : partChange) {
            change = Math.max(change, c);
          }
          System.arraycopy(next, 0, t, 0, t.length);
          it++;
          Progress.iteration(it, maxIterations);
          if (change < tolerance) {
            break;
          }
        }
      }
      e.iterations = it;
      e.converged = change < tolerance;
      e.finalChange = change;
      fillSources(e);
      return e;
    }

    /** Per-task scratch: log-likelihoods by candidate, and per claim of one question. */
    final class Scratch {
      final double[] lp;
      final double[] right;
      final double[] wrong;
      final double[] sig;

      Scratch(int k, int claims) {
        lp = new double[2 * k];
        right = new double[claims];
        wrong = new double[claims];
        sig = new double[claims];
      }
    }

    /**
     * The objective's total from the stripes' shares (in stripe order), less the sources' prior
     * terms: the expected complete-data log-posterior, up to constants.
     */
    double objective(double[] partObjective, double[] a) {
      double sum = partObjective[0];
      for (int p = 1; p < partObjective.length; p++) {
        sum += partObjective[p];
      }
      for (int s = 0; s < ns; s++) {
        sum -= 0.5 * (a[s] - PRIOR_MEAN) * (a[s] - PRIOR_MEAN);
      }
      return sum;
    }

    /**
     * The log-likelihoods of claim i given that its value is true (into {@code sc.right[j]}) or
     * not ({@code sc.wrong[j]}), and σ(x) (into {@code sc.sig[j]}), at {@code x} = αβ.
     */
    void likelihoods(int i, int j, double x, int q, Scratch sc) {
      if (ix.denies(i)) {
        sc.right[j] = logLikelihood(i, true, x, q);
        sc.wrong[j] = logLikelihood(i, false, x, q);
        sc.sig[j] = sigmoid(x);
        return;
      }
      // logSigmoid(±x) and sigmoid(x) from one exponential and one log1p.
      double e = Math.exp(-Math.abs(x));
      double l = Math.log1p(e);
      sc.right[j] = x >= 0 ? -l : x - l;
      sc.wrong[j] = (x <= 0 ? -l : -x - l) - logWrong[q];
      sc.sig[j] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** Log-likelihood of claim i given true candidate j, at ability a and inverse difficulty b. */
    double logLikelihood(int i, boolean right, double x, int q) {
      if (!ix.denies(i)) {
        return right ? logSigmoid(x) : logSigmoid(-x) - logWrong[q];
      }
      // Denial: one minus the probability of answering the denied value.
      return right ? logSigmoid(-x) : Math.log(Math.max(1e-300, 1 - sigmoid(-x) * wrongShare[q]));
    }

    /**
     * The E-pass over questions [from, to): posteriors into {@code out} (and their largest change
     * from {@code old}, if given, into {@code partChange[p]}); then, at (alpha, logBeta) with
     * those posteriors, the stripe's share of the objective (returned) and its gradient terms
     * into {@link #grad}.
     */
    double ePass(
        int p, int from, int to, double[] out, double[] old, Scratch sc, double[] partChange) {
      double[] lp = sc.lp;
      double[] gA = grad.partA[p];
      double[] cA = grad.partCurvA[p];
      startSources(p, alpha, gA, cA);
      double sum = 0;
      double worst = 0;
      for (int q = from; q < to; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.candidateCount(q);
        int cs = ix.questionClaimStart[q];
        int ce = ix.questionClaimStart[q + 1];
        Arrays.fill(lp, 0, k, 0.0);
        double beta = Math.exp(logBeta[q]);
        for (int i = cs; i < ce; i++) {
          double w = ix.weight(i);
          if (w == 0) {
            continue;
          }
          likelihoods(i, i - cs, alpha[ix.claimSource[i]] * beta, q, sc);
          double right = w * sc.right[i - cs];
          double wrong = w * sc.wrong[i - cs];
          int claimed = ix.claimCand[i] - cf;
          for (int j = 0; j < k; j++) {
            lp[j] += j == claimed ? right : wrong;
          }
        }
        DawidSkene.softmax(lp, k, out, cf);
        if (old != null) {
          for (int c = cf; c < cf + k; c++) {
            worst = Math.max(worst, Math.abs(out[c] - old[c]));
          }
        }
        sum = claimTerms(q, alpha, logBeta[q], beta, out, sc, sum, gA, cA, grad);
      }
      partChange[p] = worst;
      return sum;
    }

    /**
     * Adds question q's claims to the objective {@code sum} (returned) and their gradient terms
     * to {@code g} (the question's) and gA, cA (the stripe's per-source partials), from the
     * likelihoods in {@code sc}, at abilities {@code a}, log-difficulty b and its exponential
     * beta.
     */
    double claimTerms(
        int q,
        double[] a,
        double b,
        double beta,
        double[] t,
        Scratch sc,
        double sum,
        double[] gA,
        double[] cA,
        Gradient g) {
      int cs = ix.questionClaimStart[q];
      int ce = ix.questionClaimStart[q + 1];
      double gB = -(b - PRIOR_MEAN);
      double cB = 1;
      for (int i = cs; i < ce; i++) {
        double w = ix.weight(i);
        if (w == 0) {
          continue;
        }
        int j = i - cs;
        double pr = t[ix.claimCand[i]];
        sum += w * (pr * sc.right[j] + (1 - pr) * sc.wrong[j]);
        int s = ix.claimSource[i];
        double x = a[s] * beta;
        double sig = sc.sig[j];
        double dx;
        if (!ix.denies(i)) {
          dx = pr - sig;
        } else {
          // d/dx log(1 - (1 - σ)/(K - 1)) = σ(1 - σ)/(K - 1) / (1 - (1 - σ)/(K - 1)).
          double wrongP = (1 - sig) * wrongShare[q];
          double dWrong = sig * (1 - sig) * wrongShare[q] / Math.max(1e-300, 1 - wrongP);
          dx = -pr * sig + (1 - pr) * dWrong;
        }
        double info = w * sig * (1 - sig);
        gA[s] += w * dx * beta;
        cA[s] += info * beta * beta;
        gB += w * dx * x;
        cB += info * x * x;
      }
      g.b[q] = gB;
      g.curvB[q] = cB;
      return sum - 0.5 * (b - PRIOR_MEAN) * (b - PRIOR_MEAN);
    }

    /** Stripe 0's per-source partials start from the priors' terms, the others from 0. */
    void startSources(int p, double[] a, double[] gA, double[] cA) {
      if (p == 0) {
        for (int s = 0; s < ns; s++) {
          gA[s] = -(a[s] - PRIOR_MEAN);
          cA[s] = 1;
        }
      } else {
        Arrays.fill(gA, 0);
        Arrays.fill(cA, 0);
      }
    }

    /**
     * The trial pass over questions [from, to) at abilities {@link #trialA} and log-difficulties
     * {@code logBeta + rate · gradB / curvB} (written to {@link #trialB}): the stripe's share of
     * the objective (returned) and its gradient terms into {@link #trialGrad}.
     */
    double trialPass(int p, int from, int to, double rate, double[] t, Scratch sc) {
      double[] gA = trialGrad.partA[p];
      double[] cA = trialGrad.partCurvA[p];
      startSources(p, trialA, gA, cA);
      double sum = 0;
      for (int q = from; q < to; q++) {
        double b = logBeta[q] + rate * grad.b[q] / grad.curvB[q];
        trialB[q] = b;
        double beta = Math.exp(b);
        int cs = ix.questionClaimStart[q];
        int ce = ix.questionClaimStart[q + 1];
        for (int i = cs; i < ce; i++) {
          if (ix.weight(i) == 0) {
            continue;
          }
          likelihoods(i, i - cs, trialA[ix.claimSource[i]] * beta, q, sc);
        }
        sum = claimTerms(q, trialA, b, beta, t, sc, sum, gA, cA, trialGrad);
      }
      return sum;
    }

    /**
     * Up to {@link #gradientSteps()} curvature-scaled gradient steps, each halved until the
     * objective does not decrease; returns the objective at the final point, whose gradient is
     * then in {@link #grad}.
     */
    double mStep(Sweep sweep, double[] t, double current, double[] partObjective, Scratch[] sc) {
      for (int step = 0; step < gradientSteps; step++) {
        double rate = learningRate;
        boolean moved = false;
        for (int halvings = 0; halvings < 40; halvings++) {
          for (int s = 0; s < ns; s++) {
            trialA[s] = alpha[s] + rate * grad.a[s] / grad.curvA[s];
          }
          double r = rate;
          sweep.forEach((p, from, to) -> partObjective[p] = trialPass(p, from, to, r, t, sc[p]));
          double value = objective(partObjective, trialA);
          if (value >= current) {
            moved = value > current;
            current = value;
            double[] a = alpha;
            alpha = trialA;
            trialA = a;
            double[] b = logBeta;
            logBeta = trialB;
            trialB = b;
            trialGrad.reduce();
            Gradient g = grad;
            grad = trialGrad;
            trialGrad = g;
            break;
          }
          rate /= 2;
        }
        if (!moved) {
          break;
        }
      }
      return current;
    }

    void fillSources(Estimate e) {
      double[] sum = new double[ns];
      int[] claims = new int[ns];
      int[] widest = new int[ns];
      for (int q = 0; q < nq; q++) {
        double beta = Math.exp(logBeta[q]);
        for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
          int s = ix.claimSource[i];
          sum[s] += sigmoid(alpha[s] * beta);
          claims[s]++;
          widest[s] = Math.max(widest[s], labels.size(q));
        }
      }
      for (int s = 0; s < ns; s++) {
        double trust = claims[s] > 0 ? Math.min(1, Math.max(0, sum[s] / claims[s])) : 0.5;
        e.trust[s] = trust;
        e.voteWeight[s] = DawidSkene.logOdds(trust, widest[s]);
      }
    }
  }
}
