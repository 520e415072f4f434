package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
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
public final class Investment extends AbstractReconciler {
  private static final Investment DEFAULTS = new Investment(20, 1e-6, 1.2);

  private final double exponent;

  private Investment(int maxIterations, double tolerance, double exponent) {
    super(maxIterations, tolerance);
    checkArgument(
        exponent > 0 && Double.isFinite(exponent),
        "investment: exponent must be finite and > 0, got %s",
        exponent);
    this.exponent = exponent;
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
   * The growth exponent g of {@code G(x) = x^g}.
   *
   * @return the exponent
   */
  public double exponent() {
    return exponent;
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
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("exponent", Double.toString(exponent));
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    double[] belief = new double[index.candidateCount()];
    double[] ones = new double[index.sourceCount()];
    Arrays.fill(ones, 1.0);
    Votes.tally(index, ones, belief);
    Votes.normalise(index, belief);
    return invest(index, belief, exponent, false, maxIterations, tolerance);
  }

  /**
   * The Investment iteration, shared with {@link PooledInvestment}: from the initial belief, with
   * growth {@code x^g}, pooled within each question or not.
   */
  static Estimate invest(
      ClaimIndex index,
      double[] belief,
      double g,
      boolean pooled,
      int maxIterations,
      double tolerance) {
    Estimate e = new Estimate(index);
    int ns = index.sourceCount();
    int nc = index.candidateCount();
    int[] claims = FactFinding.claimCounts(index);
    double[] weight = FactFinding.claimWeights(index);
    double[] trust = new double[ns];
    for (int s = 0; s < ns; s++) {
      trust[s] = weight[s] > 0 ? 1 : 0;
    }
    double[] stake = new double[ns];
    double[] pool = new double[nc];
    double[] ratio = new double[nc];
    double[] nextTrust = new double[ns];
    double[] nextBelief = new double[nc];
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    while (it < maxIterations && !(change <= tolerance)) {
      // What each source invests per unit of claim weight, and the total invested in each claim.
      perClaim(trust, weight, stake);
      Votes.tally(index, stake, pool);
      for (int c = 0; c < nc; c++) {
        ratio[c] = pool[c] > 0 ? belief[c] / pool[c] : 0;
      }
      // Returns in proportion to the share invested.
      FactFinding.gather(index, ratio, nextTrust);
      for (int s = 0; s < ns; s++) {
        nextTrust[s] *= stake[s];
      }
      FactFinding.scaleToMax(nextTrust);
      perClaim(nextTrust, weight, stake);
      Votes.tally(index, stake, pool);
      if (pooled) {
        for (int q = 0; q < index.questionCount(); q++) {
          int from = index.questionCandStart[q];
          int to = index.questionCandStart[q + 1];
          double grown = 0;
          // Each power once (they cost more than the rest of the iteration together).
          for (int c = from; c < to; c++) {
            nextBelief[c] = Math.pow(pool[c], g);
            grown += nextBelief[c];
          }
          for (int c = from; c < to; c++) {
            nextBelief[c] = grown > 0 ? pool[c] * nextBelief[c] / grown : 0;
          }
        }
      } else {
        for (int c = 0; c < nc; c++) {
          nextBelief[c] = Math.pow(pool[c], g);
        }
      }
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
    System.arraycopy(belief, 0, e.candProb, 0, nc);
    Votes.normalise(index, e.candProb);
    FactFinding.trustFromScores(trust, claims, e.trust);
    perClaim(trust, weight, e.voteWeight);
    e.iterations = it;
    e.converged = change <= tolerance;
    e.finalChange = change;
    return e;
  }

  private static void perClaim(double[] trust, double[] weight, double[] out) {
    for (int s = 0; s < trust.length; s++) {
      out[s] = weight[s] > 0 ? trust[s] / weight[s] : 0;
    }
  }
}
