package io.github.rashomon.engine;

import java.util.Arrays;

/**
 * Sums, the Hubs-and-Authorities fact-finder: a source is as trustworthy as the total belief in
 * its claims, and a claim as believable as the total trust of its sources.
 *
 * <p>Kleinberg's hubs and authorities (JACM 1999) as a fact-finder, in the form given by J.
 * Pasternack and D. Roth, "Knowing What to Believe (when you already know something)", COLING
 * 2010: {@code T(s) = Σ_{c ∈ C_s} B(c)} and {@code B(c) = Σ_{s ∈ S_c} T(s)}, both vectors divided
 * by their largest entry after every iteration so they stay bounded. The initial belief is
 * uniform ({@code B⁰(c) = 0.5}; any uniform value gives the same result, since only the
 * direction of the vectors matters).
 *
 * <p>Reading the scores: a candidate's probability is its belief divided by the total belief of
 * its question's candidates; a source's trust is its score divided by the largest source score, so
 * the most trusted source has trust 1 (the scores are relative, not probabilities). A source
 * without claims gets trust 0.5. A claim with a weight counts with that weight in both sums. A
 * denial of a candidate is a vote for the question's other candidates, split evenly among them
 * (the convention of {@link MajorityVote}); the source's trust then reads their mean belief.
 *
 * <p>Sums favours sources that make many claims: trust grows with the number of claims, not only
 * their quality. {@link AverageLog} and {@link Investment} were designed to temper this.
 *
 * <p>Defaults: 20 iterations, the fixed count common reimplementations run (e.g. the Python
 * library at github.com/joesingo/truthdiscovery); the run stops earlier when no scaled belief or
 * trust changes by more than the tolerance (10⁻⁶) in an iteration.
 *
 * @implNote Each iteration is two passes over the claims: O(claims + candidates + sources) time;
 *     O(candidates + sources) memory besides the index.
 * @since 0.1
 */
public final class Sums extends AbstractReconciler {
  private static final Sums DEFAULTS = new Sums(20, 1e-6);

  private Sums(int maxIterations, double tolerance) {
    super(maxIterations, tolerance);
  }

  /**
   * Sums with 20 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static Sums withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns Sums with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Sums withIterations(int iterations) {
    return new Sums(iterations, tolerance);
  }

  /**
   * Returns Sums with another tolerance.
   *
   * @param tolerance the largest change in any scaled belief or trust at which the iteration
   *     stops, finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public Sums withTolerance(double tolerance) {
    return new Sums(maxIterations, tolerance);
  }

  /**
   * {@code "sums"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "sums";
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    return iterate(index, null, maxIterations, tolerance);
  }

  /**
   * The Sums iteration, shared with {@link AverageLog}: from uniform belief, with each source's
   * total belief multiplied by {@code sourceFactor[s]} before scaling (by nothing when null).
   */
  static Estimate iterate(
      ClaimIndex index, double[] sourceFactor, int maxIterations, double tolerance) {
    Estimate e = new Estimate(index);
    double[] startBelief = new double[index.candidateCount()];
    Arrays.fill(startBelief, 0.5);
    double[] trust =
        FactFinding.iterate(
            index,
            new double[index.sourceCount()],
            startBelief,
            maxIterations,
            tolerance,
            (previousTrust, belief, nextTrust) -> {
              FactFinding.gather(index, belief, nextTrust);
              if (sourceFactor != null) {
                for (int s = 0; s < nextTrust.length; s++) {
                  nextTrust[s] *= sourceFactor[s];
                }
              }
            },
            (newTrust, nextBelief) -> Votes.tally(index, newTrust, nextBelief),
            e);
    System.arraycopy(trust, 0, e.voteWeight, 0, trust.length);
    return e;
  }
}
