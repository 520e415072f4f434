package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads for one run of an algorithm. Work is always split into the same
 * units whatever the thread count (see {@link Stripes}); threads only decide who runs which unit,
 * so results are identical for any thread count as long as each unit writes its own slots and the
 * caller reduces them in unit order.
 */
final class Parallel implements AutoCloseable {
  /** The setting that means "as many threads as the machine has processors". */
  static final int ALL_PROCESSORS = 0;

  private final int threads;
  private final ExecutorService pool;

  private Parallel(int threads) {
    this.threads = threads;
    this.pool =
        threads <= 1
            ? null
            : Executors.newFixedThreadPool(
                threads - 1,
                r -> {
                  Thread t = new Thread(r, "rashomon-worker");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Opens a pool of {@code threads} threads (the caller is one of them); 0 means all processors. */
  static Parallel open(int threads) {
    return new Parallel(resolve(threads));
  }

  /** The thread count a setting stands for. */
  static int resolve(int threads) {
    return threads == ALL_PROCESSORS ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** Checks a thread-count setting: 0 (all processors) or positive. */
  static int checkThreads(String algorithm, int threads) {
    checkArgument(
        threads >= 0, "%s: threads must be >= 0 (0 = all processors), got %s", algorithm, threads);
    return threads;
  }

  /** Runs {@code body} once for each unit in [0, units), on up to all threads; waits for all. */
  void forEach(int units, IntConsumer body) {
    if (pool == null || units <= 1) {
      for (int u = 0; u < units; u++) {
        body.accept(u);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
            body.accept(u);
          }
        };
    List<Future<?>> helpers = new ArrayList<>();
    for (int t = 1; t < Math.min(threads, units); t++) {
      helpers.add(pool.submit(worker));
    }
    Throwable failure = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      failure = e;
      next.set(units);
    }
    for (Future<?> f : helpers) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    } else if (failure instanceof Error) {
      throw (Error) failure;
    } else if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
