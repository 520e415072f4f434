package io.github.rashomon.engine;

import java.util.function.Supplier;

/**
 * Receives the progress of iterative algorithms, one call per iteration, for a progress bar.
 *
 * <p>A listener is installed for the duration of a computation on the calling thread with
 * {@link #during(ProgressListener, Supplier)}; every iterative algorithm run inside it reports
 * each iteration. One-pass algorithms report nothing. A listener only observes: results are the
 * same with or without one.
 *
 * <pre>{@code
 * Reconciliation r = ProgressListener.during(
 *     (it, max) -> System.err.printf("\riteration %d of at most %d", it, max),
 *     () -> reconciler.reconcile(index));
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * Called after each iteration of an iterative algorithm, on the thread that runs it. It should
   * return quickly; it must not throw.
   *
   * @param iteration the iterations done so far, from 1
   * @param maxIterations the most the algorithm will run (it may stop earlier on convergence)
   */
  void iteration(int iteration, int maxIterations);

  /**
   * Runs {@code work} with {@code listener} receiving the progress of the algorithms it runs on
   * this thread, then restores the listener installed before, if any.
   *
   * @param listener the listener
   * @param work the computation
   * @param <T> the result type
   * @return what {@code work} returns
   */
  static <T> T during(ProgressListener listener, Supplier<T> work) {
    return Progress.during(listener, work);
  }
}
