package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.ValueType;
import java.util.Arrays;
import java.util.Optional;

/**
 * Accu: the Bayesian truth discovery of Dong, Berti-Equille and Srivastava, "Integrating
 * Conflicting Data: The Role of Source Dependence", PVLDB 2(1), VLDB 2009, without the detection
 * of copying (their Depen and AccuCopy add it on top of these steps).
 *
 * <p>Each source has an accuracy A(s), the probability that a value it provides is true. Assuming
 * independent sources and, per question, one true value among n + 1 with the n false ones
 * equally likely, a claim for v multiplies the odds of v by n·A(s)/(1 − A(s)); so each value
 * gets the vote count {@code C(v) = Σ ln(n·A(s)/(1 − A(s)))} over the sources providing it, and
 * the probability {@code P(v) = exp(C(v)) / Σ exp(C(v'))} over the whole domain of the question:
 * the values claimed and the unclaimed false values, each of which has vote count 0 (the paper's
 * equation; the probability of the unclaimed values is not reported, each question's candidates
 * are rescaled to sum to 1 at the end). A source's accuracy is then the mean probability of the
 * values it provides. Starting from the same accuracy for every source (0.8, the paper's error
 * rate ε = 0.2), the two steps alternate until no accuracy moves by more than {@link
 * #tolerance()}.
 *
 * <p>The number of false values n is {@link #falseValues()} (100 unless set, the value used in
 * the paper's experiments) for open questions. Where the index knows the domain it is used
 * instead: a boolean question has exactly one false value, and a closed categorical question of a
 * compiled {@link Case} has its options less one. When a question has more claimed values than n +
 * 1, its domain is taken to be just those values. Quantities and other values are treated as
 * labels: only identical values agree.
 *
 * <p>Choices the paper leaves open: accuracies are kept within [10<sup>-6</sup>, 1 −
 * 10<sup>-6</sup>] so that every vote count stays finite; probabilities are computed with the
 * largest vote count factored out, so no count overflows. A claim weight multiplies the claim's
 * vote count and its share in the source's mean. A denial of v by a source of accuracy A is read
 * as the statement "not v", true with probability A: it adds {@code ln((1 − A)/A)} to C(v) alone
 * and counts 1 − P(v) towards the source's accuracy. Sources' prior credibility is not used. A
 * source's trust is its accuracy; its vote weight is the mean vote count of its claims.
 *
 * @implNote Each iteration is one pass over the claims, split across {@link #threads()} threads
 *     (see {@link #withThreads(int)}), with one logarithm per source and at most one exponential
 *     per candidate: O(claims + candidates) time; O(candidates + questions + sources × stripes)
 *     memory.
 * @since 0.1
 */
public final class Accu extends AbstractReconciler {
  /** Accuracies are kept within [BOUND, 1 - BOUND] so that vote counts stay finite. */
  static final double ACCURACY_BOUND = 1e-6;

  private static final Accu DEFAULTS = new Accu(100, 1e-6, 100, 0.8, Parallel.ALL_PROCESSORS);

  private final int falseValues;
  private final double initialAccuracy;
  private final int threads;

  private Accu(
      int iterations, double tolerance, int falseValues, double initialAccuracy, int threads) {
    super(iterations, tolerance);
    this.threads = Parallel.checkThreads("accu", threads);
    checkArgument(falseValues >= 1, "accu: falseValues must be >= 1, got %s", falseValues);
    checkArgument(
        initialAccuracy > 0 && initialAccuracy < 1,
        "accu: initialAccuracy must be in (0, 1), got %s",
        initialAccuracy);
    this.falseValues = falseValues;
    this.initialAccuracy = initialAccuracy;
  }

  /**
   * Accu with at most 100 iterations, tolerance 10<sup>-6</sup>, 100 false values per open
   * question and initial accuracy 0.8.
   *
   * @return the algorithm
   */
  public static Accu withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns Accu with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Accu withIterations(int iterations) {
    return new Accu(iterations, tolerance, falseValues, initialAccuracy, threads);
  }

  /**
   * Returns Accu with another convergence tolerance.
   *
   * @param tolerance the largest change in any source's accuracy that counts as converged,
   *     finite and at least 0
   * @return the algorithm
   * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
   */
  public Accu withTolerance(double tolerance) {
    return new Accu(maxIterations, tolerance, falseValues, initialAccuracy, threads);
  }

  /**
   * Returns Accu assuming another number of false values in an open question's domain.
   *
   * @param n the number of false values, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Accu withFalseValues(int n) {
    return new Accu(maxIterations, tolerance, n, initialAccuracy, threads);
  }

  /**
   * Returns Accu starting every source at another accuracy.
   *
   * @param accuracy the initial accuracy, in (0, 1)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code accuracy} is outside (0, 1)
   */
  public Accu withInitialAccuracy(double accuracy) {
    return new Accu(maxIterations, tolerance, falseValues, accuracy, threads);
  }

  /**
   * Returns Accu run on {@code n} threads. The questions are split into the same stripes
   * whatever the thread count and per-source sums are reduced in stripe order, so the result is
   * identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Accu withThreads(int n) {
    return new Accu(maxIterations, tolerance, falseValues, initialAccuracy, n);
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
   * The number of false values assumed in the domain of an open question.
   *
   * @return n
   */
  public int falseValues() {
    return falseValues;
  }

  /**
   * The accuracy every source starts from.
   *
   * @return the initial accuracy
   */
  public double initialAccuracy() {
    return initialAccuracy;
  }

  /**
   * {@code "accu"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "accu";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("falseValues", Integer.toString(falseValues));
    b.put("initialAccuracy", Double.toString(initialAccuracy));
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    Estimate e = new Estimate(index);
    int ns = index.sourceCount();
    Domains domains = Domains.of(index, falseValues);
    double[] accuracy = new double[ns];
    Arrays.fill(accuracy, clamp(initialAccuracy));
    double[] total = FactFinding.claimWeights(index);
    double[] sum = new double[ns];
    double[] logit = new double[ns];
    double[] prob = new double[index.candidateCount()];
    int iterations = 0;
    double change = 0;
    boolean converged = false;
    try (Sweep sweep = Sweep.open(index, threads, ns)) {
      double[][] partial = sweep.partials(ns);
      while (iterations < maxIterations) {
        iterations++;
        Progress.iteration(iterations, maxIterations);
        logits(accuracy, logit);
        // One pass: each question's value probabilities, then its share of the accuracies.
        sweep.forEach(
            (p, from, to) -> {
              double[] part = partial[p];
              Arrays.fill(part, 0);
              if (!stripeProbabilities(index, domains, logit, from, to, prob)) {
                for (int q = from; q < to; q++) {
                  questionProbabilities(index, domains, logit, null, q, prob);
                }
              }
              accuracySums(index, from, to, prob, part);
            });
        Sweep.reduce(partial, sum);
        change = setAccuracy(sum, total, accuracy);
        if (change <= tolerance) {
          converged = true;
          break;
        }
      }
    }
    // Probabilities from the final accuracies, so that trust and verdicts agree.
    valueProbabilities(index, domains, accuracy, null, prob);
    System.arraycopy(prob, 0, e.candProb, 0, prob.length);
    Votes.normalise(index, e.candProb);
    System.arraycopy(accuracy, 0, e.trust, 0, accuracy.length);
    meanVoteCount(index, domains, accuracy, e.voteWeight);
    e.iterations = iterations;
    e.converged = converged;
    e.finalChange = change;
    return e;
  }

  static double clamp(double accuracy) {
    return Math.min(1 - ACCURACY_BOUND, Math.max(ACCURACY_BOUND, accuracy));
  }

  private static double logit(double a) {
    return Math.log(a / (1 - a));
  }

  /**
   * Per question, the size of its domain in the paper's sense: the claimed values and the false
   * values no source claimed.
   */
  static final class Domains {
    /** ln(n) for question q, n its number of false values; 0 when the domain has one value. */
    private final double[] logFalse;
    /** Values of the domain that are not candidates (vote count 0). */
    private final double[] unseen;
    /** Whether the domain has a single value, which is then certain. */
    private final boolean[] single;

    private Domains(double[] logFalse, double[] unseen, boolean[] single) {
      this.logFalse = logFalse;
      this.unseen = unseen;
      this.single = single;
    }

    /**
     * The domains of the index's questions; when every question has the same one (as in crowd
     * data, one type and one label set), it is kept once rather than per question.
     */
    static Domains of(ClaimIndex index, int falseValues) {
      int nq = index.questionCount();
      double[] logFalse = new double[nq];
      double[] unseen = new double[nq];
      boolean[] single = new boolean[nq];
      boolean same = true;
      for (int q = 0; q < nq; q++) {
        int k = index.candidateCount(q);
        double size;
        if (index.typeOf(q) == ValueType.BOOLEAN) {
          size = 2;
        } else if (closedCategorical(index, q)) {
          size = k; // every option is a candidate of a compiled case
        } else {
          size = Math.max(falseValues + 1.0, k);
        }
        unseen[q] = Math.max(0, size - k);
        single[q] = size <= 1;
        logFalse[q] = size > 1 ? Math.log(size - 1) : 0;
        same &= q == 0 || (unseen[q] == unseen[0] && single[q] == single[0]
            && Double.doubleToLongBits(logFalse[q]) == Double.doubleToLongBits(logFalse[0]));
      }
      if (same && nq > 1) {
        return new Domains(
            new double[] {logFalse[0]}, new double[] {unseen[0]}, new boolean[] {single[0]});
      }
      return new Domains(logFalse, unseen, single);
    }

    double logFalse(int q) {
      return logFalse.length == 1 ? logFalse[0] : logFalse[q];
    }

    double unseen(int q) {
      return unseen.length == 1 ? unseen[0] : unseen[q];
    }

    boolean single(int q) {
      return single.length == 1 ? single[0] : single[q];
    }

    /** Whether every question has the same domain. */
    boolean shared() {
      return single.length == 1;
    }

    static boolean closedCategorical(ClaimIndex index, int q) {
      if (index.origin == null || index.typeOf(q) != ValueType.CATEGORICAL) {
        return false;
      }
      Optional<Question> question = index.origin.question(index.questionId(q));
      return question.isPresent() && !question.get().domain().isOpen();
    }
  }

  /**
   * The value probabilities of the paper from the source accuracies: vote counts, then {@code
   * exp(C(v))} over the sum for the whole domain, unclaimed values included (so a question's
   * candidates may sum to less than 1).
   *
   * @param claimFactor per claim, a factor on its vote count (the probability that the source
   *     provided the value independently, for copy detection), or null for 1
   */
  static void valueProbabilities(
      ClaimIndex index, Domains domains, double[] accuracy, double[] claimFactor, double[] out) {
    double[] logit = new double[accuracy.length];
    logits(accuracy, logit);
    for (int q = 0; q < index.questionCount(); q++) {
      questionProbabilities(index, domains, logit, claimFactor, q, out);
    }
  }

  /** Each source's {@code ln(A / (1 - A))}, once per source rather than once per claim. */
  static void logits(double[] accuracy, double[] out) {
    for (int s = 0; s < accuracy.length; s++) {
      out[s] = logit(accuracy[s]);
    }
  }

  /** {@link #valueProbabilities} of question q alone, from the sources' {@link #logits}. */
  static void questionProbabilities(
      ClaimIndex index,
      Domains domains,
      double[] logit,
      double[] claimFactor,
      int q,
      double[] out) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    if (from == to) {
      return;
    }
    if (domains.single(q)) {
      Arrays.fill(out, from, to, 1.0);
      return;
    }
    double logFalse = domains.logFalse(q);
    Arrays.fill(out, from, to, 0.0);
    for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
      double w = index.weight(i) * (claimFactor == null ? 1.0 : claimFactor[i]);
      double l = logit[index.claimSource[i]];
      if (index.denies(i)) {
        out[index.claimCand[i]] -= w * l;
      } else {
        out[index.claimCand[i]] += w * (logFalse + l);
      }
    }
    fromVoteCounts(from, to, domains.unseen(q), out);
  }

  /**
   * {@link #questionProbabilities} of the questions [from, to) in flat loops, when their claims
   * are plain and they share one domain: the vote counts of all their candidates in one loop over
   * the claims (the same additions in the same order), then each question's probabilities.
   * Returns false, doing nothing, otherwise.
   */
  static boolean stripeProbabilities(
      ClaimIndex index, Domains domains, double[] logit, int from, int to, double[] out) {
    if (index.claimWeight != null || index.claimDenies != null || !domains.shared()
        || domains.single(0)) {
      return false;
    }
    double logFalse = domains.logFalse(0);
    double unseen = domains.unseen(0);
    int[] src = index.claimSource;
    int[] cand = index.claimCand;
    Arrays.fill(out, index.questionCandStart[from], index.questionCandStart[to], 0.0);
    int end = index.questionClaimStart[to];
    for (int i = index.questionClaimStart[from]; i < end; i++) {
      out[cand[i]] += logFalse + logit[src[i]];
    }
    for (int q = from; q < to; q++) {
      int cf = index.questionCandStart[q];
      int ct = index.questionCandStart[q + 1];
      if (ct - cf == 2) {
        pairFromVoteCounts(cf, unseen, out);
      } else {
        fromVoteCounts(cf, ct, unseen, out);
      }
    }
    return true;
  }

  /** {@link #fromVoteCounts} of the two candidates c and c + 1, without loops. */
  private static void pairFromVoteCounts(int c, double unseen, double[] out) {
    double x0 = out[c];
    double x1 = out[c + 1];
    double max = Math.max(Math.max(unseen > 0 ? 0 : Double.NEGATIVE_INFINITY, x0), x1);
    double atZero = unseen > 0 || x0 == 0 || x1 == 0 ? Math.exp(-max) : Double.NaN;
    double z = unseen > 0 ? unseen * atZero : 0;
    double p0 = x0 == max ? 1 : x0 == 0 ? atZero : Math.exp(x0 - max);
    z += p0;
    double p1 = x1 == max ? 1 : x1 == 0 ? atZero : Math.exp(x1 - max);
    z += p1;
    out[c] = p0 / z;
    out[c + 1] = p1 / z;
  }

  /**
   * Turns the vote counts C(v) of one question's candidates [from, to) into {@code exp(C(v))}
   * over the sum for the whole domain, {@code unseen} values of count 0 included.
   */
  private static void fromVoteCounts(int from, int to, double unseen, double[] out) {
    if (from == to) {
      return;
    }
    double max = unseen > 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (int c = from; c < to; c++) {
      max = Math.max(max, out[c]);
    }
    // exp(-max) serves the unclaimed values and every candidate without votes; the leader's
    // exp(0) is 1: fewer exponentials, the same numbers.
    double atZero = Double.NaN;
    double z = 0;
    if (unseen > 0) {
      atZero = Math.exp(-max);
      z = unseen * atZero;
    }
    for (int c = from; c < to; c++) {
      double x = out[c];
      double p;
      if (x == max) {
        p = 1;
      } else if (x == 0) {
        if (Double.isNaN(atZero)) {
          atZero = Math.exp(-max);
        }
        p = atZero;
      } else {
        p = Math.exp(x - max);
      }
      out[c] = p;
      z += p;
    }
    for (int c = from; c < to; c++) {
      out[c] /= z;
    }
  }

  /**
   * Sets each source's accuracy to the weighted mean probability of the values it provides (1 −
   * P(v) for a denial of v), within the bound; a source without claims keeps its accuracy.
   *
   * @return the largest change of any accuracy
   */
  static double updateAccuracy(ClaimIndex index, double[] prob, double[] accuracy) {
    int ns = index.sourceCount();
    double[] sum = new double[ns];
    accuracySums(index, 0, index.questionCount(), prob, sum);
    return setAccuracy(sum, FactFinding.claimWeights(index), accuracy);
  }

  /**
   * Adds the claims of questions [from, to) to each source's weighted sum of the probabilities it
   * provides (1 - P(v) for a denial of v), in claim order.
   */
  private static void accuracySums(
      ClaimIndex index, int from, int to, double[] prob, double[] sum) {
    if (index.claimWeight == null && index.claimDenies == null) {
      FactFinding.gatherQuestions(index, from, to, prob, sum);
      return;
    }
    int end = index.questionClaimStart[to];
    for (int i = index.questionClaimStart[from]; i < end; i++) {
      double p = prob[index.claimCand[i]];
      sum[index.claimSource[i]] += index.weight(i) * (index.denies(i) ? 1 - p : p);
    }
  }

  /** Accuracies from their sums and the sources' claim weights; returns the largest change. */
  private static double setAccuracy(double[] sum, double[] total, double[] accuracy) {
    double change = 0;
    for (int s = 0; s < accuracy.length; s++) {
      if (total[s] > 0) {
        double a = clamp(sum[s] / total[s]);
        change = Math.max(change, Math.abs(a - accuracy[s]));
        accuracy[s] = a;
      }
    }
    return change;
  }

  /** Each source's mean vote count over its claims (for a source without claims, at n = 1). */
  private static void meanVoteCount(
      ClaimIndex index, Domains domains, double[] accuracy, double[] out) {
    int ns = index.sourceCount();
    double[] total = new double[ns];
    Arrays.fill(out, 0.0);
    for (int q = 0; q < index.questionCount(); q++) {
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        int s = index.claimSource[i];
        double w = index.weight(i);
        out[s] += w * (index.denies(i) ? 0 : domains.logFalse(q));
        total[s] += w;
      }
    }
    for (int s = 0; s < ns; s++) {
      out[s] = (total[s] > 0 ? out[s] / total[s] : 0) + logit(accuracy[s]);
    }
  }
}
