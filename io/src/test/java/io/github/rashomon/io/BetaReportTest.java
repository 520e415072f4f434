package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.credibility.Credibility;
import org.junit.jupiter.api.Test;

/** The trust intervals the report draws: Beta quantiles against SciPy's. */
class BetaReportTest {
  @Test
  void quantilesMatchScipy() {
    // Reference values: scipy.stats.beta.ppf(p, a, b), SciPy 1.17.1.
    double[][] cases = {
      {2, 3, 0.09761146288641434, 0.7513953742698181},
      {1, 1, 0.05, 0.95},
      {1.5, 9.5, 0.017891988055747824, 0.33056280326013454},
      {10, 2, 0.6356405107527575, 0.9666807823157701},
      {0.5, 0.5, 0.0061558297024311365, 0.9938441702975689},
      {50, 50, 0.41810922158826574, 0.5818907784117342},
    };
    for (double[] c : cases) {
      assertEquals(c[2], Beta.quantile(0.05, c[0], c[1]), 1e-9, "a=" + c[0] + " b=" + c[1]);
      assertEquals(c[3], Beta.quantile(0.95, c[0], c[1]), 1e-9, "a=" + c[0] + " b=" + c[1]);
    }
  }

  @Test
  void aCredibilityIsItsBetaDistribution() {
    // One positive and two negative observations, base rate 0.5: Beta(2, 3).
    Credibility c = Credibility.fromEvidence(1, 2, 0.5);
    double[] i = Beta.interval(c, 0.9);
    assertEquals(0.09761146288641434, i[0], 1e-9);
    assertEquals(0.7513953742698181, i[1], 1e-9);
    // Vacuous: the uniform distribution.
    assertArrayEquals(new double[] {0.05, 0.95}, Beta.interval(Credibility.vacuous(), 0.9), 1e-9);
    // Dogmatic: a point.
    assertArrayEquals(new double[] {0.7, 0.7}, Beta.interval(Credibility.dogmatic(0.7), 0.9), 0);
  }
}
