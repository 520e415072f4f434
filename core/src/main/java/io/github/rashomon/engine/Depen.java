package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Depen: truth discovery that detects copying between sources, after Dong, Berti-Equille and
 * Srivastava, "Integrating Conflicting Data: The Role of Source Dependence", PVLDB 2(1), VLDB
 * 2009. By default this is the paper's accuracy-aware variant, ACCUCOPY: {@link Accu}'s vote
 * counts and accuracies, with copy detection that uses each source's accuracy. {@link
 * #withAccuracyAware(boolean) withAccuracyAware(false)} gives the paper's DEPEN, where every
 * source keeps the same error rate ε = 1 − {@link #initialAccuracy()}.
 *
 * <p><b>Dependence.</b> For two sources that answer some of the same questions, count the
 * questions where they give the same true value (k<sub>t</sub>), the same false value
 * (k<sub>f</sub>) and different values (k<sub>d</sub>). If they are independent, with
 * accuracies A<sub>1</sub>, A<sub>2</sub> and n false values per question equally likely, the
 * three outcomes have probabilities P<sub>t</sub> = A<sub>1</sub>A<sub>2</sub>, P<sub>f</sub> =
 * (1 − A<sub>1</sub>)(1 − A<sub>2</sub>)/n and P<sub>d</sub> = 1 − P<sub>t</sub> −
 * P<sub>f</sub>. If S<sub>1</sub> copies from S<sub>2</sub>, copying each value with
 * probability c and otherwise answering on its own, they are A<sub>2</sub>c + P<sub>t</sub>(1 −
 * c), (1 − A<sub>2</sub>)c + P<sub>f</sub>(1 − c) and P<sub>d</sub>(1 − c). With prior
 * probability α of dependence, split evenly between the two directions, Bayes' rule gives
 * P(S<sub>1</sub>→S<sub>2</sub> | Φ), P(S<sub>2</sub>→S<sub>1</sub> | Φ) and
 * P(S<sub>1</sub>⊥S<sub>2</sub> | Φ). With equal accuracies 1 − ε this is the paper's equation
 * for DEPEN: P(S<sub>1</sub>⊥S<sub>2</sub> | Φ) = (1 + α/(1 − α) · ((1 − ε + cε)/(1 −
 * ε))<sup>k<sub>t</sub></sup> · ((cn + ε − cε)/ε)<sup>k<sub>f</sub></sup> · (1 −
 * c)<sup>k<sub>d</sub></sup>)<sup>−1</sup>. Sharing false values is the strong evidence: under
 * independence it has probability of order 1/n. With accuracies, the direction follows too: a
 * shared true value favours the less accurate source as the copier, a shared false value the
 * more accurate one.
 *
 * <p><b>Votes.</b> A source that copied a value adds no evidence for it. Among the sources
 * providing a value v, taken in some order, source S provides v independently of those before
 * it with probability I(S) = Π (1 − c · P(S→S′)) over the earlier sources S′ (the paper's
 * independence factor), and its claim counts I(S) times its {@link Accu} vote count ln(n·A/(1 −
 * A)). The count depends on the order, which is unknown; the paper approximates it greedily,
 * and the greedy order here puts likely copiers after the sources they copy from: first the
 * provider the others most probably copy from (largest Σ P(S′→S)), then, repeatedly, the
 * remaining provider most probably copying from one already placed (largest P(S→S′)); ties go
 * to the lower source id. Value probabilities follow from the discounted counts as in Accu, and
 * (ACCUCOPY) each source's accuracy is again the mean probability of its values. DEPEN uses the
 * same formulas with every accuracy fixed at 1 − ε: each claim then counts the same, so the
 * leading value is the one with the largest discounted count, as in the paper.
 *
 * <p><b>Iteration.</b> The first value probabilities are Accu's first step, all sources deemed
 * independent and at {@link #initialAccuracy()}; then dependence, discounted votes, value
 * probabilities and (ACCUCOPY) accuracies are recomputed in turn until no accuracy and no
 * dependence probability moves by more than {@link #tolerance()}. On real data a few pairs of
 * sources can keep switching between dependent and independent; the iteration then stops at
 * {@link #iterations()} and the provenance reports that it did not converge.
 *
 * <p>Choices the paper leaves open: k<sub>t</sub> and k<sub>f</sub> are expected counts under
 * the current value probabilities (a shared value v adds P(v) to k<sub>t</sub> and 1 − P(v) to
 * k<sub>f</sub>) rather than counts against a hard choice of the true values, which keeps the
 * iteration smooth; n is each question's number of false values as in {@link Accu} (1 for a
 * boolean question, so agreeing on a wrong yes/no answer is weak evidence of copying). A source
 * with several claims on a question counts as one observation there, spread over its claims;
 * claim weights and denials play no part in detecting dependence, and a denial is counted as in
 * Accu, undiscounted. Questions whose domain has a single value carry no evidence either way.
 * Without two sources on one question Depen is Accu.
 *
 * <p>A source's trust is its accuracy (DEPEN: 1 − ε for every source); its vote weight is the
 * mean discounted vote count of its claims. Each source's {@link SourceAssessment#dependence()}
 * lists the sources it depends on, either way, with probability 1 −
 * P(S<sub>1</sub>⊥S<sub>2</sub> | Φ) above {@link #REPORTING_THRESHOLD}.
 *
 * @implNote Per iteration O(claims + candidates + p) time, where p is the number of pairs of
 *     claims on the same question (Σ<sub>q</sub> k<sub>q</sub><sup>2</sup> for k<sub>q</sub>
 *     claims on question q: every pair of sources meeting on a question is examined); O(p)
 *     memory for the pairs of sources and the pairs of providers of each value, built once.
 * @since 0.1
 */
public final class Depen extends AbstractReconciler {
  /** The dependence probability above which a pair of sources is reported in an assessment. */
  public static final double REPORTING_THRESHOLD = 0.1;

  private static final Depen DEFAULTS = new Depen(100, 1e-9, 100, 0.8, 0.2, 0.8, true);

  private final int falseValues;
  private final double initialAccuracy;
  private final double dependencePrior;
  private final double copyProbability;
  private final boolean accuracyAware;

  private Depen(
      int iterations,
      double tolerance,
      int falseValues,
      double initialAccuracy,
      double dependencePrior,
      double copyProbability,
      boolean accuracyAware) {
    super(iterations, tolerance);
    checkArgument(falseValues >= 1, "depen: falseValues must be >= 1, got %s", falseValues);
    checkArgument(
        initialAccuracy > 0 && initialAccuracy < 1,
        "depen: initialAccuracy must be in (0, 1), got %s",
        initialAccuracy);
    checkArgument(
        dependencePrior > 0 && dependencePrior < 1,
        "depen: dependencePrior must be in (0, 1), got %s",
        dependencePrior);
    checkArgument(
        copyProbability > 0 && copyProbability < 1,
        "depen: copyProbability must be in (0, 1), got %s",
        copyProbability);
    this.falseValues = falseValues;
    this.initialAccuracy = initialAccuracy;
    this.dependencePrior = dependencePrior;
    this.copyProbability = copyProbability;
    this.accuracyAware = accuracyAware;
  }

  /**
   * ACCUCOPY with the paper's settings: prior probability of dependence α = 0.2, copy probability
   * c = 0.8, initial accuracy 0.8 (ε = 0.2), 100 false values per open question; at most 100
   * iterations, tolerance 10<sup>-9</sup> (tighter than Accu's: the path to the fixed point
   * depends on how ties in the greedy order of providers fall, so stopping close to it is what
   * makes the result independent of how sources are named).
   *
   * @return the algorithm
   */
  public static Depen withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns Depen with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Depen withIterations(int iterations) {
    return new Depen(
        iterations, tolerance, falseValues, initialAccuracy, dependencePrior, copyProbability,
        accuracyAware);
  }

  /**
   * Returns Depen with another convergence tolerance.
   *
   * @param tolerance the largest change in any accuracy or dependence probability that counts as
   *     converged, finite and at least 0
   * @return the algorithm
   * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
   */
  public Depen withTolerance(double tolerance) {
    return new Depen(
        maxIterations, tolerance, falseValues, initialAccuracy, dependencePrior, copyProbability,
        accuracyAware);
  }
  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }


  /**
   * Returns Depen assuming another number of false values in an open question's domain.
   *
   * @param n the number of false values, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Depen withFalseValues(int n) {
    return new Depen(
        maxIterations, tolerance, n, initialAccuracy, dependencePrior, copyProbability,
        accuracyAware);
  }

  /**
   * Returns Depen starting every source at another accuracy (for DEPEN, the accuracy 1 − ε that
   * every source keeps).
   *
   * @param accuracy the initial accuracy, in (0, 1)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code accuracy} is outside (0, 1)
   */
  public Depen withInitialAccuracy(double accuracy) {
    return new Depen(
        maxIterations, tolerance, falseValues, accuracy, dependencePrior, copyProbability,
        accuracyAware);
  }

  /**
   * Returns Depen with another prior probability that two sources are dependent (the paper's α).
   *
   * @param alpha the prior, in (0, 1)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code alpha} is outside (0, 1)
   */
  public Depen withDependencePrior(double alpha) {
    return new Depen(
        maxIterations, tolerance, falseValues, initialAccuracy, alpha, copyProbability,
        accuracyAware);
  }

  /**
   * Returns Depen with another probability that a copier copies a given value rather than
   * providing its own (the paper's c).
   *
   * @param c the copy probability, in (0, 1)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code c} is outside (0, 1)
   */
  public Depen withCopyProbability(double c) {
    return new Depen(
        maxIterations, tolerance, falseValues, initialAccuracy, dependencePrior, c,
        accuracyAware);
  }

  /**
   * Returns the accuracy-aware variant (ACCUCOPY, each source learns its accuracy) or the plain
   * one (DEPEN, every source keeps accuracy {@link #initialAccuracy()}).
   *
   * @param aware true for ACCUCOPY, false for DEPEN
   * @return the algorithm
   */
  public Depen withAccuracyAware(boolean aware) {
    return new Depen(
        maxIterations, tolerance, falseValues, initialAccuracy, dependencePrior, copyProbability,
        aware);
  }

  /**
   * The number of false values assumed in the domain of an open question.
   *
   * @return n
   */
  public int falseValues() {
    return falseValues;
  }

  /**
   * The accuracy every source starts from.
   *
   * @return the initial accuracy
   */
  public double initialAccuracy() {
    return initialAccuracy;
  }

  /**
   * The prior probability that two sources are dependent.
   *
   * @return α
   */
  public double dependencePrior() {
    return dependencePrior;
  }

  /**
   * The probability that a copier copies a given value.
   *
   * @return c
   */
  public double copyProbability() {
    return copyProbability;
  }

  /**
   * Whether sources learn their own accuracies (ACCUCOPY) or share one (DEPEN).
   *
   * @return true for ACCUCOPY
   */
  public boolean accuracyAware() {
    return accuracyAware;
  }

  /**
   * {@code "depen"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "depen";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("accuracyAware", Boolean.toString(accuracyAware));
    b.put("copyProbability", Double.toString(copyProbability));
    b.put("dependencePrior", Double.toString(dependencePrior));
    b.put("falseValues", Integer.toString(falseValues));
    b.put("initialAccuracy", Double.toString(initialAccuracy));
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    Estimate e = new Estimate(index);
    Accu.Domains domains = Accu.Domains.of(index, falseValues);
    Pairs pairs = Pairs.of(index, domains);
    int ns = index.sourceCount();
    double[] accuracy = new double[ns];
    Arrays.fill(accuracy, Accu.clamp(initialAccuracy));
    double[] prob = new double[index.candidateCount()];
    double[] factor = new double[index.claimCount()];
    Arrays.fill(factor, 1.0);
    double[] copies = new double[pairs.count()]; // P(a -> b): the lower-numbered source copies
    double[] copied = new double[pairs.count()]; // P(b -> a)
    Accu.valueProbabilities(index, domains, accuracy, null, prob);
    int iterations = 0;
    double change = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      Progress.iteration(iterations, maxIterations);
      change = dependence(pairs, prob, accuracy, copies, copied);
      independenceFactors(index, pairs, copies, copied, factor);
      Accu.valueProbabilities(index, domains, accuracy, factor, prob);
      if (accuracyAware) {
        change = Math.max(change, Accu.updateAccuracy(index, prob, accuracy));
        Accu.valueProbabilities(index, domains, accuracy, factor, prob);
      }
      if (change <= tolerance) {
        converged = true;
        break;
      }
    }
    System.arraycopy(prob, 0, e.candProb, 0, prob.length);
    Votes.normalise(index, e.candProb);
    System.arraycopy(accuracy, 0, e.trust, 0, ns);
    meanVoteCount(index, domains, accuracy, factor, e.voteWeight);
    e.dependence = report(index, pairs, copies, copied);
    e.iterations = iterations;
    e.converged = converged;
    e.finalChange = change;
    return e;
  }

  /**
   * The pairs of sources that answer a common question, and what they share: built once, since
   * which values two sources share does not change, only how likely each value is to be true.
   */
  static final class Pairs {
    /** Pair p joins sources pairA[p] < pairB[p]. */
    final int[] pairA;

    final int[] pairB;
    /** Per pair: the number of questions on which the two give different values. */
    final double[] differ;
    /** Shared observations: pair, candidate both give, weight (1 per question and pair). */
    final int[] sharedPair;

    final int[] sharedCand;
    final double[] sharedWeight;
    /** Per shared observation: the number of false values n of its question. */
    final double[] sharedFalse;
    /** Per candidate: its distinct affirming sources are provSource[provStart[c] .. c+1). */
    final int[] provStart;

    final int[] provSource;
    /**
     * Per candidate: the pairs of its providers i < j, row by row, are
     * provPair[provPairStart[c] ..).
     */
    final int[] provPairStart;

    final int[] provPair;
    /** Per claim: its provider slot in provSource, or -1 for a denial. */
    final int[] claimProvider;

    private Pairs(
        int[] pairA,
        int[] pairB,
        double[] differ,
        int[] sharedPair,
        int[] sharedCand,
        double[] sharedWeight,
        double[] sharedFalse,
        int[] provStart,
        int[] provSource,
        int[] provPairStart,
        int[] provPair,
        int[] claimProvider) {
      this.pairA = pairA;
      this.pairB = pairB;
      this.differ = differ;
      this.sharedPair = sharedPair;
      this.sharedCand = sharedCand;
      this.sharedWeight = sharedWeight;
      this.sharedFalse = sharedFalse;
      this.provStart = provStart;
      this.provSource = provSource;
      this.provPairStart = provPairStart;
      this.provPair = provPair;
      this.claimProvider = claimProvider;
    }

    int count() {
      return pairA.length;
    }

    static Pairs of(ClaimIndex index, Accu.Domains domains) {
      int nq = index.questionCount();
      long ns = index.sourceCount();
      Runs runs = new Runs();
      // Pass 1: every pair of sources meeting on a question, as a sorted set of keys a * S + b.
      LongList keys = new LongList();
      for (int q = 0; q < nq; q++) {
        if (domains.single(q)) {
          continue;
        }
        runs.of(index, q);
        for (int x = 0; x < runs.count; x++) {
          for (int y = x + 1; y < runs.count; y++) {
            keys.add(runs.source[x] * ns + runs.source[y]);
          }
        }
      }
      long[] pairKey = keys.sortedDistinct();
      int np = pairKey.length;
      int[] pairA = new int[np];
      int[] pairB = new int[np];
      for (int p = 0; p < np; p++) {
        pairA[p] = (int) (pairKey[p] / ns);
        pairB[p] = (int) (pairKey[p] % ns);
      }
      // Pass 2: per pair, the questions where the two differ and the values they share.
      double[] differ = new double[np];
      IntList sharedPair = new IntList();
      IntList sharedCand = new IntList();
      DoubleList sharedWeight = new DoubleList();
      DoubleList sharedFalse = new DoubleList();
      for (int q = 0; q < nq; q++) {
        if (domains.single(q)) {
          continue;
        }
        runs.of(index, q);
        double n = Math.exp(domains.logFalse(q));
        for (int x = 0; x < runs.count; x++) {
          for (int y = x + 1; y < runs.count; y++) {
            int p = Arrays.binarySearch(pairKey, runs.source[x] * ns + runs.source[y]);
            int mx = runs.start[x + 1] - runs.start[x];
            int my = runs.start[y + 1] - runs.start[y];
            double w = 1.0 / ((double) mx * my);
            for (int i = runs.start[x]; i < runs.start[x + 1]; i++) {
              for (int j = runs.start[y]; j < runs.start[y + 1]; j++) {
                int ci = index.claimCand[runs.claim[i]];
                if (ci == index.claimCand[runs.claim[j]]) {
                  sharedPair.add(p);
                  sharedCand.add(ci);
                  sharedWeight.add(w);
                  sharedFalse.add(n);
                } else {
                  differ[p] += w;
                }
              }
            }
          }
        }
      }
      // Providers of each candidate and the pairs between them.
      int nc = index.candidateCount();
      int[] provStart = new int[nc + 1];
      IntList provSource = new IntList();
      int[] provPairStart = new int[nc + 1];
      IntList provPair = new IntList();
      int[] claimProvider = new int[index.claimCount()];
      Arrays.fill(claimProvider, -1);
      int[] bucket = new int[0];
      int[] bucketStart = new int[0];
      for (int q = 0; q < nq; q++) {
        int from = index.questionCandStart[q];
        int k = index.questionCandStart[q + 1] - from;
        int claimFrom = index.questionClaimStart[q];
        int claimTo = index.questionClaimStart[q + 1];
        // Counting sort of the affirming claims by candidate; each bucket stays in source order.
        if (bucketStart.length < k + 1) {
          bucketStart = new int[k + 1];
        }
        if (bucket.length < claimTo - claimFrom) {
          bucket = new int[claimTo - claimFrom];
        }
        Arrays.fill(bucketStart, 0, k + 1, 0);
        for (int i = claimFrom; i < claimTo; i++) {
          if (!index.denies(i)) {
            bucketStart[index.claimCand[i] - from + 1]++;
          }
        }
        for (int c = 0; c < k; c++) {
          bucketStart[c + 1] += bucketStart[c];
        }
        for (int i = claimFrom; i < claimTo; i++) {
          if (!index.denies(i)) {
            bucket[bucketStart[index.claimCand[i] - from]++] = i;
          }
        }
        for (int c = k; c > 0; c--) {
          bucketStart[c] = bucketStart[c - 1];
        }
        bucketStart[0] = 0;
        for (int c = 0; c < k; c++) {
          provStart[from + c] = provSource.size();
          provPairStart[from + c] = provPair.size();
          int first = provSource.size();
          for (int j = bucketStart[c]; j < bucketStart[c + 1]; j++) {
            int i = bucket[j];
            int s = index.claimSource[i];
            if (provSource.size() == first || provSource.get(provSource.size() - 1) != s) {
              provSource.add(s);
            }
            claimProvider[i] = provSource.size() - 1;
          }
          int m = provSource.size() - first;
          if (!domains.single(q)) {
            for (int x = 0; x < m; x++) {
              for (int y = x + 1; y < m; y++) {
                long key = provSource.get(first + x) * ns + provSource.get(first + y);
                provPair.add(Arrays.binarySearch(pairKey, key));
              }
            }
          }
        }
      }
      provStart[nc] = provSource.size();
      provPairStart[nc] = provPair.size();
      return new Pairs(
          pairA,
          pairB,
          differ,
          sharedPair.toArray(),
          sharedCand.toArray(),
          sharedWeight.toArray(),
          sharedFalse.toArray(),
          provStart,
          provSource.toArray(),
          provPairStart,
          provPair.toArray(),
          claimProvider);
    }
  }

  /** One question's affirming claims split into runs of one source each. */
  private static final class Runs {
    /** The affirming claims, in index order (so by source). */
    int[] claim = new int[16];
    /** Run r is claim[start[r] .. start[r + 1]), all from source[r]. */
    int[] start = new int[17];

    long[] source = new long[16];
    int count;

    void of(ClaimIndex index, int q) {
      int from = index.questionClaimStart[q];
      int to = index.questionClaimStart[q + 1];
      if (claim.length < to - from) {
        claim = new int[to - from];
        start = new int[to - from + 1];
        source = new long[to - from];
      }
      count = 0;
      int k = 0;
      int last = -1;
      for (int i = from; i < to; i++) {
        if (index.denies(i)) {
          continue;
        }
        int s = index.claimSource[i];
        if (s != last) {
          start[count] = k;
          source[count] = s;
          count++;
          last = s;
        }
        claim[k++] = i;
      }
      start[count] = k;
    }
  }

  /**
   * The directional copy probabilities of every pair from the value probabilities and accuracies.
   *
   * @return the largest change of any probability
   */
  double dependence(
      Pairs pairs, double[] prob, double[] accuracy, double[] copies, double[] copied) {
    int np = pairs.count();
    double c = copyProbability;
    double logDiffer = Math.log(1 - c);
    double[] ratioA = new double[np]; // ln P(Φ | a copies b) - ln P(Φ | independent)
    double[] ratioB = new double[np];
    for (int p = 0; p < np; p++) {
      ratioA[p] = pairs.differ[p] * logDiffer;
      ratioB[p] = ratioA[p];
    }
    // Per shared value, the likelihood ratio of copying depends on the copier's accuracy alone:
    // a shared true value weighs (1 - c + c / A), a shared false one (1 - c + c n / (1 - A)).
    double[] logTrue = new double[accuracy.length];
    for (int s = 0; s < accuracy.length; s++) {
      logTrue[s] = Math.log(1 - c + c / accuracy[s]);
    }
    for (int k = 0; k < pairs.sharedPair.length; k++) {
      int p = pairs.sharedPair[k];
      int cand = pairs.sharedCand[k];
      double w = pairs.sharedWeight[k];
      double t = prob[cand];
      double n = pairs.sharedFalse[k];
      int a = pairs.pairA[p];
      int b = pairs.pairB[p];
      ratioA[p] += w * (t * logTrue[a] + (1 - t) * Math.log(1 - c + c * n / (1 - accuracy[a])));
      ratioB[p] += w * (t * logTrue[b] + (1 - t) * Math.log(1 - c + c * n / (1 - accuracy[b])));
    }
    double logHalfPrior = Math.log(dependencePrior / 2);
    double logIndependent = Math.log(1 - dependencePrior);
    double change = 0;
    for (int p = 0; p < np; p++) {
      double la = logHalfPrior + ratioA[p];
      double lb = logHalfPrior + ratioB[p];
      double max = Math.max(logIndependent, Math.max(la, lb));
      double ea = Math.exp(la - max);
      double eb = Math.exp(lb - max);
      double z = ea + eb + Math.exp(logIndependent - max);
      double pa = ea / z;
      double pb = eb / z;
      change = Math.max(change, Math.max(Math.abs(pa - copies[p]), Math.abs(pb - copied[p])));
      copies[p] = pa;
      copied[p] = pb;
    }
    return change;
  }

  /**
   * Each affirming claim's independence factor I(S): the providers of every value ordered
   * greedily, copiers after the sources they copy from.
   */
  void independenceFactors(
      ClaimIndex index, Pairs pairs, double[] copies, double[] copied, double[] factor) {
    int nc = index.candidateCount();
    double c = copyProbability;
    double[] provFactor = new double[pairs.provSource.length];
    double[] inbound = new double[0];
    double[] best = new double[0];
    double[] keep = new double[0];
    boolean[] placed = new boolean[0];
    for (int cand = 0; cand < nc; cand++) {
      int from = pairs.provStart[cand];
      int m = pairs.provStart[cand + 1] - from;
      if (m == 0) {
        continue;
      }
      if (m == 1 || pairs.provPairStart[cand] == pairs.provPairStart[cand + 1]) {
        Arrays.fill(provFactor, from, from + m, 1.0);
        continue;
      }
      if (inbound.length < m) {
        inbound = new double[m];
        best = new double[m];
        keep = new double[m];
        placed = new boolean[m];
      }
      Arrays.fill(inbound, 0, m, 0.0);
      Arrays.fill(best, 0, m, 0.0);
      Arrays.fill(keep, 0, m, 1.0);
      Arrays.fill(placed, 0, m, false);
      int base = pairs.provPairStart[cand];
      for (int x = 0; x < m; x++) {
        for (int y = x + 1; y < m; y++) {
          int p = pairs.provPair[base + upper(m, x, y)];
          inbound[y] += copies[p]; // x copies from y
          inbound[x] += copied[p];
        }
      }
      int next = 0;
      for (int x = 1; x < m; x++) {
        if (inbound[x] > inbound[next] + TIE) {
          next = x;
        }
      }
      for (int step = 0; step < m; step++) {
        placed[next] = true;
        provFactor[from + next] = keep[next];
        int following = -1;
        for (int x = 0; x < m; x++) {
          if (placed[x]) {
            continue;
          }
          // P(x copies from the newly placed source).
          double pc;
          if (x < next) {
            pc = copies[pairs.provPair[base + upper(m, x, next)]];
          } else {
            pc = copied[pairs.provPair[base + upper(m, next, x)]];
          }
          keep[x] *= 1 - c * pc;
          best[x] = Math.max(best[x], pc);
          if (following < 0 || best[x] > best[following] + TIE) {
            following = x;
          }
        }
        next = following;
      }
    }
    for (int i = 0; i < factor.length; i++) {
      int k = pairs.claimProvider[i];
      factor[i] = k < 0 ? 1.0 : provFactor[k];
    }
  }

  /**
   * Differences in probability below this are ties: sums taken in another order (after the
   * sources are renamed) must not reorder the providers.
   */
  private static final double TIE = 1e-12;

  /** Position of the pair (x, y), x < y, in the row-by-row upper triangle of an m × m matrix. */
  private static int upper(int m, int x, int y) {
    return x * (2 * m - x - 1) / 2 + (y - x - 1);
  }

  /** Each source's mean discounted vote count over its claims. */
  private static void meanVoteCount(
      ClaimIndex index, Accu.Domains domains, double[] accuracy, double[] factor, double[] out) {
    int ns = index.sourceCount();
    double[] logFalse = new double[ns];
    double[] discount = new double[ns];
    double[] total = new double[ns];
    for (int q = 0; q < index.questionCount(); q++) {
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        int s = index.claimSource[i];
        double w = index.weight(i);
        logFalse[s] += w * factor[i] * (index.denies(i) ? 0 : domains.logFalse(q));
        discount[s] += w * factor[i];
        total[s] += w;
      }
    }
    for (int s = 0; s < ns; s++) {
      double a = accuracy[s];
      out[s] = total[s] > 0 ? (logFalse[s] + discount[s] * Math.log(a / (1 - a))) / total[s] : 0;
    }
  }

  /** Per source, the other sources it depends on with probability above the threshold. */
  private static List<ImmutableSortedMap<String, Double>> report(
      ClaimIndex index, Pairs pairs, double[] copies, double[] copied) {
    int ns = index.sourceCount();
    List<ImmutableSortedMap.Builder<String, Double>> builders = new ArrayList<>(ns);
    for (int s = 0; s < ns; s++) {
      builders.add(null);
    }
    for (int p = 0; p < pairs.count(); p++) {
      double d = Math.min(1, copies[p] + copied[p]);
      if (d > REPORTING_THRESHOLD) {
        int a = pairs.pairA[p];
        int b = pairs.pairB[p];
        builder(builders, a).put(index.sourceId(b), d);
        builder(builders, b).put(index.sourceId(a), d);
      }
    }
    List<ImmutableSortedMap<String, Double>> out = new ArrayList<>(ns);
    for (ImmutableSortedMap.Builder<String, Double> b : builders) {
      out.add(b == null ? ImmutableSortedMap.of() : b.build());
    }
    return out;
  }

  private static ImmutableSortedMap.Builder<String, Double> builder(
      List<ImmutableSortedMap.Builder<String, Double>> builders, int s) {
    if (builders.get(s) == null) {
      builders.set(s, ImmutableSortedMap.naturalOrder());
    }
    return builders.get(s);
  }

  /** A growable array of longs. */
  private static final class LongList {
    private long[] a = new long[64];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    long[] sortedDistinct() {
      long[] s = Arrays.copyOf(a, n);
      Arrays.sort(s);
      int k = 0;
      for (int i = 0; i < s.length; i++) {
        if (k == 0 || s[i] != s[k - 1]) {
          s[k++] = s[i];
        }
      }
      return Arrays.copyOf(s, k);
    }
  }

  /** A growable array of ints. */
  private static final class IntList {
    private int[] a = new int[64];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    void clear() {
      n = 0;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** A growable array of doubles. */
  private static final class DoubleList {
    private double[] a = new double[64];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
