package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Verify;
import com.google.common.collect.ImmutableList;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer for a case: a {@link Verdict} per question, a {@link SourceAssessment} per
 * source, and the {@link Provenance} of the run.
 *
 * <p>A reconciliation keeps the compiled claim index and the algorithm's raw estimates, and builds
 * verdicts and assessments when asked, so that a result over millions of questions costs no more
 * memory than its arrays. The bulk accessors ({@link #confidence(int)}, {@link #trust(int)}, …)
 * read those arrays directly. Questions and sources are numbered as in the {@link ClaimIndex}:
 * ids in sorted order. Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(myCase);
 * Verdict fire = r.verdict("fire-indiscriminate");
 * SourceAssessment police = r.assessment("police");
 * System.out.println(r.provenance().algorithm() + ", converged: " + r.provenance().converged());
 * // At scale, read the arrays instead of building a verdict per question.
 * for (int q = 0; q < r.questionCount(); q++) {
 *   System.out.println(r.index().questionId(q) + " " + r.leadingValue(q).orElse(null)
 *       + " " + r.confidence(q) + " " + r.status(q));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Reconciliation {
  private final ClaimIndex index;
  private final Estimate estimate;
  private final Provenance provenance;
  private final VerdictPolicy policy;
  /** Claims per source, counted when an assessment first needs them. */
  private volatile int[] claimsPerSource;

  private Reconciliation(
      ClaimIndex index, Estimate estimate, Provenance provenance, VerdictPolicy policy,
      int[] claimsPerSource) {
    this.index = index;
    this.estimate = estimate;
    this.provenance = provenance;
    this.policy = policy;
    this.claimsPerSource = claimsPerSource;
  }

  static Reconciliation of(
      ClaimIndex index, Estimate estimate, String algorithm, java.util.Map<String, String> settings) {
    normalise(index, estimate, algorithm);
    Provenance provenance =
        Provenance.builder()
            .algorithm(algorithm)
            .settings(com.google.common.collect.ImmutableSortedMap.copyOf(settings))
            .iterations(estimate.iterations)
            .converged(estimate.converged)
            .finalChange(Double.isFinite(estimate.finalChange) ? estimate.finalChange : 0)
            .inputs(
                com.google.common.collect.ImmutableSortedMap.of(
                    "claims", index.claimCount(),
                    "questions", index.questionCount(),
                    "sources", index.sourceCount()))
            .build();
    return new Reconciliation(index, estimate, provenance, VerdictPolicy.defaults(), null);
  }

  /** Claims per source (a race computes the same array twice at worst). */
  private int[] claimsPerSource() {
    int[] n = claimsPerSource;
    if (n == null) {
      n = FactFinding.claimCounts(index);
      claimsPerSource = n;
    }
    return n;
  }

  /** Makes each question's probabilities sum to exactly what they should, and checks for NaN. */
  private static void normalise(ClaimIndex index, Estimate e, String algorithm) {
    int nq = index.questionCount();
    boolean pairs = index.sharedLabels != null && index.sharedLabels.length == 2;
    if (nq < NORMALISE_BLOCK) {
      normalise(index, e, algorithm, 0, nq, pairs);
    } else {
      // Each question on its own, so blocks on all processors give the same numbers.
      int blocks = (nq + NORMALISE_BLOCK - 1) / NORMALISE_BLOCK;
      try (Parallel pool = Parallel.open(Parallel.ALL_PROCESSORS)) {
        pool.forEach(
            blocks,
            b -> normalise(index, e, algorithm, b * NORMALISE_BLOCK,
                Math.min(nq, (b + 1) * NORMALISE_BLOCK), pairs));
      }
    }
    checkSources(index, e, algorithm);
  }

  /** Questions per block of {@link #normalise}. */
  private static final int NORMALISE_BLOCK = 1 << 16;

  /** {@link #normaliseQuestion} of questions [from, to). */
  private static void normalise(
      ClaimIndex index, Estimate e, String algorithm, int from, int to, boolean pairs) {
    if (pairs) {
      normalisePairs(index, e, algorithm, 2 * from, 2 * to);
    } else {
      for (int q = from; q < to; q++) {
        normaliseQuestion(index, e, algorithm, q);
      }
    }
  }

  /**
   * {@link #normaliseQuestion} of the candidates [from, to) of questions of two candidates each,
   * without inner loops.
   */
  private static void normalisePairs(
      ClaimIndex index, Estimate e, String algorithm, int from, int to) {
    double[] p = e.candProb;
    for (int c = from; c < to; c += 2) {
      double a = p[c];
      double b = p[c + 1];
      if (!(a >= 0 && Double.isFinite(a) && b >= 0 && Double.isFinite(b))) {
        normaliseQuestion(index, e, algorithm, c / 2); // fails, naming the question
      }
      double sum = a + b;
      p[c] = sum > 0 ? a / sum : 0.5;
      p[c + 1] = sum > 0 ? b / sum : 0.5;
    }
  }

  /** Question q's probabilities scaled to sum to 1 (uniform if they are all 0). */
  private static void normaliseQuestion(ClaimIndex index, Estimate e, String algorithm, int q) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    double sum = 0;
    for (int c = from; c < to; c++) {
      double p = e.candProb[c];
      if (!(p >= 0 && Double.isFinite(p))) {
        // Ids are built only on failure: numbered ids cost a String each.
        Verify.verify(false, "%s produced probability %s for question '%s'", algorithm, p,
            index.questionId(q));
      }
      sum += p;
    }
    for (int c = from; c < to; c++) {
      e.candProb[c] = sum > 0 ? e.candProb[c] / sum : 1.0 / (to - from);
    }
  }

  /** Checks every source's trust and vote weight. */
  private static void checkSources(ClaimIndex index, Estimate e, String algorithm) {
    for (int s = 0; s < e.trust.length; s++) {
      if (!(e.trust[s] >= 0 && e.trust[s] <= 1)) {
        Verify.verify(false, "%s produced trust %s for source '%s'", algorithm, e.trust[s],
            index.sourceId(s));
      }
      if (!Double.isFinite(e.voteWeight[s])) {
        Verify.verify(false, "%s produced vote weight %s for source '%s'", algorithm,
            e.voteWeight[s], index.sourceId(s));
      }
    }
  }

  /**
   * A reconciliation sharing this one's index and policy, with calibrated estimates: the
   * candidates of question q and its unclaimed remainder sum to 1.
   *
   * @param calibrated the calibrated estimates
   * @param calibration how they were calibrated, recorded as the setting {@code calibration}
   */
  Reconciliation withCalibrated(Estimate calibrated, String calibration) {
    for (int q = 0; q < index.questionCount(); q++) {
      int from = index.questionCandStart[q];
      int to = index.questionCandStart[q + 1];
      double sum = calibrated.unclaimed == null ? 0 : calibrated.unclaimed[q];
      for (int c = from; c < to; c++) {
        double p = calibrated.candProb[c];
        Verify.verify(
            p >= 0 && p <= 1 + 1e-12,
            "calibration produced probability %s for question '%s'",
            p,
            index.questionId(q));
        sum += p;
      }
      Verify.verify(
          from == to || Math.abs(sum - 1) < 1e-9,
          "calibrated probabilities of question '%s' sum to %s",
          index.questionId(q),
          sum);
    }
    java.util.TreeMap<String, String> settings = new java.util.TreeMap<>(provenance.settings());
    settings.put("calibration", calibration);
    Provenance p =
        Provenance.builder()
            .algorithm(provenance.algorithm())
            .settings(com.google.common.collect.ImmutableSortedMap.copyOf(settings))
            .iterations(provenance.iterations())
            .converged(provenance.converged())
            .finalChange(provenance.finalChange())
            .libraryVersion(provenance.libraryVersion())
            .inputs(provenance.inputs())
            .build();
    return new Reconciliation(index, calibrated, p, policy, claimsPerSource);
  }

  /** The raw estimates behind this result (read-only by convention). */
  Estimate estimate() {
    return estimate;
  }

  /**
   * Returns the same reconciliation judged by another verdict policy.
   *
   * @param newPolicy the policy
   * @return a reconciliation sharing this one's estimates
   */
  public Reconciliation withPolicy(VerdictPolicy newPolicy) {
    return new Reconciliation(
        index, estimate, provenance, checkNotNull(newPolicy, "policy"), claimsPerSource);
  }

  /**
   * The policy that decides each verdict's status.
   *
   * @return the policy
   */
  public VerdictPolicy policy() {
    return policy;
  }

  /**
   * How this result was produced.
   *
   * @return the provenance
   */
  public Provenance provenance() {
    return provenance;
  }

  /**
   * The compiled claim index that was reconciled.
   *
   * @return the index
   */
  public ClaimIndex index() {
    return index;
  }

  /**
   * The number of questions.
   *
   * @return the question count
   */
  public int questionCount() {
    return index.questionCount();
  }

  /**
   * The number of sources.
   *
   * @return the source count
   */
  public int sourceCount() {
    return index.sourceCount();
  }

  /**
   * The verdict on every question, in question-id order. Builds every verdict with its
   * explanation: for millions of questions prefer {@link #verdict(int)} or the bulk accessors.
   *
   * @return the verdicts
   */
  public ImmutableList<Verdict> verdicts() {
    ImmutableList.Builder<Verdict> b = ImmutableList.builderWithExpectedSize(questionCount());
    for (int q = 0; q < questionCount(); q++) {
      b.add(verdict(q));
    }
    return b.build();
  }

  /**
   * The verdict on one question.
   *
   * @param questionId a question id
   * @return the verdict
   * @throws IllegalArgumentException if the case has no such question
   */
  public Verdict verdict(String questionId) {
    int q = index.questionNumber(checkNotNull(questionId, "questionId"));
    checkArgument(q >= 0, "no question '%s' in this reconciliation", questionId);
    return verdict(q);
  }

  /**
   * The verdict on question number {@code q}.
   *
   * @param q a question number, {@code 0 <= q < questionCount()}
   * @return the verdict
   */
  public Verdict verdict(int q) {
    checkElementIndex(q, questionCount(), "question");
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    int claimFrom = index.questionClaimStart[q];
    int claimTo = index.questionClaimStart[q + 1];
    int[] affirming = new int[to - from];
    for (int i = claimFrom; i < claimTo; i++) {
      if (!index.denies(i)) {
        affirming[index.claimCand[i] - from]++;
      }
    }
    List<CandidateScore> scores = new ArrayList<>(to - from);
    Integer[] order = order(q);
    for (int c : order) {
      scores.add(
          CandidateScore.of(index.candValue[c], estimate.candProb[c], affirming[c - from]));
    }
    Optional<Value> value = leadingValue(q);
    double confidence = confidence(q);
    double margin = margin(q);
    StringBuilder reason = new StringBuilder();
    VerdictStatus status = policy.classify(claimTo - claimFrom, weight(q), margin, reason);
    return Verdict.builder()
        .question(index.questionId(q))
        .addAllCandidates(scores)
        .value(value)
        .confidence(confidence)
        .margin(margin)
        .status(status)
        .reason(reason.toString())
        .claims(claimTo - claimFrom)
        .addAllExplanation(explain(q, value))
        .corroboration(corroborate(q, value))
        .build();
  }

  /** The total weight of the claims about question {@code q}. */
  private double weight(int q) {
    double w = 0;
    for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
      w += index.weight(i);
    }
    return w;
  }

  private Integer[] order(int q) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    Integer[] order = new Integer[to - from];
    for (int c = from; c < to; c++) {
      order[c - from] = c;
    }
    // Most probable first; ties keep canonical candidate order.
    java.util.Arrays.sort(
        order,
        Comparator.comparingDouble((Integer c) -> -estimate.candProb[c])
            .thenComparingInt(this::tieRank));
    return order;
  }

  private int top(int q) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    int best = -1;
    for (int c = from; c < to; c++) {
      if (best < 0
          || estimate.candProb[c] > estimate.candProb[best]
          || (estimate.candProb[c] == estimate.candProb[best] && tieRank(c) < tieRank(best))) {
        best = c;
      }
    }
    return best;
  }

  private int tieRank(int c) {
    return estimate.tieRank == null ? c : estimate.tieRank[c];
  }

  /**
   * The leading value of question {@code q}: the most probable candidate, or the point estimate
   * of a quantity estimator.
   *
   * @param q a question number
   * @return the value; empty when the question has no claims
   */
  public Optional<Value> leadingValue(int q) {
    checkElementIndex(q, questionCount(), "question");
    if (index.questionClaimStart[q] == index.questionClaimStart[q + 1]) {
      return Optional.empty();
    }
    if (estimate.pointEstimate != null && estimate.pointEstimate[q] != null) {
      return Optional.of(estimate.pointEstimate[q]);
    }
    int best = top(q);
    return best < 0 ? Optional.empty() : Optional.of(index.candValue[best]);
  }

  /**
   * The probability of question {@code q}'s leading value (for a point estimate: the total
   * probability of the candidates compatible with it).
   *
   * @param q a question number
   * @return a probability; 0 when the question has no claims
   */
  public double confidence(int q) {
    Optional<Value> lead = leadingValue(q);
    if (lead.isEmpty()) {
      return 0;
    }
    if (estimate.pointEstimate != null && estimate.pointEstimate[q] != null) {
      double p = 0;
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        if (index.candValue[c].compatibleWith(lead.get())) {
          p += estimate.candProb[c];
        }
      }
      return Math.min(1, p);
    }
    return estimate.candProb[top(q)];
  }

  private double margin(int q) {
    Optional<Value> lead = leadingValue(q);
    if (lead.isEmpty()) {
      return 0;
    }
    double first = confidence(q);
    double second = 0;
    int best = top(q);
    boolean point = estimate.pointEstimate != null && estimate.pointEstimate[q] != null;
    for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
      boolean rival = point ? !index.candValue[c].compatibleWith(lead.get()) : c != best;
      if (rival) {
        second = Math.max(second, estimate.candProb[c]);
      }
    }
    return Math.max(0, first - second);
  }

  /**
   * The status of question {@code q}'s verdict under the current policy.
   *
   * @param q a question number
   * @return the status
   */
  public VerdictStatus status(int q) {
    int claims = index.questionClaimStart[q + 1] - index.questionClaimStart[q];
    return policy.classify(claims, weight(q), margin(q), null);
  }

  /**
   * The probability that the truth of question {@code q} is a value that none of its candidates
   * holds: 0 unless a {@link Calibrator} moved probability there, which it does only for a
   * question with a single claimed value and an open domain. The candidates' probabilities and
   * this remainder sum to 1.
   *
   * @param q a question number
   * @return a probability in [0, 1]
   */
  public double unclaimedProbability(int q) {
    checkElementIndex(q, questionCount(), "question");
    return estimate.unclaimed == null ? 0 : estimate.unclaimed[q];
  }

  /**
   * The probability of candidate {@code candidate} of question {@code q}, in the order of {@link
   * ClaimIndex#candidates(int)}.
   *
   * @param q a question number
   * @param candidate a candidate position within the question
   * @return the probability
   */
  public double probability(int q, int candidate) {
    checkElementIndex(q, questionCount(), "question");
    checkElementIndex(candidate, index.candidateCount(q), "candidate");
    return estimate.candProb[index.questionCandStart[q] + candidate];
  }

  private ImmutableList<Contribution> explain(int q, Optional<Value> lead) {
    if (lead.isEmpty()) {
      return ImmutableList.of();
    }
    List<Contribution> out = new ArrayList<>();
    for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
      int s = index.claimSource[i];
      Value v = index.candValue[index.claimCand[i]];
      boolean denies = index.denies(i);
      boolean agrees = v.compatibleWith(lead.get()) != denies;
      double w = estimate.voteWeight[s] * index.weight(i);
      Claim origin = index.claimOrigin == null ? null : index.claimOrigin[i];
      Stance stance = denies ? Stance.DENIES : Stance.AFFIRMS;
      if (origin != null && origin.stance() == Stance.DENIES && !denies) {
        // A denied truth value compiled as its negation: report it as the source said it.
        stance = Stance.DENIES;
        v = origin.value();
      }
      Contribution.Builder b =
          Contribution.builder()
              .source(index.sourceId(s))
              .value(v)
              .stance(stance)
              .weight(agrees ? Math.abs(w) : -Math.abs(w));
      if (origin != null) {
        b.claim(origin.id());
        b.addAllNotes(index.claimNotes.getOrDefault(origin.id(), ImmutableList.of()));
      }
      out.add(b.build());
    }
    out.sort(
        Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight()))
            .thenComparing(Contribution::source)
            .thenComparing(c -> c.value().canonical())
            .thenComparing(c -> c.claim().orElse("")));
    return ImmutableList.copyOf(out);
  }

  /**
   * The corroboration of question {@code q}'s leading value, without building the rest of the
   * verdict: what {@code verdict(q).corroboration()} returns.
   *
   * @param q a question number
   * @return the corroboration; all zero and empty when the question has no claims
   */
  public Corroboration corroboration(int q) {
    checkElementIndex(q, questionCount(), "question");
    Optional<Value> lead = leadingValue(q);
    return index.origin == null ? corroborateRaw(q, lead) : corroborate(q, lead);
  }

  /**
   * Corroboration in an index without a case: no affiliations, so every source is one line.
   * Counts source numbers rather than collecting ids, for indexes of millions of claims.
   */
  private Corroboration corroborateRaw(int q, Optional<Value> lead) {
    int from = index.questionClaimStart[q];
    int n = index.questionClaimStart[q + 1] - from;
    int[] pro = new int[n];
    int[] con = new int[n];
    int pros = 0;
    int cons = 0;
    if (lead.isPresent()) {
      for (int i = from; i < from + n; i++) {
        Value v = index.candValue[index.claimCand[i]];
        if (v.compatibleWith(lead.get()) != index.denies(i)) {
          pro[pros++] = index.claimSource[i];
        } else {
          con[cons++] = index.claimSource[i];
        }
      }
    }
    int sourcesFor = distinct(pro, pros);
    int sourcesAgainst = distinct(con, cons);
    return Corroboration.builder()
        .sourcesFor(sourcesFor)
        .sourcesAgainst(sourcesAgainst)
        .linesFor(sourcesFor)
        .linesAgainst(sourcesAgainst)
        .blocsFor(com.google.common.collect.ImmutableSortedSet.of())
        .blocsAgainst(com.google.common.collect.ImmutableSortedSet.of())
        .build();
  }

  /** The number of distinct values among {@code a[0, n)}, which it sorts. */
  private static int distinct(int[] a, int n) {
    java.util.Arrays.sort(a, 0, n);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
        d++;
      }
    }
    return d;
  }

  private Corroboration corroborate(int q, Optional<Value> lead) {
    java.util.TreeSet<String> forIds = new java.util.TreeSet<>();
    java.util.TreeSet<String> againstIds = new java.util.TreeSet<>();
    if (lead.isPresent()) {
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        Value v = index.candValue[index.claimCand[i]];
        boolean agrees = v.compatibleWith(lead.get()) != index.denies(i);
        (agrees ? forIds : againstIds).add(index.sourceId(index.claimSource[i]));
      }
    }
    // A source on both sides (different claims) counts on both: it contradicted itself.
    return Corroboration.builder()
        .sourcesFor(forIds.size())
        .sourcesAgainst(againstIds.size())
        .linesFor(Blocs.lines(affiliations(forIds), index.model.blocCorrelation()))
        .linesAgainst(Blocs.lines(affiliations(againstIds), index.model.blocCorrelation()))
        .blocsFor(blocs(forIds))
        .blocsAgainst(blocs(againstIds))
        .build();
  }

  private List<java.util.Set<String>> affiliations(java.util.Collection<String> sources) {
    List<java.util.Set<String>> out = new ArrayList<>();
    for (String s : sources) {
      out.add(
          index.origin == null
              ? com.google.common.collect.ImmutableSet.of()
              : index.origin.source(s).map(io.github.rashomon.model.Source::affiliations)
                  .orElse(com.google.common.collect.ImmutableSet.of()));
    }
    return out;
  }

  private com.google.common.collect.ImmutableSortedSet<String> blocs(
      java.util.Collection<String> sources) {
    com.google.common.collect.ImmutableSortedSet.Builder<String> b =
        com.google.common.collect.ImmutableSortedSet.naturalOrder();
    for (java.util.Set<String> a : affiliations(sources)) {
      b.addAll(a);
    }
    return b.build();
  }

  /**
   * The assessment of every source, in source-id order.
   *
   * @return the assessments
   */
  public ImmutableList<SourceAssessment> assessments() {
    ImmutableList.Builder<SourceAssessment> b = ImmutableList.builder();
    for (int s = 0; s < sourceCount(); s++) {
      b.add(assessment(s));
    }
    return b.build();
  }

  /**
   * The assessment of one source.
   *
   * @param sourceId a source id
   * @return the assessment
   * @throws IllegalArgumentException if the case has no such source
   */
  public SourceAssessment assessment(String sourceId) {
    int s = index.sourceNumber(checkNotNull(sourceId, "sourceId"));
    checkArgument(s >= 0, "no source '%s' in this reconciliation", sourceId);
    return assessment(s);
  }

  /**
   * The assessment of source number {@code s}.
   *
   * @param s a source number
   * @return the assessment
   */
  public SourceAssessment assessment(int s) {
    checkElementIndex(s, sourceCount(), "source");
    double t = estimate.trust[s];
    int n = claimsPerSource()[s];
    SourceAssessment.Builder b =
        SourceAssessment.builder()
            .source(index.sourceId(s))
            .trust(t)
            .claims(n)
            .credibility(Credibility.fromEvidence(t * n, (1 - t) * n, 0.5));
    if (estimate.confusion != null && estimate.confusion[s] != null) {
      b.confusion(estimate.confusion[s]);
    }
    if (estimate.dependence != null) {
      b.putAllDependence(estimate.dependence.get(s));
    }
    return b.build();
  }

  /**
   * The estimated trust of source number {@code s}.
   *
   * @param s a source number
   * @return a probability in [0, 1]
   */
  public double trust(int s) {
    checkElementIndex(s, sourceCount(), "source");
    return estimate.trust[s];
  }
}
