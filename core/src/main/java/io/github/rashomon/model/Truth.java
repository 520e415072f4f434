package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * A boolean value: whether a proposition ("police fired indiscriminately") holds.
 *
 * @since 0.1
 */
public final class Truth extends Value {
  /** The proposition holds. */
  public static final Truth TRUE = new Truth(true);

  /** The proposition does not hold. */
  public static final Truth FALSE = new Truth(false);

  private final boolean holds;

  private Truth(boolean holds) {
    this.holds = holds;
  }

  /**
   * Returns {@link #TRUE} or {@link #FALSE}.
   *
   * @param holds whether the proposition holds
   * @return the value
   */
  public static Truth of(boolean holds) {
    return holds ? TRUE : FALSE;
  }

  /**
   * Reads {@code true}/{@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}), ignoring
   * case and surrounding spaces.
   *
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException if the text is none of those words
   */
  public static Truth parse(String text) {
    checkNotNull(text, "text");
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return TRUE;
      case "false":
      case "no":
      case "0":
        return FALSE;
      default:
        throw new IllegalArgumentException(
            "Truth must be true/false, yes/no or 1/0, got '" + text + "'");
    }
  }

  /**
   * Whether the proposition holds.
   *
   * @return the boolean
   */
  public boolean holds() {
    return holds;
  }

  /**
   * The negation.
   *
   * @return {@link #FALSE} for {@link #TRUE} and vice versa
   */
  public Truth not() {
    return of(!holds);
  }

  /**
   * Always {@link ValueType#BOOLEAN}.
   *
   * @return {@link ValueType#BOOLEAN}
   */
  @Override
  public ValueType type() {
    return ValueType.BOOLEAN;
  }

  /**
   * {@code "true"} or {@code "false"}.
   *
   * @return the canonical form
   */
  @Override
  public String canonical() {
    return holds ? "true" : "false";
  }

  /**
   * Compatible with the same truth value only.
   *
   * @param other another value
   * @return whether {@code other} is this value
   */
  @Override
  public boolean compatibleWith(Value other) {
    return other == this;
  }

  /**
   * Equal when both hold or both do not.
   *
   * @param o the other object
   * @return identity, since there are two instances
   */
  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(holds);
  }
}
