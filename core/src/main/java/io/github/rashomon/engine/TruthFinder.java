package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;

/**
 * TruthFinder: a source is as trustworthy as the mean confidence of the facts it provides, and a
 * fact as confident as the trust of its providers, each provider's vote counted as the evidence
 * {@code -ln(1 - t)} of an independent witness, and helped or hindered by similar facts.
 *
 * <p>From X. Yin, J. Han and P. S. Yu, "Truth Discovery with Multiple Conflicting Information
 * Providers on the Web", KDD 2007. With t(w) the trustworthiness of source w and F(w) its facts:
 *
 * <pre>{@code
 * τ(w)  = -ln(1 - t(w))
 * σ(f)  = Σ_{w providing f} τ(w)
 * σ*(f) = σ(f) + ρ · Σ_{f' ≠ f on the same question} σ(f') · imp(f' → f)
 * s(f)  = 1 / (1 + e^(-γ · σ*(f)))
 * t(w)  = Σ_{f ∈ F(w)} s(f) / |F(w)|
 * }</pre>
 *
 * <p>starting from {@code t(w) = t₀ = 0.9} and stopping when the trust vector's direction settles:
 * {@code 1 - cos(t_new, t_old) < δ}, the paper's criterion, with δ the {@link #tolerance()}. The
 * defaults are the paper's (ρ = 0.5, γ = 0.3, t₀ = 0.9) and δ = 10⁻⁶: tighter than the 0.001
 * common reimplementations use, because starting from equal trust the first step can change the
 * direction by less than 0.001 on homogeneous data and stop the run before trust has formed.
 *
 * <p>Implication follows the paper's similarity form {@code imp(f' → f) = sim(f', f) - base},
 * with base similarity 0.5: compatible values (overlapping numeric ranges or time spans) have
 * similarity 1, so they support each other with 0.5. Between quantities that are not compatible
 * the similarity is {@code exp(-d / m)}, with d the gap between the two intervals ({@link
 * Quantity#distanceTo(Quantity)}) and m the larger magnitude of their representative values, so
 * close numbers support each other and far ones count against each other (down to -0.5).
 * Distinct categorical, boolean and set values, and time spans that do not overlap, neither
 * imply nor contradict each other ({@code imp = 0}): there the vote of a fact's rivals enters only
 * through its providers' trust, as in common reimplementations for categorical data.
 *
 * <p>Reading the scores: a candidate's probability is its confidence s(f) from the last
 * iteration (the one the reported trust was computed from) divided by the total
 * confidence of its question's candidates (a candidate nobody provides has confidence 1/2 plus
 * whatever similar candidates lend it); a source's trust is t(w), or 0.5 for a source without
 * claims. A claim with a weight counts its weight times τ(w) in σ(f) and weighs that much in the
 * source's mean. A denial of a candidate is a vote for the question's other candidates, split
 * evenly among them (the convention of {@link MajorityVote}); in the source's mean it counts with
 * the mean confidence of those candidates. Trust is capped at 1 - 10⁻¹² before taking {@code
 * -ln(1 - t)}, which is otherwise infinite when rounding makes a confidence exactly 1.
 *
 * @implNote Each iteration is one pass over the claims, split across {@link #threads()} threads
 *     (see {@link #withThreads(int)}), plus, for quantity and date-time
 *     questions, a pass over every pair of a question's candidates: O(claims + Σ_q k_q²) time
 *     (k_q candidates of question q, pairs only for quantity and date-time questions); O(candidates
 *     + sources × stripes) memory besides the index.
 * @since 0.1
 */
public final class TruthFinder extends AbstractReconciler {
  private static final double BASE_SIMILARITY = 0.5;
  private static final double MAX_TRUST = 1 - 1e-12;
  private static final TruthFinder DEFAULTS =
      new TruthFinder(100, 1e-6, 0.3, 0.5, 0.9, Parallel.ALL_PROCESSORS);

  private final double dampening;
  private final double implicationWeight;
  private final double initialTrust;
  private final int threads;

  private TruthFinder(
      int maxIterations,
      double tolerance,
      double dampening,
      double implicationWeight,
      double initialTrust,
      int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("truthfinder", threads);
    checkArgument(
        dampening > 0 && dampening <= 1,
        "truthfinder: dampening must be in (0, 1], got %s",
        dampening);
    checkArgument(
        implicationWeight >= 0 && implicationWeight <= 1,
        "truthfinder: implicationWeight must be in [0, 1], got %s",
        implicationWeight);
    checkArgument(
        initialTrust > 0 && initialTrust < 1,
        "truthfinder: initialTrust must be in (0, 1), got %s",
        initialTrust);
    this.dampening = dampening;
    this.implicationWeight = implicationWeight;
    this.initialTrust = initialTrust;
  }

  /**
   * TruthFinder with the paper's settings (γ = 0.3, ρ = 0.5, t₀ = 0.9), at most 100 iterations
   * and tolerance 10⁻⁶ on {@code 1 - cos} of successive trust vectors.
   *
   * @return the algorithm
   */
  public static TruthFinder withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns TruthFinder with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public TruthFinder withIterations(int iterations) {
    return new TruthFinder(
        iterations, tolerance, dampening, implicationWeight, initialTrust, threads);
  }

  /**
   * Returns TruthFinder with another tolerance.
   *
   * @param tolerance the value of {@code 1 - cos(t_new, t_old)} below which the iteration stops,
   *     finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public TruthFinder withTolerance(double tolerance) {
    return new TruthFinder(
        maxIterations, tolerance, dampening, implicationWeight, initialTrust, threads);
  }

  /**
   * Returns TruthFinder with another dampening factor γ, which tempers the confidence that many
   * non-independent sources would otherwise pile up.
   *
   * @param gamma the dampening factor, in (0, 1]
   * @return the algorithm
   * @throws IllegalArgumentException if {@code gamma} is outside (0, 1]
   */
  public TruthFinder withDampening(double gamma) {
    return new TruthFinder(
        maxIterations, tolerance, gamma, implicationWeight, initialTrust, threads);
  }

  /**
   * Returns TruthFinder with another implication weight ρ, how much similar facts lend each
   * other.
   *
   * @param rho the weight, in [0, 1]; 0 ignores implication
   * @return the algorithm
   * @throws IllegalArgumentException if {@code rho} is outside [0, 1]
   */
  public TruthFinder withImplicationWeight(double rho) {
    return new TruthFinder(maxIterations, tolerance, dampening, rho, initialTrust, threads);
  }

  /**
   * Returns TruthFinder with another initial trust t₀ for every source.
   *
   * @param t0 the initial trust, in (0, 1)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code t0} is outside (0, 1)
   */
  public TruthFinder withInitialTrust(double t0) {
    return new TruthFinder(maxIterations, tolerance, dampening, implicationWeight, t0, threads);
  }

  /**
   * Returns TruthFinder run on {@code n} threads. The questions are split into the same stripes
   * whatever the thread count and per-source sums are reduced in stripe order, so the result is
   * identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public TruthFinder withThreads(int n) {
    return new TruthFinder(maxIterations, tolerance, dampening, implicationWeight, initialTrust, n);
  }

  /**
   * The number of threads a run uses.
   *
   * @return the thread count, 0 meaning all processors
   */
  public int threads() {
    return threads;
  }

  /**
   * The dampening factor γ.
   *
   * @return γ
   */
  public double dampening() {
    return dampening;
  }

  /**
   * The implication weight ρ.
   *
   * @return ρ
   */
  public double implicationWeight() {
    return implicationWeight;
  }

  /**
   * The initial trust t₀ of every source.
   *
   * @return t₀
   */
  public double initialTrust() {
    return initialTrust;
  }

  /**
   * {@code "truthfinder"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "truthfinder";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("dampening", Double.toString(dampening));
    b.put("implicationWeight", Double.toString(implicationWeight));
    b.put("initialTrust", Double.toString(initialTrust));
  }

  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    return estimate(index, null);
  }

  /** Runs with at most this many candidates leave their confidences for a warm start. */
  private static final int STATE_CANDIDATES = 1 << 26;

  /**
   * What a run leaves for a warm start: the last iteration's confidences, and per source the
   * sums that iteration gathered, its claim weight and its claim count.
   */
  static final class State implements WarmStart.PerCandidate {
    final String settings;
    final double[] confidence;
    final double[] sums;
    final double[] weight;
    final int[] claims;
    /** The number of questions with claims. */
    final int questions;

    State(String settings, double[] confidence, double[] sums, double[] weight, int[] claims,
        int questions) {
      this.settings = settings;
      this.confidence = confidence;
      this.sums = sums;
      this.weight = weight;
      this.claims = claims;
      this.questions = questions;
    }

    @Override
    public double[] perCandidate() {
      return confidence;
    }
  }

  /** The settings the confidences depend on. */
  private String confidenceSettings() {
    return dampening + "/" + implicationWeight;
  }

  /**
   * From a warm start, sources the earlier result assessed start from their earlier trust; when
   * the earlier run left its confidences ({@link State}, same γ and ρ), the iteration runs over
   * the new or changed questions alone (see {@link #incremental}).
   */
  @Override
  Estimate estimate(ClaimIndex index, WarmStart start) {
    if (start != null && start.carried != null
        && start.previous.estimate().resume instanceof State
        && ((State) start.previous.estimate().resume).settings.equals(confidenceSettings())) {
      return incremental(index, start, (State) start.previous.estimate().resume);
    }
    Estimate e = new Estimate(index);
    int ns = index.sourceCount();
    int[] claims;
    double[] weight;
    try (Sweep counting = Sweep.open(index, threads, ns)) {
      claims = counting.claimCounts();
    }
    if (index.claimWeight == null) {
      // Sums of ones: the claim counts, exactly.
      weight = new double[ns];
      for (int s = 0; s < ns; s++) {
        weight[s] = claims[s];
      }
    } else {
      weight = FactFinding.claimWeights(index);
    }
    double[] trust = new double[ns];
    java.util.Arrays.fill(trust, initialTrust);
    if (start != null) {
      double[] earlier = start.trust();
      for (int s = 0; s < ns; s++) {
        if (!Double.isNaN(earlier[s])) {
          trust[s] = earlier[s];
        }
      }
    }
    double[] tau = new double[ns];
    // e^(-γ τ(w)) per source: σ's exponential as a product, one multiplication per claim.
    double[] damped = new double[ns];
    // Confidence is computed straight into the estimate's array; σ lives there meanwhile.
    double[] confidence = e.candProb;
    int scratchSize = maxCandidates(index);
    double[] next = new double[ns];
    double[] sums = new double[ns];
    int it = 0;
    boolean converged = false;
    double change = Double.POSITIVE_INFINITY;
    boolean flat = index.claimWeight == null && index.claimDenies == null && !anyImplication(index);
    try (Sweep sweep = Sweep.open(index, threads, ns)) {
      double[][] partial = sweep.partials(ns);
      while (it < maxIterations && !converged) {
        evidence(trust, tau, damped);
        // One task per stripe: score its questions' facts and gather them to the sources.
        sweep.forEach(
            (p, from, to) -> {
              double[] part = partial[p];
              java.util.Arrays.fill(part, 0);
              if (flat) {
                plainScores(index, from, to, damped, confidence);
                FactFinding.gatherQuestions(index, from, to, confidence, part);
                return;
              }
              double[] sigma = new double[scratchSize];
              for (int q = from; q < to; q++) {
                score(index, q, tau, damped, sigma, confidence);
                FactFinding.gatherQuestion(index, q, confidence, part);
              }
            });
        Sweep.reduce(partial, next);
        System.arraycopy(next, 0, sums, 0, ns);
        for (int s = 0; s < ns; s++) {
          next[s] = weight[s] > 0 ? next[s] / weight[s] : trust[s];
        }
        converged = 1 - cosine(trust, next) < tolerance;
        change = FactFinding.maxAbsChange(trust, next);
        double[] t = trust;
        trust = next;
        next = t;
        it++;
        Progress.iteration(it, maxIterations);
      }
    }
    if (index.candidateCount() <= STATE_CANDIDATES) {
      e.resume = new State(confidenceSettings(), e.candProb.clone(), sums, weight, claims,
          questionsWithClaims(index));
    }
    Votes.normalise(index, e.candProb);
    finish(e, trust, claims, it, converged, change);
    return e;
  }

  /** Per source: τ = -ln(1 - t) (trust capped below 1) and e^(-γτ), from the trust t. */
  private void evidence(double[] trust, double[] tau, double[] damped) {
    for (int s = 0; s < trust.length; s++) {
      tau[s] = -Math.log1p(-Math.min(trust[s], MAX_TRUST));
      damped[s] = Math.exp(-dampening * tau[s]);
    }
  }

  private static void finish(
      Estimate e, double[] trust, int[] claims, int it, boolean converged, double change) {
    for (int s = 0; s < trust.length; s++) {
      e.trust[s] = claims[s] > 0 ? trust[s] : FactFinding.NO_EVIDENCE_TRUST;
      e.voteWeight[s] = -Math.log1p(-Math.min(trust[s], MAX_TRUST));
    }
    e.iterations = it;
    e.converged = converged;
    e.finalChange = change;
  }

  private static int questionsWithClaims(ClaimIndex index) {
    int n = 0;
    for (int q = 0; q < index.questionCount(); q++) {
      n += index.questionClaimStart[q + 1] > index.questionClaimStart[q] ? 1 : 0;
    }
    return n;
  }

  /**
   * The warm start from an earlier run's confidences: the known questions (same candidates, same
   * claims) keep the confidences of the earlier run's last iteration, and their shares of the
   * sources' sums are the earlier sums less the shares of the earlier questions that are gone or
   * changed; the iteration then runs over the new or changed questions alone, from the earlier
   * trust, until the trust vector settles (the same criterion as a full run). No pass reads
   * every claim: the known questions' confidences are those the earlier trust gave, not
   * recomputed under the final one.
   */
  private Estimate incremental(ClaimIndex index, WarmStart start, State st) {
    Estimate e = new Estimate(index, start.candProb);
    int ns = index.sourceCount();
    int nq = index.questionCount();
    ClaimIndex old = start.previous.index();
    double[] base = new double[ns];
    double[] weight = new double[ns];
    int[] claims = new int[ns];
    int[] oldToNew = new int[old.sourceCount()];
    java.util.Arrays.fill(oldToNew, -1);
    for (int s = 0; s < ns; s++) {
      int o = start.sourceMap[s];
      if (o >= 0) {
        oldToNew[o] = s;
        base[s] = st.sums[o];
        weight[s] = st.weight[o];
        claims[s] = st.claims[o];
      }
    }
    int[] fresh = start.fresh;
    int nf = fresh.length;
    if (nq - nf != st.questions) {
      // Take away what the earlier questions that are gone or changed gave their sources.
      double[] one = new double[old.sourceCount()];
      for (int o = 0; o < old.questionCount(); o++) {
        if (start.oldKnown[o] || old.questionClaimStart[o] == old.questionClaimStart[o + 1]) {
          continue;
        }
        FactFinding.gatherQuestion(old, o, st.confidence, one);
        for (int i = old.questionClaimStart[o]; i < old.questionClaimStart[o + 1]; i++) {
          int s = oldToNew[old.claimSource[i]];
          if (s >= 0) {
            base[s] -= one[old.claimSource[i]];
            weight[s] -= old.weight(i);
            claims[s]--;
          }
          one[old.claimSource[i]] = 0; // a source's share once, however many claims it made
        }
      }
      for (int s = 0; s < ns; s++) {
        if (claims[s] == 0) {
          base[s] = 0;
          weight[s] = 0;
        }
      }
    }
    double[] raw = start.carried;
    for (int f = 0; f < nf; f++) {
      int q = fresh[f];
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        weight[index.claimSource[i]] += index.weight(i);
        claims[index.claimSource[i]]++;
      }
    }
    double[] trust = new double[ns];
    java.util.Arrays.fill(trust, initialTrust);
    for (int s = 0; s < ns; s++) {
      int o = start.sourceMap[s];
      // The earlier trust of sources that had claims (the state counted them).
      if (o >= 0 && st.claims[o] > 0) {
        trust[s] = start.previous.trust(o);
      }
    }
    double[] tau = new double[ns];
    double[] damped = new double[ns];
    double[] gathered = new double[ns];
    double[] sums = new double[ns];
    double[] next = new double[ns];
    double[] sigma = new double[maxCandidates(index)];
    int it = 0;
    boolean converged = false;
    double change = Double.POSITIVE_INFINITY;
    while (it < maxIterations && !converged) {
      evidence(trust, tau, damped);
      java.util.Arrays.fill(gathered, 0);
      for (int f = 0; f < nf; f++) {
        score(index, fresh[f], tau, damped, sigma, raw);
        FactFinding.gatherQuestion(index, fresh[f], raw, gathered);
      }
      for (int s = 0; s < ns; s++) {
        sums[s] = base[s] + gathered[s];
        next[s] = weight[s] > 0 ? sums[s] / weight[s] : trust[s];
      }
      converged = 1 - cosine(trust, next) < tolerance;
      change = FactFinding.maxAbsChange(trust, next);
      double[] t = trust;
      trust = next;
      next = t;
      it++;
      Progress.iteration(it, maxIterations);
    }
    e.resume = new State(confidenceSettings(), raw, sums, weight, claims, questionsWithClaims(index));
    // The known questions' probabilities are the earlier ones; the others from their confidences.
    for (int f = 0; f < nf; f++) {
      int q = fresh[f];
      int cf = index.questionCandStart[q];
      System.arraycopy(raw, cf, e.candProb, cf, index.questionCandStart[q + 1] - cf);
      Votes.normaliseQuestion(index, q, e.candProb);
    }
    finish(e, trust, claims, it, converged, change);
    return e;
  }

  private static int maxCandidates(ClaimIndex index) {
    if (index.sharedLabels != null) {
      return Math.max(1, index.sharedLabels.length);
    }
    int m = 1;
    for (int q = 0; q < index.questionCount(); q++) {
      m = Math.max(m, index.candidateCount(q));
    }
    return m;
  }

  /** Whether some question is of a type whose candidates imply each other. */
  private boolean anyImplication(ClaimIndex index) {
    if (implicationWeight == 0) {
      return false;
    }
    for (int q = 0; q < index.questionCount(); q++) {
      ValueType type = index.typeOf(q);
      if (type == ValueType.QUANTITY || type == ValueType.DATE_TIME) {
        return true;
      }
    }
    return false;
  }

  /**
   * The confidences of the questions [from, to) of plain claims without implication, in flat
   * loops: s(f) = 1 / (1 + e^(-γ σ(f))) with e^(-γ σ(f)) the product of its providers' e^(-γ
   * τ), multiplied in claim order as {@link #score} does question by question.
   */
  private static void plainScores(
      ClaimIndex index, int from, int to, double[] damped, double[] confidence) {
    int cf = index.questionCandStart[from];
    int ct = index.questionCandStart[to];
    java.util.Arrays.fill(confidence, cf, ct, 1);
    int[] src = index.claimSource;
    int[] cand = index.claimCand;
    int end = index.questionClaimStart[to];
    for (int i = index.questionClaimStart[from]; i < end; i++) {
      confidence[cand[i]] *= damped[src[i]];
    }
    for (int c = cf; c < ct; c++) {
      confidence[c] = 1 / (1 + confidence[c]);
    }
  }

  /**
   * From τ per source, computes σ of question q's candidates (into {@code sigma}, by position)
   * and their confidence s.
   */
  private void score(
      ClaimIndex index,
      int q,
      double[] tau,
      double[] damped,
      double[] sigma,
      double[] confidence) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    ValueType type = index.typeOf(q);
    boolean implies =
        implicationWeight > 0
            && to - from > 1
            && (type == ValueType.QUANTITY || type == ValueType.DATE_TIME);
    if (!implies && index.claimWeight == null && index.claimDenies == null) {
      // s(f) = 1 / (1 + e^(-γ σ(f))) with e^(-γ σ(f)) the product of its providers' e^(-γ τ).
      java.util.Arrays.fill(confidence, from, to, 1);
      int[] src = index.claimSource;
      int[] cand = index.claimCand;
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        confidence[cand[i]] *= damped[src[i]];
      }
      for (int c = from; c < to; c++) {
        confidence[c] = 1 / (1 + confidence[c]);
      }
      return;
    }
    java.util.Arrays.fill(confidence, from, to, 0);
    Votes.tallyQuestion(index, q, tau, confidence);
    System.arraycopy(confidence, from, sigma, 0, to - from);
    for (int c = from; c < to; c++) {
      double adjusted = sigma[c - from];
      if (implies) {
        double lent = 0;
        for (int o = from; o < to; o++) {
          if (o != c && sigma[o - from] != 0) {
            lent += sigma[o - from] * implication(index.candValue[o], index.candValue[c]);
          }
        }
        adjusted += implicationWeight * lent;
      }
      confidence[c] = 1 / (1 + Math.exp(-dampening * adjusted));
    }
  }

  /** imp(from → to) = sim(from, to) - base similarity; see the class comment. */
  static double implication(Value from, Value to) {
    if (from.compatibleWith(to)) {
      return 1 - BASE_SIMILARITY;
    }
    if (from instanceof Quantity && to instanceof Quantity) {
      Quantity a = (Quantity) from;
      Quantity b = (Quantity) to;
      double gap = a.distanceTo(b);
      double magnitude = Math.max(Math.abs(a.representative()), Math.abs(b.representative()));
      double similarity = gap == 0 ? 1 : magnitude > 0 ? Math.exp(-gap / magnitude) : 0;
      return similarity - BASE_SIMILARITY;
    }
    return 0;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return na == nb ? 1 : 0;
    }
    return dot / Math.sqrt(na * nb);
  }
}
