package io.github.rashomon.model;

/**
 * Well-known names for the circumstances under which a claim was made ({@link
 * Claim#circumstances()}). Circumstances are free text; these constants are the ones Rashomon's
 * default qualifier model knows.
 *
 * @since 0.1
 */
public final class Circumstances {
  /** Said under pressure or threat. */
  public static final String UNDER_PRESSURE = "under-pressure";

  /** Said after an inducement: payment, compensation, a promise of leniency. */
  public static final String AFTER_INDUCEMENT = "after-inducement";

  /** Said while the speaker was detained. */
  public static final String IN_DETENTION = "in-detention";

  /** Said anonymously. */
  public static final String ANONYMOUS = "anonymous";

  private Circumstances() {}
}
