package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;

/**
 * 2-Estimates: estimates at once the probability that each fact is true and the error rate of each
 * source, where a source that gives one value for a question votes against its other values.
 *
 * <p>From A. Galland, S. Abiteboul, A. Marian and P. Senellart, "Corroborating Information from
 * Disagreeing Views", WSDM 2010. Each candidate is a fact; a claim affirming a candidate is a
 * positive vote on it and a negative vote on every other candidate of its question (the paper's
 * reading of a functional attribute), and a denial is a negative vote on the denied candidate
 * alone, used directly. With ε(V) the error rate of source V and π(f) the probability that fact f
 * is true:
 *
 * <pre>{@code
 * π(f) = (1 / |V(f)|) · ( Σ_{V votes f+} (1 - ε(V)) + Σ_{V votes f-} ε(V) )
 * ε(V) = (1 / |F(V)|) · ( Σ_{f+ ∈ V} (1 - π(f))  + Σ_{f- ∈ V} π(f) )
 * }</pre>
 *
 * <p>Each iteration computes π from ε, normalises π, computes ε from π and normalises ε. The
 * normalisation is the paper's guard against the trivial fixpoint where everything is 1/2: the
 * affine map sending the smallest value to 0 and the largest to 1, mixed with weight λ : 1 - λ
 * with the value rounded to 0 or 1 ({@link #normalisationWeight()}, 0.5 by default). For the
 * details we follow the implementation in the DAFNA platform (Waguih and Berti-Equille 2014):
 * rescaling and rounding apply to the raw estimate, over all facts, resp.
 * all sources, at once. Every source starts with error rate 0.2; any uniform value below 1/2
 * gives the same run. A claim with a weight weighs each of its votes, in the sums and in the
 * counts.
 *
 * <p>Reading the scores: a candidate's probability is π(f) divided by the total π of its
 * question's candidates; a source's trust is {@code 1 - ε(V)} after normalisation (so the best
 * source has trust 1 and the worst 0), or 0.5 for a source without claims. The run stops when no
 * π or ε changes by more than the tolerance (10⁻⁶) in an iteration, or after 100 iterations; the
 * rounding in the normalisation can make it oscillate, which the provenance then reports as not
 * converged.
 *
 * @implNote Each iteration is two passes over the claims, each split across {@link #threads()}
 *     threads (see {@link #withThreads(int)}): O(claims + candidates + sources) time;
 *     O(candidates + sources × stripes) memory besides the index.
 * @since 0.1
 */
public final class TwoEstimates extends AbstractReconciler {
  private static final TwoEstimates DEFAULTS =
      new TwoEstimates(100, 1e-6, 0.5, Parallel.ALL_PROCESSORS);

  private final double normalisationWeight;
  private final int threads;

  private TwoEstimates(
      int maxIterations, double tolerance, double normalisationWeight, int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("two-estimates", threads);
    checkArgument(
        normalisationWeight >= 0 && normalisationWeight <= 1,
        "two-estimates: normalisationWeight must be in [0, 1], got %s",
        normalisationWeight);
    this.normalisationWeight = normalisationWeight;
  }

  /**
   * 2-Estimates with λ = 0.5, at most 100 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static TwoEstimates withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns 2-Estimates with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public TwoEstimates withIterations(int iterations) {
    return new TwoEstimates(iterations, tolerance, normalisationWeight, threads);
  }

  /**
   * Returns 2-Estimates with another tolerance.
   *
   * @param tolerance the largest change in any normalised estimate at which the iteration stops,
   *     finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public TwoEstimates withTolerance(double tolerance) {
    return new TwoEstimates(maxIterations, tolerance, normalisationWeight, threads);
  }

  /**
   * Returns 2-Estimates with another normalisation weight λ: 1 keeps the affine rescaling only, 0
   * rounds every estimate to 0 or 1.
   *
   * @param lambda the weight, in [0, 1]
   * @return the algorithm
   * @throws IllegalArgumentException if {@code lambda} is outside [0, 1]
   */
  public TwoEstimates withNormalisationWeight(double lambda) {
    return new TwoEstimates(maxIterations, tolerance, lambda, threads);
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
  public TwoEstimates withThreads(int n) {
    return new TwoEstimates(maxIterations, tolerance, normalisationWeight, n);
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
   * The normalisation weight λ.
   *
   * @return λ
   */
  public double normalisationWeight() {
    return normalisationWeight;
  }

  /**
   * {@code "two-estimates"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "two-estimates";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("normalisationWeight", Double.toString(normalisationWeight));
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    return GallandEstimates.run(
        index, false, normalisationWeight, threads, maxIterations, tolerance);
  }
}
