package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.model.Case;
import io.github.rashomon.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One engine instance, used by eight threads at once on different cases, gives what it gives
 * used by one thread: algorithms, {@link Sensitivity}, {@link Calibrator} and {@link Evaluation}
 * are immutable values, and the lazily filled caches of a shared {@link ClaimIndex} are safe to
 * race for. Results are compared as {@link Canonical} text, byte for byte.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;

  static Stream<Named<Reconciler>> algorithms() {
    return ReconcilerContractTest.algorithms();
  }

  /** Eight different cases: random, full of testimony, and raw rows of every type. */
  private static List<ClaimIndex> cases() {
    List<ClaimIndex> out = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      out.add(ClaimIndex.of(ReconcilerContractTest.randomCase(seed, 9, 21, 4)));
      out.add(ClaimIndex.of(ReconcilerContractTest.testimonyCase(seed)));
    }
    for (long seed = 1; seed <= 2; seed++) {
      out.add(ReconcilerContractTest.index(ReconcilerContractTest.rows(seed, 7, 15)));
    }
    return out;
  }

  /**
   * Runs {@code task(i)} for i in [0, n) on {@link #THREADS} threads released together, each
   * thread taking every i in its own rotated order, so that every task runs eight times at once
   * with the others; returns each thread's results by i.
   */
  static <T> List<List<T>> concurrently(int n, IntFunction<T> task)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        Callable<List<T>> work =
            () -> {
              go.await();
              List<T> results = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                results.add(null);
              }
              for (int k = 0; k < n; k++) {
                int i = (first + k) % n;
                results.set(i, task.apply(i));
              }
              return results;
            };
        futures.add(pool.submit(work));
      }
      go.countDown();
      List<List<T>> out = new ArrayList<>();
      for (Future<List<T>> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void oneInstanceOnEightThreadsGivesTheSequentialResults(Reconciler algorithm)
      throws InterruptedException, ExecutionException {
    List<ClaimIndex> cases = cases();
    List<String> expected = new ArrayList<>();
    List<Integer> progress = new ArrayList<>();
    for (ClaimIndex ix : cases) {
      int[] calls = new int[1];
      expected.add(
          Canonical.of(
              ProgressListener.during((it, max) -> calls[0]++, () -> algorithm.reconcile(ix))));
      progress.add(calls[0]);
    }
    // Fresh indexes, so that their lazy caches are first filled by the racing threads; each
    // thread listens to its own progress, which must not hear the others'.
    List<ClaimIndex> fresh = cases();
    for (List<String> got :
        concurrently(
            fresh.size(),
            i -> {
              int[] calls = new int[1];
              String text =
                  Canonical.of(
                      ProgressListener.during(
                          (it, max) -> calls[0]++, () -> algorithm.reconcile(fresh.get(i))));
              return text + "\nprogress calls " + calls[0];
            })) {
      for (int i = 0; i < fresh.size(); i++) {
        assertEquals(expected.get(i) + "\nprogress calls " + progress.get(i), got.get(i),
            algorithm + " on case " + i);
      }
    }
  }

  @Test
  void parallelAlgorithmsNestInsideConcurrentCallers()
      throws InterruptedException, ExecutionException {
    // Eight callers, each running an algorithm that itself splits its work over two threads.
    ClaimIndex ix =
        Synthetic.withDefaults().withSeed(4).withSources(300).withClaims(70_000).generate().index();
    List<Reconciler> parallel = new ArrayList<>();
    for (String name : Reconcilers.names()) {
      Reconciler capped = Reconcilers.byName(name, Map.of("iterations", "5"));
      ReconcilerContractTest.threaded(capped).ifPresent(t -> parallel.add(t.apply(2)));
    }
    List<String> expected = new ArrayList<>();
    for (Reconciler r : parallel) {
      expected.add(Canonical.sample(r.reconcile(ix), 101));
    }
    for (List<String> got :
        concurrently(parallel.size(), i -> Canonical.sample(parallel.get(i).reconcile(ix), 101))) {
      assertEquals(expected, got);
    }
  }

  @Test
  void sensitivityOnEightThreads() throws InterruptedException, ExecutionException {
    Sensitivity analysis = Sensitivity.of(Reconcilers.byName("weighted-vote"));
    List<Case> cases = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (long seed = 1; seed <= 2; seed++) {
      Case c = ReconcilerContractTest.testimonyCase(seed);
      for (int q : new int[] {0, 3}) {
        cases.add(c);
        questions.add(c.questions().get(q).id());
      }
    }
    List<SensitivityReport> expected = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      expected.add(analysis.analyse(cases.get(i), questions.get(i)));
    }
    for (List<SensitivityReport> got :
        concurrently(cases.size(), i -> analysis.analyse(cases.get(i), questions.get(i)))) {
      assertEquals(expected, got);
    }
  }

  @Test
  void calibratorAndEvaluationOnEightThreads() throws InterruptedException, ExecutionException {
    List<Synthetic.Data> data = new ArrayList<>();
    List<Reconciliation> raw = new ArrayList<>();
    for (long seed = 1; seed <= 4; seed++) {
      Synthetic.Data d =
          Synthetic.withDefaults().withSeed(seed).withSources(30).withClasses(3)
              .withClaims(1_200).generate();
      data.add(d);
      raw.add(DawidSkene.withDefaults().reconcile(d.index()));
    }
    Map<String, Value> truth = data.get(0).truths();
    Calibrator isotonic = Calibrator.fit(Calibrator.Method.ISOTONIC, raw.get(0), truth);
    Calibrator temperature = Calibrator.fit(Calibrator.Method.TEMPERATURE, raw.get(0), truth);
    IntFunction<String> task =
        i -> {
          Reconciliation r = raw.get(i);
          Map<String, Value> t = data.get(i).truths();
          return Canonical.of(isotonic.apply(r))
              + Canonical.of(temperature.apply(r))
              + Evaluation.of(r, t)
              + Evaluation.of(isotonic.apply(r), t)
              + Canonical.of(Calibrator.crossValidate(Calibrator.Method.ISOTONIC, r, t, 3))
              + Calibrator.fit(Calibrator.Method.ISOTONIC, r, t);
        };
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      expected.add(task.apply(i));
    }
    for (List<String> got : concurrently(raw.size(), task)) {
      assertEquals(expected, got);
    }
  }
}
