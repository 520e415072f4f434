package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.rashomon.internal.ValueStyle;
import io.github.rashomon.model.Value;

/**
 * One candidate value of a question with the probability the reconciliation gives it.
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class CandidateScore {
  CandidateScore() {}

  /**
   * The candidate value.
   *
   * @return the value
   */
  public abstract Value value();

  /**
   * The probability that this value is the true one.
   *
   * @return a probability in [0, 1]; a question's candidates sum to 1
   */
  public abstract double probability();

  /**
   * How many claims affirm exactly this value.
   *
   * @return a count
   */
  public abstract int claims();

  /**
   * Returns a candidate score.
   *
   * @param value the value
   * @param probability its probability
   * @param claims how many claims affirm it
   * @return the score
   */
  public static CandidateScore of(Value value, double probability, int claims) {
    return new Builder().value(value).probability(probability).claims(claims).build();
  }

  @org.immutables.value.Value.Check
  void check() {
    checkArgument(
        probability() >= 0 && probability() <= 1,
        "CandidateScore.probability must be in [0, 1], got %s for '%s'",
        probability(),
        value());
    checkArgument(claims() >= 0, "CandidateScore.claims must be >= 0, got %s", claims());
  }

  static final class Builder extends ImmutableCandidateScore.Builder {}
}
