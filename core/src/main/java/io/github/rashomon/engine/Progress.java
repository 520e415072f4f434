package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;

/** Where the iterative algorithms report their iterations: the thread's listener, if any. */
final class Progress {
  private static final ThreadLocal<ProgressListener> CURRENT = new ThreadLocal<>();

  private Progress() {}

  /** Reports one iteration; costs a thread-local read when nobody listens. */
  static void iteration(int iteration, int maxIterations) {
    ProgressListener l = CURRENT.get();
    if (l != null) {
      l.iteration(iteration, maxIterations);
    }
  }

  static <T> T during(ProgressListener listener, Supplier<T> work) {
    checkNotNull(listener, "listener");
    checkNotNull(work, "work");
    ProgressListener before = CURRENT.get();
    CURRENT.set(listener);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }
}
