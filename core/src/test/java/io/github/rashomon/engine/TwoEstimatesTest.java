package io.github.rashomon.engine;

import static io.github.rashomon.engine.SmallCases.prob;
import static io.github.rashomon.engine.SmallCases.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TwoEstimatesTest {
  /** q1: A, B say x, C says y; q2: A, B, C say u, D says v; q3: C, D say m. */
  static ClaimIndex small() {
    return SmallCases.index(
        "A q1 x", "B q1 x", "C q1 y", "A q2 u", "B q2 u", "C q2 u", "D q2 v", "C q3 m", "D q3 m");
  }

  @Test
  void reliableSourcesOutweighEqualNumbers() {
    // On q1..q4 the reliable three vote a+ b- and the pair a- b+, so π(a) > π(b) and the pair
    // errs more: ε(u) > ε(r). On d, π(y) = mean(1 - ε(r1), 1 - ε(r2), ε(u1), ε(u2)) then
    // exceeds π(x) = mean(ε(r1), ε(r2), 1 - ε(u1), 1 - ε(u2)).
    SmallCases.assertTrustOutweighsNumbers(TwoEstimates.withDefaults());
  }

  @Test
  void firstIterationMatchesHandComputation() {
    Reconciliation r = TwoEstimates.withDefaults().withIterations(1).reconcile(small());
    // ε0 = 0.2. Each claim votes + on its value and - on the question's other value.
    // π(x) = (0.8 + 0.8 + 0.2)/3 = 3/5, π(y) = 2/5, π(u) = (3·0.8 + 0.2)/4 = 13/20,
    // π(v) = 7/20, π(m) = 4/5. Normalised over all facts (min 7/20, max 4/5, λ = 1/2, rounding
    // the raw value): x = 7/9, y = 1/18, u = 5/6, v = 0, m = 1.
    assertEquals((7.0 / 9) / (7.0 / 9 + 1.0 / 18), prob(r, "q1", "x"), 1e-12); // 14/15
    assertEquals(1.0, prob(r, "q2", "u"), 1e-12);
    // ε(A) = ε(B) = (2/9 + 1/18 + 1/6 + 0)/4 = 1/9; ε(C) = (17/18 + 7/9 + 1/6 + 0 + 0)/5 =
    // 17/45; ε(D) = (1 + 5/6 + 0)/3 = 11/18. Normalised (min 1/9, range 1/2): A = B = 0,
    // C = (8/15)/2 + 0 = 4/15 (raw 0.38 rounds to 0), D = 1/2 + 1/2 = 1. Trust is 1 - ε.
    assertEquals(1.0, trust(r, "A"), 1e-12);
    assertEquals(1.0, trust(r, "B"), 1e-12);
    assertEquals(11.0 / 15, trust(r, "C"), 1e-12);
    assertEquals(0.0, trust(r, "D"), 1e-12);
  }

  @Test
  void normalisation() {
    double[] x = {0.2, 0.4, 0.8, 9};
    GallandEstimates.normalise(x, new boolean[] {true, true, true, false}, 0.5);
    // Affine: 0, 1/3, 1; rounded raw: 0, 0, 1; the unused entry is left alone.
    assertEquals(0.0, x[0], 1e-15);
    assertEquals(1.0 / 6, x[1], 1e-15);
    assertEquals(1.0, x[2], 1e-15);
    assertEquals(9.0, x[3], 0.0);
  }

  @Test
  void denialsAndSilentSources() {
    SmallCases.assertDenialCountsAgainst(TwoEstimates.withDefaults());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    assertEquals(TwoEstimates.withDefaults(), Reconcilers.byName("two-estimates"));
    assertEquals("0.5", TwoEstimates.withDefaults().settings().get("normalisationWeight"));
    assertEquals("100", TwoEstimates.withDefaults().settings().get("iterations"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TwoEstimates.withDefaults().withNormalisationWeight(-0.1));
    assertEquals("two-estimates: normalisationWeight must be in [0, 1], got -0.1", e.getMessage());
  }

  @Test
  void productDataset() {
    // Majority vote: 0.8966 on D_Product (dataset README, "Our MV"); we measured 0.9193.
    TruthDiscoveryDatasets.assertAccuracy(
        TwoEstimates.withDefaults(), "zheng_d_jn-product", 0.8966 - 0.03);
  }

  @Test
  void dogDataset() {
    // Majority vote: 0.8166 on Dog (dataset README, "Our MV"); we measured 0.8191.
    TruthDiscoveryDatasets.assertAccuracy(
        TwoEstimates.withDefaults(), "zheng_s4_Dog", 0.8166 - 0.03);
  }
}
