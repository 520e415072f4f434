package io.github.rashomon.benchmarks;

import io.github.rashomon.engine.BenchmarkAccess;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Synthetic;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reconciles generated claims at scale and reports, per algorithm, the time per iteration against
 * the memory-bound floor (one streaming vote pass over the same claim arrays, measured in the same
 * run), peak heap and bytes per claim. Each algorithm first runs a few times on 2·10⁵ claims to
 * warm the JIT.
 *
 * <pre>
 * java -Xmx4g -jar benchmarks/target/benchmarks.jar scale --claims 1e8 --algorithm dawid-skene
 * </pre>
 *
 * <p>Options: {@code --claims N} (default 1e6; accepts 1e7 style), {@code --algorithm a,b|all}
 * (default majority-vote,dawid-skene,truthfinder), {@code --iterations N} (default 20; the
 * tolerance is set to 0 so exactly N run), {@code --threads N} (default 0, all processors),
 * {@code --sources N} (default 1000), {@code --classes K} (2), {@code --per-question R} (5),
 * {@code --seed S} (1), {@code --repeat N} (runs per measurement, best kept; default 1),
 * {@code --warm-start} (instead: reconcile N claims, add 1% new questions, and compare a cold run
 * with one that starts from the first result; default stopping rules).
 *
 * <p>Besides wall time the harness reports process cpu time (all threads), which contention
 * from other processes inflates much less: on a shared machine compare {@code x_cpu}, the cpu
 * time of an iteration over the cpu time of the (single-threaded) floor pass.
 *
 * <p>Time per iteration is {@code (T(N) - T(1)) / (N - 1)} where {@code T(n)} is the wall time
 * of a whole reconciliation with n iterations: the setup both share (label spaces, the initial
 * pass, the result) cancels. For a one-pass algorithm it is the whole reconciliation.
 */
public final class ScaleHarness {
  private ScaleHarness() {}

  /**
   * Runs the harness.
   *
   * @param args options, see the class comment
   */
  public static void main(String[] args) {
    Options o = Options.parse(args);
    run(o, System.out);
  }

  static void run(Options o, PrintStream out) {
    if (o.warmStart) {
      warmStart(o, out);
      return;
    }
    out.printf(Locale.ROOT, "machine: %d processors, max heap %s, java %s, load %s%n",
        Runtime.getRuntime().availableProcessors(), mb(Runtime.getRuntime().maxMemory()),
        System.getProperty("java.version"), loadAverage());
    Synthetic gen =
        Synthetic.withDefaults().withSeed(o.seed).withSources(o.sources).withClasses(o.classes)
            .withClaimsPerQuestion(o.perQuestion).withClaims(o.claims).withThreads(o.threads);
    long before = usedAfterGc();
    long t0 = System.nanoTime();
    Synthetic.Data data = gen.generate();
    long genNanos = System.nanoTime() - t0;
    ClaimIndex ix = data.index();
    long heapBytes = usedAfterGc() - before;
    long n = ix.claimCount();
    out.printf(Locale.ROOT, "data: %s%n", gen);
    out.printf(Locale.ROOT,
        "claims %d, questions %d, sources %d, candidates %d; generated in %.2f s%n",
        n, ix.questionCount(), ix.sourceCount(), ix.candidateCount(), genNanos / 1e9);
    out.printf(Locale.ROOT,
        "index: %.2f bytes/claim (arrays), %.2f bytes/claim (heap after GC, with the truth)%n",
        (double) BenchmarkAccess.indexArrayBytes(ix) / n, (double) heapBytes / n);
    double[] floor = floorNanos(ix, Math.max(3, o.repeat));
    out.printf(Locale.ROOT,
        "floor: one streaming vote pass, 1 thread: %.3f ns/claim wall (%.1f ms), %.3f ns/claim cpu%n",
        floor[0] / n, floor[0] / 1e6, floor[1] / n);
    out.printf(Locale.ROOT, "%-18s %7s %7s %9s %11s %11s %7s %11s %7s %9s %10s%n", "algorithm",
        "threads", "iters", "total_s", "iter_ms", "ns/claim/it", "x_floor", "cpu_ns/c/it",
        "x_cpu", "accuracy", "peak_heap");
    // Warm the JIT on small data so that the first measurement is not of the interpreter.
    ClaimIndex warm = gen.withClaims(Math.min(n, 200_000)).generate().index();
    for (String name : o.algorithms) {
      Reconciler w = configure(Reconcilers.byName(name), 3, o.threads);
      for (int r = 0; r < 3; r++) {
        (w != null ? w : Reconcilers.byName(name)).reconcile(warm);
      }
    }
    warm = null;
    for (String name : o.algorithms) {
      Reconciler base = Reconcilers.byName(name);
      Reconciler many = configure(base, o.iterations, o.threads);
      boolean iterative = many != null;
      long[] peak = new long[1];
      Reconciliation[] last = new Reconciliation[1];
      Reconciler measured = iterative ? many : configure1(base, o.threads);
      double total = Double.MAX_VALUE;
      double totalCpu = 0;
      for (int r = 0; r < Math.max(1, o.repeat); r++) {
        last[0] = null;
        resetPeaks();
        long cpu = processCpu();
        long t = System.nanoTime();
        last[0] = measured.reconcile(ix);
        long d = System.nanoTime() - t;
        if (d < total) {
          total = d;
          totalCpu = processCpu() - cpu;
        }
        peak[0] = Math.max(peak[0], peakHeap());
      }
      int iterations = last[0].provenance().iterations();
      double accuracy = data.accuracyOf(last[0]);
      // Let the result go before the one-iteration run: at 10^9 claims each holds gigabytes.
      last[0] = null;
      double perIteration = total;
      double perIterationCpu = totalCpu;
      if (iterative && iterations > 1) {
        Reconciler one = configure(base, 1, o.threads);
        double[] single = best(o.repeat, () -> one.reconcile(ix));
        perIteration = Math.max(0, (total - single[0]) / (iterations - 1));
        perIterationCpu = Math.max(0, (totalCpu - single[1]) / (iterations - 1));
      }
      out.printf(Locale.ROOT, "%-18s %7d %7d %9.3f %11.3f %11.3f %7.2f %11.3f %7.2f %9.4f %10s%n",
          name, o.threads, iterations, total / 1e9, perIteration / 1e6, perIteration / n,
          perIteration / floor[0], perIterationCpu / n, perIterationCpu / floor[1], accuracy,
          mb(peak[0]));
      last[0] = null;
    }
    out.printf(Locale.ROOT, "load at the end: %s%n", loadAverage());
  }

  /**
   * Reconciles N claims; then N plus 1% (new questions, the first N claims unchanged) both cold
   * and warm from the first result, each with the algorithm's default stopping rule. Both paths
   * are first run a few times on 2·10⁵ claims of the same shape, to warm the JIT.
   */
  static void warmStart(Options o, PrintStream out) {
    out.printf(Locale.ROOT, "machine: %d processors, max heap %s, java %s, load %s%n",
        Runtime.getRuntime().availableProcessors(), mb(Runtime.getRuntime().maxMemory()),
        System.getProperty("java.version"), loadAverage());
    Synthetic gen =
        Synthetic.withDefaults().withSeed(o.seed).withSources(o.sources).withClasses(o.classes)
            .withClaimsPerQuestion(o.perQuestion).withThreads(o.threads);
    Synthetic before = gen.withClaims(o.claims);
    Synthetic after = gen.withQuestions(before.questions() + before.questions() / 100);
    ClaimIndex ix0 = before.generate().index();
    Synthetic.Data data1 = after.generate();
    ClaimIndex ix1 = data1.index();
    out.printf(Locale.ROOT, "data: %s%n", before);
    out.printf(Locale.ROOT, "claims %d, then %d (+%d)%n", ix0.claimCount(), ix1.claimCount(),
        ix1.claimCount() - ix0.claimCount());
    out.printf(Locale.ROOT, "%-14s %9s %9s %8s %9s %9s %9s %8s %10s %10s%n", "algorithm",
        "cold_its", "cold_s", "warm_its", "warm_s", "warm/cold", "cpu_ratio", "max_diff",
        "acc_cold", "acc_warm");
    // Small indexes of the same shape, to warm the JIT on both the cold and the warm path.
    Synthetic small = gen.withClaims(Math.min(o.claims, 200_000));
    ClaimIndex small0 = small.generate().index();
    ClaimIndex small1 =
        gen.withQuestions(small.questions() + small.questions() / 100).generate().index();
    for (String name : o.algorithms) {
      Reconciler r = configure1(Reconcilers.byName(name), o.threads);
      for (int w = 0; w < 5; w++) {
        r.reconcile(small1, r.reconcile(small0));
      }
      Reconciliation earlier = r.reconcile(ix0);
      Reconciliation[] cold = new Reconciliation[1];
      Reconciliation[] warm = new Reconciliation[1];
      Reconciliation prev = earlier;
      double[] coldTime = best(o.repeat, () -> cold[0] = r.reconcile(ix1));
      double[] warmTime = best(o.repeat, () -> warm[0] = r.reconcile(ix1, prev));
      double coldNanos = coldTime[0];
      double warmNanos = warmTime[0];
      double diff = 0;
      for (int q = 0; q < ix1.questionCount(); q++) {
        for (int c = 0; c < ix1.candidates(q).size(); c++) {
          diff = Math.max(diff, Math.abs(cold[0].probability(q, c) - warm[0].probability(q, c)));
        }
      }
      out.printf(Locale.ROOT, "%-14s %9d %9.3f %8d %9.3f %9.3f %9.3f %8.1e %10.4f %10.4f%n",
          name, cold[0].provenance().iterations(), coldNanos / 1e9,
          warm[0].provenance().iterations(), warmNanos / 1e9, warmNanos / coldNanos,
          warmTime[1] / coldTime[1], diff, data1.accuracyOf(cold[0]), data1.accuracyOf(warm[0]));
    }
    out.printf(Locale.ROOT, "load at the end: %s%n", loadAverage());
  }

  /** The fastest of {@code repeat} floor passes (after two to warm up): wall and cpu nanos. */
  private static double[] floorNanos(ClaimIndex ix, int repeat) {
    int[] cand = new int[ix.candidateCount()];
    int[] src = new int[ix.sourceCount()];
    long sink = 0;
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < repeat + 2; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      sink += BenchmarkAccess.floorPass(ix, cand, src);
      long d = System.nanoTime() - t;
      long c = threads.getCurrentThreadCpuTime() - cpu;
      if (r >= 2) {
        best[0] = Math.min(best[0], d);
        best[1] = Math.min(best[1], c);
      }
    }
    if (sink == Long.MIN_VALUE) {
      System.out.print("");
    }
    return best;
  }

  /** The fastest of {@code repeat} runs: its wall and process-cpu nanos. */
  private static double[] best(int repeat, Runnable run) {
    double[] best = {Double.MAX_VALUE, 0};
    for (int r = 0; r < Math.max(1, repeat); r++) {
      System.gc();
      long cpu = processCpu();
      long t = System.nanoTime();
      run.run();
      long d = System.nanoTime() - t;
      if (d < best[0]) {
        best[0] = d;
        best[1] = processCpu() - cpu;
      }
    }
    return best;
  }

  /** Cpu time of the whole process (all threads, GC and compiler included), or 0. */
  private static long processCpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  /** The algorithm with exactly {@code iterations} iterations, or null if it has none to set. */
  static Reconciler configure(Reconciler r, int iterations, int threads) {
    Reconciler c = invoke(r, "withIterations", int.class, iterations);
    if (c == null) {
      return null;
    }
    Reconciler tolerant = invoke(c, "withTolerance", double.class, 0.0);
    c = tolerant == null ? c : tolerant;
    Reconciler threaded = invoke(c, "withThreads", int.class, threads);
    return threaded == null ? c : threaded;
  }

  private static Reconciler configure1(Reconciler r, int threads) {
    Reconciler threaded = invoke(r, "withThreads", int.class, threads);
    return threaded == null ? r : threaded;
  }

  private static Reconciler invoke(Reconciler r, String method, Class<?> type, Object arg) {
    Method m;
    try {
      m = r.getClass().getMethod(method, type);
    } catch (NoSuchMethodException e) {
      return null;
    }
    try {
      return (Reconciler) m.invoke(r, arg);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(method + " on " + r.name(), e);
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peak use since the last reset: an upper bound of the peak. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }

  static String loadAverage() {
    try {
      return Files.readString(Paths.get("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Parsed command-line options. */
  static final class Options {
    long claims = 1_000_000;
    List<String> algorithms = List.of("majority-vote", "dawid-skene", "truthfinder");
    int iterations = 20;
    int threads = 0;
    int sources = 1000;
    int classes = 2;
    int perQuestion = 5;
    long seed = 1;
    int repeat = 1;
    boolean warmStart;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--warm-start")) {
          o.warmStart = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--claims":
            o.claims = (long) Double.parseDouble(v);
            break;
          case "--algorithm":
          case "--algorithms":
            o.algorithms = v.equals("all") ? new ArrayList<>(Reconcilers.names()) : List.of(v.split(","));
            break;
          case "--iterations":
            o.iterations = Integer.parseInt(v);
            break;
          case "--threads":
            o.threads = Integer.parseInt(v);
            break;
          case "--sources":
            o.sources = Integer.parseInt(v);
            break;
          case "--classes":
            o.classes = Integer.parseInt(v);
            break;
          case "--per-question":
            o.perQuestion = Integer.parseInt(v);
            break;
          case "--seed":
            o.seed = Long.parseLong(v);
            break;
          case "--repeat":
            o.repeat = Integer.parseInt(v);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + a);
        }
      }
      return o;
    }
  }
}
