package io.github.rashomon.engine;

/**
 * Average·Log: a source is as trustworthy as the mean belief in its claims, scaled by the
 * logarithm of how many claims it makes; a claim as believable as the total trust of its sources.
 *
 * <p>From J. Pasternack and D. Roth, "Knowing What to Believe (when you already know
 * something)", COLING 2010: {@code T(s) = log|C_s| · Σ_{c ∈ C_s} B(c) / |C_s|} and {@code B(c) =
 * Σ_{s ∈ S_c} T(s)}, both vectors divided by their largest entry after every iteration, starting
 * from uniform belief ({@code B⁰(c) = 0.5}). The mean keeps prolific sources from winning by
 * volume alone, as they do under {@link Sums}; the logarithm still rewards a record of many
 * claims. {@code |C_s|} is the number of the source's claims, so a source with a single claim has
 * trust 0 (log 1 = 0) and does not count: if every source has one claim, every belief is 0 and
 * each question's candidates come out equally likely.
 *
 * <p>Reading the scores: a candidate's probability is its belief divided by the total belief of
 * its question's candidates; a source's trust is its score divided by the largest source score. A
 * source without claims gets trust 0.5. A claim with a weight counts with that weight in both
 * sums. A denial of a candidate is a vote for the question's other candidates, split evenly among
 * them (the convention of {@link MajorityVote}); the source's trust then reads their mean belief.
 *
 * <p>Defaults: 20 iterations, the fixed count common reimplementations run (e.g. the Python
 * library at github.com/joesingo/truthdiscovery); the run stops earlier when no scaled belief or
 * trust changes by more than the tolerance (10⁻⁶) in an iteration.
 *
 * @implNote Each iteration is two passes over the claims, each split across {@link #threads()}
 *     threads (see {@link #withThreads(int)}): O(claims + candidates + sources) time;
 *     O(candidates + sources × stripes) memory besides the index.
 * @since 0.1
 */
public final class AverageLog extends AbstractReconciler implements Threaded {
  private static final AverageLog DEFAULTS = new AverageLog(20, 1e-6, Parallel.ALL_PROCESSORS);

  private final int threads;

  private AverageLog(int maxIterations, double tolerance, int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("average-log", threads);
  }

  /**
   * Average·Log with 20 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static AverageLog withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns Average·Log with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public AverageLog withIterations(int iterations) {
    return new AverageLog(iterations, tolerance, threads);
  }

  /**
   * Returns Average·Log with another tolerance.
   *
   * @param tolerance the largest change in any scaled belief or trust at which the iteration
   *     stops, finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public AverageLog withTolerance(double tolerance) {
    return new AverageLog(maxIterations, tolerance, threads);
  }
  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }


  /**
   * Returns this algorithm run on {@code n} threads. The questions are split into the same
   * stripes whatever the thread count and per-source sums are reduced in stripe order, so the
   * result is identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public AverageLog withThreads(int n) {
    return new AverageLog(maxIterations, tolerance, n);
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
   * {@code "average-log"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "average-log";
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    int[] claims = FactFinding.claimCounts(index);
    double[] logOverCount = new double[index.sourceCount()];
    for (int s = 0; s < logOverCount.length; s++) {
      logOverCount[s] = claims[s] > 0 ? Math.log(claims[s]) / claims[s] : 0;
    }
    // Sums with each source's total scaled by log|C_s| / |C_s|: the average times the log.
    return Sums.iterate(index, logOverCount, threads, maxIterations, tolerance);
  }
}
