package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmStartTest {
  private static final Synthetic GEN =
      Synthetic.withDefaults().withSeed(21).withSources(200).withAccuracy(0.55, 0.9);

  /** 50,000 questions, then 1% more: the first 50,000 are the same (ids and claims). */
  private static final ClaimIndex BEFORE = GEN.withQuestions(50_000).generate().index();
  private static final ClaimIndex AFTER = GEN.withQuestions(50_500).generate().index();

  @Test
  void dawidSkeneFromTheEarlierResultReachesNearlyTheSameAnswer() {
    DawidSkene ds = DawidSkene.withDefaults();
    Reconciliation earlier = ds.reconcile(BEFORE);
    Reconciliation cold = ds.reconcile(AFTER);
    Reconciliation warm = ds.reconcile(AFTER, earlier);
    assertTrue(cold.provenance().converged() && warm.provenance().converged());
    // Incremental EM iterates over the 500 new questions only, then refreshes every posterior.
    assertTrue(
        warm.provenance().iterations() < cold.provenance().iterations(),
        "warm " + warm.provenance().iterations() + " vs cold " + cold.provenance().iterations());
    assertSameFixedPoint(cold, warm, 0.05, 0.01);
    int flipped = 0;
    for (int q = 0; q < AFTER.questionCount(); q++) {
      if (!cold.leadingValue(q).equals(warm.leadingValue(q))) {
        flipped++;
      }
    }
    assertTrue(flipped <= AFTER.questionCount() / 1000, flipped + " verdicts differ");
  }

  @Test
  void dawidSkeneWithNothingNewKeepsTheEarlierModel() {
    DawidSkene ds = DawidSkene.withDefaults();
    Reconciliation earlier = ds.reconcile(BEFORE);
    Reconciliation again = ds.reconcile(BEFORE, earlier);
    assertSameFixedPoint(earlier, again, 1e-4, 1e-4);
  }

  @Test
  void dawidSkeneFromAResultThatSharesNoQuestionStartsFromTheVotes() {
    // 1,000 questions are q000..q999, 1,010 are q0000..q1009: the sources match, no question.
    Synthetic.Data before = GEN.withQuestions(1_000).generate();
    Synthetic.Data after = GEN.withQuestions(1_010).generate();
    assertEquals(-1, before.index().questionNumber(after.index().questionId(0)));
    DawidSkene ds = DawidSkene.withDefaults();
    Reconciliation cold = ds.reconcile(after.index());
    Reconciliation warm = ds.reconcile(after.index(), ds.reconcile(before.index()));
    // Every question is new, so incremental EM is EM from the majority-vote start (it used to
    // start from a model of no counts and settle on uniform posteriors, accuracy 0.51).
    // Neither run converges within 100 iterations here; the warm one ends with one more E-step.
    assertEquals(after.accuracyOf(cold), after.accuracyOf(warm), 1e-9);
    assertSameFixedPoint(cold, warm, 0.05);
  }

  @Test
  void truthFinderFromTheEarlierResultReachesTheSameAnswerSooner() {
    TruthFinder tf = TruthFinder.withDefaults();
    Reconciliation earlier = tf.reconcile(BEFORE);
    Reconciliation cold = tf.reconcile(AFTER);
    Reconciliation warm = tf.reconcile(AFTER, earlier);
    assertTrue(
        warm.provenance().iterations() < cold.provenance().iterations(),
        "warm " + warm.provenance().iterations() + " vs cold " + cold.provenance().iterations());
    assertSameFixedPoint(cold, warm, 1e-3, 0.01);
  }

  @Test
  void matchesQuestionsAndSourcesByIdInBuiltIndexes() {
    ClaimIndex before =
        ClaimIndex.builder().add("a", "q1", "x").add("b", "q1", "y").add("a", "q2", "y")
            .add("c", "q2", "y").build();
    // A new source and question, and q1 gains a candidate the earlier result never saw.
    ClaimIndex after =
        ClaimIndex.builder().add("a", "q1", "x").add("b", "q1", "y").add("c", "q1", "z")
            .add("a", "q2", "y").add("c", "q2", "y").add("d", "q3", "x").build();
    Reconciliation earlier = DawidSkene.withDefaults().reconcile(before);
    WarmStart start = WarmStart.of(earlier, after);
    int q1 = after.questionNumber("q1");
    int q2 = after.questionNumber("q2");
    assertTrue(!start.known[q1] && start.known[q2] && !start.known[after.questionNumber("q3")]);
    assertEquals(
        earlier.probability(before.questionNumber("q2"), 0),
        start.candProb[after.questionCandStart[q2]]);
    assertEquals(earlier.trust(before.sourceNumber("b")), start.trust()[after.sourceNumber("b")]);
    assertTrue(Double.isNaN(start.trust()[after.sourceNumber("d")]));
    // One-pass algorithms ignore the earlier result.
    assertEquals(
        MajorityVote.withDefaults().reconcile(after).verdicts(),
        MajorityVote.withDefaults().reconcile(after, earlier).verdicts());
  }

  private static void assertSameFixedPoint(Reconciliation a, Reconciliation b, double tolerance) {
    assertSameFixedPoint(a, b, tolerance, Double.POSITIVE_INFINITY);
  }

  /** Probabilities to {@code tolerance}, trust to {@code trustTolerance}. */
  private static void assertSameFixedPoint(
      Reconciliation a, Reconciliation b, double tolerance, double trustTolerance) {
    ClaimIndex ix = a.index();
    double worst = 0;
    for (int q = 0; q < ix.questionCount(); q++) {
      for (int c = 0; c < ix.candidateCount(q); c++) {
        worst = Math.max(worst, Math.abs(a.probability(q, c) - b.probability(q, c)));
      }
    }
    assertTrue(worst < tolerance, "largest difference " + worst);
    for (int s = 0; s < ix.sourceCount(); s++) {
      assertEquals(a.trust(s), b.trust(s), trustTolerance, "trust of " + ix.sourceId(s));
    }
  }
}
