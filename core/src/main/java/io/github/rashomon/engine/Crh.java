package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;

/**
 * CRH, Conflict Resolution on Heterogeneous data: Li, Li, Gao, Zhao, Fan and Han, "Resolving
 * Conflicts in Heterogeneous Data by Truth Discovery and Source Reliability Estimation", SIGMOD
 * 2014.
 *
 * <p>CRH looks for the truths and source weights that minimise the weighted total loss {@code
 * Σ_s w_s Σ_claims d(truth, claim)} subject to {@code Σ_s exp(-w_s) = 1}, by block coordinate
 * descent. With the truths fixed the optimal weights are {@code w_s = -ln(L_s / Σ_s' L_s')}, L_s
 * the total loss of source s's claims; with the weights fixed each question's truth is the value
 * minimising its weighted loss. Categorical and numeric questions share the weights, so a source
 * that is careful with labels is trusted with numbers too:
 *
 * <ul>
 *   <li>a quantity question ({@link io.github.rashomon.model.ValueType#QUANTITY}) is numeric: a
 *       claim stands for its value's {@linkplain io.github.rashomon.model.Quantity#representative()
 *       representative} x, and its loss is the paper's normalised absolute deviation {@code |t -
 *       x| / sd}, sd the standard deviation of the question's claimed values, whose minimiser t is
 *       the weighted median; or, with {@link QuantityLoss#NORMALISED_SQUARED}, the normalised
 *       squared loss {@code (t - x)² / sd}, whose minimiser is the weighted mean;
 *   <li>any other question is categorical, with the 0-1 loss, whose minimiser is the weighted
 *       vote.
 * </ul>
 *
 * <p>As in the CRH implementation of the benchmark of Zheng et al. (PVLDB 2017), numeric truths
 * start from the median of the claims whatever the loss, categorical ones from the majority vote,
 * and a question whose claims all agree (sd = 0) costs nothing. Choices the paper leaves open: a
 * source's loss share is kept above 10<sup>-10</sup>, so a source without any loss gets the finite
 * weight {@code ln 10}<sup>10</sup> ≈ 23; when no source has any loss every weight is 1. A claim
 * weight multiplies the claim's loss and its vote. A denial of a categorical value votes for the
 * other candidates in equal shares and loses 1 when it denies the truth; denials of quantities are
 * ignored. The iteration stops when neither a source weight nor a candidate probability moves by
 * more than {@link #tolerance()}.
 *
 * <p>Results: a categorical question's candidate probabilities are the normalised weighted votes.
 * A quantity question's leading value is the truth as an exact {@link
 * io.github.rashomon.model.Quantity}, and each candidate's probability is its weighted support
 * times {@code exp(-gap / sd)}, normalised, gap the distance from its interval to the truth. A
 * source's vote weight is w_s; its trust is its claims' mean fit to the truths: 1 or 0 for a
 * categorical claim that names the truth or not, {@code exp(-gap / sd)} for a quantity claim.
 *
 * <p>A weight depends on a source's total loss, not its mean loss, so a source with a single
 * claim that agrees with the truth gets the largest weight; on data with many such sources
 * (long-tail data, the motivation of CATD, Li et al., PVLDB 2015) they can decide questions that
 * the median would split.
 *
 * @implNote Each iteration is one pass over the claims, split across {@link #threads()} threads
 *     (see {@link #withThreads(int)}): O(claims + candidates) time; O(candidates + questions +
 *     sources × stripes) memory.
 * @since 0.1
 */
public final class Crh extends AbstractReconciler {

  /** The loss, and so the estimator, for quantity questions. */
  public enum QuantityLoss {
    /** Normalised absolute deviation {@code |t - x| / sd}: the truth is the weighted median. */
    NORMALISED_ABSOLUTE,
    /** Normalised squared loss {@code (t - x)² / sd}: the truth is the weighted mean. */
    NORMALISED_SQUARED
  }

  /** A source's share of the total loss is kept at least this, so that its weight is finite. */
  static final double MIN_LOSS_SHARE = 1e-10;

  private static final Crh DEFAULTS =
      new Crh(100, 1e-6, QuantityLoss.NORMALISED_ABSOLUTE, Parallel.ALL_PROCESSORS);

  private final QuantityLoss quantityLoss;
  private final int threads;

  private Crh(int iterations, double tolerance, QuantityLoss quantityLoss, int threads) {
    super(iterations, tolerance);
    this.quantityLoss = quantityLoss;
    this.threads = Parallel.checkThreads("crh", threads);
  }

  /**
   * CRH with at most 100 iterations, tolerance 10<sup>-6</sup> and the normalised absolute loss
   * (weighted median) for quantities.
   *
   * @return the algorithm
   */
  public static Crh withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns CRH with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Crh withIterations(int iterations) {
    return new Crh(iterations, tolerance, quantityLoss, threads);
  }

  /**
   * Returns CRH with another convergence tolerance.
   *
   * @param tolerance the largest change in a source weight or candidate probability that counts
   *     as converged, finite and at least 0
   * @return the algorithm
   * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
   */
  public Crh withTolerance(double tolerance) {
    return new Crh(maxIterations, tolerance, quantityLoss, threads);
  }

  /**
   * Returns CRH with another loss for quantity questions.
   *
   * @param loss the loss
   * @return the algorithm
   */
  public Crh withQuantityLoss(QuantityLoss loss) {
    return new Crh(maxIterations, tolerance, checkNotNull(loss, "quantityLoss"), threads);
  }

  /**
   * Returns CRH run on {@code n} threads. The questions are split into the same stripes whatever
   * the thread count and per-source losses are reduced in stripe order, so the result is
   * identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Crh withThreads(int n) {
    return new Crh(maxIterations, tolerance, quantityLoss, n);
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
   * The loss for quantity questions.
   *
   * @return the loss
   */
  public QuantityLoss quantityLoss() {
    return quantityLoss;
  }

  /**
   * {@code "crh"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "crh";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("quantityLoss", quantityLoss.name());
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    int nq = index.questionCount();
    int ns = index.sourceCount();
    Estimate e = new Estimate(index);
    boolean[] numeric = new boolean[nq];
    double[] sd = new double[nq];
    double[] truth = new double[nq];
    double[] support = new double[index.candidateCount()];
    Arrays.fill(truth, Double.NaN);
    for (int q = 0; q < nq; q++) {
      numeric[q] = Quantities.isQuantity(index, q);
      if (numeric[q]) {
        Quantities.support(index, q, null, support);
        sd[q] = Quantities.weightedStd(index, q, support);
      }
    }
    boolean[] claims = new boolean[ns];
    for (int s : index.claimSource) {
      claims[s] = true;
    }
    Steps steps = new Steps(index, numeric, sd, truth, support);
    double[] weight = new double[ns];
    Arrays.fill(weight, 1.0);
    double[] prob = new double[index.candidateCount()];
    double[] next = new double[index.candidateCount()];
    double[] loss = new double[ns];
    int iterations = 0;
    double change = 0;
    boolean converged = false;
    try (Sweep sweep = Sweep.open(index, threads, ns)) {
      double[][] partial = sweep.partials(ns);
      double[] stripeChange = new double[sweep.count()];
      // Initial truths (majority vote and median, equal weights, median for either loss), and
      // the sources' losses against them.
      double[] first = prob;
      sweep.forEach(
          (p, from, to) -> {
            steps.truths(from, to, weight, QuantityLoss.NORMALISED_ABSOLUTE, first);
            steps.losses(from, to, first, quantityLoss, partial[p]);
          });
      while (iterations < maxIterations) {
        iterations++;
        Progress.iteration(iterations, maxIterations);
        Sweep.reduce(partial, loss);
        change = updateWeights(loss, claims, weight);
        // Each stripe: its questions' truths under the new weights, how far their probabilities
        // moved, and their claims' losses against the new truths (for the next weights).
        double[] old = prob;
        double[] fresh = next;
        sweep.forEach(
            (p, from, to) -> {
              steps.truths(from, to, weight, quantityLoss, fresh);
              double worst = 0;
              for (int c = index.questionCandStart[from]; c < index.questionCandStart[to]; c++) {
                worst = Math.max(worst, Math.abs(fresh[c] - old[c]));
              }
              stripeChange[p] = worst;
              steps.losses(from, to, fresh, quantityLoss, partial[p]);
            });
        for (double c : stripeChange) {
          change = Math.max(change, c);
        }
        prob = fresh;
        next = old;
        if (change <= tolerance) {
          converged = true;
          break;
        }
      }
    }
    System.arraycopy(prob, 0, e.candProb, 0, prob.length);
    System.arraycopy(weight, 0, e.voteWeight, 0, ns);
    Quantities.setPointEstimates(index, truth, e);
    Quantities.fit(index, e.candProb, truth, sd, e.trust);
    e.iterations = iterations;
    e.converged = converged;
    e.finalChange = change;
    return e;
  }

  /** The two steps of CRH over a range of questions. */
  private static final class Steps {
    final ClaimIndex index;
    final boolean[] numeric;
    final boolean anyNumeric;
    final boolean plain;
    final double[] sd;
    final double[] truth;
    final double[] support;
    /** Per candidate: 0 if it leads its (categorical) question, else 1; for plain claims. */
    final byte[] misses;

    Steps(ClaimIndex index, boolean[] numeric, double[] sd, double[] truth, double[] support) {
      this.index = index;
      this.numeric = numeric;
      boolean any = false;
      for (boolean n : numeric) {
        any |= n;
      }
      this.anyNumeric = any;
      this.plain = index.claimWeight == null && index.claimDenies == null;
      this.sd = sd;
      this.truth = truth;
      this.support = support;
      this.misses = plain && !any ? new byte[index.candidateCount()] : null;
    }

    /**
     * The truth step of the questions [from, to): the weighted vote of each categorical question,
     * the weighted median or mean of each quantity question (falling back to claim weights alone
     * when every source on the question has weight 0), and the candidate probabilities.
     */
    void truths(int from, int to, double[] weight, QuantityLoss loss, double[] prob) {
      Arrays.fill(prob, index.questionCandStart[from], index.questionCandStart[to], 0);
      Votes.tallyQuestions(index, from, to, weight, prob);
      for (int q = from; q < to; q++) {
        Votes.normaliseQuestion(index, q, prob);
      }
      if (!anyNumeric) {
        return;
      }
      for (int q = from; q < to; q++) {
        if (!numeric[q]) {
          continue;
        }
        double total = Quantities.support(index, q, weight, support);
        if (!(total > 0)) {
          Quantities.support(index, q, null, support);
        }
        truth[q] =
            loss == QuantityLoss.NORMALISED_ABSOLUTE
                ? Quantities.weightedMedian(index, q, support)
                : Quantities.weightedMean(index, q, support);
        if (!Double.isNaN(truth[q])) {
          Quantities.kernelProbabilities(index, q, truth[q], sd[q], support, prob);
        }
      }
    }

    /**
     * Into {@code loss} (zeroed first), each source's loss on the questions [from, to) against
     * their current truths.
     */
    void losses(int from, int to, double[] prob, QuantityLoss quantityLoss, double[] loss) {
      Arrays.fill(loss, 0);
      if (misses != null) {
        // Plain categorical claims: mark each question's leader, then one flat loop that adds
        // each claim's 0-1 loss without a branch.
        for (int q = from; q < to; q++) {
          int best = leader(q, prob);
          for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
            misses[c] = (byte) (c == best ? 0 : 1);
          }
        }
        int[] src = index.claimSource;
        int[] cand = index.claimCand;
        int end = index.questionClaimStart[to];
        for (int i = index.questionClaimStart[from]; i < end; i++) {
          loss[src[i]] += misses[cand[i]];
        }
        return;
      }
      for (int q = from; q < to; q++) {
        loss(q, prob, quantityLoss, loss);
      }
    }

    /** The first candidate of question q with the highest probability, or -1 if none. */
    private int leader(int q, double[] prob) {
      int best = -1;
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        if (best < 0 || prob[c] > prob[best]) {
          best = c;
        }
      }
      return best;
    }

    /** Adds the loss of question q's claims against its current truth to each source's. */
    private void loss(int q, double[] prob, QuantityLoss quantityLoss, double[] loss) {
      int cs = index.questionClaimStart[q];
      int ce = index.questionClaimStart[q + 1];
      if (!numeric[q]) {
        int best = leader(q, prob);
        for (int i = cs; i < ce; i++) {
          int c = index.claimCand[i];
          loss[index.claimSource[i]] += index.weight(i) * ((c == best) == index.denies(i) ? 1 : 0);
        }
        return;
      }
      for (int i = cs; i < ce; i++) {
        double d;
        if (index.denies(i) || Double.isNaN(truth[q]) || !(sd[q] > 0)) {
          d = 0;
        } else {
          double x = Quantities.representative(index, index.claimCand[i]) - truth[q];
          d =
              quantityLoss == QuantityLoss.NORMALISED_ABSOLUTE
                  ? Math.abs(x) / sd[q]
                  : x * x / sd[q];
        }
        loss[index.claimSource[i]] += index.weight(i) * d;
      }
    }
  }

  /**
   * The weight step from each source's total loss: {@code w_s = -ln(L_s / Σ L)}.
   *
   * @return the largest change of any weight
   */
  private static double updateWeights(double[] loss, boolean[] claims, double[] weight) {
    double total = 0;
    for (double l : loss) {
      total += l;
    }
    double change = 0;
    for (int s = 0; s < weight.length; s++) {
      double w;
      if (!claims[s]) {
        w = 0;
      } else if (!(total > 0) || !Double.isFinite(total)) {
        w = 1;
      } else {
        w = -Math.log(Math.max(MIN_LOSS_SHARE, loss[s] / total));
      }
      change = Math.max(change, Math.abs(w - weight[s]));
      weight[s] = w;
    }
    return change;
  }
}
