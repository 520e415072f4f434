package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.Optional;

/**
 * A seeded generator of synthetic testimony with a known truth: crowd labels (workers labelling
 * tasks with one of a few classes) or, with copying sources, source–question–value claims. It
 * writes the compiled {@link ClaimIndex} directly, without a domain object or an interned id per
 * claim, so it can produce billions of claims; the same settings and seed give the same claims
 * on any machine and with any number of threads.
 *
 * <pre>{@code
 * Synthetic.Data data = Synthetic.withDefaults()
 *     .withSeed(7).withSources(1_000).withClaimsPerQuestion(5).withClaims(10_000_000)
 *     .generate();
 * Reconciliation r = DawidSkene.withDefaults().reconcile(data.index());
 * double accuracy = data.accuracyOf(r);
 * }</pre>
 *
 * <p><b>The model.</b> Source {@code s} has an accuracy drawn uniformly from {@link
 * #minAccuracy()}..{@link #maxAccuracy()}. Each question has a true class drawn uniformly from
 * the {@link #classes()} classes, and {@link #claimsPerQuestion()} distinct sources drawn
 * uniformly each claim one class for it: the true class with the source's accuracy, otherwise one
 * of the other classes uniformly (the "one-coin" model of Dawid–Skene's simulations). A copier
 * (there are {@link #copiers()} of them, picked at random, each copying one independent source)
 * repeats what its original says about the question with probability {@link #copyProbability()},
 * whether or not the original itself was drawn to claim it, and otherwise answers on its own.
 *
 * <p><b>The index.</b> Sources are {@code s0…0} to {@code s(S-1)} and questions {@code q0…0} to
 * {@code q(Q-1)}, numbers zero-padded to one width so that id order is number order; every
 * question has all the classes {@code "0"}, {@code "1"}, … (zero-padded likewise) as categorical
 * candidates, as a closed categorical question would. Claims are laid out in canonical order, so
 * the index is exactly the one the {@link ClaimIndex#builder() builder} would compile from the
 * same triples, and first-seen order is claim order.
 *
 * <p>Instances are immutable configured values; {@link #generate()} does the work.
 *
 * @implNote Generation takes O(claims) time (split across {@link #threads()} threads in fixed
 *     blocks of questions) and writes the index's 8 bytes per claim plus per question 4 bytes of
 *     claim offsets, 1 or 2 bytes of truth, and per candidate about 12 bytes of layout.
 * @since 0.1
 */
public final class Synthetic {
  /** Questions per block of generation work: fixed, so output never depends on threads. */
  private static final int BLOCK = 1 << 14;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private static final Synthetic DEFAULTS =
      new Synthetic(1, 1_000, 100, 2, 5, 0.6, 0.95, 0, 0.8, Parallel.ALL_PROCESSORS);

  private final long seed;
  private final int questions;
  private final int sources;
  private final int classes;
  private final int claimsPerQuestion;
  private final double minAccuracy;
  private final double maxAccuracy;
  private final int copiers;
  private final double copyProbability;
  private final int threads;

  private Synthetic(
      long seed,
      int questions,
      int sources,
      int classes,
      int claimsPerQuestion,
      double minAccuracy,
      double maxAccuracy,
      int copiers,
      double copyProbability,
      int threads) {
    checkArgument(questions >= 0, "synthetic: questions must be >= 0, got %s", questions);
    checkArgument(sources >= 1, "synthetic: sources must be >= 1, got %s", sources);
    checkArgument(
        classes >= 2 && classes <= Short.MAX_VALUE,
        "synthetic: classes must be in [2, %s], got %s",
        Short.MAX_VALUE,
        classes);
    checkArgument(
        claimsPerQuestion >= 1, "synthetic: claimsPerQuestion must be >= 1, got %s",
        claimsPerQuestion);
    checkArgument(
        minAccuracy >= 0 && minAccuracy <= maxAccuracy && maxAccuracy <= 1,
        "synthetic: accuracy range must satisfy 0 <= min <= max <= 1, got [%s, %s]",
        minAccuracy,
        maxAccuracy);
    checkArgument(copiers >= 0, "synthetic: copiers must be >= 0, got %s", copiers);
    checkArgument(
        copyProbability >= 0 && copyProbability <= 1,
        "synthetic: copyProbability must be in [0, 1], got %s",
        copyProbability);
    this.seed = seed;
    this.questions = questions;
    this.sources = sources;
    this.classes = classes;
    this.claimsPerQuestion = claimsPerQuestion;
    this.minAccuracy = minAccuracy;
    this.maxAccuracy = maxAccuracy;
    this.copiers = copiers;
    this.copyProbability = copyProbability;
    this.threads = Parallel.checkThreads("synthetic", threads);
  }

  /**
   * Seed 1, 1,000 questions, 100 sources, 2 classes, 5 claims per question, accuracies in [0.6,
   * 0.95], no copiers, all processors.
   *
   * @return the generator
   */
  public static Synthetic withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns this generator with another seed.
   *
   * @param seed the seed
   * @return the generator
   */
  public Synthetic withSeed(long seed) {
    return new Synthetic(seed, questions, sources, classes, claimsPerQuestion, minAccuracy,
        maxAccuracy, copiers, copyProbability, threads);
  }

  /**
   * Returns this generator with another number of questions.
   *
   * @param n the number of questions, at least 0
   * @return the generator
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Synthetic withQuestions(int n) {
    return new Synthetic(seed, n, sources, classes, claimsPerQuestion, minAccuracy,
        maxAccuracy, copiers, copyProbability, threads);
  }

  /**
   * Returns this generator with as many questions as make about {@code n} claims at the current
   * {@link #claimsPerQuestion()} (set that first).
   *
   * @param n the number of claims, at least 0
   * @return the generator
   * @throws IllegalArgumentException if {@code n} is negative or too large for one index
   */
  public Synthetic withClaims(long n) {
    checkArgument(n >= 0, "synthetic: claims must be >= 0, got %s", n);
    long q = n / claimsPerQuestion;
    checkArgument(q <= Integer.MAX_VALUE, "synthetic: too many claims for one index: %s", n);
    return withQuestions((int) q);
  }

  /**
   * Returns this generator with another number of sources.
   *
   * @param n the number of sources, at least 1 (and, to generate, at least {@link
   *     #claimsPerQuestion()} and more than {@link #copiers()})
   * @return the generator
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public Synthetic withSources(int n) {
    return new Synthetic(seed, questions, n, classes, claimsPerQuestion, minAccuracy,
        maxAccuracy, copiers, copyProbability, threads);
  }

  /**
   * Returns this generator with another number of classes (candidate values per question).
   *
   * @param n the number of classes, in [2, 32767]
   * @return the generator
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public Synthetic withClasses(int n) {
    return new Synthetic(seed, questions, sources, n, claimsPerQuestion, minAccuracy,
        maxAccuracy, copiers, copyProbability, threads);
  }

  /**
   * Returns this generator with another number of claims (labels) per question.
   *
   * @param n distinct sources claiming each question, at least 1 (and, to generate, at most
   *     {@link #sources()})
   * @return the generator
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public Synthetic withClaimsPerQuestion(int n) {
    return new Synthetic(seed, questions, sources, classes, n, minAccuracy,
        maxAccuracy, copiers, copyProbability, threads);
  }

  /**
   * Returns this generator with another range of source accuracies.
   *
   * @param min the lowest accuracy
   * @param max the highest accuracy, with {@code 0 <= min <= max <= 1}
   * @return the generator
   * @throws IllegalArgumentException if the range is empty or outside [0, 1]
   */
  public Synthetic withAccuracy(double min, double max) {
    return new Synthetic(seed, questions, sources, classes, claimsPerQuestion, min, max,
        copiers, copyProbability, threads);
  }

  /**
   * Returns this generator with copying sources.
   *
   * @param n the number of copiers, at least 0 (and, to generate, fewer than {@link #sources()})
   * @param probability the probability that a copier repeats its original on a question, in [0,
   *     1]
   * @return the generator
   * @throws IllegalArgumentException if either is out of range
   */
  public Synthetic withCopiers(int n, double probability) {
    return new Synthetic(seed, questions, sources, classes, claimsPerQuestion, minAccuracy,
        maxAccuracy, n, probability, threads);
  }

  /**
   * Returns this generator with another number of threads; the data do not depend on it.
   *
   * @param n the number of threads, or 0 for all processors
   * @return the generator
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Synthetic withThreads(int n) {
    return new Synthetic(seed, questions, sources, classes, claimsPerQuestion, minAccuracy,
        maxAccuracy, copiers, copyProbability, n);
  }

  /**
   * The seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The number of questions.
   *
   * @return the question count
   */
  public int questions() {
    return questions;
  }

  /**
   * The number of sources.
   *
   * @return the source count
   */
  public int sources() {
    return sources;
  }

  /**
   * The number of classes.
   *
   * @return the class count
   */
  public int classes() {
    return classes;
  }

  /**
   * The number of claims per question.
   *
   * @return the claims per question
   */
  public int claimsPerQuestion() {
    return claimsPerQuestion;
  }

  /**
   * The lowest source accuracy.
   *
   * @return the minimum
   */
  public double minAccuracy() {
    return minAccuracy;
  }

  /**
   * The highest source accuracy.
   *
   * @return the maximum
   */
  public double maxAccuracy() {
    return maxAccuracy;
  }

  /**
   * The number of copying sources.
   *
   * @return the copier count
   */
  public int copiers() {
    return copiers;
  }

  /**
   * The probability that a copier repeats its original.
   *
   * @return the probability
   */
  public double copyProbability() {
    return copyProbability;
  }

  /**
   * The number of threads generation uses (0: all processors).
   *
   * @return the setting
   */
  public int threads() {
    return threads;
  }

  /**
   * Generates the claims.
   *
   * @return the index with its truth
   * @throws IllegalStateException if the settings do not fit together: more claims per question
   *     or copiers than sources, or more claims or candidates than one index holds
   */
  public Data generate() {
    checkState(
        claimsPerQuestion <= sources,
        "synthetic: claimsPerQuestion (%s) must be at most sources (%s)",
        claimsPerQuestion,
        sources);
    checkState(
        copiers < sources, "synthetic: copiers (%s) must be fewer than sources (%s)", copiers,
        sources);
    checkState(
        (long) questions * claimsPerQuestion <= Integer.MAX_VALUE - 8,
        "synthetic: questions × claimsPerQuestion must be at most %s, got %s",
        Integer.MAX_VALUE - 8,
        (long) questions * claimsPerQuestion);
    checkState(
        (long) questions * classes <= Integer.MAX_VALUE - 8,
        "synthetic: questions × classes must be at most %s, got %s",
        Integer.MAX_VALUE - 8,
        (long) questions * classes);
    double[] accuracy = new double[sources];
    int[] original = new int[sources];
    long state = mix(seed ^ 0x5DEECE66DL);
    for (int s = 0; s < sources; s++) {
      state += GOLDEN;
      accuracy[s] = minAccuracy + (maxAccuracy - minAccuracy) * unit(mix(state));
    }
    // Copiers: the first `copiers` sources of a seeded shuffle; each copies a non-copier.
    int[] order = new int[sources];
    for (int s = 0; s < sources; s++) {
      order[s] = s;
      original[s] = -1;
    }
    for (int s = sources - 1; s > 0; s--) {
      state += GOLDEN;
      int j = (int) Math.floorMod(mix(state), (long) s + 1);
      int t = order[s];
      order[s] = order[j];
      order[j] = t;
    }
    for (int k = 0; k < copiers; k++) {
      state += GOLDEN;
      int pick = copiers + (int) Math.floorMod(mix(state), (long) (sources - copiers));
      original[order[k]] = order[pick];
    }
    int r = claimsPerQuestion;
    int n = questions * r;
    int[] claimStart = new int[questions + 1];
    int[] claimSource = new int[n];
    int[] claimCand = new int[n];
    byte[] truthBytes = classes <= Byte.MAX_VALUE ? new byte[questions] : null;
    short[] truthShorts = truthBytes == null ? new short[questions] : null;
    int blocks = (questions + BLOCK - 1) / BLOCK;
    try (Parallel pool = Parallel.open(threads)) {
      pool.forEach(
          blocks,
          b -> {
            int[] picked = new int[r];
            int to = (int) Math.min(questions, (long) (b + 1) * BLOCK);
            for (int q = b * BLOCK; q < to; q++) {
              int truth = generateQuestion(q, accuracy, original, picked, claimSource, claimCand);
              if (truthBytes != null) {
                truthBytes[q] = (byte) truth;
              } else {
                truthShorts[q] = (short) truth;
              }
              claimStart[q + 1] = (q + 1) * r;
            }
          });
    }
    Value[] labels = new Value[classes];
    int width = Ids.width(classes);
    for (int l = 0; l < classes; l++) {
      labels[l] = Category.of(pad(l, width));
    }
    ClaimIndex index =
        ClaimIndex.ofCanonicalArrays(
            Ids.numbered("s", sources),
            Ids.numbered("q", questions),
            ValueType.CATEGORICAL,
            labels,
            claimStart,
            claimSource,
            claimCand);
    return new Data(this, index, truthBytes, truthShorts, accuracy, original);
  }

  /** Draws question q's truth and its claims into its slots; returns the truth. */
  private int generateQuestion(
      int q, double[] accuracy, int[] original, int[] picked, int[] claimSource, int[] claimCand) {
    int r = picked.length;
    long state = mix(seed + GOLDEN * (q + 1L));
    int truth = truth(q);
    if (2L * r > sources) {
      // Selection sampling: each source in turn, with the chance still needed.
      int need = r;
      int k = 0;
      for (int s = 0; s < sources && need > 0; s++) {
        state += GOLDEN;
        if (unit(mix(state)) * (sources - s) < need) {
          picked[k++] = s;
          need--;
        }
      }
    } else {
      for (int k = 0; k < r; k++) {
        int s;
        boolean fresh;
        do {
          state += GOLDEN;
          s = (int) Math.floorMod(mix(state), (long) sources);
          fresh = true;
          for (int j = 0; j < k; j++) {
            fresh &= picked[j] != s;
          }
        } while (!fresh);
        // Insertion keeps the picked sources sorted, the canonical claim order.
        int j = k;
        while (j > 0 && picked[j - 1] > s) {
          picked[j] = picked[j - 1];
          j--;
        }
        picked[j] = s;
      }
    }
    int base = q * r;
    for (int k = 0; k < r; k++) {
      int s = picked[k];
      int said = original[s] >= 0 && unit(hash(q, s, 3)) < copyProbability
          ? answer(q, original[s], truth, accuracy)
          : answer(q, s, truth, accuracy);
      claimSource[base + k] = s;
      claimCand[base + k] = q * classes + said;
    }
    return truth;
  }

  private int truth(int q) {
    return (int) Math.floorMod(hash(q, -1, 0), (long) classes);
  }

  /** What source s says on its own about question q: a pure function of (seed, q, s). */
  private int answer(int q, int s, int truth, double[] accuracy) {
    if (unit(hash(q, s, 1)) < accuracy[s]) {
      return truth;
    }
    int wrong = (int) Math.floorMod(hash(q, s, 2), (long) (classes - 1));
    return wrong >= truth ? wrong + 1 : wrong;
  }

  private long hash(int q, int s, int stream) {
    return mix(mix(seed + GOLDEN * (stream + 1L)) + (q + 1L) * 0xD1B54A32D192ED03L
        + (s + 1L) * 0xABC98388FB8FAC03L);
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A double in [0, 1) from the high 53 bits. */
  private static double unit(long z) {
    return (z >>> 11) * 0x1.0p-53;
  }

  private static String pad(int number, int width) {
    String digits = Integer.toString(number);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /**
   * The settings, for a report.
   *
   * @return for example {@code synthetic{seed=1, questions=1000, …}}
   */
  @Override
  public String toString() {
    return "synthetic{seed=" + seed + ", questions=" + questions + ", sources=" + sources
        + ", classes=" + classes + ", claimsPerQuestion=" + claimsPerQuestion
        + ", accuracy=[" + minAccuracy + ", " + maxAccuracy + "], copiers=" + copiers
        + ", copyProbability=" + copyProbability + "}";
  }

  /**
   * Generated claims and the truth behind them.
   *
   * @since 0.1
   */
  public static final class Data {
    private final Synthetic settings;
    private final ClaimIndex index;
    private final byte[] truthBytes;
    private final short[] truthShorts;
    private final double[] accuracy;
    private final int[] original;

    private Data(
        Synthetic settings,
        ClaimIndex index,
        byte[] truthBytes,
        short[] truthShorts,
        double[] accuracy,
        int[] original) {
      this.settings = settings;
      this.index = index;
      this.truthBytes = truthBytes;
      this.truthShorts = truthShorts;
      this.accuracy = accuracy;
      this.original = original;
    }

    /**
     * The generator that made these data.
     *
     * @return the settings
     */
    public Synthetic settings() {
      return settings;
    }

    /**
     * The compiled claims.
     *
     * @return the index
     */
    public ClaimIndex index() {
      return index;
    }

    /**
     * The true class of question {@code q}, as a candidate position of {@link
     * ClaimIndex#candidates(int)}.
     *
     * @param q a question number
     * @return the class number
     */
    public int trueClass(int q) {
      checkElementIndex(q, index.questionCount(), "question");
      return truthBytes != null ? truthBytes[q] : truthShorts[q];
    }

    /**
     * The true value of question {@code q}.
     *
     * @param q a question number
     * @return the value
     */
    public Value truth(int q) {
      return index.candValue[index.questionCandStart[q] + trueClass(q)];
    }

    /**
     * Every question's true value by question id, for {@link Evaluation}: one map entry per
     * question, so meant for small data.
     *
     * @return the truth
     */
    public ImmutableSortedMap<String, Value> truths() {
      ImmutableSortedMap.Builder<String, Value> b = ImmutableSortedMap.naturalOrder();
      for (int q = 0; q < index.questionCount(); q++) {
        b.put(index.questionId(q), truth(q));
      }
      return b.build();
    }

    /**
     * The accuracy source {@code s} was generated with.
     *
     * @param s a source number
     * @return the accuracy
     */
    public double accuracy(int s) {
      checkElementIndex(s, accuracy.length, "source");
      return accuracy[s];
    }

    /**
     * The source that source {@code s} copies.
     *
     * @param s a source number
     * @return the original's number, or empty when {@code s} answers on its own
     */
    public Optional<Integer> original(int s) {
      checkElementIndex(s, original.length, "source");
      return original[s] < 0 ? Optional.empty() : Optional.of(original[s]);
    }

    /**
     * The share of questions whose leading value in {@code r} is the truth, read straight from
     * the result's arrays (no verdict objects), so cheap at any size.
     *
     * @param r a reconciliation of {@link #index()}
     * @return the accuracy, 0 when there are no questions
     * @throws IllegalArgumentException if {@code r} is not of this index
     */
    public double accuracyOf(Reconciliation r) {
      checkNotNull(r, "reconciliation");
      checkArgument(r.index() == index, "reconciliation of another index");
      int nq = index.questionCount();
      if (nq == 0) {
        return 0;
      }
      long right = 0;
      for (int q = 0; q < nq; q++) {
        int k = index.candidateCount(q);
        int best = 0;
        for (int c = 1; c < k; c++) {
          if (r.probability(q, c) > r.probability(q, best)) {
            best = c;
          }
        }
        if (best == trueClass(q)) {
          right++;
        }
      }
      return (double) right / nq;
    }
  }
}
