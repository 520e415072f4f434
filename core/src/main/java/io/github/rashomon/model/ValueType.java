package io.github.rashomon.model;

/**
 * The kinds of value a {@link Question} can take.
 *
 * @since 0.1
 */
public enum ValueType {
  /** One label out of a closed or open set ({@link Category}). */
  CATEGORICAL,
  /** True or false: a proposition ({@link Truth}). */
  BOOLEAN,
  /** A number, exact or as a range, bound or approximation ({@link Quantity}). */
  QUANTITY,
  /** A point or span of time ({@link DateTime}). */
  DATE_TIME,
  /** A set of labels of which several may be true at once ({@link ValueSet}). */
  SET
}
