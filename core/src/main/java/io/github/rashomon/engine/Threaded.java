package io.github.rashomon.engine;

/**
 * An algorithm whose iterations split over threads without changing a bit of the result, so
 * that {@link Reconcilers#byName(String, java.util.Map)} can apply a {@code threads} setting to
 * any of them. Each implementation's public {@code withThreads} returns its own type.
 */
interface Threaded {
  /**
   * This algorithm with another thread count.
   *
   * @param n the number of threads, 0 meaning all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  Reconciler withThreads(int n);

  /**
   * The number of threads a run uses.
   *
   * @return the thread count, 0 meaning all processors
   */
  int threads();
}
