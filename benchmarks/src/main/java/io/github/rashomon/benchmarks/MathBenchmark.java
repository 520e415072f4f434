package io.github.rashomon.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of the transcendental functions the algorithms cannot avoid, in nanoseconds per
 * call over 2¹⁶ arguments, next to the add that makes up the floor pass: {@code Math.pow(x, 1.2)}
 * (Investment's growth, once per candidate), {@code Math.exp} and {@code Math.log1p} (GLAD's
 * log-sigmoid, once each per claim and objective evaluation; Accu's and Dawid–Skene's
 * exponentials).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MathBenchmark {
  private static final int N = 1 << 16;

  private final double[] x = new double[N];
  private final double[] out = new double[N];

  /** Arguments in (0, 3), as the algorithms see. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < N; i++) {
      x[i] = random.nextDouble() * 3;
    }
  }

  /**
   * One addition per element: the floor's work.
   *
   * @return a value so the work is not removed
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public double add() {
    for (int i = 0; i < N; i++) {
      out[i] += x[i];
    }
    return out[N - 1];
  }

  /**
   * {@code Math.pow(x, 1.2)} per element.
   *
   * @return a value so the work is not removed
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public double pow() {
    for (int i = 0; i < N; i++) {
      out[i] = Math.pow(x[i], 1.2);
    }
    return out[N - 1];
  }

  /**
   * {@code Math.exp(-x)} per element.
   *
   * @return a value so the work is not removed
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public double exp() {
    for (int i = 0; i < N; i++) {
      out[i] = Math.exp(-x[i]);
    }
    return out[N - 1];
  }

  /**
   * {@code Math.log1p(x)} per element.
   *
   * @return a value so the work is not removed
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public double log1p() {
    for (int i = 0; i < N; i++) {
      out[i] = Math.log1p(x[i]);
    }
    return out[N - 1];
  }
}
