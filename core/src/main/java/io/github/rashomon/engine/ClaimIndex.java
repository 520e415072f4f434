package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case compiled into columns of primitive arrays: the form every algorithm iterates over.
 *
 * <p>Sources, questions and each question's candidate values are numbered densely in a canonical
 * order (ids sorted as strings; candidates sorted by value), and claims are grouped by question,
 * then ordered by source and candidate. The index of a case is therefore the same whatever order
 * the case listed its elements in, which is what makes every algorithm's output independent of
 * input order.
 *
 * <p>Per claim the index keeps the source number, the candidate number and, only when some claim
 * needs it, a weight and a denial flag: 8 bytes per claim in the common case. Build one from a
 * {@link Case} with {@link #of(Case)}, stream raw triples into a {@link #builder()} when the
 * data is too large for domain objects, or, for crowd labels with integer ids, compile arrays
 * with {@link #ofLabels ofLabels} (no per-id strings: about 11 bytes per claim in all with 5
 * claims and 2 labels per question); {@link Synthetic} generates such indexes.
 *
 * <pre>{@code
 * ClaimIndex weighed = ClaimIndex.of(myCase); // every claim weighed by the testimony model
 * ClaimIndex raw = ClaimIndex.builder()
 *     .add("worker-1", "task-1", "cat").add("worker-2", "task-1", "dog")
 *     .add("worker-1", "task-2", "dog").build();
 * int q = raw.questionNumber("task-1");
 * System.out.println(raw.candidates(q) + " from " + raw.sourceCount() + " sources");
 * // Two workers give label "1" to one task, from arrays of numbers.
 * ClaimIndex labels = ClaimIndex.ofLabels(2, 1, List.of("0", "1"),
 *     new int[] {0, 1}, new int[] {0, 0}, new int[] {1, 1});
 * }</pre>
 *
 * @since 0.1
 */
public final class ClaimIndex {
  /** Source ids in sorted order; read them with {@link #sourceId(int)}. */
  final Ids sourceIds;
  /** Prior credibility of each source, or null where none was given. */
  final Credibility[] sourcePrior;

  /** Question ids in sorted order; read them with {@link #questionId(int)}. */
  final Ids questionIds;
  /** Per question: its value type; null when every question has {@link #uniformType}. */
  final ValueType[] questionType;
  /** The type of every question when {@link #questionType} is null. */
  private final ValueType uniformType;
  /** Claims of question q are [questionClaimStart[q], questionClaimStart[q + 1]). */
  final int[] questionClaimStart;
  /** Candidates of question q are [questionCandStart[q], questionCandStart[q + 1]). */
  final int[] questionCandStart;

  final Value[] candValue;
  /**
   * When every question has the same candidates, these values in this order (candidate c of
   * question q is {@code sharedLabels[c - questionCandStart[q]]}); otherwise null.
   */
  final Value[] sharedLabels;
  /** Candidate -> its question, or null until first asked for ({@link #candQuestion()}). */
  volatile int[] candQuestion;
  /**
   * Candidate -> position in the input of the first claim naming it (for first-seen ties), or
   * null until first asked for in an index whose input order is its claim order.
   */
  private volatile int[] candFirstSeen;

  final int[] claimSource;
  final int[] claimCand;
  /** Per-claim weight, or null when every claim weighs 1. */
  final double[] claimWeight;
  /** Per-claim denial flag, or null when no claim denies. */
  final boolean[] claimDenies;
  /** The domain claim behind each index claim, or null for an index built from raw triples. */
  final Claim[] claimOrigin;
  /** The case this index was compiled from, or null. */
  final Case origin;
  /** The testimony model the weights came from ({@link TestimonyModel#neutral()} for raw data). */
  final TestimonyModel model;
  /** Per claim id: how its weight was formed; empty for raw data. */
  final ImmutableMap<String, ImmutableList<String>> claimNotes;

  private ClaimIndex(
      Ids sourceIds,
      Credibility[] sourcePrior,
      Ids questionIds,
      ValueType[] questionType,
      ValueType uniformType,
      int[] questionClaimStart,
      int[] questionCandStart,
      Value[] candValue,
      Value[] sharedLabels,
      int[] candQuestion,
      int[] candFirstSeen,
      int[] claimSource,
      int[] claimCand,
      double[] claimWeight,
      boolean[] claimDenies,
      Claim[] claimOrigin,
      Case origin) {
    this.sourceIds = sourceIds;
    this.sourcePrior = sourcePrior;
    this.questionIds = questionIds;
    this.questionType = questionType;
    this.uniformType = uniformType;
    this.questionClaimStart = questionClaimStart;
    this.questionCandStart = questionCandStart;
    this.candValue = candValue;
    this.sharedLabels = sharedLabels;
    this.candQuestion = candQuestion;
    this.candFirstSeen = candFirstSeen;
    this.claimSource = claimSource;
    this.claimCand = claimCand;
    this.claimWeight = claimWeight;
    this.claimDenies = claimDenies;
    this.claimOrigin = claimOrigin;
    this.origin = origin;
    this.model = TestimonyModel.neutral();
    this.claimNotes = ImmutableMap.of();
  }

  private ClaimIndex(ClaimIndex raw, TestimonyModel model,
      ImmutableMap<String, ImmutableList<String>> claimNotes) {
    this.sourceIds = raw.sourceIds;
    this.sourcePrior = raw.sourcePrior;
    this.questionIds = raw.questionIds;
    this.questionType = raw.questionType;
    this.uniformType = raw.uniformType;
    this.questionClaimStart = raw.questionClaimStart;
    this.questionCandStart = raw.questionCandStart;
    this.candValue = raw.candValue;
    this.sharedLabels = raw.sharedLabels;
    this.candQuestion = raw.candQuestion;
    this.candFirstSeen = raw.candFirstSeen;
    this.claimSource = raw.claimSource;
    this.claimCand = raw.claimCand;
    this.claimWeight = raw.claimWeight;
    this.claimDenies = raw.claimDenies;
    this.claimOrigin = raw.claimOrigin;
    this.origin = raw.origin;
    this.model = model;
    this.claimNotes = claimNotes;
  }

  /**
   * Compiles a case with the {@linkplain TestimonyModel#defaults() default testimony model}.
   *
   * @param c the case
   * @return the index
   * @see #of(Case, TestimonyModel)
   */
  public static ClaimIndex of(Case c) {
    return of(c, TestimonyModel.defaults());
  }

  /**
   * Compiles a case, weighing each claim by the testimony model: its qualifiers, its relays, and
   * its dependence on other claims for the same value.
   *
   * <p>Every option of a closed categorical question and both truth values of a boolean question
   * become candidates, claimed or not. A denial of a boolean value is compiled as an affirmation
   * of its negation (the two are the same statement); other denials are kept as denials, which
   * each algorithm documents how it reads.
   *
   * @param c the case
   * @param model how qualifiers, relays and shared affiliations weigh
   * @return the index
   */
  public static ClaimIndex of(Case c, TestimonyModel model) {
    checkNotNull(c, "case");
    checkNotNull(model, "model");
    Builder b = new Builder(c.claims().size());
    for (Source s : c.sources()) {
      b.source(s.id());
      s.prior().ifPresent(p -> b.sourcePrior(s.id(), p));
    }
    for (Question q : c.questions()) {
      b.question(q.id(), q.domain().type());
      if (q.domain().type() == ValueType.BOOLEAN) {
        b.candidate(q.id(), Truth.FALSE);
        b.candidate(q.id(), Truth.TRUE);
      } else if (!q.domain().isOpen() && q.domain().type() == ValueType.CATEGORICAL) {
        for (String option : q.domain().options()) {
          b.candidate(q.id(), io.github.rashomon.model.Category.of(option));
        }
      }
    }
    int n = c.claims().size();
    Value[] values = new Value[n];
    boolean[] denies = new boolean[n];
    double[] weights = new double[n];
    Map<String, ImmutableList<String>> notes = new HashMap<>();
    // Claims for the same value of the same question, by (question, stance, value).
    Map<String, List<Integer>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      Claim claim = c.claims().get(i);
      Value v = claim.value();
      boolean deny = claim.stance() == Stance.DENIES;
      if (deny && v instanceof Truth) {
        v = ((Truth) v).not();
        deny = false;
      }
      values[i] = v;
      denies[i] = deny;
      List<String> why = new ArrayList<>();
      weights[i] = model.qualifierWeight(claim, c::source, why);
      notes.put(claim.id(), ImmutableList.copyOf(why));
      groups
          .computeIfAbsent(
              claim.question() + '\u0000' + deny + '\u0000' + v.type() + '\u0000' + v.canonical(),
              k -> new ArrayList<>())
          .add(i);
    }
    for (List<Integer> group : groups.values()) {
      discountDependence(c, model, group, weights, notes);
    }
    for (int i = 0; i < n; i++) {
      Claim claim = c.claims().get(i);
      b.addClaim(claim.source(), claim.question(), values[i], weights[i], denies[i], claim);
    }
    ClaimIndex index = b.build(c);
    return new ClaimIndex(index, model, ImmutableMap.copyOf(notes));
  }

  /**
   * Within one group of claims for the same value: several claims from one origin share one
   * origin's weight, and origins sharing a bloc count as Kish's effective number of lines.
   */
  private static void discountDependence(
      Case c,
      TestimonyModel model,
      List<Integer> group,
      double[] weights,
      Map<String, ImmutableList<String>> notes) {
    Map<String, List<Integer>> byOrigin = new java.util.TreeMap<>();
    for (int i : group) {
      byOrigin.computeIfAbsent(c.claims().get(i).source(), k -> new ArrayList<>()).add(i);
    }
    List<String> origins = new ArrayList<>(byOrigin.keySet());
    List<java.util.Set<String>> blocs = new ArrayList<>();
    for (String o : origins) {
      blocs.add(c.source(o).map(Source::affiliations).orElse(com.google.common.collect.ImmutableSet.of()));
    }
    int[] cluster = Blocs.cluster(blocs);
    int[] clusterSize = new int[origins.size()];
    for (int k : cluster) {
      clusterSize[k]++;
    }
    for (int o = 0; o < origins.size(); o++) {
      List<Integer> claims = byOrigin.get(origins.get(o));
      int size = clusterSize[cluster[o]];
      double blocFactor = size > 1 ? Blocs.effective(size, model.blocCorrelation()) / size : 1.0;
      for (int i : claims) {
        List<String> why = new ArrayList<>(notes.get(c.claims().get(i).id()));
        if (claims.size() > 1 && model.mergesOrigins()) {
          weights[i] /= claims.size();
          why.add(String.format(java.util.Locale.ROOT,
              "one of %d reports from %s ×%.2f", claims.size(), origins.get(o),
              1.0 / claims.size()));
        }
        if (blocFactor != 1.0) {
          weights[i] *= blocFactor;
          why.add(String.format(java.util.Locale.ROOT,
              "shares a bloc with %d other source(s) on this value ×%.2f", size - 1, blocFactor));
        }
        notes.put(c.claims().get(i).id(), ImmutableList.copyOf(why));
      }
    }
  }

  /**
   * Starts an index built from raw (source, question, value) triples, for data too large to
   * hold as a {@link Case}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(16);
  }

  /**
   * The number of sources.
   *
   * @return the source count
   */
  public int sourceCount() {
    return sourceIds.size();
  }

  /**
   * The number of questions.
   *
   * @return the question count
   */
  public int questionCount() {
    return questionIds.size();
  }

  /**
   * The number of claims.
   *
   * @return the claim count
   */
  public int claimCount() {
    return claimSource.length;
  }

  /**
   * The number of candidate values over all questions.
   *
   * @return the candidate count
   */
  public int candidateCount() {
    return candValue.length;
  }

  /**
   * The id of source number {@code s}.
   *
   * @param s a source number, {@code 0 <= s < sourceCount()}
   * @return the id
   */
  public String sourceId(int s) {
    checkElementIndex(s, sourceIds.size(), "source");
    return sourceIds.get(s);
  }

  /**
   * The id of question number {@code q}.
   *
   * @param q a question number, {@code 0 <= q < questionCount()}
   * @return the id
   */
  public String questionId(int q) {
    checkElementIndex(q, questionIds.size(), "question");
    return questionIds.get(q);
  }

  /**
   * The number of a source.
   *
   * @param id a source id
   * @return its number, or -1 if the index has no such source
   */
  public int sourceNumber(String id) {
    return sourceIds.find(checkNotNull(id, "id"));
  }

  /**
   * The number of a question.
   *
   * @param id a question id
   * @return its number, or -1 if the index has no such question
   */
  public int questionNumber(String id) {
    return questionIds.find(checkNotNull(id, "id"));
  }

  /**
   * The case this index was compiled from.
   *
   * @return the case, or empty for an index built from raw triples
   */
  public Optional<Case> origin() {
    return Optional.ofNullable(origin);
  }

  /**
   * The candidate values of question {@code q}, in canonical order.
   *
   * @param q a question number
   * @return the candidates
   */
  public ImmutableList<Value> candidates(int q) {
    checkElementIndex(q, questionIds.size(), "question");
    return ImmutableList.copyOf(
        Arrays.asList(candValue).subList(questionCandStart[q], questionCandStart[q + 1]));
  }

  /**
   * The type of question {@code q}'s values.
   *
   * @param q a question number
   * @return the value type
   */
  public ValueType questionType(int q) {
    checkElementIndex(q, questionIds.size(), "question");
    return typeOf(q);
  }

  /** {@link #questionType(int)} without the range check, for loops. */
  ValueType typeOf(int q) {
    return questionType == null ? uniformType : questionType[q];
  }

  /**
   * Candidate -> its question. An index generated with a uniform layout computes it on first use.
   */
  int[] candQuestion() {
    int[] cq = candQuestion;
    if (cq == null) {
      cq = new int[candValue.length];
      for (int q = 0; q < questionCandStart.length - 1; q++) {
        Arrays.fill(cq, questionCandStart[q], questionCandStart[q + 1], q);
      }
      candQuestion = cq;
    }
    return cq;
  }

  int candidateCount(int q) {
    return questionCandStart[q + 1] - questionCandStart[q];
  }

  double weight(int claim) {
    return claimWeight == null ? 1.0 : claimWeight[claim];
  }

  boolean denies(int claim) {
    return claimDenies != null && claimDenies[claim];
  }

  /** A copy of this index with per-claim weights replaced (for tests of weighted claims). */
  ClaimIndex withClaimWeights(double[] weights) {
    checkArgument(weights.length == claimSource.length, "weights length");
    ClaimIndex raw =
        new ClaimIndex(
            sourceIds,
            sourcePrior,
            questionIds,
            questionType,
            uniformType,
            questionClaimStart,
            questionCandStart,
            candValue,
            sharedLabels,
            candQuestion,
            candFirstSeen,
            claimSource,
            claimCand,
            weights.clone(),
            claimDenies,
            claimOrigin,
            origin);
    return new ClaimIndex(raw, model, claimNotes);
  }

  /**
   * Candidate -> position in the input of the first claim naming it ({@code Integer.MAX_VALUE}
   * for a candidate no claim names). An index generated in claim order computes it on first use.
   */
  int[] candFirstSeen() {
    int[] f = candFirstSeen;
    if (f == null) {
      f = new int[candValue.length];
      Arrays.fill(f, Integer.MAX_VALUE);
      for (int i = claimCand.length - 1; i >= 0; i--) {
        f[claimCand[i]] = i;
      }
      candFirstSeen = f;
    }
    return f;
  }

  /**
   * Compiles claims given as dense integer ids, the form large crowdsourcing data usually takes,
   * without interning a single id: source {@code claimSource[i]} gives question {@code
   * claimQuestion[i]} the label {@code labels.get(claimLabel[i])}. Sources are named {@code s0…0}
   * to {@code s(S-1)} and questions {@code q0…0} to {@code q(Q-1)}, numbers zero-padded to one
   * width so that id order is number order; every question has every label as a categorical
   * candidate, as a closed categorical question would. Claims may come in any order; the index
   * is the same as the {@link #builder()} would compile from the same triples with all labels
   * declared. The arrays are read, not kept.
   *
   * @param sources the number of sources S
   * @param questions the number of questions Q
   * @param labels the class labels, distinct (any order)
   * @param claimSource per claim, a source number in [0, S)
   * @param claimQuestion per claim, a question number in [0, Q)
   * @param claimLabel per claim, a label number in [0, labels.size())
   * @return the index
   * @throws IllegalArgumentException if the arrays differ in length, a number is out of range,
   *     the labels are not distinct or not valid categories, or there are more than 2³¹ - 9
   *     candidates
   * @since 0.1
   */
  public static ClaimIndex ofLabels(
      int sources,
      int questions,
      List<String> labels,
      int[] claimSource,
      int[] claimQuestion,
      int[] claimLabel) {
    checkNotNull(labels, "labels");
    checkArgument(sources >= 0 && questions >= 0, "negative counts: %s sources, %s questions",
        sources, questions);
    int n = claimSource.length;
    checkArgument(claimQuestion.length == n && claimLabel.length == n,
        "claim arrays differ in length: %s, %s, %s", n, claimQuestion.length, claimLabel.length);
    int k = labels.size();
    checkArgument(k >= 1, "at least one label is needed");
    checkArgument((long) questions * k <= Integer.MAX_VALUE - 8, "too many candidates: %s",
        (long) questions * k);
    Value[] sorted = new Value[k];
    for (int l = 0; l < k; l++) {
      sorted[l] = io.github.rashomon.model.Category.of(labels.get(l));
    }
    Value[] byInput = sorted.clone();
    Arrays.sort(sorted, VALUE_ORDER);
    int[] rank = new int[k];
    for (int l = 0; l < k; l++) {
      rank[l] = Arrays.binarySearch(sorted, byInput[l], VALUE_ORDER);
      checkArgument(l == 0 || VALUE_ORDER.compare(sorted[l - 1], sorted[l]) != 0,
          "labels are not distinct: '%s'", sorted[l].canonical());
    }
    // Counting sort by question, then each question's claims by (source, label): canonical order.
    int[] start = new int[questions + 1];
    for (int i = 0; i < n; i++) {
      int q = claimQuestion[i];
      checkArgument(q >= 0 && q < questions, "claim %s: question %s out of [0, %s)", i, q,
          questions);
      start[q + 1]++;
    }
    for (int q = 0; q < questions; q++) {
      start[q + 1] += start[q];
    }
    int[] next = Arrays.copyOf(start, questions);
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      int s = claimSource[i];
      int l = claimLabel[i];
      checkArgument(s >= 0 && s < sources, "claim %s: source %s out of [0, %s)", i, s, sources);
      checkArgument(l >= 0 && l < k, "claim %s: label %s out of [0, %s)", i, l, k);
      key[next[claimQuestion[i]]++] = ((long) s << 32) | rank[l];
    }
    int[] src = new int[n];
    int[] cand = new int[n];
    for (int q = 0; q < questions; q++) {
      Arrays.sort(key, start[q], start[q + 1]);
      for (int i = start[q]; i < start[q + 1]; i++) {
        src[i] = (int) (key[i] >>> 32);
        cand[i] = q * k + (int) key[i];
      }
    }
    return ofCanonicalArrays(Ids.numbered("s", sources), Ids.numbered("q", questions),
        ValueType.CATEGORICAL, sorted, start, src, cand);
  }

  /**
   * Compiles claims whose sources, questions and values have been numbered as they were first
   * seen, as a streaming reader that interned them produces: claim {@code i} is source {@code
   * sources.get(claimSource[i])} affirming {@code values.get(claimValue[i])} as the answer to
   * question {@code questions.get(claimQuestion[i])}. Each question's candidates are the values
   * claimed for it (values of the same canonical text are one candidate), every question is of
   * {@code type}, and the index is the one {@link #builder()} compiles from the same claims added
   * in the same order. Only the first {@code claims} entries of the arrays are read, and they are
   * not kept: no object is made per claim, and the id strings are the ones given.
   *
   * @param sources the source ids, distinct and not empty, in any order
   * @param questions the question ids, distinct and not empty, in any order
   * @param type the value type of every question
   * @param values the values claimed, each of {@code type}
   * @param claimSource per claim, an index into {@code sources}
   * @param claimQuestion per claim, an index into {@code questions}
   * @param claimValue per claim, an index into {@code values}
   * @param claims the number of claims
   * @return the index
   * @throws IllegalArgumentException if an id is empty or repeated, a value is not of {@code
   *     type}, an index is out of range, or an array is shorter than {@code claims}
   * @since 0.1
   */
  public static ClaimIndex ofInterned(
      List<String> sources,
      List<String> questions,
      ValueType type,
      List<? extends Value> values,
      int[] claimSource,
      int[] claimQuestion,
      int[] claimValue,
      int claims) {
    checkNotNull(type, "type");
    checkArgument(claims >= 0 && claimSource.length >= claims && claimQuestion.length >= claims
            && claimValue.length >= claims,
        "claim arrays shorter than %s claims: %s, %s, %s", claims, claimSource.length,
        claimQuestion.length, claimValue.length);
    String[] sourceIds = sources.toArray(new String[0]);
    String[] questionIds = questions.toArray(new String[0]);
    int[] sourceOrder = sortedOrder(sourceIds, "source");
    int[] questionOrder = sortedOrder(questionIds, "question");
    int ns = sourceIds.length;
    int nq = questionIds.length;
    int[] sourceRank = new int[ns];
    String[] sortedSources = new String[ns];
    for (int r = 0; r < ns; r++) {
      sourceRank[sourceOrder[r]] = r;
      sortedSources[r] = sourceIds[sourceOrder[r]];
    }
    int[] questionRank = new int[nq];
    String[] sortedQuestions = new String[nq];
    for (int r = 0; r < nq; r++) {
      questionRank[questionOrder[r]] = r;
      sortedQuestions[r] = questionIds[questionOrder[r]];
    }
    // Values by canonical text, in canonical order: a value's rank orders it in any question.
    Map<String, Integer> byText = new HashMap<>();
    List<Value> distinct = new ArrayList<>();
    int[] valueClass = new int[values.size()];
    for (int v = 0; v < valueClass.length; v++) {
      Value value = checkNotNull(values.get(v), "values[%s]", v);
      checkArgument(value.type() == type, "value '%s' is %s, not %s", value.canonical(),
          value.type(), type);
      Integer k = byText.putIfAbsent(value.canonical(), distinct.size());
      if (k == null) {
        k = distinct.size();
        distinct.add(value);
      }
      valueClass[v] = k;
    }
    Value[] ordered = distinct.toArray(new Value[0]);
    Arrays.sort(ordered, VALUE_ORDER);
    Map<String, Integer> orderOf = new HashMap<>();
    for (int r = 0; r < ordered.length; r++) {
      orderOf.put(ordered[r].canonical(), r);
    }
    int[] valueRank = new int[values.size()];
    for (int v = 0; v < valueRank.length; v++) {
      valueRank[v] = orderOf.get(distinct.get(valueClass[v]).canonical());
    }
    // Group the claims by question in input order (counting sort), carrying what the rest needs,
    // so that it reads them in order.
    int[] claimStart = new int[nq + 1];
    for (int i = 0; i < claims; i++) {
      int q = claimQuestion[i];
      checkArgument(q >= 0 && q < nq, "claim %s: question %s out of [0, %s)", i, q, nq);
      int s = claimSource[i];
      checkArgument(s >= 0 && s < ns, "claim %s: source %s out of [0, %s)", i, s, ns);
      int v = claimValue[i];
      checkArgument(v >= 0 && v < valueRank.length, "claim %s: value %s out of [0, %s)", i, v,
          valueRank.length);
      claimStart[questionRank[q] + 1]++;
    }
    for (int q = 0; q < nq; q++) {
      claimStart[q + 1] += claimStart[q];
    }
    int[] input = new int[claims];
    int[] src = new int[claims];
    int[] cand = new int[claims];
    int[] next = Arrays.copyOf(claimStart, nq);
    for (int i = 0; i < claims; i++) {
      int slot = next[questionRank[claimQuestion[i]]]++;
      input[slot] = i;
      src[slot] = sourceRank[claimSource[i]];
      cand[slot] = valueRank[claimValue[i]]; // for now the value's rank
    }
    next = null;
    // Per question: its distinct values in canonical order are its candidates; then its claims
    // in (source, candidate, input position) order, as the builder orders them.
    int[] candStart = new int[nq + 1];
    int[] stamp = new int[ordered.length];
    Arrays.fill(stamp, -1);
    int[] local = new int[ordered.length];
    int[] cands = new int[8];
    long[] keys = new long[16];
    int nc = 0;
    List<Value> candValues = new ArrayList<>();
    int[] firstSeen = new int[Math.max(16, ordered.length)];
    for (int q = 0; q < nq; q++) {
      int from = claimStart[q];
      int to = claimStart[q + 1];
      int k = 0;
      for (int slot = from; slot < to; slot++) {
        int r = cand[slot];
        if (stamp[r] != q) {
          stamp[r] = q;
          if (k == cands.length) {
            cands = Arrays.copyOf(cands, 2 * k);
          }
          cands[k++] = r;
        }
      }
      sortSmall(cands, k);
      checkArgument(nc + (long) k <= Integer.MAX_VALUE - 8, "too many candidates");
      candStart[q] = nc;
      if (nc + k > firstSeen.length) {
        firstSeen = Arrays.copyOf(firstSeen, Math.max(nc + k, 2 * firstSeen.length));
      }
      for (int j = 0; j < k; j++) {
        local[cands[j]] = j;
        candValues.add(ordered[cands[j]]);
        firstSeen[nc + j] = Integer.MAX_VALUE;
      }
      int n = to - from;
      if (keys.length < n) {
        keys = new long[Math.max(n, 2 * keys.length)];
      }
      boolean fits = n < (1 << 20) && k < (1 << 20) && ns < (1 << 23);
      for (int m = 0; m < n; m++) {
        int c = local[cand[from + m]];
        int i = input[from + m];
        firstSeen[nc + c] = Math.min(firstSeen[nc + c], i);
        // (source, candidate, position in the question): a total order, as the builder's.
        keys[m] = fits ? ((long) src[from + m] << 40) | ((long) c << 20) | m : m;
      }
      if (fits) {
        if (n <= 16) {
          sortSmall(keys, n);
        } else {
          Arrays.sort(keys, 0, n);
        }
        for (int m = 0; m < n; m++) {
          long key = keys[m];
          src[from + m] = (int) (key >>> 40);
          cand[from + m] = nc + (int) ((key >>> 20) & 0xFFFFF);
        }
      } else {
        Integer[] boxed = new Integer[n];
        int[] sr = Arrays.copyOfRange(src, from, to);
        int[] cr = new int[n];
        for (int m = 0; m < n; m++) {
          boxed[m] = m;
          cr[m] = local[cand[from + m]];
        }
        // Stable: claims of one source and candidate keep their input order.
        Arrays.sort(boxed, Comparator.<Integer>comparingInt(m -> sr[m])
            .thenComparingInt(m -> cr[m]));
        for (int m = 0; m < n; m++) {
          src[from + m] = sr[boxed[m]];
          cand[from + m] = nc + cr[boxed[m]];
        }
      }
      nc += k;
    }
    candStart[nq] = nc;
    return new ClaimIndex(Ids.of(sortedSources), new Credibility[ns], Ids.of(sortedQuestions),
        null, type, claimStart, candStart, candValues.toArray(new Value[0]), null, null,
        Arrays.copyOf(firstSeen, nc), src, cand, null, null, null, null);
  }

  /** Sorts {@code a[0, n)} by insertion, for the few entries of one question. */
  private static void sortSmall(int[] a, int n) {
    for (int i = 1; i < n; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > x) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  /** Sorts {@code a[0, n)} by insertion. */
  private static void sortSmall(long[] a, int n) {
    for (int i = 1; i < n; i++) {
      long x = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > x) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  /**
   * The order that sorts {@code ids}: {@code ids[order[0]] < ids[order[1]] < …}, checking that
   * they are distinct and not empty. The ids are first ordered by their first eight chars (a radix
   * sort of one packed {@code long} each, when those chars are all below U+0100, as ids nearly
   * always are), then each run of ids sharing them by full comparison: the order of {@link
   * String#compareTo}, without a comparison per pair for most ids.
   */
  static int[] sortedOrder(String[] ids, String what) {
    int n = ids.length;
    long[] key = new long[n];
    boolean packed = true;
    for (int i = 0; i < n; i++) {
      String id = ids[i];
      checkArgument(id != null && !id.isEmpty(), "%s id must not be empty", what);
      long k = 0;
      for (int j = 0; j < 8; j++) {
        char c = j < id.length() ? id.charAt(j) : 0;
        packed &= c < 0x100;
        k = (k << 8) | (c & 0xFF);
      }
      key[i] = k;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (!packed) {
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> ids[a].compareTo(ids[b]));
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
    } else {
      radixSort(key, order);
      // Ids with the same first eight chars (a char U+0000 included) by full comparison.
      for (int from = 0; from < n; ) {
        int to = from + 1;
        while (to < n && key[to] == key[from]) {
          to++;
        }
        if (to - from > 1) {
          Integer[] run = new Integer[to - from];
          for (int i = from; i < to; i++) {
            run[i - from] = order[i];
          }
          Arrays.sort(run, (a, b) -> ids[a].compareTo(ids[b]));
          for (int i = from; i < to; i++) {
            order[i] = run[i - from];
          }
        }
        from = to;
      }
    }
    for (int r = 1; r < n; r++) {
      // Ids whose first eight chars differ are different.
      checkArgument((packed && key[r] != key[r - 1]) || !ids[order[r]].equals(ids[order[r - 1]]),
          "%s id '%s' is repeated", what, ids[order[r]]);
    }
    return order;
  }

  /**
   * Sorts {@code key} as unsigned numbers, carrying {@code payload} along: least significant
   * byte first, skipping the bytes every key shares.
   */
  private static void radixSort(long[] key, int[] payload) {
    int n = key.length;
    long[] k2 = new long[n];
    int[] p2 = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (long k : key) {
        count[(int) (k >>> shift) & 0xFF]++;
      }
      boolean one = false;
      for (int b = 0; b < 256; b++) {
        one |= count[b] == n;
      }
      if (one) {
        continue;
      }
      for (int b = 0, sum = 0; b < 256; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int b = (int) (key[i] >>> shift) & 0xFF;
        int at = count[b]++;
        k2[at] = key[i];
        p2[at] = payload[i];
      }
      System.arraycopy(k2, 0, key, 0, n);
      System.arraycopy(p2, 0, payload, 0, n);
    }
  }

  /**
   * An index whose claims are already in canonical order, over numbered sources and questions
   * where every question has the same candidate labels: the form generated data takes, built
   * without interning a single id. The arrays are taken over, not copied.
   *
   * @param sources the source ids, sorted
   * @param questions the question ids, sorted
   * @param type the value type of every question
   * @param labels each question's candidates, distinct and in {@link #VALUE_ORDER}
   * @param claimStart claims of question q are [claimStart[q], claimStart[q + 1])
   * @param claimSource per claim, its source number
   * @param claimCand per claim, its global candidate number {@code q * labels.length + label}
   * @throws IllegalArgumentException if the arrays are inconsistent or out of canonical order
   */
  static ClaimIndex ofCanonicalArrays(
      Ids sources,
      Ids questions,
      ValueType type,
      Value[] labels,
      int[] claimStart,
      int[] claimSource,
      int[] claimCand) {
    int nq = questions.size();
    int k = labels.length;
    int ns = sources.size();
    checkArgument(claimStart.length == nq + 1 && claimStart[0] == 0, "claimStart length");
    checkArgument(claimStart[nq] == claimSource.length, "claimStart[questions] != claim count");
    checkArgument(claimSource.length == claimCand.length, "claimSource and claimCand lengths");
    checkArgument((long) nq * k <= Integer.MAX_VALUE - 8, "too many candidates: %s", (long) nq * k);
    for (int l = 0; l < k; l++) {
      checkArgument(labels[l].type() == type, "label %s is not %s", labels[l], type);
      checkArgument(l == 0 || VALUE_ORDER.compare(labels[l - 1], labels[l]) < 0,
          "labels not distinct and in canonical order at %s", l);
    }
    int nc = nq * k;
    int[] candStart = new int[nq + 1];
    Value[] candValue = new Value[nc];
    for (int q = 0; q < nq; q++) {
      candStart[q + 1] = candStart[q] + k;
      for (int l = 0; l < k; l++) {
        candValue[q * k + l] = labels[l];
      }
      int from = claimStart[q];
      int to = claimStart[q + 1];
      checkArgument(from <= to, "claimStart decreases at question %s", q);
      for (int i = from; i < to; i++) {
        int s = claimSource[i];
        int c = claimCand[i];
        checkArgument(s >= 0 && s < ns, "claim %s: source %s out of range", i, s);
        checkArgument(c >= q * k && c < q * k + k, "claim %s: candidate %s not of question %s", i,
            c, q);
        checkArgument(i == from || claimSource[i - 1] < s
                || (claimSource[i - 1] == s && claimCand[i - 1] <= c),
            "claim %s out of (source, candidate) order in question %s", i, q);
      }
    }
    // One type for all and candidate questions on demand: 5 bytes per candidate less at scale.
    return new ClaimIndex(sources, new Credibility[ns], questions, null, type, claimStart,
        candStart, candValue, labels.clone(), null, null, claimSource, claimCand, null, null, null,
        null);
  }

  /**
   * Fills a {@link ClaimIndex} from (source, question, value) triples without building domain
   * objects per claim. Ids are interned once; values are read in their question's {@link
   * ValueType} (categorical unless declared with {@link #question(String, ValueType)}).
   *
   * <p>A builder is not thread-safe and can build once.
   */
  public static final class Builder {
    private final Map<String, Integer> sources = new HashMap<>();
    private final List<String> sourceNames = new ArrayList<>();
    private final Map<String, Credibility> priors = new HashMap<>();
    private final Map<String, Integer> questions = new HashMap<>();
    private final List<String> questionNames = new ArrayList<>();
    private final List<ValueType> questionTypes = new ArrayList<>();
    /** Per question: interned text form of a value -> local candidate number. */
    private final List<Map<String, Integer>> questionCands = new ArrayList<>();
    private final List<List<Value>> questionCandValues = new ArrayList<>();

    private int[] src;
    private int[] qst;
    private int[] cnd;
    private double[] wgt;
    private boolean[] den;
    private Claim[] orig;
    private int n;
    private boolean built;

    Builder(int capacity) {
      int c = Math.max(16, capacity);
      src = new int[c];
      qst = new int[c];
      cnd = new int[c];
    }

    /**
     * Declares a source (sources are also declared implicitly by the claims that name them).
     *
     * @param id the source id
     * @return this builder
     */
    public Builder source(String id) {
      internSource(id);
      return this;
    }

    /**
     * Gives a source a prior credibility, used by algorithms that start from priors.
     *
     * @param id the source id
     * @param prior the prior
     * @return this builder
     */
    public Builder sourcePrior(String id, Credibility prior) {
      internSource(id);
      priors.put(id, checkNotNull(prior, "prior"));
      return this;
    }

    /**
     * Declares a question and the type of its values.
     *
     * @param id the question id
     * @param type the value type
     * @return this builder
     * @throws IllegalArgumentException if the question was already declared with another type
     */
    public Builder question(String id, ValueType type) {
      checkNotNull(type, "type");
      int q = internQuestion(id, type);
      checkArgument(
          questionTypes.get(q) == type,
          "question '%s' is %s, cannot redeclare it as %s",
          id,
          questionTypes.get(q),
          type);
      return this;
    }

    /**
     * Adds a claim: {@code source} affirms {@code value} for {@code question}. The value is read
     * in the question's type ({@link Value#parse(ValueType, String)}); an undeclared question is
     * categorical.
     *
     * @param source the source id
     * @param question the question id
     * @param value the value in canonical text form
     * @return this builder
     * @throws IllegalArgumentException if the value is not valid for the question's type; the
     *     message names the value
     */
    public Builder add(String source, String question, String value) {
      checkNotNull(value, "value");
      int q = internQuestion(question, ValueType.CATEGORICAL);
      Map<String, Integer> cands = questionCands.get(q);
      Integer local = cands.get(value);
      if (local == null) {
        Value v = Value.parse(questionTypes.get(q), value);
        local = candidateNumber(q, v);
        cands.put(value, local);
      }
      append(internSource(source), q, local, 1.0, false, null);
      return this;
    }

    /**
     * Adds a claim with a typed value.
     *
     * @param source the source id
     * @param question the question id
     * @param value the value; its type must match the question's
     * @return this builder
     */
    public Builder add(String source, String question, Value value) {
      return addClaim(source, question, value, 1.0, false, null);
    }

    Builder candidate(String question, Value v) {
      int q = internQuestion(question, v.type());
      candidateNumber(q, v);
      return this;
    }

    Builder addClaim(
        String source, String question, Value v, double weight, boolean denies, Claim origin) {
      checkNotNull(v, "value");
      int q = internQuestion(question, v.type());
      checkArgument(
          questionTypes.get(q) == v.type(),
          "value '%s' is %s but question '%s' is %s",
          v.canonical(),
          v.type(),
          question,
          questionTypes.get(q));
      append(internSource(source), q, candidateNumber(q, v), weight, denies, origin);
      return this;
    }

    private int candidateNumber(int q, Value v) {
      Map<String, Integer> cands = questionCands.get(q);
      String key = v.canonical();
      Integer local = cands.get(key);
      if (local == null) {
        List<Value> values = questionCandValues.get(q);
        local = values.size();
        values.add(v);
        cands.put(key, local);
      }
      return local;
    }

    private void append(int s, int q, int local, double weight, boolean denies, Claim origin) {
      checkState(!built, "builder already built");
      checkArgument(
          Double.isFinite(weight) && weight >= 0, "claim weight must be finite and >= 0, got %s",
          weight);
      if (n == src.length) {
        int c = Math.max(16, n + (n >> 1));
        src = Arrays.copyOf(src, c);
        qst = Arrays.copyOf(qst, c);
        cnd = Arrays.copyOf(cnd, c);
        if (wgt != null) {
          wgt = Arrays.copyOf(wgt, c);
        }
        if (den != null) {
          den = Arrays.copyOf(den, c);
        }
        if (orig != null) {
          orig = Arrays.copyOf(orig, c);
        }
      }
      src[n] = s;
      qst[n] = q;
      cnd[n] = local;
      if (weight != 1.0 && wgt == null) {
        wgt = new double[src.length];
        Arrays.fill(wgt, 0, n, 1.0);
      }
      if (wgt != null) {
        wgt[n] = weight;
      }
      if (denies && den == null) {
        den = new boolean[src.length];
      }
      if (den != null) {
        den[n] = denies;
      }
      if (origin != null && orig == null) {
        orig = new Claim[src.length];
      }
      if (orig != null) {
        orig[n] = origin;
      }
      n++;
    }

    private int internSource(String id) {
      checkNotNull(id, "source");
      Integer s = sources.get(id);
      if (s == null) {
        checkArgument(!id.isEmpty(), "source id must not be empty");
        s = sourceNames.size();
        sources.put(id, s);
        sourceNames.add(id);
      }
      return s;
    }

    private int internQuestion(String id, ValueType type) {
      checkNotNull(id, "question");
      Integer q = questions.get(id);
      if (q == null) {
        checkArgument(!id.isEmpty(), "question id must not be empty");
        q = questionNames.size();
        questions.put(id, q);
        questionNames.add(id);
        questionTypes.add(type);
        questionCands.add(new HashMap<>());
        questionCandValues.add(new ArrayList<>());
      }
      return q;
    }

    /**
     * Builds the index, sorting everything into canonical order.
     *
     * @return the index
     * @throws IllegalStateException if this builder was already built
     */
    public ClaimIndex build() {
      return build(null);
    }

    ClaimIndex build(Case origin) {
      checkState(!built, "builder already built");
      built = true;
      // Canonical numbering of sources and questions: sorted ids.
      int ns = sourceNames.size();
      String[] sourceIds = sourceNames.toArray(new String[0]);
      Arrays.sort(sourceIds);
      int[] sourceRank = new int[ns];
      for (int i = 0; i < ns; i++) {
        sourceRank[sources.get(sourceIds[i])] = i;
      }
      Credibility[] prior = new Credibility[ns];
      for (int i = 0; i < ns; i++) {
        prior[i] = priors.get(sourceIds[i]);
      }
      int nq = questionNames.size();
      String[] questionIds = questionNames.toArray(new String[0]);
      Arrays.sort(questionIds);
      int[] questionRank = new int[nq];
      ValueType[] types = new ValueType[nq];
      for (int i = 0; i < nq; i++) {
        int old = questions.get(questionIds[i]);
        questionRank[old] = i;
        types[i] = questionTypes.get(old);
      }
      // Canonical numbering of candidates: per question in value order.
      int[] candStart = new int[nq + 1];
      for (int i = 0; i < nq; i++) {
        candStart[i + 1] = candStart[i] + questionCandValues.get(questions.get(questionIds[i])).size();
      }
      int nc = candStart[nq];
      Value[] candValue = new Value[nc];
      int[] candQuestion = new int[nc];
      int[][] localRank = new int[nq][];
      for (int old = 0; old < nq; old++) {
        List<Value> values = questionCandValues.get(old);
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(values::get, VALUE_ORDER));
        int qNew = questionRank[old];
        localRank[old] = new int[order.length];
        for (int r = 0; r < order.length; r++) {
          localRank[old][order[r]] = r;
          candValue[candStart[qNew] + r] = values.get(order[r]);
          candQuestion[candStart[qNew] + r] = qNew;
        }
      }
      // Group claims by question (counting sort), then order each group by (source, candidate).
      int[] claimStart = new int[nq + 1];
      for (int i = 0; i < n; i++) {
        claimStart[questionRank[qst[i]] + 1]++;
      }
      for (int q = 0; q < nq; q++) {
        claimStart[q + 1] += claimStart[q];
      }
      int[] candFirstSeen = new int[nc];
      Arrays.fill(candFirstSeen, Integer.MAX_VALUE);
      for (int i = n - 1; i >= 0; i--) {
        int qNew = questionRank[qst[i]];
        candFirstSeen[candStart[qNew] + localRank[qst[i]][cnd[i]]] = i;
      }
      int[] next = Arrays.copyOf(claimStart, nq);
      long[] keys = new long[n];
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        int qNew = questionRank[qst[i]];
        int slot = next[qNew]++;
        perm[slot] = i;
      }
      int[] claimSource = new int[n];
      int[] claimCand = new int[n];
      double[] weight = wgt == null ? null : new double[n];
      boolean[] denies = den == null ? null : new boolean[n];
      Claim[] claimOrigin = orig == null ? null : new Claim[n];
      for (int q = 0; q < nq; q++) {
        int from = claimStart[q];
        int to = claimStart[q + 1];
        for (int slot = from; slot < to; slot++) {
          int i = perm[slot];
          // source rank (high), candidate rank, original position (low) keep the order total.
          keys[slot] =
              ((long) sourceRank[src[i]] << 40)
                  | ((long) localRank[qst[i]][cnd[i]] << 20)
                  | (slot - from);
        }
        boolean fits =
            to - from < (1 << 20)
                && candStart[q + 1] - candStart[q] < (1 << 20)
                && ns < (1 << 23);
        if (fits) {
          Arrays.sort(keys, from, to);
          int[] segment = Arrays.copyOfRange(perm, from, to);
          for (int slot = from; slot < to; slot++) {
            perm[slot] = segment[(int) (keys[slot] & 0xFFFFF)];
          }
        } else {
          Integer[] boxed = new Integer[to - from];
          for (int k = 0; k < boxed.length; k++) {
            boxed[k] = perm[from + k];
          }
          Arrays.sort(
              boxed,
              Comparator.<Integer>comparingInt(i -> sourceRank[src[i]])
                  .thenComparingInt(i -> localRank[qst[i]][cnd[i]]));
          for (int k = 0; k < boxed.length; k++) {
            perm[from + k] = boxed[k];
          }
        }
        for (int slot = from; slot < to; slot++) {
          int i = perm[slot];
          claimSource[slot] = sourceRank[src[i]];
          claimCand[slot] = candStart[q] + localRank[qst[i]][cnd[i]];
          if (weight != null) {
            weight[slot] = wgt[i];
          }
          if (denies != null) {
            denies[slot] = den[i];
          }
          if (claimOrigin != null) {
            claimOrigin[slot] = orig[i];
          }
        }
      }
      src = null;
      qst = null;
      cnd = null;
      wgt = null;
      den = null;
      orig = null;
      return new ClaimIndex(
          Ids.of(sourceIds),
          prior,
          Ids.of(questionIds),
          types,
          null,
          claimStart,
          candStart,
          candValue,
          null,
          candQuestion,
          candFirstSeen,
          claimSource,
          claimCand,
          weight,
          denies,
          claimOrigin,
          origin);
    }
  }

  /** Quantities by interval then kind; everything else by canonical text. */
  static final Comparator<Value> VALUE_ORDER =
      (a, b) -> {
        if (a instanceof Quantity && b instanceof Quantity) {
          Quantity x = (Quantity) a;
          Quantity y = (Quantity) b;
          int c = Double.compare(x.representative(), y.representative());
          if (c == 0) {
            c = Double.compare(x.lower(), y.lower());
          }
          if (c == 0) {
            c = Double.compare(x.upper(), y.upper());
          }
          return c != 0 ? c : a.canonical().compareTo(b.canonical());
        }
        return a.canonical().compareTo(b.canonical());
      };
}
