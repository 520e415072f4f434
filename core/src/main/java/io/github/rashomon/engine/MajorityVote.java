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
 * @implNote One pass over the claims, split across {@link #threads()} threads: O(claims +
 *     candidates) time, O(candidates + sources × stripes) memory (see {@link #withThreads(int)}).
 * @since 0.1
 */
public final class MajorityVote extends AbstractReconciler implements Threaded {

  /** How to order candidates with equal votes. */
  public enum TieBreak {
    /** The candidate first in canonical value order wins: independent of input order. */
    CANONICAL,
    /** The candidate named first in the input wins (depends on input order). */
    FIRST_SEEN
  }

  private static final MajorityVote DEFAULTS =
      new MajorityVote(TieBreak.CANONICAL, Parallel.ALL_PROCESSORS);

  private final TieBreak tieBreak;
  private final int threads;

  private MajorityVote(TieBreak tieBreak, int threads) {
    super(1, 0);
    this.tieBreak = tieBreak;
    this.threads = Parallel.checkThreads("majority-vote", threads);
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
    return new MajorityVote(checkNotNull(rule, "tieBreak"), threads);
  }

  /**
   * Returns majority vote run on {@code n} threads. The questions are split into the same stripes
   * whatever the thread count and per-source sums are reduced in stripe order, so the result is
   * identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public MajorityVote withThreads(int n) {
    return new MajorityVote(tieBreak, n);
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
    int ns = index.sourceCount();
    double[] ones = new double[ns];
    Arrays.fill(ones, 1.0);
    double[] agree = new double[ns];
    double[] total = new double[ns];
    try (Sweep sweep = Sweep.open(index, threads, 2L * ns)) {
      double[][] agreeParts = sweep.partials(ns);
      double[][] totalParts = sweep.partials(ns);
      // One pass: each stripe tallies, normalises and scores agreement for its questions.
      sweep.forEach(
          (p, from, to) -> {
            for (int q = from; q < to; q++) {
              Votes.tallyQuestion(index, q, ones, e.candProb);
              Votes.normaliseQuestion(index, q, e.candProb);
              Votes.agreementQuestion(index, q, e.candProb, agreeParts[p], totalParts[p]);
            }
          });
      Sweep.reduce(agreeParts, agree);
      Sweep.reduce(totalParts, total);
    }
    if (tieBreak == TieBreak.FIRST_SEEN) {
      e.tieRank = index.candFirstSeen();
    }
    Votes.agreementRates(agree, total, e.trust);
    Arrays.fill(e.voteWeight, 1.0);
    return e;
  }
}
