package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  /**
   * Four binary questions, three workers. Majority vote leads with 1 (2/3), 0 (3/3), 0 (2/3),
   * 1 (3/3).
   */
  private static ClaimIndex binary() {
    return ClaimIndex.builder()
        .add("w1", "q1", "1").add("w2", "q1", "1").add("w3", "q1", "0")
        .add("w1", "q2", "0").add("w2", "q2", "0").add("w3", "q2", "0")
        .add("w1", "q3", "1").add("w2", "q3", "0").add("w3", "q3", "0")
        .add("w1", "q4", "1").add("w2", "q4", "1").add("w3", "q4", "1")
        .build();
  }

  private static final Map<String, String> TRUTH =
      ImmutableMap.of("q1", "1", "q2", "0", "q3", "1", "q4", "1", "unknown", "0");

  @Test
  void accuracyF1AndCalibrationByHand() {
    Evaluation ev = Evaluation.ofCanonical(MajorityVote.withDefaults().reconcile(binary()), TRUTH);
    assertEquals("majority-vote", ev.algorithm());
    assertEquals(4, ev.evaluated());
    assertEquals(1, ev.skipped());
    assertEquals(3, ev.correct());
    assertEquals(0.75, ev.accuracy());
    // TP = q1, q4; FN = q3: F1 = 2*2 / (2*2 + 0 + 1).
    assertEquals(0.8, ev.f1().orElseThrow(), 1e-12);
    // Bin [0.6, 0.7): q1 and q3, accuracy 1/2, confidence 2/3; bin [0.9, 1]: right at 1.
    assertEquals(2.0 / 4 * (2.0 / 3 - 0.5), ev.expectedCalibrationError(), 1e-12);
    assertTrue(ev.meanAbsoluteError().isEmpty());
    assertTrue(ev.trustRankCorrelation().isEmpty());
    assertTrue(ev.toString().contains("accuracy=0.7500"), ev.toString());
    assertTrue(ev.toString().contains("f1=0.8000"), ev.toString());
  }

  @Test
  void positiveClassIsConfigurable() {
    Evaluation ev =
        Evaluation.ofCanonical(
            MajorityVote.withDefaults().reconcile(binary()),
            TRUTH,
            Evaluation.Options.defaults().withPositiveClass("0"));
    // Positive "0": TP = q2; FP = q3.
    assertEquals(2.0 / 3, ev.f1().orElseThrow(), 1e-12);
  }

  @Test
  void sourceAccuracyAndRankCorrelation() {
    ClaimIndex ix = binary();
    Map<String, Double> acc = Evaluation.sourceAccuracyOfCanonical(ix, TRUTH);
    assertEquals(ImmutableMap.of("w1", 1.0, "w2", 0.75, "w3", 0.5), acc);
    // Majority-vote trust (agreement): w1 0.75, w2 1, w3 0.75; ranks (1.5, 3, 1.5) vs (3, 2, 1).
    Evaluation ev =
        Evaluation.ofCanonical(
            MajorityVote.withDefaults().reconcile(ix),
            TRUTH,
            Evaluation.Options.defaults().withSourceAccuracy(acc));
    assertEquals(0.0, ev.trustRankCorrelation().orElseThrow(), 1e-12);
    // Perfectly ordered trust.
    Evaluation perfect =
        Evaluation.ofCanonical(
            MajorityVote.withDefaults().reconcile(ix),
            TRUTH,
            Evaluation.Options.defaults()
                .withSourceAccuracy(ImmutableMap.of("w1", 0.7, "w2", 0.9, "w3", 0.6)));
    assertEquals(0.5 * Math.sqrt(3), perfect.trustRankCorrelation().orElseThrow(), 1e-12);
  }

  @Test
  void ranksShareTies() {
    assertEquals(
        java.util.List.of(2.5, 1.0, 2.5, 4.0),
        java.util.Arrays.stream(Evaluation.ranks(new double[] {0.5, 0.1, 0.5, 0.9}))
            .boxed()
            .collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void quantitiesCountCompatibleValuesAndMeanAbsoluteError() {
    ClaimIndex ix =
        ClaimIndex.builder()
            .question("n", ValueType.QUANTITY)
            .question("m", ValueType.QUANTITY)
            .add("w1", "n", "16").add("w2", "n", "16").add("w3", "n", "20")
            .add("w1", "m", "100").add("w2", "m", "100")
            .build();
    Evaluation ev =
        Evaluation.of(
            MajorityVote.withDefaults().reconcile(ix),
            ImmutableMap.of("n", Quantity.between(15, 17), "m", Quantity.exactly(90)));
    assertEquals(0.5, ev.accuracy());
    assertEquals(5.0, ev.meanAbsoluteError().orElseThrow(), 1e-12);
    assertTrue(ev.f1().isEmpty());
  }

  @Test
  void booleanQuestionsDefaultToTrueAsPositive() {
    Case c =
        Case.builder()
            .addSources(Source.of("a"), Source.of("b"))
            .addQuestions(
                Question.of("fired", "Did police fire?", ValueDomain.bool()),
                Question.of("asked", "Never answered", ValueDomain.categorical("x", "y")))
            .addClaims(
                Claim.builder().source("a").question("fired").value(Truth.TRUE).build(),
                Claim.builder().source("b").question("fired").value(Truth.TRUE).build())
            .build();
    Evaluation ev =
        Evaluation.of(
            MajorityVote.withDefaults().reconcile(c),
            ImmutableMap.of("fired", Truth.TRUE, "asked", Category.of("x")));
    assertEquals(2, ev.evaluated());
    assertEquals(1, ev.unanswered());
    assertEquals(0.5, ev.accuracy());
    assertEquals(1.0, ev.f1().orElseThrow());
  }

  @Test
  void badTruthNamesTheQuestion() {
    ClaimIndex ix = ClaimIndex.builder().question("n", ValueType.QUANTITY).add("w", "n", "3").build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Evaluation.ofCanonical(
                    MajorityVote.withDefaults().reconcile(ix), ImmutableMap.of("n", "lots")));
    assertTrue(e.getMessage().contains("'n'") && e.getMessage().contains("lots"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Evaluation.Options.defaults().withSourceAccuracy(ImmutableMap.of("w", 1.5)));
  }

  @Test
  void equalFiguresAreEqual() {
    Reconciliation r = MajorityVote.withDefaults().reconcile(binary());
    assertEquals(Evaluation.ofCanonical(r, TRUTH), Evaluation.ofCanonical(r, TRUTH));
    assertEquals(
        Evaluation.ofCanonical(r, TRUTH).hashCode(), Evaluation.ofCanonical(r, TRUTH).hashCode());
    assertFalse(Evaluation.ofCanonical(r, TRUTH).equals(Evaluation.ofCanonical(r, Map.of())));
  }
}
