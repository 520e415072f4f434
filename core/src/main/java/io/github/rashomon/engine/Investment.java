package io.github.rashomon.engine;

import java.util.Arrays;

/**
 * Investment: sources invest their trust uniformly in their claims, a claim's belief grows
 * non-linearly with the trust invested in it, and each source earns back a share of the belief in
 * its claims proportional to what it invested.
 *
 * <p>From J. Pasternack and D. Roth, "Knowing What to Believe (when you already know
 * something)", COLING 2010:
 *
 * <pre>{@code
 * T(s) = Σ_{c ∈ C_s} B(c) · (T'(s) / |C_s|) / Σ_{r ∈ S_c} (T'(r) / |C_r|)   (T' the previous trust)
 * B(c) = G(Σ_{s ∈ S_c} T(s) / |C_s|),   G(x) = x^g,  g = 1.2
 * }</pre>
 *
 * <p>Every source starts with trust 1, and each claim with the belief voting gives it: its share
 * of the claims on its question ({@code B⁰(c) = |S_c| / Σ_{d ∈ M_c} |S_d|}, M_c the question's
 * candidates), the "voted" prior that common reimplementations use for Investment (e.g. the
 * Python library at github.com/joesingo/truthdiscovery). Both vectors are divided by
 * their largest entry after every iteration; the updates are invariant to that scaling up to a
 * constant, so it only keeps the numbers bounded.
 *
 * <p>Reading the scores: a candidate's probability is its belief divided by the total belief of
 * its question's candidates; a source's trust is its score divided by the largest source score. A
 * source without claims gets trust 0.5. A claim with a weight invests that share of the source's
 * trust ({@code |C_s|} becomes the total weight of the source's claims). A denial of a candidate
 * invests in the question's other candidates, split evenly among them (the convention of {@link
 * MajorityVote}).
 *
 * <p>Defaults: exponent g = 1.2 (the paper's), 20 iterations (the fixed count common
 * reimplementations run), tolerance 10⁻⁶ on the largest change of a scaled belief or trust.
 *
 * @implNote Each iteration is four passes over the claims: O(claims + candidates + sources)
 *     time; O(candidates + sources) memory besides the index.
 * @since 0.1
 */
public final class Investment extends AbstractInvestment {
  private static final Investment DEFAULTS = new Investment(20, 1e-6, 1.2);

  private Investment(int maxIterations, double tolerance, double exponent) {
    super(maxIterations, tolerance, exponent);
  }

  /**
   * Investment with exponent 1.2, 20 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static Investment withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns Investment with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Investment withIterations(int iterations) {
    return new Investment(iterations, tolerance, exponent);
  }

  /**
   * Returns Investment with another tolerance.
   *
   * @param tolerance the largest change in any scaled belief or trust at which the iteration
   *     stops, finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public Investment withTolerance(double tolerance) {
    return new Investment(maxIterations, tolerance, exponent);
  }
  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }


  /**
   * Returns Investment with another growth exponent.
   *
   * @param g the exponent of {@code G(x) = x^g}, finite and positive (1 makes growth linear)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code g} is not finite and positive
   */
  public Investment withExponent(double g) {
    return new Investment(maxIterations, tolerance, g);
  }

  /**
   * {@code "investment"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "investment";
  }

  @Override
  void initialBelief(ClaimIndex index, double[] belief) {
    // Each candidate's share of the votes on its question.
    double[] ones = new double[index.sourceCount()];
    Arrays.fill(ones, 1.0);
    Votes.tally(index, ones, belief);
    Votes.normalise(index, belief);
  }

  @Override
  void grow(ClaimIndex index, double[] invested, double[] belief) {
    for (int c = 0; c < belief.length; c++) {
      belief[c] = Math.pow(invested[c], exponent);
    }
  }
}
