package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;

/**
 * What every algorithm shares: the iteration limit and tolerance, settings in text form, and the
 * step from raw estimates to a {@link Reconciliation}.
 */
abstract class AbstractReconciler implements Reconciler {
  final int maxIterations;
  final double tolerance;

  AbstractReconciler(int maxIterations, double tolerance) {
    checkLimits(name(), maxIterations, tolerance);
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /** Checks an iteration limit and tolerance, naming the algorithm in the message. */
  static void checkLimits(String name, int iterations, double tolerance) {
    checkArgument(iterations >= 1, "%s: iterations must be >= 1, got %s", name, iterations);
    checkArgument(
        tolerance >= 0 && Double.isFinite(tolerance),
        "%s: tolerance must be finite and >= 0, got %s",
        name,
        tolerance);
  }

  /**
   * The largest number of iterations the algorithm runs.
   *
   * @return the iteration limit (1 for one-pass algorithms)
   */
  public int iterations() {
    return maxIterations;
  }

  /**
   * The change in estimates below which the iteration stops as converged.
   *
   * @return the tolerance
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * Returns this algorithm with another iteration limit and tolerance, its other settings kept.
   * Arguments are validated as in the constructor. One-pass algorithms return themselves: they
   * never iterate, so the limits do not apply.
   */
  AbstractReconciler withLimits(int iterations, double tolerance) {
    checkLimits(name(), iterations, tolerance);
    // One pass (the default): there is nothing to iterate, so the limits change nothing.
    return this;
  }

  /** Runs the algorithm over the index. */
  abstract Estimate estimate(ClaimIndex index);

  /** Runs the algorithm over the index from an earlier result; by default ignores it. */
  Estimate estimate(ClaimIndex index, WarmStart start) {
    return estimate(index);
  }

  /** Settings beyond iterations and tolerance, added to {@code b}. */
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {}

  @Override
  public ImmutableSortedMap<String, String> settings() {
    ImmutableSortedMap.Builder<String, String> b = ImmutableSortedMap.naturalOrder();
    b.put("iterations", Integer.toString(maxIterations));
    b.put("tolerance", Double.toString(tolerance));
    extraSettings(b);
    return b.build();
  }

  @Override
  public final Reconciliation reconcile(ClaimIndex index) {
    checkNotNull(index, "index");
    return Reconciliation.of(index, estimate(index), name(), settings());
  }

  @Override
  public final Reconciliation reconcile(ClaimIndex index, Reconciliation previous) {
    checkNotNull(index, "index");
    checkNotNull(previous, "previous");
    return Reconciliation.of(
        index, estimate(index, WarmStart.of(previous, index)), name(), settings());
  }

  /**
   * Equal when the algorithm and all its settings are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same configured algorithm
   */
  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((AbstractReconciler) o).settings().equals(settings());
  }

  @Override
  public int hashCode() {
    return getClass().hashCode() * 31 + settings().hashCode();
  }

  /**
   * The name and settings.
   *
   * @return for example {@code dawid-skene{iterations=50, tolerance=1.0E-6}}
   */
  @Override
  public String toString() {
    return name() + settings();
  }
}
