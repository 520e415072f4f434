package io.github.rashomon.benchmarks;

import io.github.rashomon.engine.BenchmarkAccess;
import io.github.rashomon.engine.ClaimIndex;
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
 * The memory-bound floor: one single-threaded streaming vote pass over the same generated claim
 * arrays as {@link AlgorithmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class FloorBenchmark {
  /** About how many claims to generate. */
  @Param({"100000", "1000000", "10000000"})
  public long claims;

  private ClaimIndex index;
  private int[] candVotes;
  private int[] sourceVotes;

  /** Generates the claims once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    index = Synthetic.withDefaults().withSeed(1).withSources(1000).withClaims(claims)
        .generate().index();
    candVotes = new int[index.candidateCount()];
    sourceVotes = new int[index.sourceCount()];
  }

  /**
   * One pass.
   *
   * @return a checksum
   */
  @Benchmark
  public long floor() {
    return BenchmarkAccess.floorPass(index, candVotes, sourceVotes);
  }
}
