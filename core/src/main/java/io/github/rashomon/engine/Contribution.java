package io.github.rashomon.engine;

import io.github.rashomon.internal.ValueStyle;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Value;
import java.util.Optional;

/**
 * One source's weighted part in a verdict: a reason for or against the leading value.
 *
 * <p>The {@link #weight()} is positive when the claim supports the verdict's leading value and
 * negative when it supports another; its size is how much the algorithm let that source's claim
 * count (for vote-like algorithms the source's vote weight, for probabilistic models the
 * log-likelihood ratio the claim contributes).
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class Contribution {
  Contribution() {}

  /**
   * The id of the source whose claim this is.
   *
   * @return a source id
   */
  public abstract String source();

  /**
   * The value the source claimed.
   *
   * @return the value
   */
  public abstract Value value();

  /**
   * Whether the source affirmed or denied the value.
   *
   * @return the stance
   */
  public abstract Stance stance();

  /**
   * Signed weight: positive for the leading value, negative against it.
   *
   * @return a finite number
   */
  public abstract double weight();

  /**
   * The id of the domain claim, when the reconciled index was compiled from a case.
   *
   * @return the claim id, if known
   */
  public abstract Optional<String> claim();

  /**
   * Notes on how the weight was formed (qualifiers, discounting), for the reader.
   *
   * @return the notes, possibly empty
   */
  public abstract com.google.common.collect.ImmutableList<String> notes();

  /**
   * Whether this contribution supports the leading value.
   *
   * @return {@code weight() > 0}
   */
  public boolean supports() {
    return weight() > 0;
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableContribution.Builder {}
}
