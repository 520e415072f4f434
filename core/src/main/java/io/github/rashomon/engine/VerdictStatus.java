package io.github.rashomon.engine;

/**
 * What a verdict concludes about its question.
 *
 * @since 0.1
 */
public enum VerdictStatus {
  /** One value leads by at least the policy's margin: the evidence supports it. */
  ACCEPTED,
  /** The leading values are within the policy's margin of each other: the evidence is balanced. */
  CONTESTED,
  /** Too little evidence to say anything: no claims, or fewer than the policy requires. */
  UNDETERMINED
}
