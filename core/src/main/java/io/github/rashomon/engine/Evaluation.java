package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How well a {@link Reconciliation} recovered a known truth: accuracy, F1 of a positive class,
 * mean absolute error of quantities, expected calibration error of the confidences, and how well
 * the estimated source trust ranks the sources' true accuracy.
 *
 * <pre>{@code
 * Reconciliation r = Reconcilers.byName("dawid-skene").reconcile(index);
 * Evaluation ev = Evaluation.ofCanonical(r, Map.of("q1", "1", "q2", "0"));
 * System.out.println(ev); // Evaluation{dawid-skene n=2 skipped=0 accuracy=1.0000 ...}
 * }</pre>
 *
 * <p>A question is <em>evaluated</em> when the truth names it and the reconciliation has it;
 * truths for questions the reconciliation does not know are <em>skipped</em>. An evaluated
 * question is <em>correct</em> when its leading value equals the truth, or, for quantities and
 * dates, is compatible with it ({@link Value#compatibleWith(Value)}); a question without claims
 * has no leading value and counts as wrong, with confidence 0.
 *
 * <p>Instances are immutable. No wall-clock time is recorded.
 *
 * @since 0.1
 */
public final class Evaluation {
  /** The number of equal-width confidence bins of the expected calibration error. */
  public static final int CALIBRATION_BINS = 10;

  private final String algorithm;
  private final int evaluated;
  private final int skipped;
  private final int correct;
  private final int unanswered;
  private final double f1;
  private final double meanAbsoluteError;
  private final double calibrationError;
  private final double trustCorrelation;

  private Evaluation(
      String algorithm,
      int evaluated,
      int skipped,
      int correct,
      int unanswered,
      double f1,
      double meanAbsoluteError,
      double calibrationError,
      double trustCorrelation) {
    this.algorithm = algorithm;
    this.evaluated = evaluated;
    this.skipped = skipped;
    this.correct = correct;
    this.unanswered = unanswered;
    this.f1 = f1;
    this.meanAbsoluteError = meanAbsoluteError;
    this.calibrationError = calibrationError;
    this.trustCorrelation = trustCorrelation;
  }

  /**
   * What to evaluate beyond accuracy: the positive class of F1 and the true accuracy of sources.
   * Immutable; start from {@link #defaults()}.
   *
   * @since 0.1
   */
  public static final class Options {
    private static final Options DEFAULTS = new Options(null, ImmutableSortedMap.of());

    private final String positive;
    private final ImmutableSortedMap<String, Double> sourceAccuracy;

    private Options(String positive, ImmutableSortedMap<String, Double> sourceAccuracy) {
      this.positive = positive;
      this.sourceAccuracy = sourceAccuracy;
    }

    /**
     * The defaults: the positive class is {@link Truth#TRUE} for boolean questions and the label
     * {@code "1"} for categorical ones; no source accuracies.
     *
     * @return the options
     */
    public static Options defaults() {
      return DEFAULTS;
    }

    /**
     * Returns these options with another positive class for F1.
     *
     * @param canonical the canonical form of the positive value, for example {@code "yes"} or
     *     {@code "true"}
     * @return the options
     * @throws IllegalArgumentException if {@code canonical} is empty
     */
    public Options withPositiveClass(String canonical) {
      checkNotNull(canonical, "positive class");
      checkArgument(!canonical.isEmpty(), "Evaluation: positive class must not be empty");
      return new Options(canonical, sourceAccuracy);
    }

    /**
     * Returns these options with the true accuracy of sources, against which the estimated
     * trust is rank-correlated (see {@link Evaluation#sourceAccuracy(ClaimIndex, Map)}).
     *
     * @param accuracy source id to true accuracy, each in [0, 1]
     * @return the options
     * @throws IllegalArgumentException if an accuracy is outside [0, 1]; the message names the
     *     source
     */
    public Options withSourceAccuracy(Map<String, Double> accuracy) {
      checkNotNull(accuracy, "accuracy");
      for (Map.Entry<String, Double> en : accuracy.entrySet()) {
        double a = checkNotNull(en.getValue(), "accuracy of %s", en.getKey());
        checkArgument(
            a >= 0 && a <= 1,
            "Evaluation: accuracy of source '%s' must be in [0, 1], got %s",
            en.getKey(),
            a);
      }
      return new Options(positive, ImmutableSortedMap.copyOf(accuracy));
    }

    /**
     * The positive class, if one was set.
     *
     * @return its canonical form, or empty for the defaults
     */
    public Optional<String> positiveClass() {
      return Optional.ofNullable(positive);
    }

    /**
     * The true source accuracies.
     *
     * @return source id to accuracy; empty unless set
     */
    public ImmutableSortedMap<String, Double> sourceAccuracy() {
      return sourceAccuracy;
    }

    boolean isPositive(Value v) {
      if (positive != null) {
        return v.canonical().equals(positive);
      }
      return v.type() == ValueType.BOOLEAN
          ? v.equals(Truth.TRUE)
          : v.type() == ValueType.CATEGORICAL && v.canonical().equals("1");
    }
  }

  /**
   * Evaluates a reconciliation against typed truth values with the default options.
   *
   * @param r the reconciliation
   * @param truth question id to true value
   * @return the evaluation
   */
  public static Evaluation of(Reconciliation r, Map<String, ? extends Value> truth) {
    return of(r, truth, Options.defaults());
  }

  /**
   * Evaluates a reconciliation against typed truth values.
   *
   * @param r the reconciliation
   * @param truth question id to true value
   * @param options the positive class and source accuracies
   * @return the evaluation
   */
  public static Evaluation of(
      Reconciliation r, Map<String, ? extends Value> truth, Options options) {
    checkNotNull(r, "reconciliation");
    checkNotNull(truth, "truth");
    checkNotNull(options, "options");
    ClaimIndex ix = r.index();
    Value[] truthOf = new Value[ix.questionCount()];
    int skipped = 0;
    for (Map.Entry<String, ? extends Value> en : truth.entrySet()) {
      int q = ix.questionNumber(checkNotNull(en.getKey(), "question id"));
      Value v = checkNotNull(en.getValue(), "truth of question %s", en.getKey());
      if (q < 0) {
        skipped++;
      } else {
        truthOf[q] = v;
      }
    }
    return compute(r, truthOf, skipped, options);
  }

  /**
   * Evaluates a reconciliation against truth values in canonical text form, each read in its
   * question's value type, with the default options.
   *
   * @param r the reconciliation
   * @param truth question id to the canonical form of its true value
   * @return the evaluation
   * @throws IllegalArgumentException if a truth is not a value of its question's type; the
   *     message names the question
   */
  public static Evaluation ofCanonical(Reconciliation r, Map<String, String> truth) {
    return ofCanonical(r, truth, Options.defaults());
  }

  /**
   * Evaluates a reconciliation against truth values in canonical text form, each read in its
   * question's value type.
   *
   * @param r the reconciliation
   * @param truth question id to the canonical form of its true value
   * @param options the positive class and source accuracies
   * @return the evaluation
   * @throws IllegalArgumentException if a truth is not a value of its question's type; the
   *     message names the question
   */
  public static Evaluation ofCanonical(
      Reconciliation r, Map<String, String> truth, Options options) {
    checkNotNull(r, "reconciliation");
    checkNotNull(truth, "truth");
    checkNotNull(options, "options");
    ClaimIndex ix = r.index();
    Value[] truthOf = new Value[ix.questionCount()];
    int skipped = 0;
    for (Map.Entry<String, String> en : truth.entrySet()) {
      int q = ix.questionNumber(checkNotNull(en.getKey(), "question id"));
      if (q < 0) {
        skipped++;
      } else {
        truthOf[q] = parse(ix, q, en.getValue());
      }
    }
    return compute(r, truthOf, skipped, options);
  }

  static Value parse(ClaimIndex ix, int q, String text) {
    checkNotNull(text, "truth of question %s", ix.questionId(q));
    try {
      return Value.parse(ix.typeOf(q), text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "truth '%s' of question '%s' is not a %s value: %s",
              text,
              ix.questionId(q),
              ix.typeOf(q),
              e.getMessage()),
          e);
    }
  }

  /**
   * Each source's true accuracy: the share of its claims, over the questions with a known truth,
   * that match the truth (an affirmation of the true value, or of a compatible quantity or date;
   * a denial of any other value), each claim counted with its weight.
   *
   * @param index the claims
   * @param truth question id to true value; questions the index does not have are ignored
   * @return source id to accuracy, for the sources with at least one claim on such a question
   */
  public static ImmutableSortedMap<String, Double> sourceAccuracy(
      ClaimIndex index, Map<String, ? extends Value> truth) {
    checkNotNull(index, "index");
    checkNotNull(truth, "truth");
    int ns = index.sourceCount();
    double[] right = new double[ns];
    double[] total = new double[ns];
    for (Map.Entry<String, ? extends Value> en : truth.entrySet()) {
      int q = index.questionNumber(checkNotNull(en.getKey(), "question id"));
      if (q < 0) {
        continue;
      }
      Value t = checkNotNull(en.getValue(), "truth of question %s", en.getKey());
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        int s = index.claimSource[i];
        double w = index.weight(i);
        total[s] += w;
        if (matches(index.candValue[index.claimCand[i]], t) != index.denies(i)) {
          right[s] += w;
        }
      }
    }
    ImmutableSortedMap.Builder<String, Double> b = ImmutableSortedMap.naturalOrder();
    for (int s = 0; s < ns; s++) {
      if (total[s] > 0) {
        b.put(index.sourceId(s), right[s] / total[s]);
      }
    }
    return b.build();
  }

  /**
   * {@link #sourceAccuracy(ClaimIndex, Map)} with truths in canonical text form.
   *
   * @param index the claims
   * @param truth question id to the canonical form of its true value
   * @return source id to accuracy
   * @throws IllegalArgumentException if a truth is not a value of its question's type
   */
  public static ImmutableSortedMap<String, Double> sourceAccuracyOfCanonical(
      ClaimIndex index, Map<String, String> truth) {
    checkNotNull(index, "index");
    checkNotNull(truth, "truth");
    ImmutableMap.Builder<String, Value> typed = ImmutableMap.builder();
    for (Map.Entry<String, String> en : truth.entrySet()) {
      int q = index.questionNumber(checkNotNull(en.getKey(), "question id"));
      if (q >= 0) {
        typed.put(en.getKey(), parse(index, q, en.getValue()));
      }
    }
    return sourceAccuracy(index, typed.buildOrThrow());
  }

  static boolean matches(Value answer, Value truth) {
    ValueType type = truth.type();
    if (type == ValueType.QUANTITY || type == ValueType.DATE_TIME) {
      return answer.compatibleWith(truth);
    }
    return answer.equals(truth);
  }

  private static Evaluation compute(
      Reconciliation r, Value[] truthOf, int skipped, Options options) {
    ClaimIndex ix = r.index();
    int nq = ix.questionCount();
    // F1 applies to boolean questions, and to categorical ones when they have two labels at most.
    Set<String> categoricalLabels = new HashSet<>();
    for (int q = 0; q < nq; q++) {
      if (truthOf[q] != null && ix.typeOf(q) == ValueType.CATEGORICAL) {
        categoricalLabels.add(truthOf[q].canonical());
        for (int c = ix.questionCandStart[q]; c < ix.questionCandStart[q + 1]; c++) {
          categoricalLabels.add(ix.candValue[c].canonical());
        }
      }
    }
    boolean binaryCategorical = categoricalLabels.size() <= 2;
    int evaluated = 0;
    int correct = 0;
    int unanswered = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int quantities = 0;
    double absError = 0;
    int[] binCount = new int[CALIBRATION_BINS];
    int[] binCorrect = new int[CALIBRATION_BINS];
    double[] binConfidence = new double[CALIBRATION_BINS];
    for (int q = 0; q < nq; q++) {
      Value truth = truthOf[q];
      if (truth == null) {
        continue;
      }
      evaluated++;
      Optional<Value> lead = r.leadingValue(q);
      boolean hit = lead.isPresent() && matches(lead.get(), truth);
      double confidence = lead.isPresent() ? r.confidence(q) : 0;
      if (hit) {
        correct++;
      }
      if (lead.isEmpty()) {
        unanswered++;
      }
      int bin = Math.min(CALIBRATION_BINS - 1, (int) Math.floor(confidence * CALIBRATION_BINS));
      binCount[bin]++;
      binConfidence[bin] += confidence;
      if (hit) {
        binCorrect[bin]++;
      }
      ValueType type = ix.typeOf(q);
      if (type == ValueType.BOOLEAN || (type == ValueType.CATEGORICAL && binaryCategorical)) {
        boolean predicted = lead.isPresent() && options.isPositive(lead.get());
        boolean actual = options.isPositive(truth);
        if (predicted && actual) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (actual) {
          fn++;
        }
      }
      if (type == ValueType.QUANTITY
          && truth instanceof Quantity
          && lead.isPresent()
          && lead.get() instanceof Quantity) {
        quantities++;
        absError +=
            Math.abs(((Quantity) lead.get()).representative() - ((Quantity) truth).representative());
      }
    }
    double ece = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      if (binCount[b] > 0) {
        double acc = (double) binCorrect[b] / binCount[b];
        double conf = binConfidence[b] / binCount[b];
        ece += (double) binCount[b] / evaluated * Math.abs(acc - conf);
      }
    }
    double f1 = tp + fp + fn > 0 ? 2.0 * tp / (2.0 * tp + fp + fn) : Double.NaN;
    double mae = quantities > 0 ? absError / quantities : Double.NaN;
    return new Evaluation(
        r.provenance().algorithm(),
        evaluated,
        skipped,
        correct,
        unanswered,
        f1,
        mae,
        ece,
        spearman(r, options.sourceAccuracy));
  }

  /** Spearman's rank correlation of estimated trust with true accuracy, NaN when undefined. */
  private static double spearman(Reconciliation r, Map<String, Double> accuracy) {
    List<double[]> pairs = new ArrayList<>();
    for (int s = 0; s < r.sourceCount(); s++) {
      Double a = accuracy.get(r.index().sourceId(s));
      if (a != null) {
        pairs.add(new double[] {r.trust(s), a});
      }
    }
    int n = pairs.size();
    if (n < 2) {
      return Double.NaN;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
    }
    return pearson(ranks(x), ranks(y));
  }

  /** Ranks from 1, ties sharing their mean rank. */
  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = mean;
      }
      i = j + 1;
    }
    return rank;
  }

  private static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
  }

  /**
   * The algorithm that produced the evaluated reconciliation.
   *
   * @return its name, for example {@code "dawid-skene"}
   */
  public String algorithm() {
    return algorithm;
  }

  /**
   * The number of questions with a known truth that the reconciliation has.
   *
   * @return a count
   */
  public int evaluated() {
    return evaluated;
  }

  /**
   * The number of truths for questions the reconciliation does not have.
   *
   * @return a count
   */
  public int skipped() {
    return skipped;
  }

  /**
   * The number of evaluated questions whose leading value matches the truth.
   *
   * @return a count
   */
  public int correct() {
    return correct;
  }

  /**
   * The number of evaluated questions without claims, hence without a leading value (they count
   * as wrong).
   *
   * @return a count
   */
  public int unanswered() {
    return unanswered;
  }

  /**
   * The share of evaluated questions whose leading value matches the truth.
   *
   * @return a value in [0, 1]; 0 when nothing was evaluated
   */
  public double accuracy() {
    return evaluated > 0 ? (double) correct / evaluated : 0;
  }

  /**
   * F1 of the positive class over the evaluated boolean questions, and the categorical ones when
   * they have at most two labels between them: {@code 2 TP / (2 TP + FP + FN)}.
   *
   * @return the F1 score; empty when no such question has the positive class as truth or leading
   *     value
   */
  public OptionalDouble f1() {
    return Double.isNaN(f1) ? OptionalDouble.empty() : OptionalDouble.of(f1);
  }

  /**
   * The mean of {@code |representative(leading) - representative(truth)|} over the evaluated
   * quantity questions with a leading value.
   *
   * @return the mean absolute error; empty when there is no such question
   */
  public OptionalDouble meanAbsoluteError() {
    return Double.isNaN(meanAbsoluteError)
        ? OptionalDouble.empty()
        : OptionalDouble.of(meanAbsoluteError);
  }

  /**
   * The expected calibration error of the leading values' confidences over {@value
   * #CALIBRATION_BINS} equal-width bins: {@code Σ_b |B_b| / n · |accuracy(B_b) -
   * confidence(B_b)|}, where a confidence of exactly 1 falls in the last bin.
   *
   * @return a value in [0, 1]; 0 when nothing was evaluated
   */
  public double expectedCalibrationError() {
    return calibrationError;
  }

  /**
   * Spearman's rank correlation between the estimated trust of the sources and their true
   * accuracy ({@link Options#withSourceAccuracy(Map)}), over the sources that have both; ties
   * share their mean rank.
   *
   * @return a value in [-1, 1]; empty without true accuracies, with fewer than two sources, or
   *     when either side is constant
   */
  public OptionalDouble trustRankCorrelation() {
    return Double.isNaN(trustCorrelation)
        ? OptionalDouble.empty()
        : OptionalDouble.of(trustCorrelation);
  }

  /**
   * Equal when every figure is equal.
   *
   * @param o the other object
   * @return whether {@code o} is an equal evaluation
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Evaluation)) {
      return false;
    }
    Evaluation e = (Evaluation) o;
    return algorithm.equals(e.algorithm)
        && evaluated == e.evaluated
        && skipped == e.skipped
        && correct == e.correct
        && unanswered == e.unanswered
        && Double.compare(f1, e.f1) == 0
        && Double.compare(meanAbsoluteError, e.meanAbsoluteError) == 0
        && Double.compare(calibrationError, e.calibrationError) == 0
        && Double.compare(trustCorrelation, e.trustCorrelation) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        algorithm,
        evaluated,
        skipped,
        correct,
        unanswered,
        f1,
        meanAbsoluteError,
        calibrationError,
        trustCorrelation);
  }

  /**
   * A one-line summary.
   *
   * @return for example {@code Evaluation{dawid-skene n=108 skipped=0 accuracy=0.8796 f1=0.8800
   *     ece=0.0512 mae=- trustSpearman=-}}
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Evaluation{%s n=%d skipped=%d accuracy=%.4f f1=%s ece=%.4f mae=%s trustSpearman=%s}",
        algorithm,
        evaluated,
        skipped,
        accuracy(),
        format(f1),
        calibrationError,
        format(meanAbsoluteError),
        format(trustCorrelation));
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
