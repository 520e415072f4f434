package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyUnitRunsOnceWhateverTheThreadCount() {
    for (int threads : new int[] {1, 2, 8, 0}) {
      AtomicIntegerArray runs = new AtomicIntegerArray(50);
      try (Parallel p = Parallel.open(threads)) {
        p.forEach(50, runs::incrementAndGet);
      }
      for (int u = 0; u < 50; u++) {
        assertEquals(1, runs.get(u), threads + " threads, unit " + u);
      }
    }
    try (Parallel p = Parallel.open(4)) {
      AtomicIntegerArray one = new AtomicIntegerArray(1);
      p.forEach(1, one::incrementAndGet);
      assertEquals(1, one.get(0));
      p.forEach(0, u -> {
        throw new AssertionError("no units, no calls");
      });
    }
  }

  @Test
  void theFirstFailureIsRethrown() {
    IllegalStateException boom = new IllegalStateException("unit 7");
    for (int threads : new int[] {1, 3}) {
      try (Parallel p = Parallel.open(threads)) {
        RuntimeException e =
            assertThrows(RuntimeException.class, () -> p.forEach(20, u -> {
              if (u == 7) {
                throw boom;
              }
            }));
        assertSame(boom, e, threads + " threads");
        AssertionError error = new AssertionError("an error");
        assertSame(error, assertThrows(AssertionError.class, () -> p.forEach(20, u -> {
          if (u == 3) {
            throw error;
          }
        })));
      }
    }
  }

  @Test
  void threadCounts() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Parallel.resolve(0));
    assertEquals(3, Parallel.resolve(3));
    assertEquals(5, Parallel.checkThreads("x", 5));
    assertEquals(0, Parallel.checkThreads("x", 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parallel.checkThreads("sums", -1));
    assertTrue(e.getMessage().contains("sums") && e.getMessage().contains("-1"), e.getMessage());
  }
}
