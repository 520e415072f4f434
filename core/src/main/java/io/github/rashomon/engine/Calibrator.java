package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Makes a reconciliation's probabilities mean what they say: a monotone map from raw to
 * calibrated probabilities, fitted on questions whose truth is known, so that among the questions
 * whose leading value gets probability 0.8, about 80% are right.
 *
 * <pre>{@code
 * Reconciliation raw = DawidSkene.withDefaults().reconcile(index);
 * Calibrator cal = Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, gold);
 * Reconciliation calibrated = cal.apply(raw);             // same leading values
 * // An honest estimate of the calibration error: every gold question calibrated by a map
 * // fitted on the other folds only.
 * Reconciliation cv = Calibrator.crossValidateCanonical(Calibrator.Method.ISOTONIC, raw, gold, 10);
 * double ece = Evaluation.ofCanonical(cv, gold).expectedCalibrationError();
 * }</pre>
 *
 * <p>A calibrator depends on probabilities alone: fit it on the questions with a known truth
 * (gold questions, a checked sample) and apply it to the whole reconciliation, or to later runs
 * of the same algorithm on similar data. Calibration never changes a leading value, so accuracy
 * is unchanged: both maps are non-decreasing, and the calibrated result keeps the raw order of
 * candidates wherever probabilities tie. Each question's candidates and its {@linkplain
 * Reconciliation#unclaimedProbability(int) unclaimed remainder} sum to 1; the remainder is 0
 * except where a question with one claimed value and an open domain is calibrated below
 * certainty (a unanimous answer is not certain).
 *
 * <p>The methods:
 *
 * <ul>
 *   <li>{@link Method#ISOTONIC}: the leading value's probability x becomes f(x), the share of
 *       right answers among training questions with a similar raw probability: isotonic
 *       regression by pool-adjacent-violators (Zadrozny and Elkan, "Transforming Classifier
 *       Scores into Accurate Multiclass Probability Estimates", KDD 2002), each step then shrunk
 *       towards the overall share by five pseudo-questions so that a step resting on a few
 *       questions does not claim 0 or 1 (pooled again if that breaks the order), linearly
 *       interpolated between steps and constant beyond them. The shrinkage
 *       strength was chosen on the crowd datasets of {@code docs/accuracy.md}. The rest, 1 −
 *       f(x), goes to the rivals in proportion to their raw probabilities (evenly if those are
 *       all 0) and to the unclaimed remainder in proportion to it, with no rival above the
 *       leader: a rival that would pass it is held level and the others share the excess. With
 *       k rivals the leader gets at least 1/(k + 1), below which some rival would have to lead.
 *       For a quantity estimator's point estimate, the candidates compatible with it share f(x)
 *       in proportion. Fixes any monotone miscalibration, including certain-looking unanimous
 *       answers; the most accurate method on the crowd datasets.
 *   <li>{@link Method#TEMPERATURE}: temperature scaling (Guo, Pleiss, Sun, Weinberger, "On
 *       Calibration of Modern Neural Networks", ICML 2017): every probability p of a question
 *       (the unclaimed remainder included) becomes p<sup>1/T</sup>, renormalised, the single
 *       parameter T chosen to minimise the negative log-likelihood of the true values of the
 *       training questions (those whose truth has raw probability 0 cannot inform it and are
 *       left out). It keeps the shape of each distribution but cannot move a probability of
 *       exactly 0 or 1: a question with a single candidate stays certain.
 * </ul>
 *
 * <p>A calibrator is immutable. Fitting takes O(n log n) time for n training questions (plus
 * about 50 likelihood evaluations of O(n · k) for temperature, k candidates per question);
 * applying one takes O(candidates · log k) time and a new set of per-candidate arrays.
 *
 * @since 0.1
 */
public final class Calibrator {
  /** How a calibrator maps raw probabilities to calibrated ones. */
  public enum Method {
    /** Isotonic regression of correctness on the leading value's probability. */
    ISOTONIC,
    /** Temperature scaling of every candidate's probability. */
    TEMPERATURE
  }

  /**
   * ISOTONIC: each step's share of right answers counts this many extra questions answered at
   * the overall share.
   */
  static final double PRIOR_QUESTIONS = 5;

  private static final double MIN_BETA = 1e-3;
  private static final double MAX_BETA = 1e3;

  private final Method method;
  private final int samples;
  /** ISOTONIC: the fitted map passes through (knotX[i], knotY[i]), knotX increasing. */
  private final double[] knotX;

  private final double[] knotY;
  /** TEMPERATURE: 1 / T. */
  private final double beta;

  private Calibrator(Method method, int samples, double[] knotX, double[] knotY, double beta) {
    this.method = method;
    this.samples = samples;
    this.knotX = knotX;
    this.knotY = knotY;
    this.beta = beta;
  }

  /**
   * Fits a calibrator on the questions of {@code r} whose truth is given and that have a leading
   * value.
   *
   * @param method how to calibrate
   * @param r a reconciliation, raw or already calibrated
   * @param truth question id to true value; ids the reconciliation does not have are ignored
   * @return the calibrator
   * @throws IllegalArgumentException if no question with a known truth has a leading value
   */
  public static Calibrator fit(
      Method method, Reconciliation r, Map<String, ? extends Value> truth) {
    checkNotNull(method, "method");
    checkNotNull(r, "reconciliation");
    return fit(method, r, truthArray(r.index(), checkNotNull(truth, "truth")), null, -1);
  }

  /**
   * Fits a calibrator on truth values in canonical text form, each read in its question's value
   * type.
   *
   * @param method how to calibrate
   * @param r a reconciliation
   * @param truth question id to the canonical form of its true value
   * @return the calibrator
   * @throws IllegalArgumentException if a truth is not a value of its question's type, or if no
   *     question with a known truth has a leading value
   */
  public static Calibrator fitCanonical(
      Method method, Reconciliation r, Map<String, String> truth) {
    checkNotNull(method, "method");
    checkNotNull(r, "reconciliation");
    return fit(method, r, canonicalTruthArray(r.index(), checkNotNull(truth, "truth")), null, -1);
  }

  /**
   * Calibrates {@code r} out of fold, for an honest measure of calibration: the questions with a
   * known truth are split into {@code folds} folds (the i-th such question in question-id order
   * goes to fold i mod {@code folds}); each fold is calibrated by a calibrator fitted on the
   * other folds, and every question without a known truth by one fitted on all of them. Evaluate
   * the result against the same truth ({@link Evaluation}) to read off the cross-validated
   * calibration error.
   *
   * @param method how to calibrate
   * @param r a reconciliation
   * @param truth question id to true value
   * @param folds the number of folds, at least 2
   * @return the calibrated reconciliation; its provenance records the calibration
   * @throws IllegalArgumentException if {@code folds < 2}, or if some fold's complement has no
   *     question with a leading value to fit on
   */
  public static Reconciliation crossValidate(
      Method method, Reconciliation r, Map<String, ? extends Value> truth, int folds) {
    checkNotNull(method, "method");
    checkNotNull(r, "reconciliation");
    return crossValidate(method, r, truthArray(r.index(), checkNotNull(truth, "truth")), folds);
  }

  /**
   * {@link #crossValidate(Method, Reconciliation, Map, int)} with truths in canonical text form.
   *
   * @param method how to calibrate
   * @param r a reconciliation
   * @param truth question id to the canonical form of its true value
   * @param folds the number of folds, at least 2
   * @return the calibrated reconciliation
   * @throws IllegalArgumentException if a truth is not a value of its question's type, if {@code
   *     folds < 2}, or if some fold's complement has no question with a leading value
   */
  public static Reconciliation crossValidateCanonical(
      Method method, Reconciliation r, Map<String, String> truth, int folds) {
    checkNotNull(method, "method");
    checkNotNull(r, "reconciliation");
    return crossValidate(
        method, r, canonicalTruthArray(r.index(), checkNotNull(truth, "truth")), folds);
  }

  private static Reconciliation crossValidate(
      Method method, Reconciliation r, Value[] truth, int folds) {
    checkArgument(folds >= 2, "Calibrator: folds must be >= 2, got %s", folds);
    ClaimIndex ix = r.index();
    int[] fold = new int[ix.questionCount()];
    int labelled = 0;
    for (int q = 0; q < fold.length; q++) {
      fold[q] = truth[q] == null ? -1 : labelled++ % folds;
    }
    Calibrator all = fit(method, r, truth, null, -1);
    Estimate out = all.transform(r, null);
    for (int k = 0; k < folds; k++) {
      Calibrator c = fit(method, r, truth, fold, k);
      final int held = k;
      Estimate part = c.transform(r, q -> fold[q] == held);
      for (int q = 0; q < fold.length; q++) {
        if (fold[q] == held) {
          int from = ix.questionCandStart[q];
          int to = ix.questionCandStart[q + 1];
          System.arraycopy(part.candProb, from, out.candProb, from, to - from);
          out.unclaimed[q] = part.unclaimed[q];
        }
      }
    }
    return r.withCalibrated(
        out,
        String.format(
            Locale.ROOT, "%s, %d-fold cross-validated on %d questions",
            method.name().toLowerCase(Locale.ROOT), folds, all.samples));
  }

  private static Value[] truthArray(ClaimIndex ix, Map<String, ? extends Value> truth) {
    Value[] out = new Value[ix.questionCount()];
    for (Map.Entry<String, ? extends Value> en : truth.entrySet()) {
      int q = ix.questionNumber(checkNotNull(en.getKey(), "question id"));
      Value v = checkNotNull(en.getValue(), "truth of question %s", en.getKey());
      if (q >= 0) {
        out[q] = v;
      }
    }
    return out;
  }

  private static Value[] canonicalTruthArray(ClaimIndex ix, Map<String, String> truth) {
    Value[] out = new Value[ix.questionCount()];
    for (Map.Entry<String, String> en : truth.entrySet()) {
      int q = ix.questionNumber(checkNotNull(en.getKey(), "question id"));
      if (q >= 0) {
        out[q] = Evaluation.parse(ix, q, en.getValue());
      }
    }
    return out;
  }

  /** Fits on the labelled questions, leaving out fold {@code heldOut} when {@code fold} is set. */
  private static Calibrator fit(
      Method method, Reconciliation r, Value[] truth, int[] fold, int heldOut) {
    ClaimIndex ix = r.index();
    List<Integer> train = new ArrayList<>();
    for (int q = 0; q < ix.questionCount(); q++) {
      boolean held = fold != null && fold[q] == heldOut;
      if (truth[q] != null && !held && r.leadingValue(q).isPresent()) {
        train.add(q);
      }
    }
    checkArgument(
        !train.isEmpty(),
        "Calibrator: no question with a known truth and a leading value to fit on");
    if (method == Method.ISOTONIC) {
      return isotonic(r, truth, train);
    }
    return temperature(r, truth, train);
  }

  private static Calibrator isotonic(Reconciliation r, Value[] truth, List<Integer> train) {
    int n = train.size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int q = train.get(i);
      x[i] = r.confidence(q);
      y[i] = Evaluation.matches(r.leadingValue(q).orElseThrow(), truth[q]) ? 1 : 0;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> x[i]));
    // Groups of equal raw confidence.
    double[] sum = new double[n];
    double[] count = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    int groups = 0;
    for (int k = 0; k < n; ) {
      int start = k;
      double first = x[order[k]];
      double s = 0;
      while (k < n && (k == start || x[order[k]] == x[order[k - 1]])) {
        s += y[order[k]];
        k++;
      }
      sum[groups] = s;
      count[groups] = k - start;
      lo[groups] = first;
      hi[groups] = x[order[k - 1]];
      groups++;
    }
    int blocks = pool(sum, count, lo, hi, groups);
    // Shrink each step towards the overall share, so that a step resting on a few questions does
    // not claim 0 or 1, then pool again where the shrinking broke the order.
    double prior = 0;
    for (int i = 0; i < n; i++) {
      prior += y[i] / n;
    }
    for (int b = 0; b < blocks; b++) {
      sum[b] += PRIOR_QUESTIONS * prior;
      count[b] += PRIOR_QUESTIONS;
    }
    blocks = pool(sum, count, lo, hi, blocks);
    double[] kx = new double[2 * blocks];
    double[] ky = new double[2 * blocks];
    int knots = 0;
    for (int b = 0; b < blocks; b++) {
      double mean = sum[b] / count[b];
      kx[knots] = lo[b];
      ky[knots++] = mean;
      if (hi[b] > lo[b]) {
        kx[knots] = hi[b];
        ky[knots++] = mean;
      }
    }
    return new Calibrator(
        Method.ISOTONIC, n, Arrays.copyOf(kx, knots), Arrays.copyOf(ky, knots), Double.NaN);
  }

  /**
   * Pool adjacent violators in place over the first n blocks, sorted by raw confidence: merges
   * neighbours until the block means increase.
   *
   * @return the number of blocks left
   */
  private static int pool(double[] sum, double[] count, double[] lo, double[] hi, int n) {
    int blocks = 0;
    for (int g = 0; g < n; g++) {
      sum[blocks] = sum[g];
      count[blocks] = count[g];
      lo[blocks] = lo[g];
      hi[blocks] = hi[g];
      blocks++;
      while (blocks > 1
          && sum[blocks - 2] / count[blocks - 2] >= sum[blocks - 1] / count[blocks - 1]) {
        sum[blocks - 2] += sum[blocks - 1];
        count[blocks - 2] += count[blocks - 1];
        hi[blocks - 2] = hi[blocks - 1];
        blocks--;
      }
    }
    return blocks;
  }

  private static Calibrator temperature(Reconciliation r, Value[] truth, List<Integer> train) {
    ClaimIndex ix = r.index();
    Estimate e = r.estimate();
    // Per training question: log-probabilities of the true candidates and of all the others.
    List<double[]> right = new ArrayList<>();
    List<double[]> all = new ArrayList<>();
    for (int q : train) {
      int from = ix.questionCandStart[q];
      int to = ix.questionCandStart[q + 1];
      double[] lr = new double[to - from];
      double[] la = new double[to - from + 1];
      int nr = 0;
      int na = 0;
      for (int c = from; c < to; c++) {
        double lp = Math.log(e.candProb[c]);
        la[na++] = lp;
        if (Evaluation.matches(ix.candValue[c], truth[q])) {
          lr[nr++] = lp;
        }
      }
      if (e.unclaimed != null) {
        la[na++] = Math.log(e.unclaimed[q]);
      }
      if (nr > 0 && logSumExp(lr, nr, 1) > Double.NEGATIVE_INFINITY) {
        right.add(Arrays.copyOf(lr, nr));
        all.add(Arrays.copyOf(la, na));
      }
    }
    // The negative log-likelihood is convex in β = 1/T: golden-section search over ln β.
    double a = Math.log(MIN_BETA);
    double b = Math.log(MAX_BETA);
    double g = (Math.sqrt(5) - 1) / 2;
    double c1 = b - g * (b - a);
    double c2 = a + g * (b - a);
    double f1 = nll(right, all, Math.exp(c1));
    double f2 = nll(right, all, Math.exp(c2));
    while (b - a > 1e-9) {
      if (f1 <= f2) {
        b = c2;
        c2 = c1;
        f2 = f1;
        c1 = b - g * (b - a);
        f1 = nll(right, all, Math.exp(c1));
      } else {
        a = c1;
        c1 = c2;
        f1 = f2;
        c2 = a + g * (b - a);
        f2 = nll(right, all, Math.exp(c2));
      }
    }
    double beta = Math.exp((a + b) / 2);
    // A flat likelihood (every training question certain) leaves the probabilities alone.
    if (!(nll(right, all, beta) < nll(right, all, 1) - 1e-12)) {
      beta = 1;
    }
    return new Calibrator(Method.TEMPERATURE, train.size(), null, null, beta);
  }

  private static double nll(List<double[]> right, List<double[]> all, double beta) {
    double s = 0;
    for (int i = 0; i < right.size(); i++) {
      double[] r = right.get(i);
      double[] a = all.get(i);
      s += logSumExp(a, a.length, beta) - logSumExp(r, r.length, beta);
    }
    return s;
  }

  /** ln Σ exp(β · v[i]) over the first n entries, −∞ when all are −∞. */
  private static double logSumExp(double[] v, int n, double beta) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, beta * v[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.exp(beta * v[i] - max);
    }
    return max + Math.log(s);
  }

  /**
   * Calibrates a reconciliation: every question's probabilities are mapped, leading values stay.
   *
   * @param r a reconciliation, of any case
   * @return the calibrated reconciliation; its provenance records the calibration as the setting
   *     {@code calibration}
   */
  public Reconciliation apply(Reconciliation r) {
    checkNotNull(r, "reconciliation");
    return r.withCalibrated(transform(r, null), toString());
  }

  /**
   * The calibrated probability of a leading value whose raw probability is {@code confidence}
   * when the rest of the probability lies with one rival (for {@link Method#ISOTONIC} the rivals
   * do not matter). Non-decreasing in {@code confidence}.
   *
   * @param confidence a raw probability in [0, 1]
   * @return the calibrated probability
   * @throws IllegalArgumentException if {@code confidence} is outside [0, 1]
   */
  public double calibrate(double confidence) {
    checkArgument(
        confidence >= 0 && confidence <= 1,
        "Calibrator: confidence must be in [0, 1], got %s",
        confidence);
    if (method == Method.ISOTONIC) {
      return isotonic(confidence);
    }
    double lead = Math.pow(confidence, beta);
    double rest = Math.pow(1 - confidence, beta);
    return lead / (lead + rest);
  }

  private double isotonic(double x) {
    int n = knotX.length;
    if (x <= knotX[0]) {
      return knotY[0];
    }
    if (x >= knotX[n - 1]) {
      return knotY[n - 1];
    }
    int i = Arrays.binarySearch(knotX, x);
    if (i >= 0) {
      return knotY[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double w = (x - knotX[lo]) / (knotX[hi] - knotX[lo]);
    return knotY[lo] + w * (knotY[hi] - knotY[lo]);
  }

  /** Which questions to calibrate. */
  private interface QuestionFilter {
    boolean test(int q);
  }

  /** New estimates for r: the calibrated questions ({@code only}, or all when null). */
  private Estimate transform(Reconciliation r, QuestionFilter only) {
    ClaimIndex ix = r.index();
    Estimate raw = r.estimate();
    Estimate e = new Estimate(ix);
    System.arraycopy(raw.trust, 0, e.trust, 0, raw.trust.length);
    System.arraycopy(raw.voteWeight, 0, e.voteWeight, 0, raw.voteWeight.length);
    System.arraycopy(raw.candProb, 0, e.candProb, 0, raw.candProb.length);
    e.confusion = raw.confusion;
    e.pointEstimate = raw.pointEstimate;
    e.dependence = raw.dependence;
    e.iterations = raw.iterations;
    e.converged = raw.converged;
    e.finalChange = raw.finalChange;
    e.unclaimed = raw.unclaimed == null ? new double[ix.questionCount()] : raw.unclaimed.clone();
    // Ties keep the raw order, so no leading value changes.
    e.tieRank = new int[ix.candidateCount()];
    for (int q = 0; q < ix.questionCount(); q++) {
      int from = ix.questionCandStart[q];
      Integer[] order = new Integer[ix.questionCandStart[q + 1] - from];
      for (int c = 0; c < order.length; c++) {
        order[c] = from + c;
      }
      int[] tieRank = raw.tieRank;
      Arrays.sort(
          order,
          Comparator.comparingDouble((Integer c) -> -raw.candProb[c])
              .thenComparingInt(c -> tieRank == null ? c : tieRank[c]));
      for (int k = 0; k < order.length; k++) {
        e.tieRank[order[k]] = from + k;
      }
      if ((only == null || only.test(q)) && r.leadingValue(q).isPresent()) {
        if (method == Method.ISOTONIC) {
          leading(r, q, order[0], e);
        } else {
          scale(ix, q, e);
        }
      }
    }
    return e;
  }

  /** ISOTONIC: the leading value (or set compatible with a point estimate) gets f(x). */
  private void leading(Reconciliation r, int q, int top, Estimate e) {
    ClaimIndex ix = r.index();
    int from = ix.questionCandStart[q];
    int to = ix.questionCandStart[q + 1];
    boolean point = e.pointEstimate != null && e.pointEstimate[q] != null;
    Value lead = r.leadingValue(q).orElseThrow();
    boolean[] leads = new boolean[to - from];
    double x = 0;
    double rest = e.unclaimed[q];
    int rivals = 0;
    for (int c = from; c < to; c++) {
      leads[c - from] = point ? ix.candValue[c].compatibleWith(lead) : c == top;
      if (leads[c - from]) {
        x += e.candProb[c];
      } else {
        rest += e.candProb[c];
        rivals++;
      }
    }
    if (x <= 0) {
      return;
    }
    boolean closed =
        ix.typeOf(q) == ValueType.BOOLEAN || Accu.Domains.closedCategorical(ix, q);
    if (rivals == 0 && closed) {
      return; // the only possible value
    }
    double t = isotonic(Math.min(1, x));
    if (point) {
      // The leading value is a number, not a candidate: scale its compatible candidates.
      for (int c = from; c < to; c++) {
        if (leads[c - from]) {
          e.candProb[c] *= t / x;
        } else if (rest > 0) {
          e.candProb[c] *= (1 - t) / rest;
        } else {
          e.candProb[c] = (1 - t) / rivals;
        }
      }
      e.unclaimed[q] = rest > 0 ? e.unclaimed[q] * (1 - t) / rest : rivals > 0 ? 0 : 1 - t;
      return;
    }
    if (rivals == 0) {
      e.candProb[top] = t; // an open question's only candidate: the rest is unclaimed
      e.unclaimed[q] = 1 - t;
      return;
    }
    // Below 1 / (rivals + 1) some rival would have to lead.
    t = Math.max(t, 1.0 / (rivals + 1));
    // 1 - t goes to the rivals in proportion to their raw probabilities (evenly if those are 0)
    // and to the unclaimed values in proportion to theirs, no rival above t: rivals that would
    // pass it are held at t and the others share the excess.
    double[] w = new double[to - from];
    double wu = rest > 0 ? e.unclaimed[q] : 0;
    double weight = wu;
    for (int c = from; c < to; c++) {
      if (!leads[c - from]) {
        w[c - from] = rest > 0 ? e.candProb[c] : 1;
        weight += w[c - from];
      }
    }
    boolean[] capped = new boolean[to - from];
    double remaining = 1 - t;
    boolean more = true;
    while (more) {
      more = false;
      if (weight <= 0) {
        // The rivals left all had probability 0: they share the excess evenly.
        for (int k = 0; k < w.length; k++) {
          if (!leads[k] && !capped[k]) {
            w[k] = 1;
            weight += 1;
          }
        }
        if (weight <= 0) {
          break; // every rival is held at t, which is at least 1 / (rivals + 1): nothing left
        }
      }
      double perWeight = remaining / weight;
      for (int k = 0; k < w.length; k++) {
        if (!leads[k] && !capped[k] && perWeight * w[k] > t) {
          capped[k] = true;
          more = true;
        }
      }
      if (more) {
        remaining = 1 - t;
        weight = wu;
        for (int k = 0; k < w.length; k++) {
          if (capped[k]) {
            remaining -= t;
          } else {
            weight += w[k];
          }
        }
      }
    }
    for (int c = from; c < to; c++) {
      int k = c - from;
      if (leads[k]) {
        e.candProb[c] = t;
      } else {
        double share = capped[k] ? t : weight > 0 ? Math.max(0, remaining) * w[k] / weight : 0;
        e.candProb[c] = Math.min(share, t); // rounding must not lift a rival past the leader
      }
    }
    e.unclaimed[q] = weight > 0 ? Math.max(0, remaining) * wu / weight : 0;
  }

  /** TEMPERATURE: every probability to the power β, renormalised. */
  private void scale(ClaimIndex ix, int q, Estimate e) {
    int from = ix.questionCandStart[q];
    int to = ix.questionCandStart[q + 1];
    double[] lp = new double[to - from + 1];
    for (int c = from; c < to; c++) {
      lp[c - from] = Math.log(e.candProb[c]);
    }
    lp[to - from] = Math.log(e.unclaimed[q]);
    double z = logSumExp(lp, lp.length, beta);
    for (int c = from; c < to; c++) {
      e.candProb[c] = Math.exp(beta * lp[c - from] - z);
    }
    e.unclaimed[q] = Math.exp(beta * lp[to - from] - z);
  }

  /**
   * How this calibrator maps probabilities.
   *
   * @return the method
   */
  public Method method() {
    return method;
  }

  /**
   * The number of questions it was fitted on.
   *
   * @return a count, at least 1
   */
  public int samples() {
    return samples;
  }

  /**
   * The fitted temperature T of {@link Method#TEMPERATURE}: above 1 the raw probabilities were
   * overconfident, below 1 underconfident.
   *
   * @return T, or empty for another method
   */
  public OptionalDouble temperature() {
    return method == Method.TEMPERATURE ? OptionalDouble.of(1 / beta) : OptionalDouble.empty();
  }

  /**
   * The fitted steps of {@link Method#ISOTONIC}: raw probability to calibrated probability at
   * the ends of each step; between them the map is linear.
   *
   * @return the knots in increasing raw probability, or empty for another method
   */
  public ImmutableMap<Double, Double> knots() {
    if (method != Method.ISOTONIC) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<Double, Double> b = ImmutableMap.builder();
    for (int i = 0; i < knotX.length; i++) {
      b.put(knotX[i], knotY[i]);
    }
    return b.buildOrThrow();
  }

  /**
   * The method and its fitted parameters.
   *
   * @return for example {@code isotonic(n=333, steps=4)} or {@code temperature(n=333, T=2.41)}
   */
  @Override
  public String toString() {
    if (method == Method.ISOTONIC) {
      int steps = 0;
      for (int i = 0; i < knotY.length; i++) {
        if (i == 0 || knotY[i] != knotY[i - 1]) {
          steps++;
        }
      }
      return String.format(Locale.ROOT, "isotonic(n=%d, steps=%d)", samples, steps);
    }
    return String.format(Locale.ROOT, "temperature(n=%d, T=%.4g)", samples, 1 / beta);
  }
}
