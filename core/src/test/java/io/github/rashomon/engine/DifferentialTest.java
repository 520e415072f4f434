package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Special cases in which two algorithms, or an algorithm and a computation by hand, must agree,
 * each justified from the published equations.
 */
class DifferentialTest {

  /** The case with every source's prior replaced by {@code prior} (none when null). */
  private static Case withPriors(Case c, Credibility prior) {
    Case.Builder b = Case.builder().title(c.title());
    for (Source s : c.sources()) {
      Source.Builder sb =
          Source.builder().id(s.id()).kind(s.kind()).addAllAffiliations(s.affiliations());
      if (prior != null) {
        sb.prior(prior);
      }
      b.addSources(sb.build());
    }
    return b.addAllQuestions(c.questions()).addAllClaims(c.claims()).build();
  }

  /** Same leading values and statuses, probabilities to 10⁻¹². */
  private static void assertSameVerdicts(Reconciliation a, Reconciliation b, String where) {
    for (int q = 0; q < a.questionCount(); q++) {
      assertEquals(a.leadingValue(q), b.leadingValue(q), where);
      assertEquals(a.status(q), b.status(q), where);
      for (int k = 0; k < a.index().candidateCount(q); k++) {
        assertEquals(a.probability(q, k), b.probability(q, k), 1e-12, where);
      }
    }
  }

  @Test
  void weightedVoteWithEqualCredibilityIsMajorityVote() {
    // p(c) = w·votes(c) / (w·Σ votes): one weight for every source cancels. Claim weights and
    // denials (the testimony cases) enter both the same way.
    List<Credibility> priors =
        Arrays.asList(
            null, Credibility.dogmatic(0.8), Credibility.dogmatic(1), Credibility.vacuous(),
            AdmiraltyGrade.parse("A1").credibility(), AdmiraltyGrade.parse("F6").credibility());
    for (long seed = 1; seed <= 6; seed++) {
      for (Case raw :
          List.of(ReconcilerContractTest.randomCase(seed, 7, 15, 4),
              ReconcilerContractTest.testimonyCase(seed))) {
        for (Credibility prior : priors) {
          Case c = withPriors(raw, prior);
          Reconciliation mv = MajorityVote.withDefaults().reconcile(c);
          Reconciliation wv = WeightedVote.withDefaults().reconcile(c);
          String where = seed + " " + prior;
          assertSameVerdicts(mv, wv, where);
          for (int s = 0; s < mv.sourceCount(); s++) {
            assertEquals(mv.trust(s), wv.trust(s), 1e-12, where);
          }
        }
      }
    }
  }

  /** The answers of workers A, B, C (columns) on tasks t1 to t4 (rows). */
  private static final String[][] ANSWERS = {
    {"1", "1", "0"}, {"0", "0", "1"}, {"1", "0", "0"}, {"1", "1", "1"}
  };

  /**
   * Three workers, four binary tasks: {@link #ANSWERS}. Both labels are candidates of every
   * task, as for a closed question (t4's answers alone would offer only "1").
   */
  private static ClaimIndex.Builder threeWorkers() {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int t = 0; t < 4; t++) {
      b.candidate("t" + (t + 1), Category.of("0")).candidate("t" + (t + 1), Category.of("1"));
      for (int w = 0; w < 3; w++) {
        b.add("ABC".substring(w, w + 1), "t" + (t + 1), ANSWERS[t][w]);
      }
    }
    return b;
  }

  /**
   * Dawid–Skene after one iteration from majority-vote posteriors, by hand (A. P. Dawid and A.
   * M. Skene, Applied Statistics 28(1), 1979, eqs. 2.3–2.5).
   *
   * <p>Majority vote gives the posteriors T(i, j) of task i having label j: t1 (1/3, 2/3), t2
   * (2/3, 1/3), t3 (2/3, 1/3), t4 (0, 1).
   *
   * <p>M-step (eqs. 2.3, 2.4). Class priors p_j = Σ_i T(i, j) / 4: p_0 = (1/3 + 2/3 + 2/3 + 0)/4
   * = 5/12, p_1 = 7/12. Confusion π_k(j, l) = Σ_{i: k answered l} T(i, j) / Σ_i T(i, j); every
   * worker answers every task, so the row totals are 5/3 (j = 0) and 7/3 (j = 1):
   *
   * <pre>
   *   A: n(0,0) = 2/3, n(0,1) = 1/3 + 2/3 + 0 = 1    → π_A(0,·) = (2/5, 3/5)
   *      n(1,0) = 1/3, n(1,1) = 2/3 + 1/3 + 1 = 2    → π_A(1,·) = (1/7, 6/7)
   *   B: n(0,0) = 2/3 + 2/3,  n(0,1) = 1/3 + 0       → π_B(0,·) = (4/5, 1/5)
   *      n(1,0) = 1/3 + 1/3,  n(1,1) = 2/3 + 1       → π_B(1,·) = (2/7, 5/7)
   *   C: n(0,0) = 1/3 + 2/3,  n(0,1) = 2/3 + 0       → π_C(0,·) = (3/5, 2/5)
   *      n(1,0) = 2/3 + 1/3,  n(1,1) = 1/3 + 1       → π_C(1,·) = (3/7, 4/7)
   * </pre>
   *
   * <p>No observed cell is 0, so Crowd-Kit's floor of 10⁻¹⁰ changes nothing.
   *
   * <p>E-step (eq. 2.5): T(i, j) ∝ p_j Π_k π_k(j, answer of k on i):
   *
   * <pre>
   *   t1: 5/12 · 3/5 · 1/5 · 3/5 = 3/100   vs 7/12 · 6/7 · 5/7 · 3/7 = 15/98   → (49/299, 250/299)
   *   t2: 5/12 · 2/5 · 4/5 · 2/5 = 4/75    vs 7/12 · 1/7 · 2/7 · 4/7 = 2/147   → (98/123, 25/123)
   *   t3: 5/12 · 3/5 · 4/5 · 3/5 = 3/25    vs 7/12 · 6/7 · 2/7 · 3/7 = 3/49    → (49/74, 25/74)
   *   t4: 5/12 · 3/5 · 1/5 · 2/5 = 1/50    vs 7/12 · 6/7 · 5/7 · 4/7 = 10/49   → (49/549, 500/549)
   * </pre>
   *
   * <p>The run then takes the M-step of these posteriors, which gives the reported trust Σ_j p_j
   * π_k(j, j): with the priors and matrices above written out, p_j π_k(j, j) = Σ_{i: k answered
   * j} T(i, j) / 4, so a worker's trust is the mean posterior of its own answers.
   */
  static final double[][] POSTERIORS = {
    {49.0 / 299, 250.0 / 299}, {98.0 / 123, 25.0 / 123}, {49.0 / 74, 25.0 / 74},
    {49.0 / 549, 500.0 / 549}
  };

  /** Checks a run on {@link #ANSWERS}, its workers and tasks numbered from A (or s0), t1 (q0). */
  private static void assertHandComputation(
      Reconciliation r, String path, String firstWorker, String taskPrefix) {
    ClaimIndex ix = r.index();
    for (int t = 0; t < 4; t++) {
      int q = ix.questionNumber(taskPrefix.equals("t") ? "t" + (t + 1) : ix.questionId(t));
      assertEquals(List.of(Category.of("0"), Category.of("1")), ix.candidates(q));
      for (int j = 0; j < 2; j++) {
        assertEquals(POSTERIORS[t][j], r.probability(q, j), 1e-12, path + ": T(t" + (t + 1) + ")");
      }
    }
    double[][] p = POSTERIORS;
    int a = ix.sourceNumber(firstWorker);
    // Answers of A: 1, 0, 1, 1; of B: 1, 0, 0, 1; of C: 0, 1, 0, 1.
    assertEquals((p[0][1] + p[1][0] + p[2][1] + p[3][1]) / 4, r.trust(a), 1e-12, path);
    assertEquals((p[0][1] + p[1][0] + p[2][0] + p[3][1]) / 4, r.trust(a + 1), 1e-12, path);
    assertEquals((p[0][0] + p[1][1] + p[2][0] + p[3][1]) / 4, r.trust(a + 2), 1e-12, path);
    // And A's confusion matrix from that M-step: π_A(0, 0) = T(t2, 0) / Σ_i T(i, 0).
    ConfusionMatrix m = r.assessment(a).confusion().orElseThrow();
    double column0 = p[0][0] + p[1][0] + p[2][0] + p[3][0];
    assertEquals(p[1][0] / column0, m.probability(0, 0), 1e-12, path);
    assertEquals(1 - p[1][0] / column0, m.probability(0, 1), 1e-12, path);
    assertEquals(1, r.provenance().iterations(), path);
  }

  @Test
  void dawidSkeneOneIterationMatchesTheHandComputation() {
    DawidSkene once = DawidSkene.withDefaults().withIterations(1);
    ClaimIndex ix = threeWorkers().build();
    // Two labels and plain claims take the odds-product path...
    assertHandComputation(once.reconcile(ix), "odds", "A", "t");
    // ...claims of weight 1 the general log-space E-step, with the same numbers...
    double[] ones = new double[ix.claimCount()];
    Arrays.fill(ones, 1.0);
    assertHandComputation(once.reconcile(ix.withClaimWeights(ones)), "log space", "A", "t");
    // ...and the integer-labelled form of the same answers (workers s0-s2, tasks q0-q3) the
    // layout where every question shares one label list.
    int[] worker = new int[12];
    int[] task = new int[12];
    int[] label = new int[12];
    for (int i = 0; i < 12; i++) {
      worker[i] = i % 3;
      task[i] = i / 3;
      label[i] = Integer.parseInt(ANSWERS[i / 3][i % 3]);
    }
    ClaimIndex labels = ClaimIndex.ofLabels(3, 4, List.of("0", "1"), worker, task, label);
    assertHandComputation(once.reconcile(labels), "labels", "s0", "q");
  }

  @Test
  void aTaskWithoutAnswersHasThePriorAsPosterior() {
    // t5 has both labels as candidates and no answers: it does not count in the prior (still
    // 5/12, 7/12), so the other posteriors are unchanged, and its own E-step gives the prior.
    ClaimIndex ix =
        threeWorkers().candidate("t5", Category.of("0")).candidate("t5", Category.of("1")).build();
    Reconciliation r = DawidSkene.withDefaults().withIterations(1).reconcile(ix);
    for (int t = 0; t < 4; t++) {
      int q = ix.questionNumber("t" + (t + 1));
      assertEquals(POSTERIORS[t][0], r.probability(q, 0), 1e-12, "T(t" + (t + 1) + ")");
    }
    int t5 = ix.questionNumber("t5");
    assertEquals(5.0 / 12, r.probability(t5, 0), 1e-12);
    assertEquals(7.0 / 12, r.probability(t5, 1), 1e-12);
    assertEquals(VerdictStatus.UNDETERMINED, r.status(t5));
  }

  /** {@link #ANSWERS} plus worker E, who answers 1 on every task, and optionally D (below). */
  private static ClaimIndex fiveWorkers(boolean withNumbers) {
    ClaimIndex.Builder b = threeWorkers();
    for (int t = 1; t <= 4; t++) {
      b.add("E", "t" + t, "1");
    }
    if (withNumbers) {
      // D gives 1,200 different numbers on a question of another type: its labels form their
      // own group (own prior and matrices) but make the label space so large that the
      // confusion matrices are stored sparse. The workers' tasks are unaffected.
      b.question("n", ValueType.QUANTITY);
      for (int v = 0; v < 1200; v++) {
        b.add("D", "n", Integer.toString(v));
      }
    }
    return b.build();
  }

  @Test
  void dawidSkeneOnSparseMatricesGivesTheDenseAnswers() {
    ClaimIndex dense = fiveWorkers(false);
    ClaimIndex sparse = fiveWorkers(true);
    LabelSpace labels = LabelSpace.of(sparse);
    long cells = (long) sparse.sourceCount() * labels.labelValue.length * labels.labelValue.length;
    assertTrue(cells > (1 << 22) && cells > sparse.claimCount() / 2, "dense: " + cells);
    // One iteration, then twenty with and without smoothing (the cells E never uses, the 0
    // column, read the pseudo-count alone): the same posteriors and trust stored either way.
    Reconciliation once = DawidSkene.withDefaults().withIterations(1).reconcile(sparse);
    Reconciliation onceDense = DawidSkene.withDefaults().withIterations(1).reconcile(dense);
    for (int t = 1; t <= 4; t++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(onceDense.probability(dense.questionNumber("t" + t), j),
            once.probability(sparse.questionNumber("t" + t), j), 1e-12);
      }
    }
    for (double smoothing : new double[] {0, 0.5}) {
      DawidSkene ds =
          DawidSkene.withDefaults().withIterations(20).withTolerance(0).withSmoothing(smoothing);
      Reconciliation d = ds.reconcile(dense);
      Reconciliation s = ds.reconcile(sparse);
      for (int t = 1; t <= 4; t++) {
        int qd = dense.questionNumber("t" + t);
        int qs = sparse.questionNumber("t" + t);
        for (int j = 0; j < 2; j++) {
          assertEquals(d.probability(qd, j), s.probability(qs, j), 1e-12, smoothing + " t" + t);
        }
      }
      for (String w : List.of("A", "B", "C", "E")) {
        assertEquals(d.assessment(w).trust(), s.assessment(w).trust(), 1e-12, smoothing + " " + w);
      }
      assertEquals(20, s.provenance().iterations());
      // Two groups of labels: no single confusion matrix to report.
      assertTrue(s.assessment("A").confusion().isEmpty());
      assertTrue(d.assessment("A").confusion().isPresent());
    }
  }

  @Test
  void dawidSkeneCountsAClaimOfWeightTwoAsTwoClaims() {
    // Dawid–Skene: a claim's weight multiplies its log-likelihood and its count, so weight 2 is
    // the same answer given twice. Weighted claims take the general path, repeated ones the
    // fast two-label path (and, with three labels, the general one too).
    for (String[] labels : List.of(new String[] {"0", "1"}, new String[] {"0", "1", "2"})) {
      java.util.Random r = new java.util.Random(labels.length);
      ClaimIndex.Builder twice = ClaimIndex.builder();
      ClaimIndex.Builder weighted = ClaimIndex.builder();
      for (int q = 0; q < 12; q++) {
        for (int w = 0; w < 4; w++) {
          String v = labels[r.nextInt(3) == 0 ? r.nextInt(labels.length) : q % labels.length];
          boolean heavy = w == q % 4;
          twice.add("w" + w, "q" + q, v);
          if (heavy) {
            twice.add("w" + w, "q" + q, v);
          }
          weighted.addClaim("w" + w, "q" + q, Category.of(v), heavy ? 2 : 1, false, null);
        }
      }
      Reconciliation a = DawidSkene.withDefaults().reconcile(twice.build());
      Reconciliation b = DawidSkene.withDefaults().reconcile(weighted.build());
      assertEquals(a.provenance().iterations(), b.provenance().iterations());
      for (int q = 0; q < a.questionCount(); q++) {
        for (int k = 0; k < a.index().candidateCount(q); k++) {
          assertEquals(a.probability(q, k), b.probability(q, k), 1e-9, labels.length + " " + q);
        }
      }
      for (int s = 0; s < a.sourceCount(); s++) {
        assertEquals(a.trust(s), b.trust(s), 1e-9);
      }
    }
  }

  /** Every one of {@code sources} sources answers every one of {@code questions} questions. */
  private static ClaimIndex complete(long seed, int sources, int questions) {
    Random r = new Random(seed);
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int q = 0; q < questions; q++) {
      int truth = r.nextInt(3);
      for (int s = 0; s < sources; s++) {
        int v = r.nextDouble() < 0.3 + 0.1 * s ? truth : r.nextInt(3);
        b.add("s" + s, "q" + q, "v" + v);
      }
    }
    return b.build();
  }

  @Test
  void sumsAfterOneIterationIsMajorityVoteWhenSourcesClaimAlike() {
    // Pasternack & Roth: T¹(s) = Σ_{c ∈ C_s} B⁰(c) = 0.5 |C_s|, the same for every source when
    // each makes as many claims; so B¹(c) = Σ_{s ∈ S_c} T¹(s) is the vote count, up to scale.
    for (long seed = 1; seed <= 5; seed++) {
      ClaimIndex ix = complete(seed, 6, 12);
      Reconciliation sums = Sums.withDefaults().withIterations(1).reconcile(ix);
      assertSameVerdicts(MajorityVote.withDefaults().reconcile(ix), sums, "seed " + seed);
    }
  }

  @Test
  void averageLogIsSumsWhenSourcesClaimAlike() {
    // AverageLog's source score is log|C_s| · Σ B(c) / |C_s|: Sums' score times log|C_s| / |C_s|,
    // one factor for all when every source makes |C_s| = 12 claims, which the scaling to the
    // largest score removes. Every iteration, hence the result, is then Sums'.
    for (long seed = 1; seed <= 5; seed++) {
      ClaimIndex ix = complete(seed, 6, 12);
      Estimate sums = Sums.withDefaults().estimate(ix);
      Estimate log = AverageLog.withDefaults().estimate(ix);
      for (int c = 0; c < ix.candidateCount(); c++) {
        assertEquals(sums.candProb[c], log.candProb[c], 1e-12);
      }
      for (int s = 0; s < ix.sourceCount(); s++) {
        assertEquals(sums.trust[s], log.trust[s], 1e-12);
      }
      assertEquals(sums.iterations, log.iterations);
    }
  }

  @Test
  void investmentAfterOneIterationGrowsTheVoteShares() {
    // Investment from T⁰ = 1 and the voted prior B⁰(c) = |S_c| / N on a complete crowd (every
    // source answers each of the n questions, N sources per question): each source invests 1/n
    // in each claim and earns back Σ_{c ∈ C_s} B⁰(c) · (1/n) / (|S_c| / n) = n / N, the same
    // for all; so B¹(c) = G(Σ_{s ∈ S_c} T¹(s) / n) ∝ |S_c|^g, and the probabilities are the
    // vote counts to the power g = 1.2, normalised.
    for (long seed = 1; seed <= 5; seed++) {
      ClaimIndex ix = complete(seed, 6, 12);
      Reconciliation r = Investment.withDefaults().withIterations(1).reconcile(ix);
      Reconciliation mv = MajorityVote.withDefaults().reconcile(ix);
      for (int q = 0; q < ix.questionCount(); q++) {
        double total = 0;
        for (int k = 0; k < ix.candidateCount(q); k++) {
          total += Math.pow(mv.probability(q, k), 1.2);
        }
        for (int k = 0; k < ix.candidateCount(q); k++) {
          assertEquals(Math.pow(mv.probability(q, k), 1.2) / total, r.probability(q, k), 1e-12);
        }
      }
    }
  }

  @Test
  void galandEstimatesAfterOneIterationRankLikeMajorityVote() {
    // Galland et al.: from a uniform error rate ε⁰ (and, for 3-Estimates, a uniform difficulty),
    // a claim is a positive vote on its candidate and a negative one on the others, so π¹(f) =
    // ε' + (1 - 2ε') · votes(f) / N_q with ε' = ε⁰ (resp. ε⁰ · difficulty⁰): increasing in the
    // vote share. The normalisation over all facts is increasing too (its affine part strictly),
    // so each question's candidates rank as their votes do.
    for (long seed = 1; seed <= 5; seed++) {
      ClaimIndex ix = complete(seed, 6, 12);
      Reconciliation mv = MajorityVote.withDefaults().reconcile(ix);
      for (AbstractReconciler galland :
          List.of(TwoEstimates.withDefaults().withIterations(1),
              ThreeEstimates.withDefaults().withIterations(1))) {
        Reconciliation r = galland.reconcile(ix);
        for (int q = 0; q < ix.questionCount(); q++) {
          for (int a = 0; a < ix.candidateCount(q); a++) {
            for (int b = 0; b < ix.candidateCount(q); b++) {
              double votes = mv.probability(q, a) - mv.probability(q, b);
              double pi = r.probability(q, a) - r.probability(q, b);
              assertEquals(Math.signum(votes), Math.signum(pi), galland + " " + q);
            }
          }
        }
      }
    }
  }

  @Test
  void truthFinderWithOneSourceStopsAfterOneIteration() {
    // Yin, Han, Yu: the iteration stops when the trust vector's direction settles, 1 - cos < δ.
    // With one source the vector has one entry and no direction to change: one iteration.
    // From t⁰ = 0.9, τ = -ln(1 - 0.9) = ln 10; a claimed fact has σ = τ and confidence
    // s = 1 / (1 + e^(-0.3 ln 10)) = 1 / (1 + 10^-0.3); an unclaimed one σ = 0 and s = 1/2. The
    // source's trust is the mean s of its facts, s.
    Case.Builder b = Case.builder().addSources(Source.of("only"));
    for (int q = 0; q < 6; q++) {
      b.addQuestions(Question.of("q" + q, "q" + q, ValueDomain.categorical("a", "b", "c", "d")));
      b.addClaims(
          Claim.builder().source("only").question("q" + q)
              .value(Category.of("abcd".substring(q % 4, q % 4 + 1))).build());
    }
    Reconciliation r = TruthFinder.withDefaults().reconcile(b.build());
    double s = 1 / (1 + Math.pow(10, -0.3));
    assertEquals(1, r.provenance().iterations());
    assertTrue(r.provenance().converged());
    assertEquals(s, r.trust(0), 1e-12);
    for (int q = 0; q < 6; q++) {
      Verdict v = r.verdict("q" + q);
      assertEquals(Category.of("abcd".substring(q % 4, q % 4 + 1)), v.value().orElseThrow());
      assertEquals(s / (s + 3 * 0.5), v.confidence(), 1e-12);
      assertEquals(0.5 / (s + 3 * 0.5), v.candidates().get(3).probability(), 1e-12);
    }
  }

  @Test
  void medianIsTheMeanOfTwoClaimsOrOfASymmetricSpread() {
    // The median of two values is their midpoint (the usual median of an even count), of a − d,
    // a, a + d the middle value; both are the mean, and the kernel probabilities are the same
    // function of the same estimate and spread (the mean's weights, 0.5 per source without a
    // prior, cancel in the normalisations).
    ClaimIndex.Builder b = ClaimIndex.builder();
    String[][] claims = {
      {"p", "10", "16"}, {"r", "-3", "3"}, {"s", "1e300", "3e300"}, {"t", "0.1", "0.3"}
    };
    for (String[] c : claims) {
      b.question(c[0], ValueType.QUANTITY).add("x", c[0], c[1]).add("y", c[0], c[2]);
    }
    b.question("u", ValueType.QUANTITY).add("x", "u", "40").add("y", "u", "50").add("z", "u", "60");
    ClaimIndex ix = b.build();
    Reconciliation median = Median.withDefaults().reconcile(ix);
    Reconciliation mean = WeightedMean.withDefaults().reconcile(ix);
    double[] expected = {13, 0, 2e300, 0.2, 50};
    for (int i = 0; i < expected.length; i++) {
      String id = i < claims.length ? claims[i][0] : "u";
      int q = ix.questionNumber(id);
      double m = ((Quantity) median.leadingValue(q).orElseThrow()).representative();
      double w = ((Quantity) mean.leadingValue(q).orElseThrow()).representative();
      assertEquals(expected[i], m, Math.ulp(expected[i]) * 2, id);
      assertEquals(m, w, Math.ulp(m) * 2, id);
      for (int k = 0; k < ix.candidateCount(q); k++) {
        assertEquals(median.probability(q, k), mean.probability(q, k), 1e-12, id);
      }
    }
  }

  @Test
  void everyAlgorithmAgreesWithTheOnlyClaimOnEachQuestion() {
    // One claim per question, over closed domains with unclaimed options: there is no other claim
    // to weigh it against, so every algorithm leads with it, whatever it learns about the
    // sources from their other questions. Except Dawid–Skene, which weighs it against the label
    // prior: a confusion row for a label the source never gave has Crowd-Kit's floor in the
    // cells of the labels it did give, so its answer says little there, and the prior can win
    // (contested, on this case).
    Case.Builder b = Case.builder();
    for (int s = 0; s < 8; s++) {
      b.addSources(Source.of("s" + s));
    }
    Random r = new Random(3);
    for (int q = 0; q < 40; q++) {
      b.addQuestions(Question.of("q" + q, "q" + q, ValueDomain.categorical("v0", "v1", "v2")));
      b.addClaims(
          Claim.builder().source("s" + r.nextInt(8)).question("q" + q)
              .value(Category.of("v" + r.nextInt(3))).build());
    }
    Case c = b.build();
    for (String name : Reconcilers.names()) {
      Reconciliation rec = Reconcilers.byName(name).reconcile(c);
      if (name.equals("dawid-skene")) {
        for (Verdict v : rec.verdicts()) {
          assertTrue(v.status() != VerdictStatus.ACCEPTED || v.candidates().get(0).claims() > 0,
              "dawid-skene accepts an unclaimed value on " + v.question());
        }
        continue;
      }
      for (Claim k : c.claims()) {
        Verdict v = rec.verdict(k.question());
        assertEquals(k.value(), v.value().orElseThrow(), name + " " + k.question());
        assertEquals(3, v.candidates().size());
        assertEquals(k.value(), v.candidates().get(0).value(), name + " " + k.question());
        assertTrue(v.candidates().get(0).probability() > v.candidates().get(1).probability(),
            name + " " + k.question());
      }
    }
  }
}
