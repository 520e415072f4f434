package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.ValueType;
import org.junit.jupiter.api.Test;

class CrhTest {
  private static final double EPS = 1e-9;

  /**
   * The standard deviation of the claims on n in {@link #mixed()}: mean 55.5, deviations ±45.5
   * and ±44.5, variance (2·45.5² + 2·44.5²) / 4.
   */
  private static final double MIXED_SD = Math.sqrt((2 * 45.5 * 45.5 + 2 * 44.5 * 44.5) / 4);

  /**
   * CRH's source weights from their losses: w = -ln(L / ΣL), the share floored at 1e-10 so that a
   * source without loss gets a finite weight.
   */
  private static double[] weights(double... loss) {
    double total = 0;
    for (double l : loss) {
      total += l;
    }
    double[] w = new double[loss.length];
    for (int s = 0; s < loss.length; s++) {
      w[s] = -Math.log(Math.max(1e-10, loss[s] / total));
    }
    return w;
  }

  /**
   * Four categorical questions k1..k4, on which s1, s2, s3 say a and s4, s5 say b, and one
   * quantity question n on which s1 says 10, s2 11, s4 100 and s5 101.
   */
  private static ClaimIndex mixed() {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int k = 1; k <= 4; k++) {
      String q = "k" + k;
      b.add("s1", q, "a").add("s2", q, "a").add("s3", q, "a").add("s4", q, "b").add("s5", q, "b");
    }
    b.question("n", ValueType.QUANTITY);
    b.add("s1", "n", "10").add("s2", "n", "11").add("s4", "n", "100").add("s5", "n", "101");
    return b.build();
  }

  @Test
  void firstIterationByHand() {
    // Start: majority vote gives a on k1..k4; the median of n is (11 + 100) / 2 = 55.5.
    double sd = MIXED_SD;
    // Losses: 0-1 on k1..k4 (s4 and s5 lose 4 each), |55.5 - x| / sd on n; s3 has no loss, so
    // its share is floored at 1e-10.
    double[] expected = weights(45.5 / sd, 44.5 / sd, 0, 4 + 44.5 / sd, 4 + 45.5 / sd);
    Estimate e = Crh.withDefaults().withIterations(1).estimate(mixed());
    assertArrayEquals(expected, e.voteWeight, EPS);
    assertEquals(-Math.log(1e-10), e.voteWeight[2], EPS);
    // Weighted median of n: weights ≈ 2.474 (10), 2.496 (11), 0.878 (100), 0.873 (101);
    // half of the total ≈ 3.36 is passed at 11.
    double half = (expected[0] + expected[1] + expected[3] + expected[4]) / 2;
    assertTrue(expected[0] < half && expected[0] + expected[1] > half);
    assertEquals(Quantity.exactly(11), e.pointEstimate[mixedIndexQuestion("n")]);
  }

  @Test
  void categoricalReliabilityDecidesTheQuantity() {
    // The plain median of n sits between the two camps; CRH, whose weights come from all
    // questions, follows s1 and s2, which were right on k1..k4.
    ClaimIndex index = mixed();
    int n = index.questionNumber("n");
    Reconciliation median = Median.withDefaults().reconcile(index);
    Reconciliation crh = Crh.withDefaults().reconcile(index);
    assertEquals(Quantity.exactly(55.5), median.leadingValue(n).orElseThrow());
    assertEquals(Quantity.exactly(11), crh.leadingValue(n).orElseThrow());
    assertTrue(crh.provenance().converged());
    for (int k = 1; k <= 4; k++) {
      assertEquals("a", crh.verdict("k" + k).value().orElseThrow().canonical());
    }
    // Trust is the mean fit: s1 is right on k1..k4 and 1 away from 11 (kernel exp(-1 / sd));
    // s4 is wrong on k1..k4 and 89 away.
    double sd = MIXED_SD;
    assertEquals((4 + Math.exp(-1 / sd)) / 5, crh.trust(0), EPS);
    assertEquals(Math.exp(-89 / sd) / 5, crh.trust(3), EPS);
    // The candidate 11 carries the most probability; it alone is compatible with the estimate.
    assertEquals(crh.probability(n, 1), crh.verdict(n).confidence(), EPS);
    assertTrue(crh.probability(n, 1) > crh.probability(n, 0));
  }

  @Test
  void squaredLossGivesTheWeightedMean() {
    // One iteration with the normalised squared loss (t - x)² / sd, from the median 55.5.
    double sd = MIXED_SD;
    double[] w =
        weights(45.5 * 45.5 / sd, 44.5 * 44.5 / sd, 0, 4 + 44.5 * 44.5 / sd, 4 + 45.5 * 45.5 / sd);
    double mean = (10 * w[0] + 11 * w[1] + 100 * w[3] + 101 * w[4]) / (w[0] + w[1] + w[3] + w[4]);
    Estimate e =
        Crh.withDefaults()
            .withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED)
            .withIterations(1)
            .estimate(mixed());
    assertArrayEquals(w, e.voteWeight, EPS);
    assertEquals(
        mean, ((Quantity) e.pointEstimate[mixedIndexQuestion("n")]).representative(), EPS);
  }

  @Test
  void agreementCostsNothing() {
    // All claims agree: no loss anywhere, every weight 1, and the value is certain.
    ClaimIndex index =
        ClaimIndex.builder()
            .question("n", ValueType.QUANTITY)
            .add("s1", "n", "5")
            .add("s2", "n", "5")
            .add("s1", "c", "x")
            .add("s2", "c", "x")
            .build();
    Estimate e = Crh.withDefaults().estimate(index);
    assertArrayEquals(new double[] {1, 1}, e.voteWeight, 0);
    assertArrayEquals(new double[] {1, 1}, e.trust, 0);
    assertTrue(e.converged);
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    Crh c = Crh.withDefaults().withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED);
    assertEquals("NORMALISED_SQUARED", c.settings().get("quantityLoss"));
    assertEquals("NORMALISED_ABSOLUTE", Crh.withDefaults().settings().get("quantityLoss"));
    assertThrows(NullPointerException.class, () -> Crh.withDefaults().withQuantityLoss(null));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Crh.withDefaults().withIterations(0));
    assertEquals("crh: iterations must be >= 1, got 0", bad.getMessage());
    assertEquals(Crh.withDefaults(), Reconcilers.byName("crh"));
  }

  private static int mixedIndexQuestion(String id) {
    return mixed().questionNumber(id);
  }
}
