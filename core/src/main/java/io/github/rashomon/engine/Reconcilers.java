package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every algorithm by name, with its default settings.
 *
 * <pre>{@code
 * Reconciler ds = Reconcilers.byName("dawid-skene");
 * Reconciler capped = Reconcilers.byName("dawid-skene", Map.of("iterations", "20"));
 * Set<String> all = Reconcilers.names();
 * }</pre>
 *
 * @since 0.1
 */
public final class Reconcilers {
  /** The library version recorded in every result's provenance. */
  public static final String VERSION = "0.1.0";

  private static final ImmutableMap<String, Supplier<Reconciler>> ALGORITHMS =
      ImmutableMap.<String, Supplier<Reconciler>>builder()
          .put("majority-vote", MajorityVote::withDefaults)
          .put("weighted-vote", WeightedVote::withDefaults)
          .put("truthfinder", TruthFinder::withDefaults)
          .put("sums", Sums::withDefaults)
          .put("average-log", AverageLog::withDefaults)
          .put("investment", Investment::withDefaults)
          .put("pooled-investment", PooledInvestment::withDefaults)
          .put("two-estimates", TwoEstimates::withDefaults)
          .put("three-estimates", ThreeEstimates::withDefaults)
          .put("accu", Accu::withDefaults)
          .put("depen", Depen::withDefaults)
          .put("dawid-skene", DawidSkene::withDefaults)
          .put("glad", Glad::withDefaults)
          .put("crh", Crh::withDefaults)
          .put("median", Median::withDefaults)
          .put("weighted-mean", WeightedMean::withDefaults)
          .build();

  private Reconcilers() {}

  /**
   * The names of every algorithm, in a fixed order.
   *
   * @return the names
   */
  public static ImmutableSet<String> names() {
    return ALGORITHMS.keySet();
  }

  /**
   * The algorithm with the given name, with its default settings.
   *
   * @param name one of {@link #names()}
   * @return the algorithm
   * @throws IllegalArgumentException if no algorithm has that name; the message lists the names
   */
  public static Reconciler byName(String name) {
    checkNotNull(name, "name");
    Supplier<Reconciler> s = ALGORITHMS.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown algorithm '" + name + "'; known: " + String.join(", ", names()));
    }
    return s.get();
  }

  /**
   * The algorithm with the given name, with some settings overridden from text (as a command
   * line or a configuration file gives them).
   *
   * <p>Three settings are understood for every algorithm: {@code iterations}, the largest number
   * of iterations (an integer {@code >= 1}); {@code tolerance}, the change in estimates below
   * which the iteration stops (a finite number {@code >= 0}); and {@code threads}, the number of
   * threads a run uses (an integer {@code >= 0}, 0 meaning all processors), which never changes
   * the result. One-pass algorithms such as {@link WeightedVote} accept the first two and ignore
   * them: their settings keep recording one iteration; algorithms that run on one thread accept
   * {@code threads} and ignore it.
   *
   * @param name one of {@link #names()}
   * @param overrides setting name to value in text form; empty for the defaults
   * @return the configured algorithm
   * @throws IllegalArgumentException if no algorithm has that name, a setting is unknown, or a
   *     value is malformed or out of range; the message names the algorithm, setting and value
   */
  public static Reconciler byName(String name, Map<String, String> overrides) {
    checkNotNull(overrides, "overrides");
    Reconciler r = byName(name);
    if (overrides.isEmpty()) {
      return r;
    }
    // Every registered algorithm extends AbstractReconciler.
    AbstractReconciler a = (AbstractReconciler) r;
    int iterations = a.maxIterations;
    double tolerance = a.tolerance;
    Integer threads = null;
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String key = checkNotNull(e.getKey(), "setting name");
      String text = checkNotNull(e.getValue(), "value of setting %s", key).strip();
      switch (key) {
        case "iterations":
          iterations = integer(name, key, text);
          break;
        case "tolerance":
          try {
            tolerance = Double.parseDouble(text);
          } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                name + ": tolerance must be a number, got '" + text + "'", ex);
          }
          break;
        case "threads":
          threads = integer(name, key, text);
          Parallel.checkThreads(name, threads);
          break;
        default:
          throw new IllegalArgumentException(
              name + ": unknown setting '" + key + "'; known: iterations, tolerance, threads");
      }
    }
    Reconciler limited = a.withLimits(iterations, tolerance);
    return threads != null && limited instanceof Threaded
        ? ((Threaded) limited).withThreads(threads)
        : limited;
  }

  /** A setting's integer value, or a message naming the algorithm, the setting and the text. */
  private static int integer(String name, String key, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(
          name + ": " + key + " must be an integer, got '" + text + "'", ex);
    }
  }
}
