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

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.engine.EmTestSupport.Answer;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Stance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GladTest {

  @Test
  void defaults() {
    Glad g = Glad.withDefaults();
    assertEquals("glad", g.name());
    assertEquals(100, g.iterations());
    assertEquals(25, g.gradientSteps());
    assertEquals(1.0, g.learningRate());
    assertEquals(
        ImmutableMap.of(
            "gradientSteps", "25", "iterations", "100", "learningRate", "1.0", "tolerance", "1.0E-5"),
        g.settings());
    assertEquals(g, Reconcilers.byName("glad"));
  }

  @Test
  void rejectsBadSettingsNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glad.withDefaults().withGradientSteps(0));
    assertTrue(e.getMessage().contains("glad") && e.getMessage().contains("gradientSteps"));
    e = assertThrows(IllegalArgumentException.class, () -> Glad.withDefaults().withLearningRate(0));
    assertTrue(e.getMessage().contains("learningRate"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Glad.withDefaults().withLearningRate(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> Glad.withDefaults().withIterations(-3));
    assertThrows(IllegalArgumentException.class, () -> Glad.withDefaults().withTolerance(Double.NaN));
  }

  @Test
  void degenerateInputsGiveNoNaN() {
    for (List<Answer> c : degenerateCrowds()) {
      checkWellFormed(Glad.withDefaults().reconcile(index(c)));
    }
    assertEquals(0, Glad.withDefaults().reconcile(ClaimIndex.builder().build()).questionCount());
  }

  @Test
  void abilityOrdersWorkersByAccuracy() {
    // Workers right with probability 0.95, 0.75 and 0.55 on 60 binary questions, plus two
    // average ones so that the majority carries information.
    Random rnd = new Random(42);
    double[] skill = {0.95, 0.75, 0.55, 0.8, 0.8};
    List<Answer> answers = new ArrayList<>();
    for (int q = 0; q < 60; q++) {
      int truth = q % 2;
      for (int w = 0; w < skill.length; w++) {
        int a = rnd.nextDouble() < skill[w] ? truth : 1 - truth;
        answers.add(new Answer("w" + w, String.format(Locale.ROOT, "q%02d", q), Integer.toString(a)));
      }
    }
    Reconciliation r = Glad.withDefaults().reconcile(index(answers));
    checkWellFormed(r);
    assertTrue(r.trust(0) > r.trust(1) && r.trust(1) > r.trust(2), r.assessments().toString());
  }

  @Test
  void beatsMajorityAgainstSpammers() {
    List<Answer> answers = crowd(7, 40, 4, 3);
    ClaimIndex ix = index(answers);
    Map<String, String> truth = crowdTruth(40);
    Evaluation mv = Evaluation.ofCanonical(MajorityVote.withDefaults().reconcile(ix), truth);
    Evaluation glad = Evaluation.ofCanonical(Glad.withDefaults().reconcile(ix), truth);
    assertTrue(glad.accuracy() >= mv.accuracy(), glad + " vs " + mv);
  }

  @Test
  void sameResultWhateverTheInputOrder() {
    assertOrderInvariant(Glad.withDefaults(), 9);
  }

  @Test
  void reportsNonConvergenceWithoutThrowing() {
    assertReportsNonConvergence(Glad.withDefaults().withIterations(1).withTolerance(0));
  }

  @Test
  void readsDenials() {
    Case c =
        whoFiredFirst()
            .addClaims(
                claim("a", "who", "police", Stance.AFFIRMS),
                claim("b", "who", "crowd", Stance.DENIES),
                claim("c", "who", "unknown", Stance.DENIES))
            .build();
    Reconciliation r = Glad.withDefaults().reconcile(c);
    checkWellFormed(r);
    assertEquals("police", r.verdict("who").value().orElseThrow().canonical());
  }
}
