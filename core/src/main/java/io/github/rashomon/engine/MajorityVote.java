package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;

/**
 * Majority vote: each claim counts once, and a candidate's probability is its share of the
 * votes on its question.
 *
 * <p>The baseline every truth-discovery and crowdsourcing paper compares against. A denial counts
 * as an equal share of one vote for each other candidate. Ties go to the candidate that comes
 * first in canonical value order, or, with {@link TieBreak#FIRST_SEEN}, to the one named first
 * in the input (the convention of the reference figures in Zheng et al., PVLDB 2017).
 * A source's trust is the share of its claims that agree with the winning value.
 *
 * @implNote One pass over the claims: O(claims + candidates) time, O(candidates + sources)
 *     memory.
 * @since 0.1
 */
public final class MajorityVote extends AbstractReconciler {

  /** How to order candidates with equal votes. */
  public enum TieBreak {
    /** The candidate first in canonical value order wins: independent of input order. */
    CANONICAL,
    /** The candidate named first in the input wins (depends on input order). */
    FIRST_SEEN
  }

  private static final MajorityVote DEFAULTS = new MajorityVote(TieBreak.CANONICAL);

  private final TieBreak tieBreak;

  private MajorityVote(TieBreak tieBreak) {
    super(1, 0);
    this.tieBreak = tieBreak;
  }

  /**
   * Majority vote with canonical tie-breaking.
   *
   * @return the algorithm
   */
  public static MajorityVote withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns majority vote with the given tie-breaking rule.
   *
   * @param rule the rule
   * @return the algorithm
   */
  public MajorityVote withTieBreak(TieBreak rule) {
    return new MajorityVote(checkNotNull(rule, "tieBreak"));
  }

  /**
   * {@code "majority-vote"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "majority-vote";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("tieBreak", tieBreak.name());
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    Estimate e = new Estimate(index);
    double[] ones = new double[index.sourceCount()];
    Arrays.fill(ones, 1.0);
    Votes.tally(index, ones, e.candProb);
    Votes.normalise(index, e.candProb);
    if (tieBreak == TieBreak.FIRST_SEEN) {
      e.tieRank = index.candFirstSeen();
    }
    Votes.agreement(index, e.candProb, e.trust);
    Arrays.fill(e.voteWeight, 1.0);
    return e;
  }
}
