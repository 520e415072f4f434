package io.github.rashomon.engine;

import com.google.common.collect.ImmutableSortedSet;
import io.github.rashomon.internal.ValueStyle;

/**
 * How much independent evidence stands for and against a verdict's leading value.
 *
 * <p>Sources are counted once however many of their claims bear on the question, relays add
 * nothing (a claim is credited to its origin), and sources that share an affiliation count as
 * correlated: a bloc of {@code n} counts {@code n / (1 + (n - 1)ρ)} lines, with {@code ρ} the
 * {@link TestimonyModel#blocCorrelation()} (Kish's design effect). For data without
 * affiliations the lines are simply the distinct sources.
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class Corroboration {
  Corroboration() {}

  /**
   * Independent lines of evidence supporting the leading value.
   *
   * @return a non-negative number, at most {@link #sourcesFor()}
   */
  public abstract double linesFor();

  /**
   * Independent lines of evidence against the leading value.
   *
   * @return a non-negative number, at most {@link #sourcesAgainst()}
   */
  public abstract double linesAgainst();

  /**
   * Distinct sources supporting the leading value.
   *
   * @return a count
   */
  public abstract int sourcesFor();

  /**
   * Distinct sources against the leading value.
   *
   * @return a count
   */
  public abstract int sourcesAgainst();

  /**
   * The affiliations (blocs) of the sources supporting the leading value.
   *
   * @return the blocs, sorted
   */
  public abstract ImmutableSortedSet<String> blocsFor();

  /**
   * The affiliations (blocs) of the sources against the leading value.
   *
   * @return the blocs, sorted
   */
  public abstract ImmutableSortedSet<String> blocsAgainst();

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableCorroboration.Builder {}
}
