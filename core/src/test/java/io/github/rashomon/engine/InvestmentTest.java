package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InvestmentTest {
  @Test
  void reliableSourcesOutweighEqualNumbers() {
    // The reliable three invest together in "a" on q1..q4, which grows to more belief than the
    // pair's "b"; their returns raise their trust, so their investment in y on d outweighs the
    // pair's in x.
    SmallCases.assertTrustOutweighsNumbers(Investment.withDefaults());
  }

  @Test
  void firstIterationMatchesHandComputation() {
    // q1: A and B say x, C says y; q2: A says u, C says v.
    Reconciliation r =
        Investment.withDefaults().withIterations(1).reconcile(SmallCases.twoQuestions());
    // T0 = 1; B0 by vote share: x = 2/3, y = 1/3, u = v = 1/2. Per-claim stakes T/|C|:
    // A 1/2, B 1, C 1/2; invested: x 3/2, y 1/2, u 1/2, v 1/2.
    // T(A) = 1/2 (B(x)/(3/2) + B(u)/(1/2)) = 1/2 (4/9 + 1) = 13/18; T(B) = 4/9;
    // T(C) = 1/2 (2/3 + 1) = 5/6. Scaled by 5/6: (13/15, 8/15, 1).
    // New stakes: A 13/30, B 8/15, C 1/2. H(x) = 29/30, H(y) = 1/2, H(u) = 13/30, H(v) = 1/2;
    // B = H^1.2.
    double x = Math.pow(29.0 / 30, 1.2);
    double y = Math.pow(0.5, 1.2);
    double u = Math.pow(13.0 / 30, 1.2);
    SmallCases.assertTwoQuestionScores(r, 13.0 / 15, 8.0 / 15, 1.0, x / (x + y), u / (u + y));
  }

  @Test
  void denialsAndSilentSources() {
    SmallCases.assertDenialCountsAgainst(Investment.withDefaults());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    assertEquals(Investment.withDefaults(), Reconcilers.byName("investment"));
    assertEquals("1.2", Investment.withDefaults().settings().get("exponent"));
    assertEquals(1.5, Investment.withDefaults().withExponent(1.5).exponent(), 0.0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Investment.withDefaults().withExponent(0));
    assertEquals("investment: exponent must be finite and > 0, got 0.0", e.getMessage());
  }

  @Test
  void productDataset() {
    // Majority vote: 0.8966 on D_Product (dataset README, "Our MV"); we measured 0.9050.
    TruthDiscoveryDatasets.assertAccuracy(
        Investment.withDefaults(), "zheng_d_jn-product", 0.8966 - 0.03);
  }

  @Test
  void dogDataset() {
    // Majority vote scores 0.8166 on Dog (dataset README, "Our MV"). Investment does not reach
    // 0.8166 - 0.03: we measured 0.7509 after the default 20 iterations, the same as an
    // independent NumPy reimplementation of the paper's updates, which also shows it falling
    // further with more iterations (0.48 after 200). This floor guards the measured figure.
    TruthDiscoveryDatasets.assertAccuracy(Investment.withDefaults(), "zheng_s4_Dog", 0.74);
  }
}
