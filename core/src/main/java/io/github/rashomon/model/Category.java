package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A categorical value: one label, such as {@code "police fired first"}.
 *
 * <p>Labels are compared exactly (case and spacing matter); they must not be blank and must not
 * begin or end with whitespace.
 *
 * @since 0.1
 */
public final class Category extends Value {
  private final String label;

  private Category(String label) {
    this.label = label;
  }

  /**
   * Returns the category with the given label.
   *
   * @param label the label, not blank, without leading or trailing whitespace
   * @return the value
   * @throws IllegalArgumentException if the label is blank or padded with whitespace
   */
  public static Category of(String label) {
    checkNotNull(label, "label");
    checkArgument(!label.isBlank(), "Category.label must not be blank, got '%s'", label);
    checkArgument(
        label.strip().equals(label),
        "Category.label must not begin or end with whitespace, got '%s'",
        label);
    return new Category(label);
  }

  /**
   * The label.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Always {@link ValueType#CATEGORICAL}.
   *
   * @return {@link ValueType#CATEGORICAL}
   */
  @Override
  public ValueType type() {
    return ValueType.CATEGORICAL;
  }

  /**
   * The label itself.
   *
   * @return the label
   */
  @Override
  public String canonical() {
    return label;
  }

  /**
   * Compatible with an equal category only.
   *
   * @param other another value
   * @return whether {@code other} is the same category
   */
  @Override
  public boolean compatibleWith(Value other) {
    return equals(other);
  }

  /**
   * Equal when the labels are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same category
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Category && ((Category) o).label.equals(label);
  }

  @Override
  public int hashCode() {
    return label.hashCode();
  }
}
