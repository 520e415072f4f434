package io.github.rashomon.model;

/**
 * A value that a claim asserts or denies for a question, typed to the question's {@link
 * ValueDomain}.
 *
 * <p>The implementations are {@link Category}, {@link Truth}, {@link Quantity}, {@link DateTime}
 * and {@link ValueSet}; users cannot add others. Values are immutable and compare by content.
 * Two values are <em>compatible</em> when both could be true of the same fact: equal labels, or
 * overlapping numeric intervals ("16 killed" is compatible with "at least 15").
 *
 * @since 0.1
 */
public abstract class Value {
  Value() {}

  /**
   * The kind of this value.
   *
   * @return the value type
   */
  public abstract ValueType type();

  /**
   * The canonical text form of this value, stable across versions: equal values have equal
   * forms, and {@link #parse(ValueType, String)} reads it back.
   *
   * @return for example {@code "16"}, {@code "15..20"}, {@code ">100"} or {@code "police"}
   */
  public abstract String canonical();

  /**
   * Whether this value and {@code other} could both be true of the same fact. Values of different
   * types are never compatible. The relation is symmetric and reflexive.
   *
   * @param other another value
   * @return whether the two are compatible
   */
  public abstract boolean compatibleWith(Value other);

  /**
   * Reads a value of the given type from its canonical text form.
   *
   * @param type the value type
   * @param text the text, as produced by {@link #canonical()} (see each type for the syntax)
   * @return the value
   * @throws IllegalArgumentException if the text is not a value of that type; the message quotes
   *     the text
   */
  public static Value parse(ValueType type, String text) {
    switch (type) {
      case CATEGORICAL:
        return Category.of(text);
      case BOOLEAN:
        return Truth.parse(text);
      case QUANTITY:
        return Quantity.parse(text);
      case DATE_TIME:
        return DateTime.parse(text);
      case SET:
        return ValueSet.parse(text);
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * The canonical form.
   *
   * @return {@link #canonical()}
   */
  @Override
  public String toString() {
    return canonical();
  }
}
