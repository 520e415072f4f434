package io.github.rashomon.engine;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.internal.ValueStyle;

/**
 * How a reconciliation was produced: algorithm, settings, iterations, convergence. Carries no
 * wall-clock time, so equal inputs give equal provenance.
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class Provenance {
  Provenance() {}

  /**
   * The algorithm's name, as accepted by {@link Reconcilers#byName(String)}.
   *
   * @return for example {@code "dawid-skene"}
   */
  public abstract String algorithm();

  /**
   * The algorithm's settings, by name.
   *
   * @return the settings in their text form, sorted by name
   */
  public abstract ImmutableSortedMap<String, String> settings();

  /**
   * The number of iterations run (1 for one-pass algorithms).
   *
   * @return a count
   */
  public abstract int iterations();

  /**
   * Whether the iteration converged within the tolerance before the iteration limit.
   *
   * @return whether it converged
   */
  public abstract boolean converged();

  /**
   * The largest change in any estimate during the last iteration.
   *
   * @return a non-negative number (0 for one-pass algorithms)
   */
  public abstract double finalChange();

  /**
   * The Rashomon version that produced the result.
   *
   * @return the version
   */
  @org.immutables.value.Value.Default
  public String libraryVersion() {
    return Reconcilers.VERSION;
  }

  /**
   * Counts of what was reconciled: {@code sources}, {@code questions}, {@code claims}.
   *
   * @return the counts, sorted by name
   */
  public abstract ImmutableSortedMap<String, Integer> inputs();

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableProvenance.Builder {}
}
