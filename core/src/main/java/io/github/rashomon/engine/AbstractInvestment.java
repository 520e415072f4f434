package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;

/**
 * What {@link Investment} and {@link PooledInvestment} share: the growth exponent, and the
 * iteration in which sources invest their trust in their claims and earn back a share of the
 * belief in those claims, in proportion to what they invested. The two differ in the initial
 * belief and in how the trust invested in a candidate grows into belief.
 */
abstract class AbstractInvestment extends AbstractReconciler {
  final double exponent;

  AbstractInvestment(int maxIterations, double tolerance, double exponent) {
    super(maxIterations, tolerance);
    checkArgument(
        exponent > 0 && Double.isFinite(exponent),
        "%s: exponent must be finite and > 0, got %s",
        name(),
        exponent);
    this.exponent = exponent;
  }

  /**
   * The growth exponent g of {@code G(x) = x^g}.
   *
   * @return the exponent
   */
  public double exponent() {
    return exponent;
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("exponent", Double.toString(exponent));
  }

  /** Fills the belief each candidate starts with. */
  abstract void initialBelief(ClaimIndex index, double[] belief);

  /**
   * Fills the belief each candidate grows from the trust invested in it ({@code H(c)} in the
   * paper); the iteration scales it afterwards.
   */
  abstract void grow(ClaimIndex index, double[] invested, double[] belief);

  @Override
  final Estimate estimate(ClaimIndex index) {
    Estimate e = new Estimate(index);
    int ns = index.sourceCount();
    int nc = index.candidateCount();
    double[] startBelief = new double[nc];
    initialBelief(index, startBelief);
    double[] weight = FactFinding.claimWeights(index);
    double[] startTrust = new double[ns];
    for (int s = 0; s < ns; s++) {
      startTrust[s] = weight[s] > 0 ? 1 : 0;
    }
    double[] stake = new double[ns];
    double[] pool = new double[nc];
    double[] ratio = new double[nc];
    double[] trust =
        FactFinding.iterate(
            index,
            startTrust,
            startBelief,
            maxIterations,
            tolerance,
            (previousTrust, belief, nextTrust) -> {
              // What each source invests per unit of claim weight, and the total invested in
              // each claim.
              perClaim(previousTrust, weight, stake);
              Votes.tally(index, stake, pool);
              for (int c = 0; c < nc; c++) {
                ratio[c] = pool[c] > 0 ? belief[c] / pool[c] : 0;
              }
              // Returns in proportion to the share invested.
              FactFinding.gather(index, ratio, nextTrust);
              for (int s = 0; s < ns; s++) {
                nextTrust[s] *= stake[s];
              }
            },
            (newTrust, nextBelief) -> {
              perClaim(newTrust, weight, stake);
              Votes.tally(index, stake, pool);
              grow(index, pool, nextBelief);
            },
            e);
    perClaim(trust, weight, e.voteWeight);
    return e;
  }

  private static void perClaim(double[] trust, double[] weight, double[] out) {
    for (int s = 0; s < trust.length; s++) {
      out[s] = weight[s] > 0 ? trust[s] / weight[s] : 0;
    }
  }
}
