package io.github.rashomon.engine;

import java.util.Arrays;

/**
 * Median of claims: the estimate of a quantity question is the weighted median of the claimed
 * values' {@linkplain io.github.rashomon.model.Quantity#representative() representatives}, each
 * claim counting with its claim weight.
 *
 * <p>The robust baseline of numeric truth discovery: one absurd value (a population of
 * 10<sup>18</sup>) moves a mean without bound but a median hardly at all. With an even number of
 * equally weighted claims the median is the midpoint of the two middle values; denials, which
 * name no number, are ignored.
 *
 * <p>A quantity question's leading value is the median as an exact {@link
 * io.github.rashomon.model.Quantity}. Its candidates' probabilities are each candidate's claim
 * weight times {@code exp(-gap / sd)}, normalised, where gap is the distance from the candidate's
 * interval to the median and sd the standard deviation of the question's claimed values (the
 * normaliser of Li et al., SIGMOD 2014): claims near the median share the probability, distant
 * ones get little. Questions of any other type fall back to {@link MajorityVote} (ties to the
 * canonically first value). A source's trust is its claims' mean fit: for a quantity claim
 * {@code exp(-gap / sd)}, for any other claim 1 if it names the winning value and 0 if not.
 *
 * @implNote One pass over the claims: O(claims + candidates) time, O(candidates + sources +
 *     questions) memory.
 * @since 0.1
 */
public final class Median extends AbstractReconciler {
  private static final Median DEFAULTS = new Median();

  private Median() {
    super(1, 0);
  }

  /**
   * The median estimator.
   *
   * @return the algorithm
   */
  public static Median withDefaults() {
    return DEFAULTS;
  }

  /**
   * {@code "median"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "median";
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    Estimate e = new Estimate(index);
    double[] ones = new double[index.sourceCount()];
    Arrays.fill(ones, 1.0);
    Votes.tally(index, ones, e.candProb);
    Votes.normalise(index, e.candProb);
    double[] support = new double[index.candidateCount()];
    double[] median = new double[index.questionCount()];
    double[] scale = new double[index.questionCount()];
    Arrays.fill(median, Double.NaN);
    for (int q = 0; q < index.questionCount(); q++) {
      if (Quantities.isQuantity(index, q)) {
        Quantities.support(index, q, null, support);
        median[q] = Quantities.weightedMedian(index, q, support);
        if (!Double.isNaN(median[q])) {
          scale[q] = Quantities.weightedStd(index, q, support);
          Quantities.kernelProbabilities(index, q, median[q], scale[q], support, e.candProb);
        }
      }
    }
    Quantities.setPointEstimates(index, median, e);
    Quantities.fit(index, e.candProb, median, scale, e.trust);
    Arrays.fill(e.voteWeight, 1.0);
    return e;
  }
}
