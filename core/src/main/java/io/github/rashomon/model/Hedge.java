package io.github.rashomon.model;

/**
 * How sure the source says it is of its own claim.
 *
 * @since 0.1
 */
public enum Hedge {
  /** Stated without qualification, or with emphasis: "I am convinced". */
  CERTAIN,
  /** Stated as likely: "probably", "we believe". */
  PROBABLE,
  /** Stated as one possibility: "appears to show", "may have". */
  POSSIBLE,
  /** Stated with doubt: "it is unclear whether", "unlikely". */
  DOUBTFUL,
  /** Not stated. */
  UNSPECIFIED
}
