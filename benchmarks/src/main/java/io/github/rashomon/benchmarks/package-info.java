/**
 * Benchmarks, not API: the JMH benchmarks of every algorithm ({@link
 * io.github.rashomon.benchmarks.AlgorithmBenchmark}), the memory-bound floor they are measured
 * against ({@link io.github.rashomon.benchmarks.FloorBenchmark}) and the scale harness ({@link
 * io.github.rashomon.benchmarks.ScaleHarness}), behind one entry point, {@link
 * io.github.rashomon.benchmarks.Main}. {@code docs/performance.md} gives every figure with the
 * command that produced it.
 *
 * @since 0.1
 */
package io.github.rashomon.benchmarks;
