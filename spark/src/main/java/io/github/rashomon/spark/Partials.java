package io.github.rashomon.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Per-source statistics summed over the questions: each partition fills one array, and the driver
 * adds the arrays in partition order. Collecting one array per partition rather than reducing as
 * tasks finish keeps the order of the floating-point additions, and so the result, the same from
 * run to run.
 */
final class Partials {
  private Partials() {}

  /** Fills one partition's sums from its questions. */
  @FunctionalInterface
  interface Filler<T> extends java.io.Serializable {
    void add(T item, double[] sums);
  }

  /** An iterator over one element, as a partition's function returns its one result. */
  static <T> Iterator<T> one(T x) {
    List<T> l = new ArrayList<>(1);
    l.add(x);
    return l.iterator();
  }

  /** Sums of {@code size} per-partition entries. */
  static <T> double[] sum(JavaRDD<T> rdd, int size, Filler<T> filler) {
    return combine(rdd, size, size, filler);
  }

  /**
   * Entries {@code [0, maxFrom)} are summed over the partitions and entries {@code [maxFrom,
   * size)} take the largest value any partition reports (for convergence checks).
   */
  static <T> double[] combine(JavaRDD<T> rdd, int size, int maxFrom, Filler<T> filler) {
    FlatMapFunction<Iterator<T>, double[]> part =
        it -> {
          double[] sums = new double[size];
          while (it.hasNext()) {
            filler.add(it.next(), sums);
          }
          return one(sums);
        };
    List<double[]> parts = rdd.mapPartitions(part).collect();
    double[] total = new double[size];
    for (double[] p : parts) {
      for (int i = 0; i < maxFrom; i++) {
        total[i] += p[i];
      }
      for (int i = maxFrom; i < size; i++) {
        total[i] = Math.max(total[i], p[i]);
      }
    }
    return total;
  }
}
