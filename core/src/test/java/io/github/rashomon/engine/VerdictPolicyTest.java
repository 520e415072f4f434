package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictPolicyTest {
  /** The status with its reason, checked against the status alone (the path without one). */
  private static VerdictStatus classify(VerdictPolicy p, int claims, double weight, double margin) {
    VerdictStatus status = p.classify(claims, weight, margin, new StringBuilder());
    assertEquals(status, p.classify(claims, weight, margin, null));
    return status;
  }

  @Test
  void defaultsAreAMarginOfOneFifthOneClaimAndHalfAClaimOfWeight() {
    VerdictPolicy p = VerdictPolicy.defaults();
    assertEquals(0.2, p.contestedMargin());
    assertEquals(1, p.minimumClaims());
    assertEquals(0.5, p.minimumWeight());
    assertEquals(VerdictStatus.UNDETERMINED, classify(p, 0, 0, 1));
    assertEquals(VerdictStatus.UNDETERMINED, classify(p, 1, 0.49, 1));
    assertEquals(VerdictStatus.CONTESTED, classify(p, 1, 1, 0.19));
    assertEquals(VerdictStatus.ACCEPTED, classify(p, 1, 1, 0.2));
    assertEquals(VerdictStatus.ACCEPTED, classify(p, 1, 0.5, 1));
  }

  @Test
  void aSixtyFortySplitIsAcceptedDespiteRounding() {
    // 3/5 - 2/5 is 0.19999999999999996 in doubles: the documented 60/40 split must count.
    double margin = 3.0 / 5 - 2.0 / 5;
    assertTrue(margin < 0.2);
    assertEquals(VerdictStatus.ACCEPTED, classify(VerdictPolicy.defaults(), 5, 5, margin));
    // Likewise a weight that rounding leaves just under the minimum: 0.1 + 0.35 + 0.05.
    double weight = 0.1 + 0.35 + 0.05;
    assertTrue(weight < 0.5);
    assertNotEquals(VerdictStatus.UNDETERMINED, classify(VerdictPolicy.defaults(), 3, weight, 1));
    // A real shortfall is not rounding.
    assertEquals(VerdictStatus.CONTESTED, classify(VerdictPolicy.defaults(), 5, 5, 0.2 - 1e-9));
    assertEquals(VerdictStatus.UNDETERMINED, classify(VerdictPolicy.defaults(), 3, 0.5 - 1e-9, 1));
  }

  @Test
  void reasonsNameTheNumbers() {
    StringBuilder why = new StringBuilder();
    VerdictPolicy.defaults().classify(0, 0, 0, why);
    assertEquals("undetermined: 0 claim(s), fewer than the 1 required", why.toString());
    why.setLength(0);
    VerdictPolicy.defaults().classify(2, 0.25, 1, why);
    assertEquals(
        "undetermined: too little evidence, the claims weigh 0.25 in all, less than 0.50",
        why.toString());
    why.setLength(0);
    VerdictPolicy.defaults().classify(2, 2, 0.1, why);
    assertEquals("contested: the leading value is ahead by 0.100, less than the margin 0.200",
        why.toString());
    why.setLength(0);
    VerdictPolicy.defaults().classify(2, 2, 0.5, why);
    assertEquals("accepted: the leading value is ahead by 0.500 (margin 0.200)", why.toString());
  }

  @Test
  void settingsAreValidatedAndCompared() {
    VerdictPolicy p =
        VerdictPolicy.defaults().withContestedMargin(0.3).withMinimumClaims(2)
            .withMinimumWeight(1.5);
    assertEquals(0.3, p.contestedMargin());
    assertEquals(2, p.minimumClaims());
    assertEquals(1.5, p.minimumWeight());
    assertEquals(VerdictStatus.UNDETERMINED, classify(p, 1, 9, 1));
    assertEquals(VerdictStatus.UNDETERMINED, classify(p, 2, 1.4, 1));
    assertEquals(VerdictStatus.CONTESTED, classify(p, 2, 2, 0.25));
    assertEquals(p, VerdictPolicy.defaults().withMinimumWeight(1.5).withMinimumClaims(2)
        .withContestedMargin(0.3));
    assertEquals(p.hashCode(), VerdictPolicy.defaults().withMinimumWeight(1.5)
        .withMinimumClaims(2).withContestedMargin(0.3).hashCode());
    assertNotEquals(p, VerdictPolicy.defaults());
    assertNotEquals(VerdictPolicy.defaults(), VerdictPolicy.defaults().withMinimumClaims(2));
    assertNotEquals(VerdictPolicy.defaults(), VerdictPolicy.defaults().withMinimumWeight(0));
    assertNotEquals(VerdictPolicy.defaults(), "a policy");
    assertEquals(
        "VerdictPolicy{contestedMargin=0.3, minimumClaims=2, minimumWeight=1.5}", p.toString());
    // Zero disables the margin and the weight.
    VerdictPolicy lax = VerdictPolicy.defaults().withContestedMargin(0).withMinimumWeight(0);
    assertEquals(VerdictStatus.ACCEPTED, classify(lax, 1, 0, 0));
    for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class,
              () -> VerdictPolicy.defaults().withContestedMargin(bad));
      assertTrue(e.getMessage().contains("contestedMargin"), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> VerdictPolicy.defaults().withMinimumClaims(0));
    for (double bad : new double[] {-1, Double.POSITIVE_INFINITY, Double.NaN}) {
      assertThrows(IllegalArgumentException.class,
          () -> VerdictPolicy.defaults().withMinimumWeight(bad));
    }
  }
}
