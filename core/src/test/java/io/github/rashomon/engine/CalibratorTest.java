package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibratorTest {
  private static final double EPS = 1e-12;

  /**
   * Ten questions: u0–u4 answered "a" by two sources (majority vote: probability 1, the only
   * candidate), s0–s4 answered "a" by two sources and "b" by one (probability 2/3).
   */
  private static ClaimIndex tenQuestions() {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int i = 0; i < 5; i++) {
      b.add("x", "u" + i, "a").add("y", "u" + i, "a");
      b.add("x", "s" + i, "a").add("y", "s" + i, "a").add("z", "s" + i, "b");
    }
    return b.build();
  }

  /** Four unanimous answers right, one wrong; three split answers right, two wrong. */
  private static Map<String, String> tenTruths() {
    return Map.of(
        "u0", "a", "u1", "a", "u2", "a", "u3", "a", "u4", "c",
        "s0", "a", "s1", "a", "s2", "a", "s3", "b", "s4", "b");
  }

  @Test
  void isotonicStepsByHand() {
    Reconciliation raw = MajorityVote.withDefaults().reconcile(tenQuestions());
    Calibrator c = Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, tenTruths());
    // Right: 3 of 5 at 2/3 and 4 of 5 at 1, already increasing: two steps. Each is shrunk by
    // five questions at the overall share 7/10: (3 + 3.5) / 10 and (4 + 3.5) / 10.
    assertEquals(Map.of(2.0 / 3, 0.65, 1.0, 0.75), c.knots());
    assertEquals(10, c.samples());
    assertEquals("isotonic(n=10, steps=2)", c.toString());
    assertEquals(0.65, c.calibrate(0.5), EPS);
    assertEquals(0.69, c.calibrate(0.8), EPS); // linear between the steps
    assertEquals(0.75, c.calibrate(1), EPS);

    Reconciliation cal = c.apply(raw);
    int s0 = cal.index().questionNumber("s0");
    int u0 = cal.index().questionNumber("u0");
    // The split question: the leader gets 0.65 and the rival the rest.
    assertEquals(0.65, cal.confidence(s0), EPS);
    assertEquals(0.35, cal.probability(s0, 1), EPS);
    assertEquals(0, cal.unclaimedProbability(s0), EPS);
    // The unanimous question had a single candidate: a quarter now goes to unclaimed values.
    assertEquals(0.75, cal.confidence(u0), EPS);
    assertEquals(0.25, cal.unclaimedProbability(u0), EPS);
    assertEquals(1, raw.confidence(u0), EPS);
    assertEquals("isotonic(n=10, steps=2)", cal.provenance().settings().get("calibration"));
    assertEquals("majority-vote", cal.provenance().algorithm());
    assertProper(cal);
  }

  @Test
  void violatorsArePooled() {
    // Right: 5 of 5 at 2/3 but 1 of 5 at 1: the steps would decrease, so PAV pools them into
    // one, 6 of 10, shrunk by five questions at 6/10: still 0.6 everywhere.
    Map<String, String> truth = new HashMap<>(tenTruths());
    truth.putAll(Map.of("s3", "a", "s4", "a", "u1", "c", "u2", "c", "u3", "c"));
    Reconciliation raw = MajorityVote.withDefaults().reconcile(tenQuestions());
    Calibrator c = Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, truth);
    assertEquals(Map.of(2.0 / 3, 0.6, 1.0, 0.6), c.knots());
    assertEquals("isotonic(n=10, steps=1)", c.toString());
  }

  @Test
  void temperatureMatchesTheLikelihoodOptimum() {
    // Ten questions, each 9 votes for "a" and 1 for "b" (probability 0.9), "a" right in 7. The
    // likelihood is best when the leader gets 0.7: 0.9^β / (0.9^β + 0.1^β) = 0.7, so
    // β = ln(7/3) / ln 9 and T = 1/β.
    ClaimIndex.Builder b = ClaimIndex.builder();
    Map<String, String> truth = new HashMap<>();
    for (int q = 0; q < 10; q++) {
      for (int s = 0; s < 9; s++) {
        b.add("s" + s, "q" + q, "a");
      }
      b.add("s9", "q" + q, "b");
      truth.put("q" + q, q < 7 ? "a" : "b");
    }
    Reconciliation raw = MajorityVote.withDefaults().reconcile(b.build());
    Calibrator c = Calibrator.fitCanonical(Calibrator.Method.TEMPERATURE, raw, truth);
    double t = Math.log(9) / Math.log(7.0 / 3);
    assertEquals(t, c.temperature().orElseThrow(), 1e-6);
    assertEquals(0.7, c.calibrate(0.9), 1e-6);
    Reconciliation cal = c.apply(raw);
    assertEquals(0.7, cal.confidence(0), 1e-6);
    assertEquals(0.3, cal.probability(0, 1), 1e-6);
    assertTrue(c.knots().isEmpty());
  }

  @Test
  void certainQuestionsLeaveTheTemperatureAlone() {
    // Every training question has one candidate: the likelihood is flat, T stays 1.
    ClaimIndex index = ClaimIndex.builder().add("x", "q", "a").add("y", "r", "b").build();
    Reconciliation raw = MajorityVote.withDefaults().reconcile(index);
    Calibrator c =
        Calibrator.fitCanonical(Calibrator.Method.TEMPERATURE, raw, Map.of("q", "a", "r", "b"));
    assertEquals(1, c.temperature().orElseThrow(), EPS);
  }

  @Test
  void aCertainBooleanStaysARivalWhenCalibratedBelowOneHalf() {
    // Boolean questions: the domain is {false, true}. Sources say true; the truth is false
    // every time, so the calibrated share of right leaders is low, but the leader cannot drop
    // below 1/2 without changing the answer: it ties with its rival and keeps its place.
    Case.Builder cb = Case.builder().addSources(Source.of("s1"), Source.of("s2"));
    Map<String, String> truth = new HashMap<>();
    for (int q = 0; q < 20; q++) {
      cb.addQuestions(Question.of("q" + q, "q?", ValueDomain.bool()));
      cb.addClaims(claim("s1", "q" + q, Truth.TRUE), claim("s2", "q" + q, Truth.TRUE));
      truth.put("q" + q, "false");
    }
    Reconciliation raw = MajorityVote.withDefaults().reconcile(cb.build());
    Calibrator c = Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, truth);
    assertEquals(0, c.calibrate(1), EPS);
    Reconciliation cal = c.apply(raw);
    for (int q = 0; q < cal.questionCount(); q++) {
      assertEquals(Truth.TRUE, cal.leadingValue(q).orElseThrow());
      assertEquals(0.5, cal.confidence(q), EPS);
      assertEquals(0, cal.unclaimedProbability(q), EPS);
    }
  }

  @Test
  void neverChangesALeadingValueAndKeepsProbabilitiesProper() {
    // Seeded random cases and truths, every algorithm, both methods.
    for (long seed = 1; seed <= 4; seed++) {
      Case c = ReconcilerContractTest.randomCase(seed, 10, 40, 4);
      Random random = new Random(seed);
      Map<String, String> truth = new HashMap<>();
      for (Question q : c.questions()) {
        if (q.domain().type() != io.github.rashomon.model.ValueType.QUANTITY) {
          String t =
              q.domain().type() == io.github.rashomon.model.ValueType.BOOLEAN
                  ? Boolean.toString(random.nextBoolean())
                  : List.of("a", "b", "c").get(random.nextInt(3));
          truth.put(q.id(), t);
        } else {
          truth.put(q.id(), random.nextBoolean() ? "100" : "105");
        }
      }
      for (String name : Reconcilers.names()) {
        Reconciliation raw = Reconcilers.byName(name).reconcile(c);
        for (Calibrator.Method m : Calibrator.Method.values()) {
          Reconciliation cal = Calibrator.crossValidateCanonical(m, raw, truth, 3);
          for (int q = 0; q < raw.questionCount(); q++) {
            assertEquals(raw.leadingValue(q), cal.leadingValue(q), name + " " + m + " q" + q);
          }
          assertProper(cal);
          assertEquals(
              Evaluation.ofCanonical(raw, truth).accuracy(),
              Evaluation.ofCanonical(cal, truth).accuracy(),
              0);
        }
      }
    }
  }

  @Test
  void isotonicIsMonotone() {
    Reconciliation raw =
        DawidSkene.withDefaults().reconcile(ReconcilerContractTest.randomCase(5, 12, 60, 5));
    Map<String, String> truth = new HashMap<>();
    for (int q = 0; q < raw.questionCount(); q++) {
      truth.put(raw.index().questionId(q), q % 3 == 0 ? "b" : "a");
    }
    truth.entrySet().removeIf(e -> raw.index().questionType(
        raw.index().questionNumber(e.getKey())) != io.github.rashomon.model.ValueType.CATEGORICAL);
    for (Calibrator.Method m : Calibrator.Method.values()) {
      Calibrator c = Calibrator.fitCanonical(m, raw, truth);
      double last = -1;
      for (int i = 0; i <= 1000; i++) {
        double y = c.calibrate(i / 1000.0);
        assertTrue(y >= last - EPS && y >= 0 && y <= 1, m + " at " + i / 1000.0);
        last = y;
      }
    }
  }

  @Test
  void crossValidationCalibratesEachFoldFromTheOthers() {
    // Fold k holds the k-th, (k + 2)-th, ... question with a truth, in id order: s0, s2, s4, u1,
    // u3 and s1, s3, u0, u2, u4. Each is calibrated by a fit on the other fold alone.
    Reconciliation raw = MajorityVote.withDefaults().reconcile(tenQuestions());
    Reconciliation cv = Calibrator.crossValidateCanonical(
        Calibrator.Method.ISOTONIC, raw, tenTruths(), 2);
    Map<String, String> fold0 = new HashMap<>();
    Map<String, String> fold1 = new HashMap<>();
    for (String id : List.of("s0", "s2", "s4", "u1", "u3")) {
      fold0.put(id, tenTruths().get(id));
    }
    for (String id : List.of("s1", "s3", "u0", "u2", "u4")) {
      fold1.put(id, tenTruths().get(id));
    }
    Reconciliation byFold1 =
        Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, fold1).apply(raw);
    Reconciliation byFold0 =
        Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, fold0).apply(raw);
    for (String id : fold0.keySet()) {
      int q = raw.index().questionNumber(id);
      assertEquals(byFold1.confidence(q), cv.confidence(q), EPS, id);
    }
    for (String id : fold1.keySet()) {
      int q = raw.index().questionNumber(id);
      assertEquals(byFold0.confidence(q), cv.confidence(q), EPS, id);
    }
    assertEquals(
        "isotonic, 2-fold cross-validated on 10 questions",
        cv.provenance().settings().get("calibration"));
  }

  @Test
  void rejectsWhatItCannotFit() {
    Reconciliation raw = MajorityVote.withDefaults().reconcile(tenQuestions());
    assertEquals(
        "Calibrator: no question with a known truth and a leading value to fit on",
        assertThrows(IllegalArgumentException.class,
            () -> Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, Map.of("zz", "a")))
            .getMessage());
    assertEquals(
        "Calibrator: folds must be >= 2, got 1",
        assertThrows(IllegalArgumentException.class,
            () -> Calibrator.crossValidateCanonical(
                Calibrator.Method.ISOTONIC, raw, tenTruths(), 1))
            .getMessage());
    Calibrator c = Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, tenTruths());
    assertEquals(
        "Calibrator: confidence must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> c.calibrate(1.5)).getMessage());
    assertThrows(NullPointerException.class, () -> c.apply(null));
  }

  /** Probabilities in [0, 1]; each question's candidates and unclaimed remainder sum to 1. */
  private static void assertProper(Reconciliation r) {
    for (int q = 0; q < r.questionCount(); q++) {
      double sum = r.unclaimedProbability(q);
      int k = r.index().candidates(q).size();
      for (int c = 0; c < k; c++) {
        double p = r.probability(q, c);
        assertTrue(p >= 0 && p <= 1, "probability " + p);
        sum += p;
      }
      if (k > 0) {
        assertEquals(1, sum, 1e-9, "question " + r.index().questionId(q));
      }
      assertTrue(r.confidence(q) >= 0 && r.confidence(q) <= 1);
    }
  }

  private static Claim claim(String source, String question, Truth value) {
    return Claim.builder().source(source).question(question).value(value).build();
  }
}
