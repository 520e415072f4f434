package io.github.rashomon.engine;

import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.ValueType;
import java.util.Arrays;

/**
 * Numeric steps shared by the estimators of quantity questions ({@link Median}, {@link
 * WeightedMean}, {@link Crh}).
 *
 * <p>A quantity question's candidates are in ascending order of {@link Quantity#representative()}
 * (see {@link ClaimIndex#VALUE_ORDER}), so weighted medians need no sorting. Denials carry no
 * position on the number line and are left out of every estimate here.
 */
final class Quantities {
  private Quantities() {}

  static boolean isQuantity(ClaimIndex index, int q) {
    return index.typeOf(q) == ValueType.QUANTITY;
  }

  static double representative(ClaimIndex index, int c) {
    return ((Quantity) index.candValue[c]).representative();
  }

  /**
   * Fills {@code out} over question {@code q}'s candidates with the weight of the claims
   * affirming each: {@code sourceWeight[s]} (1 when null) times the claim weight.
   *
   * @return the total weight
   */
  static double support(ClaimIndex index, int q, double[] sourceWeight, double[] out) {
    Arrays.fill(out, index.questionCandStart[q], index.questionCandStart[q + 1], 0.0);
    double total = 0;
    for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
      if (index.denies(i)) {
        continue;
      }
      double w = index.weight(i);
      if (sourceWeight != null) {
        w *= sourceWeight[index.claimSource[i]];
      }
      out[index.claimCand[i]] += w;
      total += w;
    }
    return total;
  }

  /**
   * The weighted median of question {@code q}'s representatives: the smallest value below which
   * lies less than half the weight and at which at least half is reached. When exactly half the
   * weight lies at or below a value, the midpoint between it and the next weighted value (the
   * usual median of an even count).
   *
   * @return the median, or NaN when no candidate has weight
   */
  static double weightedMedian(ClaimIndex index, int q, double[] candWeight) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    double total = 0;
    for (int c = from; c < to; c++) {
      total += candWeight[c];
    }
    if (!(total > 0)) {
      return Double.NaN;
    }
    double half = total / 2;
    double cum = 0;
    for (int c = from; c < to; c++) {
      if (candWeight[c] <= 0) {
        continue;
      }
      cum += candWeight[c];
      if (cum > half) {
        return representative(index, c);
      }
      if (cum == half) {
        for (int n = c + 1; n < to; n++) {
          if (candWeight[n] > 0) {
            return representative(index, c) / 2 + representative(index, n) / 2;
          }
        }
        return representative(index, c);
      }
    }
    return representative(index, lastWeighted(from, to, candWeight));
  }

  private static int lastWeighted(int from, int to, double[] candWeight) {
    for (int c = to - 1; c > from; c--) {
      if (candWeight[c] > 0) {
        return c;
      }
    }
    return from;
  }

  /**
   * The weighted mean of question {@code q}'s representatives.
   *
   * @return the mean, or NaN when no candidate has weight or the mean overflows
   */
  static double weightedMean(ClaimIndex index, int q, double[] candWeight) {
    double total = 0;
    double sum = 0;
    // Deviations from the first weighted value: a value that has all the weight is then the
    // mean exactly (w·x/w need not be x), and close large values lose no digits.
    double origin = Double.NaN;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
      if (candWeight[c] > 0) {
        double x = representative(index, c);
        if (total == 0) {
          origin = x;
        }
        total += candWeight[c];
        sum += candWeight[c] * (x - origin);
        lowest = Math.min(lowest, x);
        highest = Math.max(highest, x);
      }
    }
    double mean = origin + sum / total;
    // NaN also when the sum overflows: no point estimate rather than an infinite one.
    if (!(total > 0 && Double.isFinite(mean))) {
      return Double.NaN;
    }
    // The mean lies within the values; rounding alone can carry it an ulp outside, which would
    // make the mean of equal values (unanimous claims) a number nobody claimed.
    return Math.min(highest, Math.max(lowest, mean));
  }

  /**
   * The weighted population standard deviation of question {@code q}'s representatives.
   *
   * @return the deviation, 0 when no candidate has weight
   */
  static double weightedStd(ClaimIndex index, int q, double[] candWeight) {
    double mean = weightedMean(index, q, candWeight);
    if (Double.isNaN(mean)) {
      return 0;
    }
    double total = 0;
    double sum = 0;
    for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
      if (candWeight[c] > 0) {
        double d = representative(index, c) - mean;
        total += candWeight[c];
        sum += candWeight[c] * d * d;
      }
    }
    return Math.sqrt(sum / total);
  }

  /** The gap between candidate {@code c}'s interval and the number {@code x}. */
  static double gap(ClaimIndex index, int c, double x) {
    Quantity v = (Quantity) index.candValue[c];
    return Math.max(0, Math.max(v.lower() - x, x - v.upper()));
  }

  /**
   * How near candidate {@code c} lies to {@code x}, in (0, 1]: {@code exp(-gap / scale)}, 1 for
   * a candidate whose interval contains {@code x}. With no spread ({@code scale} 0) only such
   * candidates count as near.
   */
  static double kernel(ClaimIndex index, int c, double x, double scale) {
    double g = gap(index, c, x);
    if (g == 0) {
      return 1;
    }
    return scale > 0 ? Math.exp(-g / scale) : 0;
  }

  /**
   * Fills question {@code q}'s candidate probabilities with each candidate's support times its
   * {@link #kernel} to the estimate, normalised (uniform when nothing has weight).
   */
  static void kernelProbabilities(
      ClaimIndex index, int q, double estimate, double scale, double[] candWeight, double[] out) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    double sum = 0;
    for (int c = from; c < to; c++) {
      double p = candWeight[c] > 0 ? candWeight[c] * kernel(index, c, estimate, scale) : 0;
      out[c] = p;
      sum += p;
    }
    for (int c = from; c < to; c++) {
      out[c] = sum > 0 ? out[c] / sum : 1.0 / (to - from);
    }
  }

  /**
   * Each source's fit to the estimates, in [0, 1]: the claim-weighted mean over its claims of 1
   * or 0 for agreeing or not with the most probable candidate of a question without a point
   * estimate ({@code estimate[q]} NaN), and of the {@link #kernel} to the point estimate
   * otherwise (one minus it for a denial). A source without claims gets 0.5.
   */
  static void fit(
      ClaimIndex index, double[] candProb, double[] estimate, double[] scale, double[] out) {
    int ns = index.sourceCount();
    double[] agree = new double[ns];
    double[] total = new double[ns];
    for (int q = 0; q < index.questionCount(); q++) {
      boolean point = !Double.isNaN(estimate[q]);
      int best = -1;
      if (!point) {
        for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
          if (best < 0 || candProb[c] > candProb[best]) {
            best = c;
          }
        }
      }
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        int s = index.claimSource[i];
        int c = index.claimCand[i];
        double w = index.weight(i);
        double f;
        if (point) {
          double k = kernel(index, c, estimate[q], scale[q]);
          f = index.denies(i) ? 1 - k : k;
        } else {
          f = (c == best) != index.denies(i) ? 1 : 0;
        }
        total[s] += w;
        agree[s] += w * f;
      }
    }
    for (int s = 0; s < ns; s++) {
      out[s] = total[s] > 0 ? Math.min(1, agree[s] / total[s]) : 0.5;
    }
  }

  /** Sets the point estimates of the questions whose estimate is a number. */
  static void setPointEstimates(ClaimIndex index, double[] estimate, Estimate e) {
    for (int q = 0; q < index.questionCount(); q++) {
      if (!Double.isNaN(estimate[q])) {
        if (e.pointEstimate == null) {
          e.pointEstimate = new io.github.rashomon.model.Value[index.questionCount()];
        }
        e.pointEstimate[q] = Quantity.exactly(estimate[q]);
      }
    }
  }
}
