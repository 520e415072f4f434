package io.github.rashomon.engine;

import static io.github.rashomon.engine.SmallCases.prob;
import static io.github.rashomon.engine.SmallCases.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import io.github.rashomon.model.Quantity;
import org.junit.jupiter.api.Test;

class TruthFinderTest {
  private static final double TAU0 = Math.log(10); // -ln(1 - 0.9)

  private static double sigmoid(double sigmaStar) {
    return 1 / (1 + Math.exp(-0.3 * sigmaStar));
  }

  @Test
  void reliableSourcesOutweighEqualNumbers() {
    // On q1..q4, "a" has three providers and "b" two, so s(a) > s(b) and each reliable source's
    // mean confidence (its trust) ends above an unreliable one's. On d, σ(y) = τ(r1) + τ(r2)
    // then exceeds σ(x) = τ(u1) + τ(u2), since τ = -ln(1 - t) grows with t.
    SmallCases.assertTrustOutweighsNumbers(TruthFinder.withDefaults());
  }

  @Test
  void firstIterationMatchesHandComputation() {
    // q1: A and B say x, C says y; q2: A says u, C says v.
    ClaimIndex index = SmallCases.index("A q1 x", "B q1 x", "C q1 y", "A q2 u", "C q2 v");
    Reconciliation r = TruthFinder.withDefaults().withIterations(1).reconcile(index);
    // t0 = 0.9, τ0 = ln 10. σ(x) = 2 ln 10, σ(y) = σ(u) = σ(v) = ln 10; categorical values do
    // not imply each other, so σ* = σ. s = 1 / (1 + e^(-0.3 σ*)): s(x) = 1 / (1 + 10^-0.6),
    // s(y) = s(u) = s(v) = 1 / (1 + 10^-0.3).
    double sx = 1 / (1 + Math.pow(10, -0.6));
    double sy = 1 / (1 + Math.pow(10, -0.3));
    assertEquals(sx, sigmoid(2 * TAU0), 1e-15);
    assertEquals(sx / (sx + sy), prob(r, "q1", "x"), 1e-12);
    assertEquals(0.5, prob(r, "q2", "u"), 1e-12);
    // t(w) = mean s over the source's facts.
    assertEquals((sx + sy) / 2, trust(r, "A"), 1e-12);
    assertEquals(sx, trust(r, "B"), 1e-12);
    assertEquals(sy, trust(r, "C"), 1e-12);
  }

  @Test
  void quantitiesImplyEachOtherBySimilarity() {
    // One question, A says 10, B says 11, C says 100: σ = ln 10 each.
    ClaimIndex index = SmallCases.quantities("A q 10", "B q 11", "C q 100");
    Reconciliation r = TruthFinder.withDefaults().withIterations(1).reconcile(index);
    // imp(f' -> f) = exp(-|f - f'| / max(|f|, |f'|)) - 0.5, and σ*(f) = σ(f) + 0.5 Σ σ(f') imp.
    double i10x11 = Math.exp(-1.0 / 11) - 0.5; // close: +0.41
    double i10x100 = Math.exp(-90.0 / 100) - 0.5; // far: -0.09
    double i11x100 = Math.exp(-89.0 / 100) - 0.5;
    double s10 = sigmoid(TAU0 + 0.5 * TAU0 * (i10x11 + i10x100));
    double s11 = sigmoid(TAU0 + 0.5 * TAU0 * (i10x11 + i11x100));
    double s100 = sigmoid(TAU0 + 0.5 * TAU0 * (i10x100 + i11x100));
    double total = s10 + s11 + s100;
    assertEquals(s10 / total, prob(r, "q", "10"), 1e-12);
    assertEquals(s11 / total, prob(r, "q", "11"), 1e-12);
    assertEquals(s100 / total, prob(r, "q", "100"), 1e-12);
    // 10 and 11 support each other against the outlier.
    assertTrue(prob(r, "q", "11") > prob(r, "q", "100"));
  }

  @Test
  void implication() {
    // Compatible values support each other fully: sim 1, minus the base similarity 0.5.
    assertEquals(
        0.5, TruthFinder.implication(Quantity.between(10, 20), Quantity.exactly(15)), 0.0);
    assertEquals(
        Math.exp(-5.0 / 25) - 0.5,
        TruthFinder.implication(Quantity.exactly(20), Quantity.exactly(25)),
        1e-15);
    assertEquals(0.0, TruthFinder.implication(Category.of("a"), Category.of("b")), 0.0);
  }

  @Test
  void stopsWhenTrustDirectionSettles() {
    Reconciliation r = TruthFinder.withDefaults().reconcile(SmallCases.reliableMinority());
    assertTrue(r.provenance().converged());
    assertTrue(r.provenance().iterations() < 100, "iterations " + r.provenance().iterations());
  }

  @Test
  void denialsAndSilentSources() {
    SmallCases.assertDenialCountsAgainst(TruthFinder.withDefaults());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    assertEquals(TruthFinder.withDefaults(), Reconcilers.byName("truthfinder"));
    TruthFinder tf = TruthFinder.withDefaults();
    assertEquals("0.3", tf.settings().get("dampening"));
    assertEquals("0.5", tf.settings().get("implicationWeight"));
    assertEquals("0.9", tf.settings().get("initialTrust"));
    assertEquals("0.2", tf.withDampening(0.2).settings().get("dampening"));
    assertEquals(0.0, tf.withImplicationWeight(0).implicationWeight(), 0.0);
    assertEquals(0.3, tf.dampening());
    assertEquals(0.5, tf.implicationWeight());
    assertEquals(0.2, tf.withDampening(0.2).dampening());
    assertEquals(3, tf.withThreads(3).threads());
    assertEquals(0.8, tf.withInitialTrust(0.8).initialTrust(), 0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tf.withDampening(0));
    assertEquals("truthfinder: dampening must be in (0, 1], got 0.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tf.withImplicationWeight(1.5));
    assertThrows(IllegalArgumentException.class, () -> tf.withInitialTrust(1));
  }

  @Test
  void productDataset() {
    // Majority vote: 0.8966 on D_Product (dataset README, "Our MV"); we measured 0.8966 (with
    // three answers per question, two votes always outweigh one at these trust levels).
    TruthDiscoveryDatasets.assertAccuracy(
        TruthFinder.withDefaults(), "zheng_d_jn-product", 0.8966 - 0.03);
  }

  @Test
  void dogDataset() {
    // Majority vote: 0.8166 on Dog (dataset README, "Our MV"); we measured 0.8327.
    TruthDiscoveryDatasets.assertAccuracy(
        TruthFinder.withDefaults(), "zheng_s4_Dog", 0.8166 - 0.03);
  }
}
