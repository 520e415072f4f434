package io.github.rashomon.engine;

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
 * @implNote Each iteration is two passes over the claims, each split across {@link #threads()}
 *     threads (see {@link #withThreads(int)}): O(claims + candidates + sources) time;
 *     O(candidates + sources × stripes) memory besides the index.
 * @since 0.1
 */
public final class Sums extends AbstractReconciler implements Threaded {
  private static final Sums DEFAULTS = new Sums(20, 1e-6, Parallel.ALL_PROCESSORS);

  private final int threads;

  private Sums(int maxIterations, double tolerance, int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("sums", threads);
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
    return new Sums(iterations, tolerance, threads);
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
    return new Sums(maxIterations, tolerance, threads);
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
  public Sums withThreads(int n) {
    return new Sums(maxIterations, tolerance, n);
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
   * {@code "sums"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "sums";
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    return iterate(index, null, threads, maxIterations, tolerance);
  }

  /**
   * The Sums iteration; with {@code sourceFactor} each source's gathered score is multiplied by
   * its factor before scaling, which is all that distinguishes {@link AverageLog}.
   */
  static Estimate iterate(
      ClaimIndex index, double[] sourceFactor, int threads, int maxIterations, double tolerance) {
    Estimate e = new Estimate(index);
    int[] claims = FactFinding.claimCounts(index);
    double[] belief = new double[index.candidateCount()];
    java.util.Arrays.fill(belief, 0.5);
    double[] trust = new double[index.sourceCount()];
    double[] nextTrust = new double[trust.length];
    double[] nextBelief = new double[belief.length];
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    try (Sweep sweep = Sweep.open(index, threads, trust.length)) {
      double[][] partial = sweep.partials(trust.length);
      while (it < maxIterations && !(change <= tolerance)) {
        sweep.gather(belief, nextTrust, partial);
        if (sourceFactor != null) {
          for (int s = 0; s < nextTrust.length; s++) {
            nextTrust[s] *= sourceFactor[s];
          }
        }
        FactFinding.scaleToMax(nextTrust);
        sweep.tally(nextTrust, nextBelief);
        FactFinding.scaleToMax(nextBelief);
        change =
            Math.max(
                FactFinding.maxAbsChange(trust, nextTrust),
                FactFinding.maxAbsChange(belief, nextBelief));
        double[] t = trust;
        trust = nextTrust;
        nextTrust = t;
        double[] b = belief;
        belief = nextBelief;
        nextBelief = b;
        it++;
        Progress.iteration(it, maxIterations);
      }
    }
    System.arraycopy(belief, 0, e.candProb, 0, belief.length);
    Votes.normalise(index, e.candProb);
    FactFinding.trustFromScores(trust, claims, e.trust);
    System.arraycopy(trust, 0, e.voteWeight, 0, trust.length);
    e.iterations = it;
    e.converged = change <= tolerance;
    e.finalChange = change;
    return e;
  }
}
