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
 * @implNote Per iteration O(claims + candidates) time; O(candidates + sources + questions)
 *     memory.
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

  private static final Crh DEFAULTS = new Crh(100, 1e-6, QuantityLoss.NORMALISED_ABSOLUTE);

  private final QuantityLoss quantityLoss;

  private Crh(int iterations, double tolerance, QuantityLoss quantityLoss) {
    super(iterations, tolerance);
    this.quantityLoss = quantityLoss;
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
    return new Crh(iterations, tolerance, quantityLoss);
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
    return new Crh(maxIterations, tolerance, quantityLoss);
  }

  /**
   * Returns CRH with another loss for quantity questions.
   *
   * @param loss the loss
   * @return the algorithm
   */
  public Crh withQuantityLoss(QuantityLoss loss) {
    return new Crh(maxIterations, tolerance, checkNotNull(loss, "quantityLoss"));
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
    double[] weight = new double[ns];
    Arrays.fill(weight, 1.0);
    double[] prob = new double[index.candidateCount()];
    // Initial truths: majority vote and median (equal weights, median for either loss).
    truths(index, numeric, weight, QuantityLoss.NORMALISED_ABSOLUTE, sd, support, truth, prob);
    double[] loss = new double[ns];
    double[] next = new double[index.candidateCount()];
    int iterations = 0;
    double change = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      Progress.iteration(iterations, maxIterations);
      change = updateWeights(index, numeric, truth, prob, sd, loss, weight);
      truths(index, numeric, weight, quantityLoss, sd, support, truth, next);
      for (int c = 0; c < next.length; c++) {
        change = Math.max(change, Math.abs(next[c] - prob[c]));
      }
      double[] t = prob;
      prob = next;
      next = t;
      if (change <= tolerance) {
        converged = true;
        break;
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

  /**
   * The truth step: the weighted vote of each categorical question, the weighted median or mean
   * of each quantity question (falling back to claim weights alone when every source on the
   * question has weight 0), and the candidate probabilities.
   */
  private static void truths(
      ClaimIndex index,
      boolean[] numeric,
      double[] weight,
      QuantityLoss loss,
      double[] sd,
      double[] support,
      double[] truth,
      double[] prob) {
    Votes.tally(index, weight, prob);
    Votes.normalise(index, prob);
    for (int q = 0; q < index.questionCount(); q++) {
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
   * The weight step: each source's total loss against the current truths, then {@code w_s =
   * -ln(L_s / Σ L)}.
   *
   * @return the largest change of any weight
   */
  private double updateWeights(
      ClaimIndex index,
      boolean[] numeric,
      double[] truth,
      double[] prob,
      double[] sd,
      double[] loss,
      double[] weight) {
    Arrays.fill(loss, 0.0);
    boolean[] claims = new boolean[weight.length];
    for (int q = 0; q < index.questionCount(); q++) {
      int best = -1;
      if (!numeric[q]) {
        for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
          if (best < 0 || prob[c] > prob[best]) {
            best = c;
          }
        }
      }
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        int s = index.claimSource[i];
        claims[s] = true;
        int c = index.claimCand[i];
        double d;
        if (!numeric[q]) {
          d = (c == best) == index.denies(i) ? 1 : 0;
        } else if (index.denies(i) || Double.isNaN(truth[q]) || !(sd[q] > 0)) {
          d = 0;
        } else {
          double x = Quantities.representative(index, c) - truth[q];
          d =
              quantityLoss == QuantityLoss.NORMALISED_ABSOLUTE
                  ? Math.abs(x) / sd[q]
                  : x * x / sd[q];
        }
        loss[s] += index.weight(i) * d;
      }
    }
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
