package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.credibility.Credibility;
import java.util.Arrays;

/**
 * Weighted mean with prior credibility: the estimate of a quantity question is the mean of the
 * claimed values' {@linkplain io.github.rashomon.model.Quantity#representative()
 * representatives}, each claim weighted by the projected probability of its source's prior
 * credibility ({@link io.github.rashomon.model.Source#prior()}) times its claim weight.
 *
 * <p>Sources without a prior count with {@link #defaultCredibility()} (0.5 unless set), so with
 * no priors at all this is the plain mean of the claims, the averaging baseline of numeric truth
 * discovery. Unlike {@link Median} it is not robust: one absurd claim moves it without bound.
 * Denials, which name no number, are ignored.
 *
 * <p>A quantity question's leading value is the mean as an exact {@link
 * io.github.rashomon.model.Quantity}; its candidates' probabilities are each candidate's weight
 * times {@code exp(-gap / sd)}, normalised, where gap is the distance from the candidate's interval
 * to the mean and sd the weighted standard deviation of the question's claimed values. Questions
 * of any other type are decided exactly as by {@link WeightedVote}. A source's trust is its
 * claims' mean fit: for a quantity claim {@code exp(-gap / sd)}, for any other claim 1 if it names
 * the winning value and 0 if not.
 *
 * @implNote One pass over the claims: O(claims + candidates) time, O(candidates + sources +
 *     questions) memory.
 * @since 0.1
 */
public final class WeightedMean extends AbstractReconciler {
  private static final WeightedMean DEFAULTS = new WeightedMean(0.5);

  private final double defaultCredibility;

  private WeightedMean(double defaultCredibility) {
    super(1, 0);
    this.defaultCredibility = defaultCredibility;
  }

  /**
   * Weighted mean counting sources without a prior at 0.5.
   *
   * @return the algorithm
   */
  public static WeightedMean withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns weighted mean counting sources without a prior at the given weight.
   *
   * @param credibility the weight of a source without a prior, in (0, 1]
   * @return the algorithm
   * @throws IllegalArgumentException if {@code credibility} is outside (0, 1]
   */
  public WeightedMean withDefaultCredibility(double credibility) {
    checkArgument(
        credibility > 0 && credibility <= 1,
        "weighted-mean: defaultCredibility must be in (0, 1], got %s",
        credibility);
    return new WeightedMean(credibility);
  }

  /**
   * The weight of a source without a prior.
   *
   * @return the default credibility
   */
  public double defaultCredibility() {
    return defaultCredibility;
  }

  /**
   * {@code "weighted-mean"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "weighted-mean";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("defaultCredibility", Double.toString(defaultCredibility));
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    Estimate e = new Estimate(index);
    for (int s = 0; s < index.sourceCount(); s++) {
      Credibility prior = index.sourcePrior[s];
      e.voteWeight[s] = prior == null ? defaultCredibility : prior.probability();
    }
    Votes.tally(index, e.voteWeight, e.candProb);
    Votes.normalise(index, e.candProb);
    double[] support = new double[index.candidateCount()];
    double[] mean = new double[index.questionCount()];
    double[] scale = new double[index.questionCount()];
    Arrays.fill(mean, Double.NaN);
    for (int q = 0; q < index.questionCount(); q++) {
      if (Quantities.isQuantity(index, q)) {
        Quantities.support(index, q, e.voteWeight, support);
        mean[q] = Quantities.weightedMean(index, q, support);
        if (!Double.isNaN(mean[q])) {
          scale[q] = Quantities.weightedStd(index, q, support);
          Quantities.kernelProbabilities(index, q, mean[q], scale[q], support, e.candProb);
        }
      }
    }
    Quantities.setPointEstimates(index, mean, e);
    Quantities.fit(index, e.candProb, mean, scale, e.trust);
    return e;
  }
}
