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
 * @implNote Per iteration O(claims + candidates) time; O(candidates + sources + questions)
 *     memory.
 * @since 0.1
 */
public final class Accu extends AbstractReconciler {
  /** Accuracies are kept within [BOUND, 1 - BOUND] so that vote counts stay finite. */
  static final double ACCURACY_BOUND = 1e-6;

  private static final Accu DEFAULTS = new Accu(100, 1e-6, 100, 0.8);

  private final int falseValues;
  private final double initialAccuracy;

  private Accu(int iterations, double tolerance, int falseValues, double initialAccuracy) {
    super(iterations, tolerance);
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
    return new Accu(iterations, tolerance, falseValues, initialAccuracy);
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
    return new Accu(maxIterations, tolerance, falseValues, initialAccuracy);
  }

  /**
   * Returns Accu assuming another number of false values in an open question's domain.
   *
   * @param n the number of false values, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Accu withFalseValues(int n) {
    return new Accu(maxIterations, tolerance, n, initialAccuracy);
  }

  /**
   * Returns Accu starting every source at another accuracy.
   *
   * @param accuracy the initial accuracy, in (0, 1)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code accuracy} is outside (0, 1)
   */
  public Accu withInitialAccuracy(double accuracy) {
    return new Accu(maxIterations, tolerance, falseValues, accuracy);
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
    Domains domains = Domains.of(index, falseValues);
    double[] accuracy = new double[index.sourceCount()];
    Arrays.fill(accuracy, clamp(initialAccuracy));
    double[] prob = new double[index.candidateCount()];
    int iterations = 0;
    double change = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      Progress.iteration(iterations, maxIterations);
      valueProbabilities(index, domains, accuracy, null, prob);
      change = updateAccuracy(index, prob, accuracy);
      if (change <= tolerance) {
        converged = true;
        break;
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
    final double[] logFalse;
    /** Values of the domain that are not candidates (vote count 0). */
    final double[] unseen;
    /** Whether the domain has a single value, which is then certain. */
    final boolean[] single;

    private Domains(int questions) {
      logFalse = new double[questions];
      unseen = new double[questions];
      single = new boolean[questions];
    }

    static Domains of(ClaimIndex index, int falseValues) {
      Domains d = new Domains(index.questionCount());
      for (int q = 0; q < index.questionCount(); q++) {
        int k = index.candidateCount(q);
        double size;
        if (index.typeOf(q) == ValueType.BOOLEAN) {
          size = 2;
        } else if (closedCategorical(index, q)) {
          size = k; // every option is a candidate of a compiled case
        } else {
          size = Math.max(falseValues + 1.0, k);
        }
        d.unseen[q] = Math.max(0, size - k);
        d.single[q] = size <= 1;
        d.logFalse[q] = size > 1 ? Math.log(size - 1) : 0;
      }
      return d;
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
    for (int q = 0; q < index.questionCount(); q++) {
      int from = index.questionCandStart[q];
      int to = index.questionCandStart[q + 1];
      if (from == to) {
        continue;
      }
      if (domains.single[q]) {
        Arrays.fill(out, from, to, 1.0);
        continue;
      }
      Arrays.fill(out, from, to, 0.0);
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        double w = index.weight(i) * (claimFactor == null ? 1.0 : claimFactor[i]);
        double logit = logit(accuracy[index.claimSource[i]]);
        if (index.denies(i)) {
          out[index.claimCand[i]] -= w * logit;
        } else {
          out[index.claimCand[i]] += w * (domains.logFalse[q] + logit);
        }
      }
      double max = domains.unseen[q] > 0 ? 0 : Double.NEGATIVE_INFINITY;
      for (int c = from; c < to; c++) {
        max = Math.max(max, out[c]);
      }
      double z = domains.unseen[q] * Math.exp(-max);
      for (int c = from; c < to; c++) {
        out[c] = Math.exp(out[c] - max);
        z += out[c];
      }
      for (int c = from; c < to; c++) {
        out[c] /= z;
      }
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
    double[] total = new double[ns];
    for (int i = 0; i < index.claimCount(); i++) {
      int s = index.claimSource[i];
      double p = prob[index.claimCand[i]];
      double w = index.weight(i);
      sum[s] += w * (index.denies(i) ? 1 - p : p);
      total[s] += w;
    }
    double change = 0;
    for (int s = 0; s < ns; s++) {
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
        out[s] += w * (index.denies(i) ? 0 : domains.logFalse[q]);
        total[s] += w;
      }
    }
    for (int s = 0; s < ns; s++) {
      out[s] = (total[s] > 0 ? out[s] / total[s] : 0) + logit(accuracy[s]);
    }
  }
}
