package io.github.rashomon.engine;

import com.google.common.collect.ImmutableList;
import io.github.rashomon.internal.ValueStyle;
import io.github.rashomon.model.Value;
import java.util.Optional;

/**
 * The engine's answer for one question: every candidate value with its probability, the leading
 * value, a status with the margin that decided it, and the weighted reasons behind it.
 *
 * <pre>{@code
 * Verdict v = result.verdict("fire-indiscriminate");
 * System.out.println(v.value().orElse(null) + " " + v.status() + ": " + v.reason());
 * for (CandidateScore c : v.candidates()) {
 *   System.out.printf("  %s %.2f%n", c.value(), c.probability());
 * }
 * for (Contribution why : v.explanation()) {
 *   System.out.printf("  %+.2f %s %s%n", why.weight(), why.source(), why.notes());
 * }
 * }</pre>
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class Verdict {
  Verdict() {}

  /**
   * The question id.
   *
   * @return the id
   */
  public abstract String question();

  /**
   * Every candidate value with its probability, most probable first (ties in canonical value
   * order). The probabilities sum to 1 unless there are no candidates, or a {@link Calibrator}
   * left some probability to values nobody claimed ({@link
   * Reconciliation#unclaimedProbability(int)}).
   *
   * @return the candidates
   */
  public abstract ImmutableList<CandidateScore> candidates();

  /**
   * The leading value: the most probable candidate, or for quantity estimators (median, weighted
   * mean, CRH) the estimated number.
   *
   * @return the leading value; empty only when the question has no claims
   */
  public abstract Optional<Value> value();

  /**
   * The leading value if the status is {@link VerdictStatus#ACCEPTED}.
   *
   * @return the accepted value, or empty when contested or undetermined
   */
  public Optional<Value> accepted() {
    return status() == VerdictStatus.ACCEPTED ? value() : Optional.empty();
  }

  /**
   * The probability of the leading value.
   *
   * @return a probability in [0, 1]; 0 when there are no candidates
   */
  public abstract double confidence();

  /**
   * The probability of the leading candidate minus that of the runner-up (the leading
   * probability itself when there is only one candidate).
   *
   * @return the margin, in [0, 1]
   */
  public abstract double margin();

  /**
   * Accepted, contested or undetermined, per the {@link VerdictPolicy} in force.
   *
   * @return the status
   */
  public abstract VerdictStatus status();

  /**
   * Why the status is what it is, in words: the margin and the threshold it was compared with.
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * The number of claims about the question.
   *
   * @return a count
   */
  public abstract int claims();

  /**
   * Each claim's weighted part in the verdict, largest absolute weight first.
   *
   * @return the contributions
   */
  public abstract ImmutableList<Contribution> explanation();

  /**
   * The independent lines of evidence for and against the leading value, and the blocs on each
   * side.
   *
   * @return the corroboration
   */
  public abstract Corroboration corroboration();

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableVerdict.Builder {}
}
