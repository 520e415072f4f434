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
 *     claims) for the M-step; memory is O(sources + questions + candidates).
 * @since 0.1
 */
public final class Glad extends AbstractReconciler {
  private static final Glad DEFAULTS = new Glad(100, 1e-5, 25, 1.0);

  /** Mean of the Gaussian priors on α and log β (both with variance 1), as in the references. */
  static final double PRIOR_MEAN = 1.0;

  private final int gradientSteps;
  private final double learningRate;

  private Glad(int iterations, double tolerance, int gradientSteps, double learningRate) {
    super(iterations, tolerance);
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
    return new Glad(iterations, tolerance, gradientSteps, learningRate);
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
    return new Glad(maxIterations, tolerance, gradientSteps, learningRate);
  }

  /**
   * Returns this algorithm with another number of gradient steps per M-step.
   *
   * @param steps at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public Glad withGradientSteps(int steps) {
    return new Glad(maxIterations, tolerance, steps, learningRate);
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
    return new Glad(maxIterations, tolerance, gradientSteps, rate);
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

  /** log σ(x), stable for large |x|. */
  static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  /** The state of one EM run. */
  private final class Run {
    final ClaimIndex ix;
    final LabelSpace labels;
    final int nq;
    final int ns;
    /** Per question: log(K - 1) of its label group (0 when the group has one label). */
    final double[] logWrong;
    /** Per question: 1 / (K - 1) of its label group. */
    final double[] wrongShare;
    final double[] alpha;
    final double[] logBeta;
    final double[] gradA;
    final double[] gradB;
    final double[] curvA;
    final double[] curvB;
    final double[] trialA;
    final double[] trialB;

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
      gradA = new double[ns];
      gradB = new double[nq];
      curvA = new double[ns];
      curvB = new double[nq];
      trialA = new double[ns];
      trialB = new double[nq];
    }

    Estimate run() {
      Estimate e = new Estimate(ix);
      double[] t = e.candProb;
      int maxK = 1;
      for (int q = 0; q < nq; q++) {
        maxK = Math.max(maxK, ix.candidateCount(q));
      }
      double[] scratch = new double[maxK];
      eStep(t, scratch);
      double[] next = new double[t.length];
      int it = 0;
      double change = Double.POSITIVE_INFINITY;
      while (it < maxIterations) {
        mStep(t);
        eStep(next, scratch);
        change = 0;
        for (int c = 0; c < t.length; c++) {
          change = Math.max(change, Math.abs(next[c] - t[c]));
        }
        System.arraycopy(next, 0, t, 0, t.length);
        it++;
        Progress.iteration(it, maxIterations);
        if (change < tolerance) {
          break;
        }
      }
      e.iterations = it;
      e.converged = change < tolerance;
      e.finalChange = change;
      fillSources(e);
      return e;
    }

    /** Log-likelihood of claim i given true candidate j, at ability a and inverse difficulty b. */
    double logLikelihood(int i, boolean right, double x, int q) {
      if (!ix.denies(i)) {
        return right ? logSigmoid(x) : logSigmoid(-x) - logWrong[q];
      }
      // Denial: one minus the probability of answering the denied value.
      return right ? logSigmoid(-x) : Math.log(Math.max(1e-300, 1 - sigmoid(-x) * wrongShare[q]));
    }

    void eStep(double[] out, double[] lp) {
      for (int q = 0; q < nq; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.candidateCount(q);
        Arrays.fill(lp, 0, k, 0.0);
        double beta = Math.exp(logBeta[q]);
        for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
          double w = ix.weight(i);
          if (w == 0) {
            continue;
          }
          double x = alpha[ix.claimSource[i]] * beta;
          double right = w * logLikelihood(i, true, x, q);
          double wrong = w * logLikelihood(i, false, x, q);
          int claimed = ix.claimCand[i] - cf;
          for (int j = 0; j < k; j++) {
            lp[j] += j == claimed ? right : wrong;
          }
        }
        DawidSkene.softmax(lp, k, out, cf);
      }
    }

    /** Expected complete-data log-posterior (up to constants) at (a, b). */
    double objective(double[] t, double[] a, double[] b) {
      double sum = 0;
      for (int q = 0; q < nq; q++) {
        int cf = ix.questionCandStart[q];
        double beta = Math.exp(b[q]);
        for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
          double w = ix.weight(i);
          if (w == 0) {
            continue;
          }
          double x = a[ix.claimSource[i]] * beta;
          double p = t[ix.claimCand[i]];
          sum += w * (p * logLikelihood(i, true, x, q) + (1 - p) * logLikelihood(i, false, x, q));
        }
        sum -= 0.5 * (b[q] - PRIOR_MEAN) * (b[q] - PRIOR_MEAN);
      }
      for (int s = 0; s < ns; s++) {
        sum -= 0.5 * (a[s] - PRIOR_MEAN) * (a[s] - PRIOR_MEAN);
      }
      return sum;
    }

    /** Gradient and Gauss–Newton curvature of the objective at (alpha, logBeta). */
    void gradient(double[] t) {
      for (int s = 0; s < ns; s++) {
        gradA[s] = -(alpha[s] - PRIOR_MEAN);
        curvA[s] = 1;
      }
      for (int q = 0; q < nq; q++) {
        gradB[q] = -(logBeta[q] - PRIOR_MEAN);
        curvB[q] = 1;
        double beta = Math.exp(logBeta[q]);
        for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
          double w = ix.weight(i);
          if (w == 0) {
            continue;
          }
          int s = ix.claimSource[i];
          double x = alpha[s] * beta;
          double sig = sigmoid(x);
          double p = t[ix.claimCand[i]];
          double dx;
          if (!ix.denies(i)) {
            dx = p - sig;
          } else {
            // d/dx log(1 - (1 - σ)/(K - 1)) = σ(1 - σ)/(K - 1) / (1 - (1 - σ)/(K - 1)).
            double wrongP = (1 - sig) * wrongShare[q];
            double dWrong = sig * (1 - sig) * wrongShare[q] / Math.max(1e-300, 1 - wrongP);
            dx = -p * sig + (1 - p) * dWrong;
          }
          double info = w * sig * (1 - sig);
          gradA[s] += w * dx * beta;
          curvA[s] += info * beta * beta;
          gradB[q] += w * dx * x;
          curvB[q] += info * x * x;
        }
      }
    }

    void mStep(double[] t) {
      double current = objective(t, alpha, logBeta);
      for (int step = 0; step < gradientSteps; step++) {
        gradient(t);
        double rate = learningRate;
        boolean moved = false;
        for (int halvings = 0; halvings < 40; halvings++) {
          for (int s = 0; s < ns; s++) {
            trialA[s] = alpha[s] + rate * gradA[s] / curvA[s];
          }
          for (int q = 0; q < nq; q++) {
            trialB[q] = logBeta[q] + rate * gradB[q] / curvB[q];
          }
          double value = objective(t, trialA, trialB);
          if (value >= current) {
            moved = value > current;
            current = value;
            System.arraycopy(trialA, 0, alpha, 0, ns);
            System.arraycopy(trialB, 0, logBeta, 0, nq);
            break;
          }
          rate /= 2;
        }
        if (!moved) {
          break;
        }
      }
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
