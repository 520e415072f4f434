package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;

/**
 * PooledInvestment: {@link Investment} in which the belief a question's candidates earn is pooled
 * and shared out among them, so that mutually exclusive claims compete for belief.
 *
 * <p>From J. Pasternack and D. Roth, "Knowing What to Believe (when you already know
 * something)", COLING 2010. Trust is updated as in Investment; the belief of a claim c whose
 * question has candidates M_c is
 *
 * <pre>{@code
 * H(c) = Σ_{s ∈ S_c} T(s) / |C_s|
 * B(c) = H(c) · G(H(c)) / Σ_{d ∈ M_c} G(H(d)),   G(x) = x^g,  g = 1.4
 * }</pre>
 *
 * <p>so a claim's growth is measured against its rivals' rather than in absolute terms. Every
 * source starts with trust 1 and every candidate with
 * the uniform belief {@code 1 / |M_c|} (the initial belief common reimplementations use for
 * PooledInvestment, e.g. the Python library at github.com/joesingo/truthdiscovery). Both vectors
 * are divided by their largest entry after every iteration, which only keeps them bounded.
 *
 * <p>Reading the scores: a candidate's probability is its belief divided by the total belief of
 * its question's candidates; a source's trust is its score divided by the largest source score. A
 * source without claims gets trust 0.5. A claim with a weight invests that share of the source's
 * trust ({@code |C_s|} becomes the total weight of the source's claims). A denial of a candidate
 * invests in the question's other candidates, split evenly among them (the convention of {@link
 * MajorityVote}).
 *
 * <p>Defaults: exponent g = 1.4 (the paper's), 20 iterations (the fixed count common
 * reimplementations run), tolerance 10⁻⁶ on the largest change of a scaled belief or trust.
 *
 * @implNote Each iteration is two passes over the claims and one over the candidates, each split
 *     across {@link #threads()} threads (see {@link #withThreads(int)}), and one power per
 *     candidate with investors: O(claims + candidates + sources) time; O(candidates + sources ×
 *     stripes) memory besides the index.
 * @since 0.1
 */
public final class PooledInvestment extends AbstractReconciler {
  private static final PooledInvestment DEFAULTS =
      new PooledInvestment(20, 1e-6, 1.4, Parallel.ALL_PROCESSORS);

  private final double exponent;
  private final int threads;

  private PooledInvestment(int maxIterations, double tolerance, double exponent, int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("pooled-investment", threads);
    checkArgument(
        exponent > 0 && Double.isFinite(exponent),
        "pooled-investment: exponent must be finite and > 0, got %s",
        exponent);
    this.exponent = exponent;
  }

  /**
   * PooledInvestment with exponent 1.4, 20 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static PooledInvestment withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns PooledInvestment with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public PooledInvestment withIterations(int iterations) {
    return new PooledInvestment(iterations, tolerance, exponent, threads);
  }

  /**
   * Returns PooledInvestment with another tolerance.
   *
   * @param tolerance the largest change in any scaled belief or trust at which the iteration
   *     stops, finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public PooledInvestment withTolerance(double tolerance) {
    return new PooledInvestment(maxIterations, tolerance, exponent, threads);
  }
  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }


  /**
   * Returns PooledInvestment with another growth exponent.
   *
   * @param g the exponent of {@code G(x) = x^g}, finite and positive
   * @return the algorithm
   * @throws IllegalArgumentException if {@code g} is not finite and positive
   */
  public PooledInvestment withExponent(double g) {
    return new PooledInvestment(maxIterations, tolerance, g, threads);
  }

  /**
   * Returns PooledInvestment run on {@code n} threads. The questions are split into the same stripes
   * whatever the thread count and per-source sums are reduced in stripe order, so the result is
   * identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public PooledInvestment withThreads(int n) {
    return new PooledInvestment(maxIterations, tolerance, exponent, n);
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
   * The growth exponent g of {@code G(x) = x^g}.
   *
   * @return the exponent
   */
  public double exponent() {
    return exponent;
  }

  /**
   * {@code "pooled-investment"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "pooled-investment";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("exponent", Double.toString(exponent));
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    double[] belief = new double[index.candidateCount()];
    for (int q = 0; q < index.questionCount(); q++) {
      int from = index.questionCandStart[q];
      int to = index.questionCandStart[q + 1];
      for (int c = from; c < to; c++) {
        belief[c] = 1.0 / (to - from);
      }
    }
    return Investment.invest(index, belief, exponent, true, threads, maxIterations, tolerance);
  }
}
