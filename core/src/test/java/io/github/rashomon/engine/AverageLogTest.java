package io.github.rashomon.engine;

import static io.github.rashomon.engine.SmallCases.prob;
import static io.github.rashomon.engine.SmallCases.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AverageLogTest {
  @Test
  void reliableSourcesOutweighEqualNumbers() {
    // Every source makes five claims, so log|C_s| / |C_s| is the same for all and the ranking
    // follows Sums: the reliable three's shared answers on q1..q4 earn them more trust, which
    // decides the 2:2 split on d.
    SmallCases.assertTrustOutweighsNumbers(AverageLog.withDefaults());
  }

  @Test
  void firstIterationMatchesHandComputation() {
    // A: q1 x, q2 u, q3 m (3 claims); B: q1 x (1 claim); C: q1 y, q2 v (2 claims).
    ClaimIndex index =
        SmallCases.index("A q1 x", "A q2 u", "A q3 m", "B q1 x", "C q1 y", "C q2 v");
    Reconciliation r = AverageLog.withDefaults().withIterations(1).reconcile(index);
    // B0 = 0.5. T(A) = ln 3 · 1.5 / 3, T(B) = ln 1 · 0.5 = 0, T(C) = ln 2 · 1 / 2;
    // scaled by T(A): (1, 0, ln 2 / ln 3). B's single claim does not count.
    assertEquals(1.0, trust(r, "A"), 1e-12);
    assertEquals(0.0, trust(r, "B"), 1e-12);
    assertEquals(Math.log(2) / Math.log(3), trust(r, "C"), 1e-12);
    // B(x) = T(A) + T(B) = 1, B(y) = T(C): P(x) = 1 / (1 + ln 2 / ln 3) = ln 3 / ln 6.
    assertEquals(Math.log(3) / Math.log(6), prob(r, "q1", "x"), 1e-12);
    assertEquals(Math.log(3) / Math.log(6), prob(r, "q2", "u"), 1e-12);
  }

  @Test
  void singleClaimSourcesLeaveEverythingOpen() {
    // log 1 = 0: when every source makes one claim, no one has any trust.
    Reconciliation r = AverageLog.withDefaults().reconcile(SmallCases.index("A q x", "B q y"));
    assertEquals(0.5, prob(r, "q", "x"), 0.0);
  }

  @Test
  void denialsAndSilentSources() {
    SmallCases.assertDenialCountsAgainst(AverageLog.withDefaults());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    assertEquals(AverageLog.withDefaults(), Reconcilers.byName("average-log"));
    assertEquals("1.0E-6", AverageLog.withDefaults().settings().get("tolerance"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AverageLog.withDefaults().withTolerance(-1));
    assertEquals("average-log: tolerance must be finite and >= 0, got -1.0", e.getMessage());
  }

  @Test
  void productDataset() {
    // Majority vote: 0.8966 on D_Product (dataset README, "Our MV"); we measured 0.9105.
    TruthDiscoveryDatasets.assertAccuracy(
        AverageLog.withDefaults(), "zheng_d_jn-product", 0.8966 - 0.03);
  }

  @Test
  void dogDataset() {
    // Majority vote: 0.8166 on Dog (dataset README, "Our MV"); we measured 0.8253.
    TruthDiscoveryDatasets.assertAccuracy(AverageLog.withDefaults(), "zheng_s4_Dog", 0.8166 - 0.03);
  }
}
