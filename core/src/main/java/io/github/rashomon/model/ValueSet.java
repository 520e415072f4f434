package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSortedSet;

/**
 * A set-valued value: several labels that are all claimed true at once, such as the authors of a
 * book or the people arrested.
 *
 * <p>Elements are kept sorted, so equal sets have equal canonical forms: the elements joined by
 * {@code ;}. An element must not be blank, padded with whitespace, or contain {@code ;}. Two
 * sets are compatible only when equal; algorithms that reason per element do so over the
 * question's options.
 *
 * @since 0.1
 */
public final class ValueSet extends Value {
  private static final Splitter SPLITTER = Splitter.on(';').trimResults();

  private final ImmutableSortedSet<String> elements;

  private ValueSet(ImmutableSortedSet<String> elements) {
    this.elements = elements;
  }

  /**
   * Returns the set of the given elements.
   *
   * @param elements the elements; duplicates are merged
   * @return the value
   * @throws IllegalArgumentException if an element is blank, padded, or contains {@code ;}
   */
  public static ValueSet of(Iterable<String> elements) {
    checkNotNull(elements, "elements");
    for (String e : elements) {
      checkNotNull(e, "element");
      checkArgument(!e.isBlank(), "ValueSet element must not be blank, got '%s'", e);
      checkArgument(e.strip().equals(e), "ValueSet element must not be padded, got '%s'", e);
      checkArgument(e.indexOf(';') < 0, "ValueSet element must not contain ';', got '%s'", e);
    }
    return new ValueSet(ImmutableSortedSet.copyOf(elements));
  }

  /**
   * Returns the set of the given elements.
   *
   * @param elements the elements
   * @return the value
   */
  public static ValueSet of(String... elements) {
    return of(java.util.Arrays.asList(elements));
  }

  /**
   * Reads elements separated by {@code ;}; spaces around each are trimmed, the empty text is the
   * empty set.
   *
   * @param text the text
   * @return the value
   */
  public static ValueSet parse(String text) {
    checkNotNull(text, "text");
    if (text.isBlank()) {
      return new ValueSet(ImmutableSortedSet.of());
    }
    return of(SPLITTER.split(text));
  }

  /**
   * The elements, sorted.
   *
   * @return the elements
   */
  public ImmutableSortedSet<String> elements() {
    return elements;
  }

  /**
   * Always {@link ValueType#SET}.
   *
   * @return {@link ValueType#SET}
   */
  @Override
  public ValueType type() {
    return ValueType.SET;
  }

  @Override
  public String canonical() {
    return String.join(";", elements);
  }

  /**
   * Compatible with an equal set only.
   *
   * @param other another value
   * @return whether {@code other} is the same set
   */
  @Override
  public boolean compatibleWith(Value other) {
    return equals(other);
  }

  /**
   * Equal when the elements are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same set
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ValueSet && ((ValueSet) o).elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }
}
