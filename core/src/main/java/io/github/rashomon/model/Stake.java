package io.github.rashomon.model;

/**
 * What the source stands to gain or lose from its claim being believed.
 *
 * @since 0.1
 */
public enum Stake {
  /** The claim serves the source's interest: police saying they acted in self-defence. */
  SELF_SERVING,
  /** The claim harms the source's interest: an official admitting abuses by their own side. */
  AGAINST_INTEREST,
  /** The source has no evident stake. */
  NEUTRAL,
  /** Not assessed. */
  UNSPECIFIED
}
