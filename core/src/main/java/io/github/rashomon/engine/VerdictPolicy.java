package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;

/**
 * When a verdict counts as accepted, contested or undetermined.
 *
 * <p>A question with fewer than {@link #minimumClaims()} claims, or whose claims weigh less
 * than {@link #minimumWeight()} in all, is {@link VerdictStatus#UNDETERMINED}. Otherwise, when the leading candidate's probability exceeds the
 * runner-up's by less than {@link #contestedMargin()}, the verdict is {@link
 * VerdictStatus#CONTESTED}; else {@link VerdictStatus#ACCEPTED}. The defaults (margin 0.2, one
 * claim, weight 0.5: half of one unqualified first-hand claim) call a 59/41 split contested and a
 * 60/40 split accepted, and leave a question resting on one hedged, relayed, self-serving claim
 * undetermined.
 *
 * @since 0.1
 */
public final class VerdictPolicy {
  private static final VerdictPolicy DEFAULTS = new VerdictPolicy(0.2, 1, 0.5);

  private final double contestedMargin;
  private final int minimumClaims;
  private final double minimumWeight;

  private VerdictPolicy(double contestedMargin, int minimumClaims, double minimumWeight) {
    this.contestedMargin = contestedMargin;
    this.minimumClaims = minimumClaims;
    this.minimumWeight = minimumWeight;
  }

  /**
   * The default policy: contested below a margin of 0.2, undetermined without claims or with
   * claims weighing less than 0.5 in all.
   *
   * @return the default policy
   */
  public static VerdictPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy with another contested margin.
   *
   * @param margin the smallest lead of the first candidate over the second that counts as
   *     accepted, in [0, 1]
   * @return the new policy
   * @throws IllegalArgumentException if {@code margin} is outside [0, 1]
   */
  public VerdictPolicy withContestedMargin(double margin) {
    checkArgument(
        margin >= 0 && margin <= 1, "VerdictPolicy.contestedMargin must be in [0, 1], got %s",
        margin);
    return new VerdictPolicy(margin, minimumClaims, minimumWeight);
  }

  /**
   * Returns a policy with another minimum number of claims.
   *
   * @param claims the fewest claims a question needs to be decided, at least 1
   * @return the new policy
   * @throws IllegalArgumentException if {@code claims < 1}
   */
  public VerdictPolicy withMinimumClaims(int claims) {
    checkArgument(claims >= 1, "VerdictPolicy.minimumClaims must be >= 1, got %s", claims);
    return new VerdictPolicy(contestedMargin, claims, minimumWeight);
  }

  /**
   * Returns a policy with another minimum total claim weight.
   *
   * @param weight the smallest total weight of a question's claims (after the {@link
   *     TestimonyModel}'s qualifiers, relays and dependence) that can decide it; 0 to disable
   * @return the new policy
   * @throws IllegalArgumentException if {@code weight} is negative or not finite
   */
  public VerdictPolicy withMinimumWeight(double weight) {
    checkArgument(
        weight >= 0 && Double.isFinite(weight),
        "VerdictPolicy.minimumWeight must be finite and >= 0, got %s",
        weight);
    return new VerdictPolicy(contestedMargin, minimumClaims, weight);
  }

  /**
   * The smallest total claim weight that can decide a question.
   *
   * @return the minimum weight
   */
  public double minimumWeight() {
    return minimumWeight;
  }

  /**
   * The smallest lead that counts as accepted.
   *
   * @return the margin
   */
  public double contestedMargin() {
    return contestedMargin;
  }

  /**
   * The fewest claims a question needs to be decided.
   *
   * @return the minimum
   */
  public int minimumClaims() {
    return minimumClaims;
  }

  /**
   * How far below a threshold a margin or weight may fall by rounding and still reach it: a
   * three-to-two vote is 3/5 - 2/5 = 0.19999999999999996 in doubles, and a 60/40 split is
   * accepted.
   */
  static final double ROUNDING = 1e-12;

  /** The status of a question; its reason goes to {@code reason} unless that is null. */
  VerdictStatus classify(int claims, double weight, double margin, StringBuilder reason) {
    if (reason == null) {
      // The status alone, as below, without formatting a reason nobody reads.
      return claims < minimumClaims || weight < minimumWeight - ROUNDING
          ? VerdictStatus.UNDETERMINED
          : margin < contestedMargin - ROUNDING
              ? VerdictStatus.CONTESTED
              : VerdictStatus.ACCEPTED;
    }
    if (claims < minimumClaims) {
      reason.append(
          String.format(
              Locale.ROOT, "undetermined: %d claim(s), fewer than the %d required", claims,
              minimumClaims));
      return VerdictStatus.UNDETERMINED;
    }
    if (weight < minimumWeight - ROUNDING) {
      reason.append(
          String.format(
              Locale.ROOT,
              "undetermined: too little evidence, the claims weigh %.2f in all, less than %.2f",
              weight,
              minimumWeight));
      return VerdictStatus.UNDETERMINED;
    }
    if (margin < contestedMargin - ROUNDING) {
      reason.append(
          String.format(
              Locale.ROOT,
              "contested: the leading value is ahead by %.3f, less than the margin %.3f",
              margin,
              contestedMargin));
      return VerdictStatus.CONTESTED;
    }
    reason.append(
        String.format(
            Locale.ROOT,
            "accepted: the leading value is ahead by %.3f (margin %.3f)",
            margin,
            contestedMargin));
    return VerdictStatus.ACCEPTED;
  }

  /**
   * Equal when all settings are equal.
   *
   * @param o the other object
   * @return whether {@code o} is an equal policy
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof VerdictPolicy
        && ((VerdictPolicy) o).contestedMargin == contestedMargin
        && ((VerdictPolicy) o).minimumClaims == minimumClaims
        && ((VerdictPolicy) o).minimumWeight == minimumWeight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(contestedMargin, minimumClaims, minimumWeight);
  }

  /**
   * The settings.
   *
   * @return a human-readable form
   */
  @Override
  public String toString() {
    return "VerdictPolicy{contestedMargin=" + contestedMargin + ", minimumClaims=" + minimumClaims
        + ", minimumWeight=" + minimumWeight + "}";
  }
}
