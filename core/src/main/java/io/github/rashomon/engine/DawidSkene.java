package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;

/**
 * Dawid–Skene: each source has a confusion matrix (the probability of each answer given each
 * true label), the labels have prior probabilities, and both are estimated by
 * expectation–maximisation together with the posterior of every question's true value.
 *
 * <p>A. P. Dawid and A. M. Skene, "Maximum Likelihood Estimation of Observer Error-Rates Using the
 * EM Algorithm", <i>Journal of the Royal Statistical Society, Series C (Applied Statistics)</i>
 * 28(1), 1979, pp. 20–28.
 *
 * <p><b>Labels.</b> The questions of one value type share one label set, the union of their
 * candidate values (as the questions of a crowdsourcing task share the labels "0", "1", …), and
 * each source has one confusion matrix over it. A question's true value is one of its own
 * candidates: the posterior of a question is spread over its candidates only.
 *
 * <p><b>Iteration.</b> As in Crowd-Kit ({@code crowdkit.aggregation.DawidSkene}, Ustalov et al.,
 * JOSS 2024), the posteriors start from majority-vote soft labels (each candidate's share of the
 * question's votes), from which the priors and confusion matrices are first estimated; then each
 * iteration is an E-step (posteriors from priors and matrices, computed in log space) followed by
 * an M-step (the prior of a label is its mean posterior; confusion cell {@code (j, v)} of a source
 * is the posterior mass of {@code j} over the source's answers {@code v}, divided by its row
 * total). Iteration stops when no posterior changes by more than {@link #tolerance()} (default
 * 1e-5) or after {@link #iterations()} E-steps (default 100, Crowd-Kit's {@code n_iter}).
 *
 * <p><b>Smoothing.</b> Like Crowd-Kit, every confusion cell a source was seen to use is floored at
 * 1e-10 before the rows are normalised, so no observed answer has probability 0 and no logarithm
 * is infinite; that floor is all the smoothing by default. {@link #withSmoothing(double)} adds a
 * pseudo-count to every cell of every row (additive, Laplace-style smoothing), which shrinks the
 * matrices of sources with few answers towards uniform rows. A row a source has no evidence for
 * (it never answered a question that had that label as a candidate) is uniform.
 *
 * <p><b>Denials and weights.</b> A claim denying value {@code v} has likelihood {@code 1 -
 * π[j][v]} given true label {@code j}; denials enter the E-step only, the matrices are estimated
 * from affirmations. A claim's weight multiplies its log-likelihood and its count.
 *
 * <p><b>Results.</b> A source's trust is the probability that it answers correctly under the
 * estimated label prior, {@code Σ_j prior[j] · π[j][j]} (averaged over value types by the share
 * of its claims in each). Its vote weight is the log-odds of its diagonal against an off-diagonal
 * cell, {@code log(t (K - 1) / (1 - t))} for trust {@code t} and {@code K} labels: the evidence
 * one of its answers adds for the answered label over any single other label under a symmetric
 * reading of its matrix. When every question has the same value type and there are at most
 * {@value #MAX_CONFUSION_LABELS} labels, each assessment carries the source's confusion matrix.
 *
 * <p><b>Threads.</b> {@link #withThreads(int)} splits each iteration over threads without
 * changing a single bit of the result (see there).
 *
 * @implNote With few labels (sources × labels² cells at most the larger of 2²² and half the
 *     claims) the confusion matrices are dense and each iteration is one pass over the claims,
 *     the E-step of a question followed at once by its share of the next M-step's counts: O(Σ
 *     claims(q) · candidates(q)) time, O(sources · labels²) memory per stripe of questions. With
 *     two labels the posterior is the prior odds times one likelihood ratio per answer (log space
 *     only when that product leaves [1e-290, 1e290]). Larger label sets use sparse matrices: one
 *     int per (claim, candidate) pair plus O(cells) for the cells sources actually use, on one
 *     thread.
 * @since 0.1
 */
public final class DawidSkene extends AbstractReconciler {
  /** The largest label set for which assessments carry a dense confusion matrix. */
  public static final int MAX_CONFUSION_LABELS = 64;

  /** Crowd-Kit's floor ({@code _EPS}) for the count of an observed confusion cell. */
  static final double FLOOR = 1e-10;

  private static final DawidSkene DEFAULTS =
      new DawidSkene(100, 1e-5, 0, Parallel.ALL_PROCESSORS);

  private final double smoothing;
  private final int threads;

  private DawidSkene(int iterations, double tolerance, double smoothing, int threads) {
    super(iterations, tolerance);
    this.threads = Parallel.checkThreads("dawid-skene", threads);
    checkArgument(
        smoothing >= 0 && Double.isFinite(smoothing),
        "dawid-skene: smoothing must be finite and >= 0, got %s",
        smoothing);
    this.smoothing = smoothing;
  }

  /**
   * Dawid–Skene with Crowd-Kit's defaults: at most 100 iterations, tolerance 1e-5, no additive
   * smoothing.
   *
   * @return the algorithm
   */
  public static DawidSkene withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns this algorithm with another iteration limit.
   *
   * @param iterations the largest number of EM iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public DawidSkene withIterations(int iterations) {
    return new DawidSkene(iterations, tolerance, smoothing, threads);
  }

  /**
   * Returns this algorithm with another tolerance.
   *
   * @param tolerance the largest change of any posterior at which the iteration stops, finite and
   *     at least 0
   * @return the algorithm
   * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
   */
  public DawidSkene withTolerance(double tolerance) {
    return new DawidSkene(maxIterations, tolerance, smoothing, threads);
  }

  /**
   * Returns this algorithm with additive smoothing of the confusion matrices.
   *
   * @param pseudoCount the count added to every cell of every confusion-matrix row, finite and at
   *     least 0 (0, the default, leaves only the 1e-10 floor of observed cells)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code pseudoCount} is negative or not finite
   */
  public DawidSkene withSmoothing(double pseudoCount) {
    return new DawidSkene(maxIterations, tolerance, pseudoCount, threads);
  }

  /**
   * Returns Dawid–Skene run on {@code n} threads. The questions are split into the same stripes
   * whatever the thread count and the confusion counts are reduced in stripe order, so the result
   * is identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public DawidSkene withThreads(int n) {
    return new DawidSkene(maxIterations, tolerance, smoothing, n);
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
   * The pseudo-count added to every confusion cell.
   *
   * @return the smoothing, 0 by default
   */
  public double smoothing() {
    return smoothing;
  }

  /**
   * {@code "dawid-skene"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "dawid-skene";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("smoothing", Double.toString(smoothing));
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    return estimate(index, null);
  }

  /**
   * From a warm start, questions the earlier result knows start from its posteriors instead of
   * majority-vote shares (dense matrices only; the sparse representation starts cold).
   */
  @Override
  Estimate estimate(ClaimIndex index, WarmStart start) {
    LabelSpace labels = LabelSpace.of(index);
    long l = Math.max(1, labels.labelValue.length);
    long cells = index.sourceCount() * l * l;
    if (labels.labelValue.length > 0 && cells <= Math.max(DENSE_CELLS, index.claimCount() / 2L)) {
      return new DenseRun(index, labels, (int) l, start).run();
    }
    return new SparseRun(index, labels).run();
  }

  /** Dense matrices up to this many cells whatever the claim count (32 MiB per array). */
  private static final long DENSE_CELLS = 1 << 22;

  /** Runs with at most this many confusion cells leave their sums for a warm start. */
  private static final long STATE_CELLS = 1 << 20;

  /**
   * What a dense run leaves in its estimate for a warm start: the sums of its last M-step (from
   * the final posteriors, before flooring and smoothing), and how many claim-candidate pairs use
   * each cell, over its label space. A warm start takes them over instead of summing the known
   * questions again.
   */
  static final class State {
    final io.github.rashomon.model.Value[] labels;
    final int[] groupStart;
    /** Cell (s, j, v) at {@code (s L + j) L + v}: the posterior mass of j over s's answers v. */
    final double[] count;
    /** Per label: the sum of its posteriors over the questions with claims. */
    final double[] prior;
    final int[] observed;
    /** The number of questions with claims. */
    final int questions;

    State(
        io.github.rashomon.model.Value[] labels,
        int[] groupStart,
        double[] count,
        double[] prior,
        int[] observed,
        int questions) {
      this.labels = labels;
      this.groupStart = groupStart;
      this.count = count;
      this.prior = prior;
      this.observed = observed;
      this.questions = questions;
    }
  }

  /** What both representations of the confusion matrices share: the results. */
  private abstract class Model {
    final ClaimIndex ix;
    final LabelSpace labels;
    final int nq;
    double[] prior;

    Model(ClaimIndex ix, LabelSpace labels) {
      this.ix = ix;
      this.labels = labels;
      this.nq = ix.questionCount();
    }

    /** π_s[j][v], with uniform rows where the source has no evidence. */
    abstract double probability(int s, int j, int v, int width);

    int maxCandidates() {
      if (ix.sharedLabels != null) {
        return Math.max(1, ix.sharedLabels.length);
      }
      int m = 1;
      for (int q = 0; q < nq; q++) {
        m = Math.max(m, ix.candidateCount(q));
      }
      return m;
    }

    /** Fills trust, vote weights and, where small enough, the confusion matrices. */
    void fillSources(Estimate e) {
      fillSources(e, null);
    }

    /**
     * {@link #fillSources(Estimate)} with the sources' claim counts, if already counted (null:
     * count them here).
     */
    void fillSources(Estimate e, int[] claimCounts) {
      int ns = ix.sourceCount();
      int groups = labels.groupCount();
      double[][] claimsIn = new double[ns][groups];
      if (groups == 1) {
        // One flat loop when every question is in the same group.
        int[] claims = claimCounts != null ? claimCounts : FactFinding.claimCounts(ix);
        for (int s = 0; s < ns; s++) {
          claimsIn[s][0] = claims[s];
        }
      } else {
        for (int q = 0; q < nq; q++) {
          for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
            claimsIn[ix.claimSource[i]][labels.questionGroup[q]] += 1;
          }
        }
      }
      for (int s = 0; s < ns; s++) {
        double total = 0;
        double trust = 0;
        int widest = 1;
        double most = -1;
        for (int g = 0; g < groups; g++) {
          if (claimsIn[s][g] == 0) {
            continue;
          }
          double accuracy = 0;
          for (int l = labels.groupStart[g]; l < labels.groupStart[g + 1]; l++) {
            accuracy += prior[l] * probability(s, l, l, labels.groupStart[g + 1] - labels.groupStart[g]);
          }
          trust += claimsIn[s][g] * accuracy;
          total += claimsIn[s][g];
          if (claimsIn[s][g] > most) {
            most = claimsIn[s][g];
            widest = labels.groupStart[g + 1] - labels.groupStart[g];
          }
        }
        double t = total > 0 ? Math.min(1, Math.max(0, trust / total)) : 0.5;
        e.trust[s] = t;
        e.voteWeight[s] = logOdds(t, widest);
      }
      if (groups == 1 && labels.labelValue.length <= MAX_CONFUSION_LABELS) {
        int k = labels.labelValue.length;
        ImmutableList.Builder<String> names = ImmutableList.builder();
        for (int l = 0; l < k; l++) {
          names.add(labels.labelValue[l].canonical());
        }
        ImmutableList<String> labelNames = names.build();
        e.confusion = new ConfusionMatrix[ns];
        double[] cells = new double[k * k];
        for (int s = 0; s < ns; s++) {
          for (int j = 0; j < k; j++) {
            for (int v = 0; v < k; v++) {
              cells[j * k + v] = probability(s, j, v, k);
            }
          }
          e.confusion[s] = new ConfusionMatrix(labelNames, cells);
        }
      }
    }
  }

  /**
   * One EM run over dense confusion matrices, cell (s, j, v) at {@code (s L + j) L + v} for L
   * labels: the common case of few labels. Each iteration is one pass over the claims, stripe by
   * stripe: the E-step of a question immediately followed by its share of the next M-step's
   * counts, kept per stripe and reduced in stripe order.
   */
  private final class DenseRun extends Model {
    final int nl;
    final int ns;
    /** Label of candidate c of a question whose candidates start at cf: map[c - off(cf)]. */
    final int[] map;
    final boolean uniform;
    /** Per label: its group's labels are [groupFrom[l], groupTo[l]). */
    final int[] groupFrom;
    final int[] groupTo;
    final int[] labelGroup;
    /** Per group: the questions with claims, the denominator of the prior. */
    final int[] groupQuestions;
    final boolean[] observed;
    final double[] count;
    final double[] rowTotal;
    final double[] logPi;
    final double[] logNotPi;
    final double[] logPrior;
    /**
     * With two labels: per (source, answered label), π[s][0][v] / π[s][1][v], the likelihood
     * ratio one answer contributes to a question's odds; else null.
     */
    final double[] ratio;
    final boolean plain;
    final WarmStart start;
    /**
     * Whether the run leaves its sums for a warm start ({@link State}): when the cells are few
     * enough to count their observations per stripe.
     */
    final boolean keepState;
    /** The last M-step's counts before flooring and smoothing, and its prior sums. */
    final double[] rawCount;
    final double[] rawPrior;
    /** Per cell: how many (affirmation, candidate) pairs use it; null without keepState. */
    int[] observedCount;
    /** Every source at weight 1, for majority-vote starts. */
    final double[] ones;

    DenseRun(ClaimIndex ix, LabelSpace labels, int nl, WarmStart start) {
      super(ix, labels);
      this.start = start;
      this.nl = nl;
      this.ns = ix.sourceCount();
      this.uniform = labels.uniformLabel != null;
      this.map = uniform ? labels.uniformLabel : labels.candLabel();
      groupFrom = new int[nl];
      groupTo = new int[nl];
      labelGroup = new int[nl];
      for (int g = 0; g < labels.groupCount(); g++) {
        for (int l = labels.groupStart[g]; l < labels.groupStart[g + 1]; l++) {
          labelGroup[l] = g;
          groupFrom[l] = labels.groupStart[g];
          groupTo[l] = labels.groupStart[g + 1];
        }
      }
      groupQuestions = new int[labels.groupCount()];
      for (int q = 0; q < nq; q++) {
        if (ix.questionClaimStart[q] < ix.questionClaimStart[q + 1]) {
          groupQuestions[labels.questionGroup[q]]++;
        }
      }
      int cells = ns * nl * nl;
      observed = new boolean[cells];
      count = new double[cells];
      rowTotal = new double[ns * nl];
      logPi = new double[cells];
      logNotPi = new double[cells];
      prior = new double[nl];
      logPrior = new double[nl];
      ratio = nl == 2 ? new double[ns * 2] : null;
      plain = ix.claimWeight == null && ix.claimDenies == null;
      keepState = cells <= STATE_CELLS;
      ones = new double[ns];
      Arrays.fill(ones, 1.0);
      rawCount = keepState ? new double[cells] : null;
      rawPrior = keepState ? new double[nl] : null;
    }

    Estimate run() {
      State state = start == null ? null : compatible(start.previous.estimate().resume);
      // A warm start from carried sums takes over the earlier posteriors the matching copied.
      Estimate e = state != null ? new Estimate(ix, start.candProb) : new Estimate(ix);
      double[] t = e.candProb;
      int cells = count.length;
      try (Sweep sweep = Sweep.open(ix, threads, (long) cells + nl)) {
        double[][] partCount = sweep.partials(cells);
        double[][] partPrior = sweep.partials(nl);
        int maxK = maxCandidates();
        if (state != null) {
          warm(sweep, t, maxK, e, partCount, partPrior, state);
          fillSources(e, claimCounts(sweep));
          return e;
        }
        int[][] partObserved = keepState ? new int[sweep.count()][cells] : null;
        // Majority-vote soft labels (or a warm start's posteriors), then the first M-step.
        sweep.forEach(
            (p, from, to) -> {
              Arrays.fill(partCount[p], 0);
              Arrays.fill(partPrior[p], 0);
              int[] obs = partObserved == null ? null : partObserved[p];
              for (int q = from; q < to; q++) {
                if (!start(q, t, partCount[p], partPrior[p], obs)) {
                  boolean known = start != null && start.known[q];
                  startQuestion(q, t, known);
                  markObserved(q, obs, 1);
                  if (start == null || known) {
                    accumulate(q, t, partCount[p], partPrior[p]);
                  }
                }
              }
            });
        if (partObserved != null) {
          observedCount = new int[cells];
          for (int[] part : partObserved) {
            for (int c = 0; c < cells; c++) {
              observedCount[c] += part[c];
            }
          }
        }
        finishM(partCount, partPrior);
        if (start != null) {
          warm(sweep, t, maxK, e, partCount, partPrior);
          fillSources(e, claimCounts(sweep));
          return e;
        }
        double[] partChange = new double[sweep.count()];
        int it = 0;
        double change = Double.POSITIVE_INFINITY;
        while (it < maxIterations) {
          sweep.forEach(
              (p, from, to) -> {
                partChange[p] = pass(from, to, t, partCount[p], partPrior[p], new double[2 * maxK]);
              });
          change = 0;
          for (double c : partChange) {
            change = Math.max(change, c);
          }
          it++;
          finishM(partCount, partPrior);
          if (change < tolerance) {
            break;
          }
        }
        e.iterations = it;
        e.converged = change < tolerance;
        e.finalChange = change;
        fillSources(e, claimCounts(sweep));
      }
      e.resume = state();
      return e;
    }

    /** The posterior a question starts from: the earlier one if known, else its vote shares. */
    void startQuestion(int q, double[] t, boolean known) {
      int cf = ix.questionCandStart[q];
      int ct = ix.questionCandStart[q + 1];
      if (known) {
        System.arraycopy(start.candProb, cf, t, cf, ct - cf);
        return;
      }
      for (int c = cf; c < ct; c++) {
        t[c] = 0;
      }
      Votes.tallyQuestion(ix, q, ones, t);
      Votes.normaliseQuestion(ix, q, t);
    }

    /**
     * Per source, the number of claims. When every question has every label as a candidate and
     * claims are plain affirmations, each claim adds one observation to exactly one cell of its
     * source's first row, so the observation counts already hold them; else they are counted.
     */
    int[] claimCounts(Sweep sweep) {
      if (observedCount == null || !plain || ix.sharedLabels == null
          || ix.sharedLabels.length != nl) {
        return sweep.claimCounts();
      }
      int[] n = new int[ns];
      int ll = nl * nl;
      for (int s = 0; s < ns; s++) {
        for (int v = 0; v < nl; v++) {
          n[s] += observedCount[s * ll + v];
        }
      }
      return n;
    }

    /** What this run leaves for a warm start, or null. */
    State state() {
      if (!keepState || observedCount == null) {
        return null;
      }
      int questions = 0;
      for (int g : groupQuestions) {
        questions += g;
      }
      return new State(labels.labelValue.clone(), labels.groupStart.clone(), rawCount.clone(),
          rawPrior.clone(), observedCount, questions);
    }

    /** The carried sums if they are over the same label space as this run's, else null. */
    State compatible(Object resume) {
      if (!(resume instanceof State) || !keepState) {
        return null;
      }
      State st = (State) resume;
      boolean same = Arrays.equals(st.labels, labels.labelValue)
          && Arrays.equals(st.groupStart, labels.groupStart);
      return same ? st : null;
    }

    /**
     * A warm start from the sums the earlier run left ({@link State}), as incremental EM (R. M.
     * Neal and G. E. Hinton, "A View of the EM Algorithm that Justifies Incremental, Sparse, and
     * Other Variants", in Learning in Graphical Models, 1998). The earlier M-step's sums, less
     * the shares of the earlier questions that are gone or changed, are the known questions'
     * shares; E- and M-steps then alternate over the new or changed questions alone until their
     * posteriors settle; then one full EM iteration over every question (E-step and M-step)
     * brings all posteriors and the model to the final state. Only that last iteration reads
     * every claim.
     */
    void warm(
        Sweep sweep, double[] t, int maxK, Estimate e, double[][] partCount,
        double[][] partPrior, State st) {
      int cells = count.length;
      int ll = nl * nl;
      double[] base = new double[cells];
      double[] basePrior = st.prior.clone();
      int[] obs = new int[cells];
      int oldNs = st.count.length / ll;
      int[] oldToNew = new int[oldNs];
      Arrays.fill(oldToNew, -1);
      for (int s = 0; s < ns; s++) {
        int o = start.sourceMap[s];
        if (o >= 0 && o < oldNs) {
          oldToNew[o] = s;
          System.arraycopy(st.count, o * ll, base, s * ll, ll);
          System.arraycopy(st.observed, o * ll, obs, s * ll, ll);
        }
      }
      int[] fresh = start.fresh;
      int nf = fresh.length;
      // Known questions have claims; when they are as many as the earlier questions with claims,
      // claims were only added and nothing earlier is to be taken away.
      if (nq - nf != st.questions) {
        subtractChanged(base, basePrior, obs, oldToNew);
      }
      for (int f = 0; f < nf; f++) {
        startQuestion(fresh[f], t, false);
        markObserved(fresh[f], obs, 1);
      }
      observedCount = obs;
      for (int c = 0; c < cells; c++) {
        observed[c] = obs[c] > 0;
        if (!observed[c]) {
          base[c] = 0; // no claim uses the cell: its sum is exactly 0, whatever was subtracted
        }
      }
      for (int l = 0; l < nl; l++) {
        basePrior[l] = Math.max(0, basePrior[l]);
      }
      iterateFresh(sweep, t, maxK, e, partCount, partPrior, fresh, nf, base, basePrior);
    }

    /**
     * E- and M-steps over the fresh questions alone, each M-step from the known questions' sums
     * ({@code base}, {@code basePrior}) plus the fresh ones', until the fresh posteriors settle;
     * then one full EM iteration ({@link #finalIteration}).
     */
    void iterateFresh(
        Sweep sweep, double[] t, int maxK, Estimate e, double[][] partCount,
        double[][] partPrior, int[] fresh, int nf, double[] base, double[] basePrior) {
      double[][] cnt = {new double[base.length]};
      double[][] pri = {new double[nl]};
      double[] lp = new double[2 * maxK];
      // The new questions' majority-vote shares enter the first model too: from the known
      // questions' counts alone, a result that shares no question would start from an empty
      // model, whose E-step erases the votes and settles on uniform posteriors.
      System.arraycopy(base, 0, cnt[0], 0, base.length);
      System.arraycopy(basePrior, 0, pri[0], 0, nl);
      for (int f = 0; f < nf; f++) {
        accumulate(fresh[f], t, cnt[0], pri[0]);
      }
      finishM(cnt, pri);
      int it = 0;
      double change = Double.POSITIVE_INFINITY;
      while (it < maxIterations && change >= tolerance) {
        System.arraycopy(base, 0, cnt[0], 0, base.length);
        System.arraycopy(basePrior, 0, pri[0], 0, nl);
        change = 0;
        for (int f = 0; f < nf; f++) {
          change = Math.max(change, eStepAny(fresh[f], t, lp));
          accumulate(fresh[f], t, cnt[0], pri[0]);
        }
        finishM(cnt, pri);
        it++;
      }
      e.converged = change < tolerance;
      finalIteration(sweep, t, maxK, e, partCount, partPrior, it);
    }

    /**
     * After {@code it} incremental iterations, one full EM iteration: every posterior under the
     * final model, and the model (and the sums left for the next warm start) from them.
     */
    void finalIteration(
        Sweep sweep, double[] t, int maxK, Estimate e, double[][] partCount,
        double[][] partPrior, int it) {
      double[] partChange = new double[sweep.count()];
      sweep.forEach(
          (p, from, to) ->
              partChange[p] = pass(from, to, t, partCount[p], partPrior[p], new double[2 * maxK]));
      finishM(partCount, partPrior);
      double refresh = 0;
      for (double c : partChange) {
        refresh = Math.max(refresh, c);
      }
      e.iterations = it + 1;
      e.finalChange = refresh;
      e.resume = state();
    }

    /**
     * Takes from the carried sums the shares of the earlier questions that no question of this
     * index continues unchanged: their earlier posteriors over their earlier claims.
     */
    void subtractChanged(double[] base, double[] basePrior, int[] obs, int[] oldToNew) {
      ClaimIndex old = start.previous.index();
      double[] oldProb = start.previous.estimate().candProb;
      java.util.Map<io.github.rashomon.model.Value, Integer> label = new java.util.HashMap<>();
      for (int l = 0; l < labels.labelValue.length; l++) {
        label.put(labels.labelValue[l], l);
      }
      int ll = nl * nl;
      int[] lab = new int[1];
      for (int o = 0; o < old.questionCount(); o++) {
        int cs = old.questionClaimStart[o];
        int ce = old.questionClaimStart[o + 1];
        if (start.oldKnown[o] || cs == ce) {
          continue;
        }
        int cf = old.questionCandStart[o];
        int k = old.questionCandStart[o + 1] - cf;
        if (lab.length < k) {
          lab = new int[k];
        }
        for (int j = 0; j < k; j++) {
          lab[j] = label.get(old.candValue[cf + j]);
          basePrior[lab[j]] -= oldProb[cf + j];
        }
        for (int i = cs; i < ce; i++) {
          int s = oldToNew[old.claimSource[i]];
          if (s < 0 || old.denies(i)) {
            continue;
          }
          double w = old.weight(i);
          int cell = s * ll + lab[old.claimCand[i] - cf];
          for (int j = 0; j < k; j++) {
            base[cell + lab[j] * nl] -= w * oldProb[cf + j];
            obs[cell + lab[j] * nl]--;
          }
        }
      }
    }

    /**
     * A warm start as incremental EM (R. M. Neal and G. E. Hinton, "A View of the EM Algorithm
     * that Justifies Incremental, Sparse, and Other Variants", in Learning in Graphical Models,
     * 1998): the questions the earlier result knows keep its posteriors, whose counts are already
     * in {@link #count}; E- and M-steps alternate over the new or changed questions alone until
     * their posteriors settle; then one full EM iteration brings all posteriors and the model to
     * the final state. Used when the earlier result left no sums ({@link State}) to start from.
     */
    void warm(
        Sweep sweep, double[] t, int maxK, Estimate e, double[][] partCount,
        double[][] partPrior) {
      int[] fresh = start.fresh;
      int nf = fresh.length;
      // The stripes still hold the known questions' raw counts from the first M-step.
      double[] knownCount = new double[count.length];
      double[] knownPrior = new double[nl];
      Sweep.reduce(partCount, knownCount);
      Sweep.reduce(partPrior, knownPrior);
      iterateFresh(sweep, t, maxK, e, partCount, partPrior, fresh, nf, knownCount, knownPrior);
    }

    /**
     * Marks the cells question q's affirmations use (only those are floored, as in Crowd-Kit),
     * and adds {@code by} to their counts in {@code obs} unless it is null.
     */
    void markObserved(int q, int[] obs, int by) {
      int cf = ix.questionCandStart[q];
      int off = uniform ? cf : 0;
      int k = ix.questionCandStart[q + 1] - cf;
      for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
        if (!ix.denies(i)) {
          int base = ix.claimSource[i] * nl * nl + map[ix.claimCand[i] - off];
          for (int j = 0; j < k; j++) {
            int c = base + map[cf + j - off] * nl;
            // Racy writes of the same value: every thread only ever writes true.
            observed[c] = true;
            if (obs != null) {
              obs[c] += by;
            }
          }
        }
      }
    }

    /**
     * The cold start of a two-label question of unweighted affirmations in one loop: its
     * majority-vote shares, its observed cells and its first counts, exactly as the general
     * steps would compute them. Returns false, doing nothing, for any other question.
     */
    boolean start(int q, double[] t, double[] cnt, double[] pri, int[] obs) {
      int cf = ix.questionCandStart[q];
      if (!twoLabels(q, cf)) {
        return false;
      }
      int cs = ix.questionClaimStart[q];
      int ce = ix.questionClaimStart[q + 1];
      int[] src = ix.claimSource;
      int[] cand = ix.claimCand;
      boolean known = start != null && start.known[q];
      if (cs == ce) {
        t[cf] = 0.5;
        t[cf + 1] = 0.5;
        return true;
      }
      double p0;
      double p1;
      if (known) {
        p0 = start.candProb[cf];
        p1 = start.candProb[cf + 1];
      } else {
        int second = 0;
        for (int i = cs; i < ce; i++) {
          second += cand[i] - cf;
        }
        double n = ce - cs;
        p0 = (ce - cs - second) / n;
        p1 = second / n;
      }
      t[cf] = p0;
      t[cf + 1] = p1;
      // A warm start counts only the questions it knows.
      boolean count = start == null || known;
      if (count) {
        pri[0] += p0;
        pri[1] += p1;
      }
      for (int i = cs; i < ce; i++) {
        int base = src[i] * 4 + cand[i] - cf;
        observed[base] = true;
        observed[base + 2] = true;
        if (obs != null) {
          obs[base]++;
          obs[base + 2]++;
        }
        if (count) {
          cnt[base] += p0;
          cnt[base + 2] += p1;
        }
      }
      return true;
    }

    /** Whether question q (candidates from cf) is two-label, unweighted and affirmations only. */
    boolean twoLabels(int q, int cf) {
      int off = uniform ? cf : 0;
      return ratio != null && plain && ix.questionCandStart[q + 1] - cf == 2
          && map[cf - off] == 0 && map[cf + 1 - off] == 1;
    }

    /** The E-step of question q, by odds where that applies; returns the largest change. */
    double eStepAny(int q, double[] t, double[] lp) {
      int cf = ix.questionCandStart[q];
      if (twoLabels(q, cf)) {
        int[] src = ix.claimSource;
        int[] cand = ix.claimCand;
        double odds = priorOdds;
        for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
          odds *= ratio[src[i] * 2 + cand[i] - cf];
        }
        if (odds > TINY && odds < HUGE) {
          double p1 = 1 / (1 + odds);
          double p0 = odds * p1;
          double change = Math.max(Math.abs(p0 - t[cf]), Math.abs(p1 - t[cf + 1]));
          t[cf] = p0;
          t[cf + 1] = p1;
          return change;
        }
      }
      return eStep(q, t, lp);
    }

    /** Adds question q's posterior to the prior and confusion counts of a stripe. */
    void accumulate(int q, double[] t, double[] cnt, double[] pri) {
      int cf = ix.questionCandStart[q];
      int off = uniform ? cf : 0;
      int k = ix.questionCandStart[q + 1] - cf;
      int cs = ix.questionClaimStart[q];
      int ce = ix.questionClaimStart[q + 1];
      if (cs == ce) {
        return;
      }
      for (int j = 0; j < k; j++) {
        pri[map[cf + j - off]] += t[cf + j];
      }
      int ll = nl * nl;
      for (int i = cs; i < ce; i++) {
        if (ix.denies(i)) {
          continue;
        }
        double w = ix.weight(i);
        int base = ix.claimSource[i] * ll + map[ix.claimCand[i] - off];
        for (int j = 0; j < k; j++) {
          cnt[base + map[cf + j - off] * nl] += w * t[cf + j];
        }
      }
    }

    /**
     * The E-step of questions [from, to) followed by their M-step counts; returns the largest
     * change of a posterior.
     */
    double pass(int from, int to, double[] t, double[] cnt, double[] pri, double[] lp) {
      Arrays.fill(cnt, 0);
      Arrays.fill(pri, 0);
      double change = 0;
      int[] src = ix.claimSource;
      int[] cand = ix.claimCand;
      int[] claimStart = ix.questionClaimStart;
      int[] candStart = ix.questionCandStart;
      int ll = nl * nl;
      for (int q = from; q < to; q++) {
        int cf = candStart[q];
        int off = uniform ? cf : 0;
        int k = candStart[q + 1] - cf;
        int cs = claimStart[q];
        int ce = claimStart[q + 1];
        if (k == 2 && plain && ratio != null && map[cf - off] == 0 && map[cf + 1 - off] == 1) {
          // Two labels, unweighted affirmations, the common crowd case: the posterior odds are
          // the prior odds times one likelihood ratio per answer, no logarithm or exponential.
          // The label of an answer is its candidate's position in the question (0 or 1).
          int lab = cf;
          double even = 1;
          double odd = 1;
          int i = cs;
          for (; i + 1 < ce; i += 2) {
            // Two products halve the chain of dependent multiplications.
            even *= ratio[src[i] * 2 + cand[i] - lab];
            odd *= ratio[src[i + 1] * 2 + cand[i + 1] - lab];
          }
          if (i < ce) {
            even *= ratio[src[i] * 2 + cand[i] - lab];
          }
          double odds = priorOdds * even * odd;
          double p0;
          double p1;
          if (odds > TINY && odds < HUGE) {
            p1 = 1 / (1 + odds);
            p0 = odds * p1;
          } else {
            // The product left the safe range: the same posterior in log space.
            change = Math.max(change, eStep(q, t, lp));
            accumulate(q, t, cnt, pri);
            continue;
          }
          change = Math.max(change, Math.max(Math.abs(p0 - t[cf]), Math.abs(p1 - t[cf + 1])));
          t[cf] = p0;
          t[cf + 1] = p1;
          if (cs == ce) {
            continue;
          }
          pri[0] += p0;
          pri[1] += p1;
          for (int j = cs; j < ce; j++) {
            // Cells (s, 0, v) and (s, 1, v) are s * 4 + v and s * 4 + 2 + v.
            int base = src[j] * 4 + cand[j] - lab;
            cnt[base] += p0;
            cnt[base + 2] += p1;
          }
          continue;
        }
        change = Math.max(change, eStep(q, t, lp));
        accumulate(q, t, cnt, pri);
      }
      return change;
    }

    /** Odds products outside [TINY, HUGE] are redone in log space. */
    static final double TINY = 1e-290;

    static final double HUGE = 1e290;

    /** prior[0] / prior[1] with two labels. */
    double priorOdds;

    /** The E-step of question q, any shape; returns the largest change of its posterior. */
    double eStep(int q, double[] t, double[] lp) {
      int cf = ix.questionCandStart[q];
      int off = uniform ? cf : 0;
      int k = ix.questionCandStart[q + 1] - cf;
      int ll = nl * nl;
      for (int j = 0; j < k; j++) {
        lp[j] = logPrior[map[cf + j - off]];
      }
      for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
        double w = ix.weight(i);
        if (w == 0) {
          continue;
        }
        double[] table = ix.denies(i) ? logNotPi : logPi;
        int base = ix.claimSource[i] * ll + map[ix.claimCand[i] - off];
        for (int j = 0; j < k; j++) {
          lp[j] += w * table[base + map[cf + j - off] * nl];
        }
      }
      // lp holds the log-likelihoods in [0, k) and the posterior in [half, half + k).
      int half = lp.length / 2;
      softmax(lp, k, lp, half);
      double change = 0;
      for (int j = 0; j < k; j++) {
        change = Math.max(change, Math.abs(lp[half + j] - t[cf + j]));
        t[cf + j] = lp[half + j];
      }
      return change;
    }

    /** Reduces the stripes' counts, then the prior and the matrices' logarithms. */
    void finishM(double[][] partCount, double[][] partPrior) {
      Sweep.reduce(partCount, count);
      Sweep.reduce(partPrior, prior);
      if (keepState) {
        System.arraycopy(count, 0, rawCount, 0, count.length);
        System.arraycopy(prior, 0, rawPrior, 0, nl);
      }
      for (int l = 0; l < nl; l++) {
        int g = labelGroup[l];
        prior[l] = groupQuestions[g] > 0 ? prior[l] / groupQuestions[g] : 0;
        logPrior[l] = Math.log(prior[l]);
      }
      if (ratio != null) {
        priorOdds = prior[0] / prior[1];
      }
      for (int s = 0; s < ns; s++) {
        for (int j = 0; j < nl; j++) {
          int row = s * nl + j;
          int first = row * nl;
          double total = 0;
          for (int v = groupFrom[j]; v < groupTo[j]; v++) {
            int c = first + v;
            count[c] = (observed[c] ? Math.max(count[c], FLOOR) : count[c]) + smoothing;
            total += count[c];
          }
          rowTotal[row] = total;
          int width = groupTo[j] - groupFrom[j];
          for (int v = groupFrom[j]; v < groupTo[j]; v++) {
            int c = first + v;
            double pi = total > 0 ? count[c] / total : 1.0 / width;
            logPi[c] = Math.log(pi);
            logNotPi[c] = Math.log(Math.max(FLOOR, 1 - pi));
          }
        }
        if (ratio != null) {
          for (int v = 0; v < 2; v++) {
            ratio[s * 2 + v] = Math.exp(logPi[s * 4 + v] - logPi[s * 4 + 2 + v]);
          }
        }
      }
    }

    @Override
    double probability(int s, int j, int v, int width) {
      int row = s * nl + j;
      return rowTotal[row] > 0 ? count[row * nl + v] / rowTotal[row] : 1.0 / width;
    }
  }

  /**
   * One EM run over sparse confusion matrices: a cell for each (source, true label, answered
   * label) some claim can use, for label sets too large for dense matrices.
   */
  private final class SparseRun extends Model {
    /** Pairs of claim i of question q: pairBase[q] + (i - claimStart) * k + (c - candStart). */
    final int[] pairBase;
    /** (claim, candidate) pair -> confusion cell (source, candidate's label, claimed label). */
    final int[] pairCell;
    /** Sorted keys of the cells: (source * L + true label) * L + answered label. */
    final long[] cellKey;
    final int[] cellRow;
    /** Whether some affirmation uses the cell (only those are floored, as in Crowd-Kit). */
    final boolean[] cellObserved;
    final int[] rowFirstCell;
    /** Per row: the number of labels in its group. */
    final int[] rowWidth;
    final long labelCount;

    final double[] count;
    final double[] rowTotal;
    final double[] logPi;
    final double[] logNotPi;

    SparseRun(ClaimIndex ix, LabelSpace labels) {
      super(ix, labels);
      this.labelCount = Math.max(1, labels.labelValue.length);
      pairBase = new int[nq + 1];
      for (int q = 0; q < nq; q++) {
        long pairs =
            (long) (ix.questionClaimStart[q + 1] - ix.questionClaimStart[q]) * ix.candidateCount(q);
        long next = pairBase[q] + pairs;
        checkArgument(
            next <= Integer.MAX_VALUE - 8,
            "dawid-skene: more than %s (claim, candidate) pairs",
            Integer.MAX_VALUE - 8);
        pairBase[q + 1] = (int) next;
      }
      int np = pairBase[nq];
      long[] pairKey = new long[np];
      for (int q = 0; q < nq; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.candidateCount(q);
        int cs = ix.questionClaimStart[q];
        for (int i = cs; i < ix.questionClaimStart[q + 1]; i++) {
          long answered = labels.candLabel()[ix.claimCand[i]];
          int p = pairBase[q] + (i - cs) * k;
          for (int j = 0; j < k; j++) {
            pairKey[p + j] = key(ix.claimSource[i], labels.candLabel()[cf + j], answered);
          }
        }
      }
      long[] sorted = pairKey.clone();
      Arrays.sort(sorted);
      int cells = 0;
      for (int p = 0; p < np; p++) {
        if (p == 0 || sorted[p] != sorted[p - 1]) {
          sorted[cells++] = sorted[p];
        }
      }
      cellKey = Arrays.copyOf(sorted, cells);
      pairCell = new int[np];
      for (int p = 0; p < np; p++) {
        pairCell[p] = Arrays.binarySearch(cellKey, pairKey[p]);
      }
      cellObserved = new boolean[cells];
      for (int q = 0; q < nq; q++) {
        int k = ix.candidateCount(q);
        int cs = ix.questionClaimStart[q];
        for (int i = cs; i < ix.questionClaimStart[q + 1]; i++) {
          if (!ix.denies(i)) {
            int p = pairBase[q] + (i - cs) * k;
            for (int j = 0; j < k; j++) {
              cellObserved[pairCell[p + j]] = true;
            }
          }
        }
      }
      // Cells of one (source, true label) row are contiguous in key order.
      cellRow = new int[cells];
      int rows = 0;
      for (int c = 0; c < cells; c++) {
        if (c == 0 || cellKey[c] / labelCount != cellKey[c - 1] / labelCount) {
          rows++;
        }
        cellRow[c] = rows - 1;
      }
      rowFirstCell = new int[rows + 1];
      rowWidth = new int[rows];
      for (int c = cells - 1; c >= 0; c--) {
        rowFirstCell[cellRow[c]] = c;
      }
      rowFirstCell[rows] = cells;
      int[] labelWidth = new int[(int) labelCount];
      for (int g = 0; g < labels.groupCount(); g++) {
        for (int l = labels.groupStart[g]; l < labels.groupStart[g + 1]; l++) {
          labelWidth[l] = labels.groupStart[g + 1] - labels.groupStart[g];
        }
      }
      for (int r = 0; r < rows; r++) {
        rowWidth[r] = labelWidth[trueLabel(cellKey[rowFirstCell[r]])];
      }
      prior = new double[(int) labelCount];
      count = new double[cells];
      rowTotal = new double[rows];
      logPi = new double[cells];
      logNotPi = new double[cells];
    }

    long key(int source, long trueLabel, long answered) {
      try {
        return Math.addExact(
            Math.multiplyExact(
                Math.addExact(Math.multiplyExact(source, labelCount), trueLabel), labelCount),
            answered);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "dawid-skene: too many sources and labels to number confusion cells", e);
      }
    }

    int trueLabel(long key) {
      return (int) ((key / labelCount) % labelCount);
    }

    int source(long key) {
      return (int) (key / labelCount / labelCount);
    }

    Estimate run() {
      Estimate e = new Estimate(ix);
      double[] t = e.candProb;
      double[] ones = new double[ix.sourceCount()];
      Arrays.fill(ones, 1.0);
      Votes.tally(ix, ones, t);
      Votes.normalise(ix, t);
      updatePrior(t);
      mStep(t);
      double[] next = new double[t.length];
      double[] scratch = new double[maxCandidates()];
      int it = 0;
      double change = Double.POSITIVE_INFINITY;
      while (it < maxIterations) {
        eStep(next, scratch);
        change = 0;
        for (int c = 0; c < t.length; c++) {
          change = Math.max(change, Math.abs(next[c] - t[c]));
        }
        System.arraycopy(next, 0, t, 0, t.length);
        it++;
        Progress.iteration(it, maxIterations);
        updatePrior(t);
        mStep(t);
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

    /** Prior of each label: its mean posterior over the questions of its group that have claims. */
    void updatePrior(double[] t) {
      Arrays.fill(prior, 0);
      int[] questions = new int[labels.groupCount()];
      for (int q = 0; q < nq; q++) {
        if (ix.questionClaimStart[q] == ix.questionClaimStart[q + 1]) {
          continue;
        }
        questions[labels.questionGroup[q]]++;
        for (int c = ix.questionCandStart[q]; c < ix.questionCandStart[q + 1]; c++) {
          prior[labels.candLabel()[c]] += t[c];
        }
      }
      for (int g = 0; g < labels.groupCount(); g++) {
        for (int l = labels.groupStart[g]; l < labels.groupStart[g + 1]; l++) {
          prior[l] = questions[g] > 0 ? prior[l] / questions[g] : 0;
        }
      }
    }

    void mStep(double[] t) {
      Arrays.fill(count, 0);
      for (int q = 0; q < nq; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.candidateCount(q);
        int cs = ix.questionClaimStart[q];
        for (int i = cs; i < ix.questionClaimStart[q + 1]; i++) {
          if (ix.denies(i)) {
            continue;
          }
          double w = ix.weight(i);
          int p = pairBase[q] + (i - cs) * k;
          for (int j = 0; j < k; j++) {
            count[pairCell[p + j]] += w * t[cf + j];
          }
        }
      }
      for (int r = 0; r < rowTotal.length; r++) {
        double total = 0;
        int n = rowFirstCell[r + 1] - rowFirstCell[r];
        for (int c = rowFirstCell[r]; c < rowFirstCell[r + 1]; c++) {
          count[c] = cellCount(c);
          total += count[c];
        }
        // Cells the source never used carry the pseudo-count alone.
        total += smoothing * Math.max(0, rowWidth[r] - n);
        rowTotal[r] = total;
        for (int c = rowFirstCell[r]; c < rowFirstCell[r + 1]; c++) {
          double pi = total > 0 ? count[c] / total : 1.0 / rowWidth[r];
          logPi[c] = Math.log(pi);
          logNotPi[c] = Math.log(Math.max(FLOOR, 1 - pi));
        }
      }
    }

    double cellCount(int c) {
      return (cellObserved[c] ? Math.max(count[c], FLOOR) : count[c]) + smoothing;
    }

    void eStep(double[] next, double[] lp) {
      for (int q = 0; q < nq; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.candidateCount(q);
        int cs = ix.questionClaimStart[q];
        for (int j = 0; j < k; j++) {
          lp[j] = Math.log(prior[labels.candLabel()[cf + j]]);
        }
        for (int i = cs; i < ix.questionClaimStart[q + 1]; i++) {
          double w = ix.weight(i);
          if (w == 0) {
            continue;
          }
          double[] table = ix.denies(i) ? logNotPi : logPi;
          int p = pairBase[q] + (i - cs) * k;
          for (int j = 0; j < k; j++) {
            lp[j] += w * table[pairCell[p + j]];
          }
        }
        softmax(lp, k, next, cf);
      }
    }

    @Override
    double probability(int s, int j, int v, int width) {
      int c = Arrays.binarySearch(cellKey, key(s, j, v));
      if (c >= 0) {
        return rowTotal[cellRow[c]] > 0 ? count[c] / rowTotal[cellRow[c]] : 1.0 / width;
      }
      // Not a cell: find the row, if any, by the position the key would take.
      int at = -c - 1;
      int row = -1;
      if (at < cellKey.length && cellKey[at] / labelCount == key(s, j, 0) / labelCount) {
        row = cellRow[at];
      } else if (at > 0 && cellKey[at - 1] / labelCount == key(s, j, 0) / labelCount) {
        row = cellRow[at - 1];
      }
      if (row < 0 || rowTotal[row] <= 0) {
        return 1.0 / width;
      }
      return smoothing / rowTotal[row];
    }
  }

  /** Normalises exp(lp[0..k)) into out[from..from + k), uniform when every entry is -inf. */
  static void softmax(double[] lp, int k, double[] out, int from) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, lp[j]);
    }
    if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
      for (int j = 0; j < k; j++) {
        out[from + j] = 1.0 / k;
      }
      return;
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double d = lp[j] - max;
      // The leader's exp(0) is 1: one exponential fewer, the same numbers.
      double x = d == 0 ? 1 : Math.exp(d);
      out[from + j] = x;
      sum += x;
    }
    for (int j = 0; j < k; j++) {
      out[from + j] /= sum;
    }
  }

  /** {@code log(t (K - 1) / (1 - t))}, finite; 0 when there is a single label. */
  static double logOdds(double t, int labels) {
    if (labels < 2) {
      return 0;
    }
    double c = Math.min(1 - FLOOR, Math.max(FLOOR, t));
    return Math.log(c) - Math.log1p(-c) + Math.log(labels - 1);
  }
}
