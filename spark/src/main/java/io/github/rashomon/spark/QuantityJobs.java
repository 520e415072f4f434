package io.github.rashomon.spark;

import io.github.rashomon.engine.Median;
import io.github.rashomon.engine.WeightedMean;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The estimators of quantity questions as Spark jobs, question by question the core's {@code
 * Quantities}: {@link Median} and {@link WeightedMean} (one pass for the estimates, one for the
 * sources' fit), and the numeric steps CRH shares with them. A categorical question falls back to
 * the vote, as in the core.
 */
final class QuantityJobs {
  private QuantityJobs() {}

  static Outcome median(Run run, Median algorithm) {
    double[] ones = new double[run.sources()];
    Arrays.fill(ones, 1.0);
    return estimate(run, ones, false);
  }

  static Outcome weightedMean(Run run, WeightedMean algorithm) {
    double[] weight = new double[run.sources()];
    for (int s = 0; s < weight.length; s++) {
      Double p = run.priors.get(run.sourceIds[s]);
      weight[s] = p == null ? algorithm.defaultCredibility() : p;
    }
    return estimate(run, weight, true);
  }

  /** Vote shares, and for quantity questions the weighted median or mean and its kernel. */
  private static Outcome estimate(Run run, double[] weight, boolean mean) {
    Broadcast<double[]> w = run.jsc.broadcast(weight);
    JavaRDD<QuestionState> states = run.keep(run.blocks.map(b -> {
      double[] p = VoteJobs.shares(b, w.value());
      if (!b.numeric()) {
        return new QuestionState(b, p, null, null);
      }
      // Median: every claim counts once; weighted mean: with its source's weight.
      double[] support = support(b, mean ? w.value() : null);
      double estimate = mean ? weightedMean(b, support) : weightedMedian(b, support);
      double scale = 0;
      if (!Double.isNaN(estimate)) {
        scale = weightedStd(b, support);
        kernelProbabilities(b, estimate, scale, support, p);
      }
      return new QuestionState(b, p, null, null, estimate, scale);
    }), 0);
    double[] trust = fit(run, states);
    run.advanced(null, states);
    w.unpersist(false);
    return new Outcome(states, trust, 1, true, 0);
  }

  /** Per candidate the weight of the claims naming it: the source's weight (1 when null). */
  static double[] support(QuestionBlock b, double[] sourceWeight) {
    double[] out = new double[b.candidates()];
    for (int i = 0; i < b.claims(); i++) {
      double x = 1.0;
      if (sourceWeight != null) {
        x *= sourceWeight[b.src[i]];
      }
      out[b.cnd[i]] += x;
    }
    return out;
  }

  static double total(double[] support) {
    double total = 0;
    for (double x : support) {
      total += x;
    }
    return total;
  }

  /** The core's {@code Quantities.weightedMedian}: NaN when nothing has weight. */
  static double weightedMedian(QuestionBlock b, double[] w) {
    int k = b.candidates();
    double total = 0;
    for (int c = 0; c < k; c++) {
      total += w[c];
    }
    if (!(total > 0)) {
      return Double.NaN;
    }
    double half = total / 2;
    double cum = 0;
    for (int c = 0; c < k; c++) {
      if (w[c] <= 0) {
        continue;
      }
      cum += w[c];
      if (cum > half) {
        return b.rep[c];
      }
      if (cum == half) {
        for (int n = c + 1; n < k; n++) {
          if (w[n] > 0) {
            return b.rep[c] / 2 + b.rep[n] / 2;
          }
        }
        return b.rep[c];
      }
    }
    for (int c = k - 1; c > 0; c--) {
      if (w[c] > 0) {
        return b.rep[c];
      }
    }
    return b.rep[0];
  }

  /** The core's {@code Quantities.weightedMean}: NaN when nothing has weight or it overflows. */
  static double weightedMean(QuestionBlock b, double[] w) {
    double total = 0;
    double sum = 0;
    // As core: deviations from the first weighted value, so a lone value is the mean exactly.
    double origin = Double.NaN;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < b.candidates(); c++) {
      if (w[c] > 0) {
        double x = b.rep[c];
        if (total == 0) {
          origin = x;
        }
        total += w[c];
        sum += w[c] * (x - origin);
        lowest = Math.min(lowest, x);
        highest = Math.max(highest, x);
      }
    }
    double mean = origin + sum / total;
    // As core: within the values, whatever the rounding.
    return total > 0 && Double.isFinite(mean)
        ? Math.min(highest, Math.max(lowest, mean))
        : Double.NaN;
  }

  /** The core's {@code Quantities.weightedStd}: 0 when nothing has weight. */
  static double weightedStd(QuestionBlock b, double[] w) {
    double mean = weightedMean(b, w);
    if (Double.isNaN(mean)) {
      return 0;
    }
    double total = 0;
    double sum = 0;
    for (int c = 0; c < b.candidates(); c++) {
      if (w[c] > 0) {
        double d = b.rep[c] - mean;
        total += w[c];
        sum += w[c] * d * d;
      }
    }
    return Math.sqrt(sum / total);
  }

  /** {@code exp(-gap / scale)} for candidate c's interval and x (core {@code kernel}). */
  static double kernel(QuestionBlock b, int c, double x, double scale) {
    double g = Math.max(0, Math.max(b.lower[c] - x, x - b.upper[c]));
    if (g == 0) {
      return 1;
    }
    return scale > 0 ? Math.exp(-g / scale) : 0;
  }

  /** Support times kernel to the estimate, normalised (core {@code kernelProbabilities}). */
  static void kernelProbabilities(QuestionBlock b, double estimate, double scale, double[] w,
      double[] out) {
    int k = b.candidates();
    double sum = 0;
    for (int c = 0; c < k; c++) {
      double p = w[c] > 0 ? w[c] * kernel(b, c, estimate, scale) : 0;
      out[c] = p;
      sum += p;
    }
    for (int c = 0; c < k; c++) {
      out[c] = sum > 0 ? out[c] / sum : 1.0 / k;
    }
  }

  /**
   * Each source's mean fit to the estimates (core {@code Quantities.fit}): the kernel of each
   * claim to its question's point estimate, or 1 or 0 for naming the leading candidate or not;
   * 0.5 for a source without claims.
   */
  static double[] fit(Run run, JavaRDD<QuestionState> states) {
    int ns = run.sources();
    double[] sums = Partials.sum(states, 2 * ns, (st, acc) -> {
      QuestionBlock b = st.block;
      boolean point = !Double.isNaN(st.point);
      int best = point ? -1 : VoteJobs.leader(st.prob);
      for (int i = 0; i < b.claims(); i++) {
        int s = b.src[i];
        double f = point ? kernel(b, b.cnd[i], st.point, st.scale) : b.cnd[i] == best ? 1 : 0;
        acc[2 * s + 1] += 1.0;
        acc[2 * s] += 1.0 * f;
      }
    });
    double[] trust = new double[ns];
    for (int s = 0; s < ns; s++) {
      trust[s] = sums[2 * s + 1] > 0 ? Math.min(1, sums[2 * s] / sums[2 * s + 1]) : 0.5;
    }
    return trust;
  }
}
