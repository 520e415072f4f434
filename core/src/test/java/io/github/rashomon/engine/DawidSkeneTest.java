package io.github.rashomon.engine;

import static io.github.rashomon.engine.EmTestSupport.assertOrderInvariant;
import static io.github.rashomon.engine.EmTestSupport.assertReportsNonConvergence;
import static io.github.rashomon.engine.EmTestSupport.checkWellFormed;
import static io.github.rashomon.engine.EmTestSupport.claim;
import static io.github.rashomon.engine.EmTestSupport.crowd;
import static io.github.rashomon.engine.EmTestSupport.crowdTruth;
import static io.github.rashomon.engine.EmTestSupport.degenerateCrowds;
import static io.github.rashomon.engine.EmTestSupport.index;
import static io.github.rashomon.engine.EmTestSupport.whoFiredFirst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.rashomon.engine.EmTestSupport.Answer;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.ValueDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DawidSkeneTest {

  @Test
  void defaultsFollowCrowdKit() {
    DawidSkene ds = DawidSkene.withDefaults();
    assertEquals("dawid-skene", ds.name());
    assertEquals(100, ds.iterations());
    assertEquals(1e-5, ds.tolerance());
    assertEquals(0.0, ds.smoothing());
    assertEquals(
        ImmutableMap.of("iterations", "100", "smoothing", "0.0", "tolerance", "1.0E-5"),
        ds.settings());
    assertEquals(ds, Reconcilers.byName("dawid-skene"));
    assertEquals(ds.withSmoothing(1), DawidSkene.withDefaults().withSmoothing(1));
  }

  @Test
  void rejectsBadSettingsNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.withDefaults().withIterations(0));
    assertTrue(e.getMessage().contains("dawid-skene") && e.getMessage().contains("iterations"));
    e = assertThrows(
        IllegalArgumentException.class, () -> DawidSkene.withDefaults().withTolerance(-1));
    assertTrue(e.getMessage().contains("tolerance") && e.getMessage().contains("-1"));
    e = assertThrows(
        IllegalArgumentException.class, () -> DawidSkene.withDefaults().withSmoothing(Double.NaN));
    assertTrue(e.getMessage().contains("smoothing") && e.getMessage().contains("NaN"));
    assertThrows(IllegalArgumentException.class, () -> DawidSkene.withDefaults().withSmoothing(-0.5));
  }

  @Test
  void degenerateInputsGiveNoNaN() {
    List<List<Answer>> cases = new ArrayList<>(degenerateCrowds());
    cases.add(
        List.of(
            new Answer("w1", "q1", "x"),
            new Answer("w2", "q1", "x"),
            new Answer("w1", "q2", "x"),
            new Answer("w2", "q2", "x")));
    for (List<Answer> c : cases) {
      for (DawidSkene ds :
          List.of(DawidSkene.withDefaults(), DawidSkene.withDefaults().withSmoothing(1))) {
        Reconciliation r = ds.reconcile(index(c));
        checkWellFormed(r);
        assertTrue(r.provenance().iterations() >= 1);
      }
    }
    Reconciliation empty = DawidSkene.withDefaults().reconcile(ClaimIndex.builder().build());
    assertEquals(0, empty.questionCount());
    assertTrue(empty.provenance().converged());
  }

  @Test
  void unanimousAnswersAreCertain() {
    Reconciliation r =
        DawidSkene.withDefaults()
            .reconcile(
                index(
                    List.of(
                        new Answer("w1", "q1", "a"),
                        new Answer("w2", "q1", "a"),
                        new Answer("w1", "q2", "b"),
                        new Answer("w2", "q2", "b"))));
    assertEquals("a", r.verdict("q1").value().orElseThrow().canonical());
    assertEquals(1.0, r.verdict("q1").confidence(), 1e-9);
    assertEquals(1.0, r.trust(0), 1e-6);
  }

  @Test
  void learnsThatSpammersCarryNoInformation() {
    // Three workers answer "0" whatever the truth; majority vote follows them on many a "1".
    List<Answer> answers = crowd(7, 40, 4, 3);
    ClaimIndex ix = index(answers);
    Map<String, String> truth = crowdTruth(40);
    Evaluation mv = Evaluation.ofCanonical(MajorityVote.withDefaults().reconcile(ix), truth);
    Reconciliation r = DawidSkene.withDefaults().reconcile(ix);
    Evaluation ds = Evaluation.ofCanonical(r, truth);
    assertTrue(ds.accuracy() >= 0.9 && ds.accuracy() > mv.accuracy() + 0.1, ds + " vs " + mv);
    int good = ix.sourceNumber("good0");
    int spam = ix.sourceNumber("spam0");
    // The spammer's confusion matrix: "0" whatever the truth.
    ConfusionMatrix m = r.assessment(spam).confusion().orElseThrow();
    assertEquals(ImmutableList.of("0", "1"), m.labels());
    assertEquals(1.0, m.probability(0, 0), 1e-6);
    assertEquals(1.0, m.probability(1, 0), 1e-6);
    assertTrue(r.trust(good) > r.trust(spam));
    checkWellFormed(r);
  }

  @Test
  void confusionRowsSumToOne() {
    Reconciliation r = DawidSkene.withDefaults().withSmoothing(0.5).reconcile(index(crowd(3, 30, 4, 1)));
    for (SourceAssessment a : r.assessments()) {
      ConfusionMatrix m = a.confusion().orElseThrow();
      for (int j = 0; j < m.labels().size(); j++) {
        double sum = 0;
        for (int v = 0; v < m.labels().size(); v++) {
          sum += m.probability(j, v);
        }
        assertEquals(1.0, sum, 1e-9, a.source() + " row " + j);
      }
    }
  }

  @Test
  void sameResultWhateverTheInputOrder() {
    assertOrderInvariant(DawidSkene.withDefaults(), 5);
  }

  @Test
  void reportsNonConvergenceWithoutThrowing() {
    Reconciliation r =
        assertReportsNonConvergence(DawidSkene.withDefaults().withIterations(1).withTolerance(0));
    assertTrue(r.provenance().finalChange() > 0);
  }

  @Test
  void readsDenialsAndClosedDomains() {
    Case c =
        whoFiredFirst()
            .addQuestions(Question.of("silent", "Unasked", ValueDomain.categorical("x", "y")))
            .addClaims(
                claim("a", "who", "police", Stance.AFFIRMS),
                claim("b", "who", "police", Stance.DENIES),
                claim("c", "who", "crowd", Stance.DENIES))
            .build();
    Reconciliation r = DawidSkene.withDefaults().reconcile(c);
    checkWellFormed(r);
    assertEquals("police", r.verdict("who").value().orElseThrow().canonical());
    // A question without claims has no leading value but well-formed probabilities.
    assertTrue(r.verdict("silent").value().isEmpty());
  }

  @Test
  void claimWeightsActAsRepeatedAnswers() {
    ClaimIndex ix =
        index(
            List.of(
                new Answer("w1", "q", "a"),
                new Answer("w2", "q", "b"),
                new Answer("w3", "q", "b")));
    double[] w = new double[ix.claimCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = ix.claimSource[i] == ix.sourceNumber("w1") ? 5 : 1;
    }
    Reconciliation r = DawidSkene.withDefaults().reconcile(ix.withClaimWeights(w));
    checkWellFormed(r);
    assertEquals("a", r.verdict("q").value().orElseThrow().canonical());
  }
}
