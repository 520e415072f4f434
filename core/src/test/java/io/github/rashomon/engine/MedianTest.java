package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.ValueType;
import org.junit.jupiter.api.Test;

class MedianTest {
  private static final double EPS = 1e-12;

  @Test
  void evenCountTakesTheMidpoint() {
    // 10, 20, 30 and an absurd 1e18: the median is (20 + 30) / 2, the outlier does not matter.
    ClaimIndex index =
        SmallCases.quantities("a n 10", "b n 20", "c n 30", "d n 1000000000000000000");
    assertEquals(
        Quantity.exactly(25), Median.withDefaults().reconcile(index).leadingValue(0).get());
  }

  @Test
  void claimWeightsCount() {
    // 10 weighs 3, 20 and 30 weigh 1: more than half the weight (3 of 5) sits at 10.
    ClaimIndex index =
        ClaimIndex.builder()
            .question("n", ValueType.QUANTITY)
            .addClaim("a", "n", Quantity.exactly(10), 3, false, null)
            .addClaim("b", "n", Quantity.exactly(20), 1, false, null)
            .addClaim("c", "n", Quantity.exactly(30), 1, false, null)
            .build();
    assertEquals(
        Quantity.exactly(10), Median.withDefaults().reconcile(index).leadingValue(0).get());
  }

  @Test
  void probabilitiesFollowTheKernel() {
    // Claims 10, 15..25 (representative 20) and 40: the median is 20.
    // sd of 10, 20, 40 = sqrt(((10 - 70/3)² + (20 - 70/3)² + (40 - 70/3)²) / 3).
    // Gaps to 20: 10 for "10", 0 for "15..25" (it contains 20), 20 for "40";
    // probabilities are proportional to exp(-gap / sd).
    ClaimIndex index = SmallCases.quantities("a n 10", "b n 15..25", "c n 40");
    double m = 70.0 / 3;
    double sd = Math.sqrt(((10 - m) * (10 - m) + (20 - m) * (20 - m) + (40 - m) * (40 - m)) / 3);
    double k10 = Math.exp(-10 / sd);
    double k40 = Math.exp(-20 / sd);
    double z = k10 + 1 + k40;
    Reconciliation r = Median.withDefaults().reconcile(index);
    assertEquals(Quantity.exactly(20), r.leadingValue(0).get());
    assertEquals(k10 / z, r.probability(0, 0), EPS);
    assertEquals(1 / z, r.probability(0, 1), EPS);
    assertEquals(k40 / z, r.probability(0, 2), EPS);
    // Only the range is compatible with 20.
    assertEquals(1 / z, r.confidence(0), EPS);
    // Trust is each source's kernel fit.
    assertArrayEquals(
        new double[] {k10, 1, k40}, new double[] {r.trust(0), r.trust(1), r.trust(2)}, EPS);
  }

  @Test
  void categoricalQuestionsFallBackToMajority() {
    // Two votes for x, one for y: probabilities 2/3 and 1/3, as majority vote gives.
    ClaimIndex index =
        ClaimIndex.builder().add("a", "c", "x").add("b", "c", "x").add("c", "c", "y").build();
    Reconciliation r = Median.withDefaults().reconcile(index);
    assertEquals("x", r.leadingValue(0).get().canonical());
    assertEquals(2.0 / 3, r.probability(0, 0), EPS);
    assertEquals(Median.withDefaults(), Reconcilers.byName("median"));
  }
}
