package io.github.rashomon.model;

/**
 * Whether a {@link Claim} asserts its value or denies it.
 *
 * @since 0.1
 */
public enum Stance {
  /** The source says the value is true: "police were forced to defend themselves". */
  AFFIRMS,
  /** The source says the value is false: "the government denied mistreating detainees". */
  DENIES
}
