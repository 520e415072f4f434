package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.function.Supplier;

/**
 * Every algorithm by name, with its default settings.
 *
 * <pre>{@code
 * Reconciler ds = Reconcilers.byName("dawid-skene");
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
}
