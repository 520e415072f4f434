package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;

/**
 * 3-Estimates: {@link TwoEstimates} with a third estimate, the difficulty of each fact, so that
 * an error on a hard fact costs a source less trust than an error on an easy one.
 *
 * <p>From A. Galland, S. Abiteboul, A. Marian and P. Senellart, "Corroborating Information from
 * Disagreeing Views", WSDM 2010. Votes are read as in 2-Estimates: a claim affirming a candidate
 * is a positive vote on it and a negative vote on every other candidate of its question, a denial
 * a negative vote on the denied candidate alone, used directly. A source V errs on a fact f with
 * probability ε(f)·ε(V), giving
 *
 * <pre>{@code
 * π(f) = (1 / |V(f)|) · ( Σ_{V votes f+} (1 - ε(f)ε(V)) + Σ_{V votes f-} ε(f)ε(V) )
 * ε(V) = (1 / |F(V)|) · ( Σ_{f+ ∈ V} (1 - π(f)) / ε(f) + Σ_{f- ∈ V} π(f) / ε(f) )
 * ε(f) = (1 / |V(f)|) · ( Σ_{V votes f+} (1 - π(f)) / ε(V) + Σ_{V votes f-} π(f) / ε(V) )
 * }</pre>
 *
 * <p>Each iteration computes π, ε(V) and ε(f) in turn, normalising each after it is computed
 * with the paper's normalisation: the affine map sending the smallest value to 0 and the largest
 * to 1, mixed with weight λ : 1 - λ with the value rounded to 0 or 1 ({@link
 * #normalisationWeight()}, 0.5 by default). For the details we follow the implementation in the
 * DAFNA platform (Waguih and Berti-Equille 2014): the order π, ε(V), ε(f);
 * rescaling and rounding of the raw estimate over all facts, resp. all sources, at once; a term
 * that would divide by an estimate normalised to exactly 0 left out of its sum (its vote still
 * counts in the mean); every fact starting with difficulty 0.4, DAFNA's starting value (sources
 * start with error rate 0.2, which does not affect the run). Unlike DAFNA we clamp the rounded
 * value to [0, 1]: the raw ε(V) and ε(f) are divided by an estimate and can exceed 1, and
 * rounding them to 2 or 3 would push probabilities below 0. A claim with a weight weighs each of
 * its votes.
 *
 * <p>Reading the scores: a candidate's probability is π(f) divided by the total π of its
 * question's candidates; a source's trust is {@code 1 - ε(V)} after normalisation, or 0.5 for a
 * source without claims. The run stops when no estimate changes by more than the tolerance
 * (10⁻⁶) in an iteration, or after 100 iterations; the rounding in the normalisation can make it
 * oscillate, which the provenance then reports as not converged.
 *
 * @implNote Each iteration is three passes over the claims and one over the candidates, each
 *     split across {@link #threads()} threads (see {@link #withThreads(int)}): O(claims +
 *     candidates + sources) time; O(candidates + sources × stripes) memory besides the index.
 * @since 0.1
 */
public final class ThreeEstimates extends AbstractReconciler {
  private static final ThreeEstimates DEFAULTS =
      new ThreeEstimates(100, 1e-6, 0.5, Parallel.ALL_PROCESSORS);

  private final double normalisationWeight;
  private final int threads;

  private ThreeEstimates(
      int maxIterations, double tolerance, double normalisationWeight, int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("three-estimates", threads);
    checkArgument(
        normalisationWeight >= 0 && normalisationWeight <= 1,
        "three-estimates: normalisationWeight must be in [0, 1], got %s",
        normalisationWeight);
    this.normalisationWeight = normalisationWeight;
  }

  /**
   * 3-Estimates with λ = 0.5, at most 100 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static ThreeEstimates withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns 3-Estimates with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public ThreeEstimates withIterations(int iterations) {
    return new ThreeEstimates(iterations, tolerance, normalisationWeight, threads);
  }

  /**
   * Returns 3-Estimates with another tolerance.
   *
   * @param tolerance the largest change in any normalised estimate at which the iteration stops,
   *     finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public ThreeEstimates withTolerance(double tolerance) {
    return new ThreeEstimates(maxIterations, tolerance, normalisationWeight, threads);
  }

  /**
   * Returns 3-Estimates with another normalisation weight λ: 1 keeps the affine rescaling only, 0
   * rounds every estimate to 0 or 1.
   *
   * @param lambda the weight, in [0, 1]
   * @return the algorithm
   * @throws IllegalArgumentException if {@code lambda} is outside [0, 1]
   */
  public ThreeEstimates withNormalisationWeight(double lambda) {
    return new ThreeEstimates(maxIterations, tolerance, lambda, threads);
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
  public ThreeEstimates withThreads(int n) {
    return new ThreeEstimates(maxIterations, tolerance, normalisationWeight, n);
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
   * {@code "three-estimates"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "three-estimates";
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
        index, true, normalisationWeight, threads, maxIterations, tolerance);
  }
}
