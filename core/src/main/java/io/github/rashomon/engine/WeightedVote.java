package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.credibility.Credibility;

/**
 * Weighted vote with prior credibility: each claim counts with the projected probability of its
 * source's prior credibility ({@link io.github.rashomon.model.Source#prior()}), and a candidate's
 * probability is its share of the weighted votes.
 *
 * <p>Sources without a prior count with {@link #defaultCredibility()} (0.5 unless set). With equal
 * credibility for every source this is exactly {@link MajorityVote}. A source's trust is the
 * weighted share of its claims that agree with the winning value.
 *
 * @implNote One pass over the claims: O(claims + candidates) time, O(candidates + sources)
 *     memory.
 * @since 0.1
 */
public final class WeightedVote extends AbstractReconciler {
  private static final WeightedVote DEFAULTS = new WeightedVote(0.5);

  private final double defaultCredibility;

  private WeightedVote(double defaultCredibility) {
    super(1, 0);
    this.defaultCredibility = defaultCredibility;
  }

  /**
   * Weighted vote counting sources without a prior at 0.5.
   *
   * @return the algorithm
   */
  public static WeightedVote withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns weighted vote counting sources without a prior at the given weight.
   *
   * @param credibility the weight of a source without a prior, in (0, 1]
   * @return the algorithm
   */
  public WeightedVote withDefaultCredibility(double credibility) {
    checkArgument(
        credibility > 0 && credibility <= 1,
        "weighted-vote: defaultCredibility must be in (0, 1], got %s",
        credibility);
    return new WeightedVote(credibility);
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
   * {@code "weighted-vote"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "weighted-vote";
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    checkLimits(name(), iterations, tolerance);
    // One pass: there is nothing to iterate, so the limits do not change the algorithm.
    return this;
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
    Votes.agreement(index, e.candProb, e.trust);
    return e;
  }
}
