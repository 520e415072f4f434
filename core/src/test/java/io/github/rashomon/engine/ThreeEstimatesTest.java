package io.github.rashomon.engine;

import static io.github.rashomon.engine.SmallCases.prob;
import static io.github.rashomon.engine.SmallCases.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreeEstimatesTest {
  @Test
  void reliableSourcesOutweighEqualNumbers() {
    // As in 2-Estimates, the pair's minority answers on q1..q4 raise its error rate; with fact
    // difficulty the errors on those easy, lopsided questions weigh even more, and on d the two
    // reliable votes for y outweigh the pair's two for x.
    SmallCases.assertTrustOutweighsNumbers(ThreeEstimates.withDefaults());
  }

  @Test
  void firstIterationMatchesHandComputation() {
    // The case of TwoEstimatesTest.small(): q1 A, B: x, C: y; q2 A, B, C: u, D: v; q3 C, D: m.
    Reconciliation r =
        ThreeEstimates.withDefaults().withIterations(1).reconcile(TwoEstimatesTest.small());
    // ε(V) = 0.2, ε(f) = 0.4: a wrong vote has probability 0.08, and π before normalisation is
    // x 16/25, y 9/25, u 71/100, v 29/100, m 23/25; normalised as in 2-Estimates to x = 7/9,
    // y = 1/18, u = 5/6, v = 0, m = 1.
    assertEquals(14.0 / 15, prob(r, "q1", "x"), 1e-12);
    assertEquals(1.0, prob(r, "q2", "u"), 1e-12);
    // ε(V) divides by ε(f) = 0.4: raw A = B = 5/18, C = 17/18, D = 55/36. Normalised (min 5/18,
    // range 5/4): A = B = 0, C = (8/15)/2 + 1/2 = 23/30 (raw 0.94 rounds to 1), D = 1.
    assertEquals(1.0, trust(r, "A"), 1e-12);
    assertEquals(1.0, trust(r, "B"), 1e-12);
    assertEquals(7.0 / 30, trust(r, "C"), 1e-12);
    assertEquals(0.0, trust(r, "D"), 1e-12);
  }

  @Test
  void secondIterationMatchesHandComputation() {
    Reconciliation r =
        ThreeEstimates.withDefaults().withIterations(2).reconcile(TwoEstimatesTest.small());
    // After iteration 1, ε(V): A = B = 0, C = 23/30, D = 1. ε(f) = mean over votes of
    // (1 - π)/ε(V) or π/ε(V), leaving out A and B (ε = 0): raw u = (1/6)/(23/30)/4 + ... ;
    // normalised difficulties (computed exactly): u = 87/272, v = 207/680, y = 1/2, m = 0.
    double eC = 23.0 / 30;
    double eu = 87.0 / 272;
    double ev = 207.0 / 680;
    double ey = 0.5;
    // Raw π: u has votes A+, B+ (ε(V) = 0: certain), C+ and D-.
    double u = (1 + 1 + (1 - eu * eC) + eu * 1) / 4;
    double v = (0 + 0 + ev * eC + (1 - ev * 1)) / 4;
    // Smallest raw π is y's (votes A-, B-, C+), largest m's (ε(m) = 0): 1.
    double y = (0 + 0 + (1 - ey * eC)) / 3;
    double nu = 0.5 * (u - y) / (1 - y) + 0.5 * 1; // raw u ≈ 0.77 rounds to 1
    double nv = 0.5 * (v - y) / (1 - y) + 0.5 * 0; // raw v ≈ 0.23 rounds to 0
    assertEquals(nu / (nu + nv), prob(r, "q2", "u"), 1e-12);
    assertEquals(1.0, prob(r, "q1", "x"), 1e-12); // y's π is now the minimum, 0
  }

  @Test
  void denialsAndSilentSources() {
    SmallCases.assertDenialCountsAgainst(ThreeEstimates.withDefaults());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    assertEquals(ThreeEstimates.withDefaults(), Reconcilers.byName("three-estimates"));
    assertEquals("0.5", ThreeEstimates.withDefaults().settings().get("normalisationWeight"));
    assertEquals(
        "0.25",
        ThreeEstimates.withDefaults().withNormalisationWeight(0.25).settings()
            .get("normalisationWeight"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ThreeEstimates.withDefaults().withNormalisationWeight(2));
  }

  @Test
  void productDataset() {
    // Majority vote: 0.8966 on D_Product (dataset README, "Our MV"); we measured 0.9029.
    TruthDiscoveryDatasets.assertAccuracy(
        ThreeEstimates.withDefaults(), "zheng_d_jn-product", 0.8966 - 0.03);
  }

  @Test
  void dogDataset() {
    // Majority vote: 0.8166 on Dog (dataset README, "Our MV"); we measured 0.8302.
    TruthDiscoveryDatasets.assertAccuracy(
        ThreeEstimates.withDefaults(), "zheng_s4_Dog", 0.8166 - 0.03);
  }
}
