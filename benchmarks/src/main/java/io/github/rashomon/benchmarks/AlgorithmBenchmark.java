package io.github.rashomon.benchmarks;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Synthetic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole reconciliation per operation, for every algorithm at 10⁵, 10⁶ and 10⁷ generated claims
 * (2 classes, 5 claims per question, 1,000 sources), with a fixed number of iterations (tolerance
 * 0) so that runs compare. Select with JMH's options, for example
 * {@code java -jar benchmarks.jar AlgorithmBenchmark -p algorithm=dawid-skene -p claims=1000000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class AlgorithmBenchmark {
  /** The algorithm's CLI name. */
  @Param({
    "majority-vote", "weighted-vote", "truthfinder", "sums", "average-log", "investment",
    "pooled-investment", "two-estimates", "three-estimates", "accu", "dawid-skene", "glad", "crh",
    "median", "weighted-mean"
  })
  public String algorithm;

  /** About how many claims to generate. */
  @Param({"100000", "1000000", "10000000"})
  public long claims;

  /** Iterations of an iterative algorithm. */
  @Param({"10"})
  public int iterations;

  /** Threads (0: all processors) for algorithms that take a thread count. */
  @Param({"0"})
  public int threads;

  private ClaimIndex index;
  private Reconciler reconciler;

  /** Generates the claims once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    index = Synthetic.withDefaults().withSeed(1).withSources(1000).withClaims(claims)
        .generate().index();
    Reconciler base = Reconcilers.byName(algorithm);
    Reconciler configured = ScaleHarness.configure(base, iterations, threads);
    reconciler = configured != null ? configured : base;
  }

  /**
   * Reconciles the index.
   *
   * @return the result, so that it is not optimised away
   */
  @Benchmark
  public Reconciliation reconcile() {
    return reconciler.reconcile(index);
  }
}
