package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.ValueType;
import org.junit.jupiter.api.Test;

/** The weighted statistics of the quantity estimators, by hand. */
class QuantitiesTest {

  /** One quantity question whose candidates are the given numbers, each claimed once. */
  private static ClaimIndex numbers(double... xs) {
    ClaimIndex.Builder b = ClaimIndex.builder().question("n", ValueType.QUANTITY);
    for (int i = 0; i < xs.length; i++) {
      b.add("s" + i, "n", Quantity.exactly(xs[i]));
    }
    return b.build();
  }

  @Test
  void weightedMedian() {
    ClaimIndex ix = numbers(10, 12, 20);
    // Half the weight (1.5 of 3) is passed at 12.
    assertEquals(12, Quantities.weightedMedian(ix, 0, new double[] {1, 1, 1}));
    // Exactly half at or below 10: the midpoint with the next weighted value.
    assertEquals(11, Quantities.weightedMedian(ix, 0, new double[] {1, 1, 0}));
    assertEquals(15, Quantities.weightedMedian(ix, 0, new double[] {1, 0, 1}));
    assertEquals(11, Quantities.weightedMedian(ix, 0, new double[] {2, 1, 1}));
    // A heavy value holds the median on its own; zero-weight values do not count.
    assertEquals(20, Quantities.weightedMedian(ix, 0, new double[] {1, 1, 3}));
    assertEquals(12, Quantities.weightedMedian(ix, 0, new double[] {0, 5, 0}));
    assertTrue(Double.isNaN(Quantities.weightedMedian(ix, 0, new double[] {0, 0, 0})));
  }

  @Test
  void weightedMeanAndDeviation() {
    ClaimIndex ix = numbers(10, 12, 20);
    assertEquals(14, Quantities.weightedMean(ix, 0, new double[] {1, 1, 1}), 1e-12);
    assertEquals(11, Quantities.weightedMean(ix, 0, new double[] {1, 1, 0}), 1e-12);
    assertEquals(Math.sqrt(56.0 / 3), Quantities.weightedStd(ix, 0, new double[] {1, 1, 1}),
        1e-12);
    // Weights 3, 1 on 10 and 12: mean 10.5, deviation sqrt((3·0.25 + 2.25) / 4).
    assertEquals(Math.sqrt(0.75), Quantities.weightedStd(ix, 0, new double[] {3, 1, 0}), 1e-12);
    assertTrue(Double.isNaN(Quantities.weightedMean(ix, 0, new double[3])));
    assertEquals(0, Quantities.weightedStd(ix, 0, new double[3]));
    // Deviations from the first value keep huge close values finite: (MAX + MAX/2) / 2.
    ClaimIndex huge = numbers(Double.MAX_VALUE, Double.MAX_VALUE / 2);
    assertEquals(0.75 * Double.MAX_VALUE,
        Quantities.weightedMean(huge, 0, new double[] {2, 2}), Math.ulp(Double.MAX_VALUE));
    // A spread that overflows gives no estimate rather than an infinite one.
    ClaimIndex wide = numbers(Double.MAX_VALUE, -Double.MAX_VALUE);
    assertTrue(Double.isNaN(Quantities.weightedMean(wide, 0, new double[] {2, 2})));
  }

  @Test
  void kernelProbabilitiesFollowTheGapToTheEstimate() {
    ClaimIndex ix = numbers(10, 12, 20);
    double sd = 4;
    double[] out = new double[3];
    Quantities.kernelProbabilities(ix, 0, 12, sd, new double[] {1, 2, 1}, out);
    double a = Math.exp(-2 / sd);
    double c = Math.exp(-8 / sd);
    double z = a + 2 + c;
    assertArrayEquals(new double[] {a / z, 2 / z, c / z}, out, 1e-15);
    // No spread: only a candidate containing the estimate counts.
    Quantities.kernelProbabilities(ix, 0, 12, 0, new double[] {1, 2, 1}, out);
    assertArrayEquals(new double[] {0, 1, 0}, out, 0);
    // Nothing weighs: uniform.
    Quantities.kernelProbabilities(ix, 0, 11, 0, new double[] {1, 0, 1}, out);
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, out, 1e-15);
    assertEquals(1, Quantities.kernel(ix, 1, 12, 0));
    assertEquals(0, Quantities.kernel(ix, 0, 12, 0));
    assertEquals(Math.exp(-0.5), Quantities.kernel(ix, 0, 12, 4), 1e-15);
  }

  @Test
  void fitReadsTiesAndDenials() {
    // A categorical tie: the first candidate leads, so its source fits and the other does not.
    ClaimIndex tie = SmallCases.index("a q x", "b q y");
    Reconciliation median = Median.withDefaults().reconcile(tie);
    assertEquals(1, median.trust(tie.sourceNumber("a")));
    assertEquals(0, median.trust(tie.sourceNumber("b")));
    // Denying the number the estimate lands on fits not at all; affirming it fits fully.
    ClaimIndex.Builder b = ClaimIndex.builder().question("n", ValueType.QUANTITY);
    b.add("a", "n", "16").add("b", "n", "16");
    b.addClaim("c", "n", Quantity.exactly(16), 1, true, null);
    ClaimIndex ix = b.build();
    Reconciliation r = Median.withDefaults().reconcile(ix);
    assertEquals(Quantity.exactly(16), r.leadingValue(0).orElseThrow());
    assertEquals(1, r.trust(ix.sourceNumber("a")));
    assertEquals(0, r.trust(ix.sourceNumber("c")));
  }
}
