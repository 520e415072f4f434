package io.github.rashomon.credibility;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * How far a source or a claim is to be believed: a probability together with its uncertainty.
 *
 * <p>A {@code Credibility} is a binomial subjective-logic opinion (Jøsang, <i>Subjective Logic: A
 * Formalism for Reasoning Under Uncertainty</i>, Springer 2016, ch. 3): belief {@code b},
 * disbelief {@code d} and uncertainty {@code u} with {@code b + d + u = 1}, and a base rate
 * {@code a}, the probability assumed in the absence of evidence. It is equivalent to a Beta
 * distribution over the probability that the source is right, with {@code r} positive and {@code
 * s} negative observations and non-informative prior weight {@link #PRIOR_WEIGHT W = 2}:
 *
 * <pre>{@code
 * b = r / (r + s + W)    d = s / (r + s + W)    u = W / (r + s + W)
 * }</pre>
 *
 * <p>The single number to act on is the {@linkplain #probability() projected probability} {@code
 * b + a·u}. Instances are immutable; the components are validated on construction (finite, in
 * [0, 1], summing to 1 within {@value #TOLERANCE}).
 *
 * <pre>{@code
 * // Belief 0.6, disbelief 0.1, uncertainty 0.3, base rate 0.5: probability 0.75.
 * Credibility witness = Credibility.of(0.6, 0.1, 0.3, 0.5);
 * Credibility history = Credibility.fromEvidence(8, 2, 0.5); // 8 claims right, 2 wrong
 * Credibility heard = witness.discountedBy(Credibility.ofProbability(0.8, 0.1)); // via a relay
 * Credibility both = witness.fuse(history); // independent evidence: less uncertain
 * System.out.printf("%.2f, uncertainty %.2f%n", both.probability(), both.uncertainty());
 * }</pre>
 *
 * @since 0.1
 */
public final class Credibility {

  /** The non-informative prior weight {@code W} of the Beta mapping, as in Jøsang (2016). */
  public static final double PRIOR_WEIGHT = 2.0;

  /** How far {@code b + d + u} may stray from 1 before an opinion is rejected. */
  public static final double TOLERANCE = 1e-9;

  /** The rounding error of a sum of three numbers in [0, 1]: a few units in the last place. */
  private static final double ROUNDING = 4 * Math.ulp(1.0);

  private static final Credibility VACUOUS = new Credibility(0, 0, 1, 0.5);

  private final double belief;
  private final double disbelief;
  private final double uncertainty;
  private final double baseRate;

  private Credibility(double belief, double disbelief, double uncertainty, double baseRate) {
    this.belief = belief;
    this.disbelief = disbelief;
    this.uncertainty = uncertainty;
    this.baseRate = baseRate;
  }

  /**
   * Returns the opinion with the given components. Components whose sum is 1 up to rounding are
   * kept exactly, so {@code of(c.belief(), c.disbelief(), c.uncertainty(), c.baseRate())} equals
   * {@code c} for every opinion {@code c}; a larger error, up to {@value #TOLERANCE}, is
   * normalised away.
   *
   * @param belief belief mass {@code b}, in [0, 1]
   * @param disbelief disbelief mass {@code d}, in [0, 1]
   * @param uncertainty uncertainty mass {@code u}, in [0, 1]
   * @param baseRate base rate {@code a}, in [0, 1]
   * @return the opinion
   * @throws IllegalArgumentException if a component is not finite or outside [0, 1], or if {@code
   *     b + d + u} differs from 1 by more than {@value #TOLERANCE}
   */
  public static Credibility of(double belief, double disbelief, double uncertainty, double baseRate) {
    checkUnit("belief", belief);
    checkUnit("disbelief", disbelief);
    checkUnit("uncertainty", uncertainty);
    checkUnit("baseRate", baseRate);
    double sum = belief + disbelief + uncertainty;
    checkArgument(
        Math.abs(sum - 1.0) <= TOLERANCE,
        "Credibility: belief + disbelief + uncertainty must be 1, got %s + %s + %s = %s",
        belief,
        disbelief,
        uncertainty,
        sum);
    // Components that already sum to 1 up to rounding are kept as given, so that of() applied to
    // the components of any credibility returns an equal one (JSON round trips rely on it).
    if (Math.abs(sum - 1.0) <= ROUNDING) {
      return new Credibility(belief, disbelief, uncertainty, baseRate);
    }
    // Otherwise renormalise away the error we just tolerated.
    return new Credibility(belief / sum, disbelief / sum, uncertainty / sum, baseRate);
  }

  /**
   * Returns the vacuous opinion: no evidence at all, uncertainty 1, base rate 0.5.
   *
   * @return the vacuous opinion
   */
  public static Credibility vacuous() {
    return VACUOUS;
  }

  /**
   * Returns the vacuous opinion with the given base rate.
   *
   * @param baseRate base rate, in [0, 1]
   * @return an opinion with uncertainty 1
   */
  public static Credibility vacuous(double baseRate) {
    checkUnit("baseRate", baseRate);
    return new Credibility(0, 0, 1, baseRate);
  }

  /**
   * Returns a dogmatic opinion (no uncertainty) whose probability is {@code probability}.
   *
   * @param probability the probability, in [0, 1]
   * @return an opinion with belief {@code probability} and disbelief {@code 1 - probability}
   */
  public static Credibility dogmatic(double probability) {
    checkUnit("probability", probability);
    return new Credibility(probability, 1 - probability, 0, probability);
  }

  /**
   * Returns the opinion whose projected probability is {@code probability} and whose uncertainty
   * is {@code uncertainty}, with base rate 0.5.
   *
   * @param probability projected probability, in [0, 1]
   * @param uncertainty uncertainty mass, in [0, 1]
   * @return the opinion
   * @throws IllegalArgumentException if no opinion with base rate 0.5 has that probability and
   *     uncertainty (the uncertainty is too large for so extreme a probability)
   */
  public static Credibility ofProbability(double probability, double uncertainty) {
    checkUnit("probability", probability);
    checkUnit("uncertainty", uncertainty);
    double belief = probability - 0.5 * uncertainty;
    double disbelief = 1 - belief - uncertainty;
    checkArgument(
        belief >= -TOLERANCE && disbelief >= -TOLERANCE,
        "Credibility: probability %s cannot carry uncertainty %s with base rate 0.5",
        probability,
        uncertainty);
    return new Credibility(Math.max(0, belief), Math.max(0, disbelief), uncertainty, 0.5);
  }

  /**
   * Returns the opinion equivalent to a Beta distribution after the given evidence.
   *
   * @param positive number (or weight) of observations in favour, finite and non-negative
   * @param negative number (or weight) of observations against, finite and non-negative
   * @param baseRate base rate, in [0, 1]
   * @return {@code b = r/(r+s+W)}, {@code d = s/(r+s+W)}, {@code u = W/(r+s+W)}
   */
  public static Credibility fromEvidence(double positive, double negative, double baseRate) {
    checkEvidence("positive", positive);
    checkEvidence("negative", negative);
    checkUnit("baseRate", baseRate);
    double total = positive + negative + PRIOR_WEIGHT;
    return new Credibility(positive / total, negative / total, PRIOR_WEIGHT / total, baseRate);
  }

  /**
   * Belief mass {@code b}: evidence that the statement holds.
   *
   * @return belief, in [0, 1]
   */
  public double belief() {
    return belief;
  }

  /**
   * Disbelief mass {@code d}: evidence that the statement does not hold.
   *
   * @return disbelief, in [0, 1]
   */
  public double disbelief() {
    return disbelief;
  }

  /**
   * Uncertainty mass {@code u}: the share of the opinion with no evidence behind it.
   *
   * @return uncertainty, in [0, 1]
   */
  public double uncertainty() {
    return uncertainty;
  }

  /**
   * Base rate {@code a}: the prior probability used for the uncertain share.
   *
   * @return base rate, in [0, 1]
   */
  public double baseRate() {
    return baseRate;
  }

  /**
   * The projected probability {@code b + a·u}, the mean of the equivalent Beta distribution.
   *
   * @return the probability, in [0, 1]
   */
  public double probability() {
    return belief + baseRate * uncertainty;
  }

  /**
   * Positive evidence {@code r = W·b/u} of the equivalent Beta distribution.
   *
   * @return evidence in favour; {@link Double#POSITIVE_INFINITY} for a dogmatic opinion with
   *     belief above zero
   */
  public double positiveEvidence() {
    return evidence(belief);
  }

  /**
   * Negative evidence {@code s = W·d/u} of the equivalent Beta distribution.
   *
   * @return evidence against; {@link Double#POSITIVE_INFINITY} for a dogmatic opinion with
   *     disbelief above zero
   */
  public double negativeEvidence() {
    return evidence(disbelief);
  }

  private double evidence(double mass) {
    if (mass == 0) {
      return 0;
    }
    return uncertainty == 0 ? Double.POSITIVE_INFINITY : PRIOR_WEIGHT * mass / uncertainty;
  }

  /**
   * The variance of the equivalent Beta distribution {@code Beta(r + aW, s + (1-a)W)}; zero for a
   * dogmatic opinion.
   *
   * @return the variance, in [0, 0.25]
   */
  public double variance() {
    if (uncertainty == 0) {
      return 0;
    }
    double p = probability();
    double strength = PRIOR_WEIGHT / uncertainty; // alpha + beta
    return p * (1 - p) / (strength + 1);
  }

  /**
   * Discounts this opinion by the trust placed in the source that relayed it
   * (probability-sensitive trust discounting, Jøsang 2016, §14.3).
   *
   * <p>With {@code p} the projected probability of {@code trust}: {@code b' = p·b}, {@code d' =
   * p·d}, {@code u' = 1 - b' - d'}, base rate unchanged. A fully trusted relay changes nothing; a
   * relay with no credibility leaves only uncertainty.
   *
   * @param trust the opinion about the relay's reliability
   * @return the discounted opinion
   */
  public Credibility discountedBy(Credibility trust) {
    checkNotNull(trust, "trust");
    double p = trust.probability();
    double b = p * belief;
    double d = p * disbelief;
    return new Credibility(b, d, Math.max(0, 1 - b - d), baseRate);
  }

  /**
   * Fuses this opinion with another formed from independent evidence (cumulative belief fusion,
   * Jøsang 2016, §12.3): the evidence of both is added up.
   *
   * <p>Two dogmatic opinions are averaged, the limit case of the same operator.
   *
   * @param other an opinion formed from independent evidence
   * @return the fused opinion
   */
  public Credibility fuse(Credibility other) {
    checkNotNull(other, "other");
    double u1 = uncertainty;
    double u2 = other.uncertainty;
    double kappa = u1 + u2 - u1 * u2;
    if (kappa == 0) {
      return new Credibility(
          (belief + other.belief) / 2,
          (disbelief + other.disbelief) / 2,
          0,
          (baseRate + other.baseRate) / 2);
    }
    double b = (belief * u2 + other.belief * u1) / kappa;
    double u = u1 * u2 / kappa;
    double d = Math.max(0, 1 - b - u);
    double a;
    if (u1 == 1 && u2 == 1) {
      a = (baseRate + other.baseRate) / 2;
    } else {
      a =
          (baseRate * u2 + other.baseRate * u1 - (baseRate + other.baseRate) * u1 * u2)
              / (u1 + u2 - 2 * u1 * u2);
    }
    return new Credibility(b, d, u, Math.min(1, Math.max(0, a)));
  }

  /**
   * Two opinions are equal when all four components are equal.
   *
   * @param o the other object
   * @return whether {@code o} is an equal opinion
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Credibility)) {
      return false;
    }
    Credibility c = (Credibility) o;
    return Double.compare(belief, c.belief) == 0
        && Double.compare(disbelief, c.disbelief) == 0
        && Double.compare(uncertainty, c.uncertainty) == 0
        && Double.compare(baseRate, c.baseRate) == 0;
  }

  @Override
  public int hashCode() {
    int h = Double.hashCode(belief);
    h = 31 * h + Double.hashCode(disbelief);
    h = 31 * h + Double.hashCode(uncertainty);
    return 31 * h + Double.hashCode(baseRate);
  }

  /**
   * A compact form such as {@code Credibility{b=0.750, d=0.150, u=0.100, a=0.500, p=0.800}}.
   *
   * @return a human-readable form
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Credibility{b=%.3f, d=%.3f, u=%.3f, a=%.3f, p=%.3f}",
        belief,
        disbelief,
        uncertainty,
        baseRate,
        probability());
  }

  static void checkUnit(String field, double value) {
    checkArgument(
        value >= 0 && value <= 1, "Credibility.%s must be in [0, 1], got %s", field, value);
  }

  private static void checkEvidence(String field, double value) {
    checkArgument(
        Double.isFinite(value) && value >= 0,
        "Credibility: %s evidence must be finite and non-negative, got %s",
        field,
        value);
  }
}
