package io.github.rashomon.credibility;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

class CredibilityTest {
  private static final double EPS = 1e-12;
  private static final long SEED = 20111216L;

  /** Evidence counts, as from up to a few hundred observations. */
  private static final Gen<Double> EVIDENCE = doubles().between(0, 500);

  private static final Gen<Double> UNIT = doubles().between(0, 1);

  /** Opinions with some evidence and any base rate; never dogmatic. */
  private static final Gen<Credibility> OPINIONS =
      EVIDENCE.zip(EVIDENCE, UNIT, Credibility::fromEvidence);

  private static QuickTheory theory() {
    return qt().withFixedSeed(SEED).withExamples(1000);
  }

  private static void assertSameOpinion(Credibility expected, Credibility actual, double eps) {
    String what = expected + " vs " + actual;
    assertEquals(expected.belief(), actual.belief(), eps, "belief " + what);
    assertEquals(expected.disbelief(), actual.disbelief(), eps, "disbelief " + what);
    assertEquals(expected.uncertainty(), actual.uncertainty(), eps, "uncertainty " + what);
    assertEquals(expected.baseRate(), actual.baseRate(), eps, "base rate " + what);
  }

  private static void assertValid(Credibility c) {
    assertTrue(c.belief() >= 0 && c.disbelief() >= 0 && c.uncertainty() >= 0, c::toString);
    assertEquals(1, c.belief() + c.disbelief() + c.uncertainty(), 1e-12, c::toString);
    assertTrue(c.baseRate() >= 0 && c.baseRate() <= 1, c::toString);
  }

  @Test
  void holdsItsComponents() {
    Credibility c = Credibility.of(0.75, 0.15, 0.10, 0.5);
    assertEquals(0.75, c.belief(), EPS);
    assertEquals(0.15, c.disbelief(), EPS);
    assertEquals(0.10, c.uncertainty(), EPS);
    assertEquals(0.5, c.baseRate());
    assertEquals(0.80, c.probability(), EPS);
    assertEquals("Credibility{b=0.750, d=0.150, u=0.100, a=0.500, p=0.800}", c.toString());
  }

  @Test
  void toleratesAndRemovesRoundingInTheSum() {
    Credibility c = Credibility.of(0.3, 0.3, 0.4 + 5e-10, 0.5);
    assertEquals(1.0, c.belief() + c.disbelief() + c.uncertainty(), 1e-15);
  }

  @Test
  void keepsComponentsThatSumToOneUpToRoundingExactly() {
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002: kept as given, so that of() of a credibility's
    // components is that credibility (JSON round trips); a larger error is divided away.
    Credibility kept = Credibility.of(0.1, 0.2, 0.7, 0.5);
    assertEquals(0.1, kept.belief());
    assertEquals(0.2, kept.disbelief());
    assertEquals(0.7, kept.uncertainty());
    Credibility divided = Credibility.of(0.1, 0.2, 0.7 + 1e-10, 0.5);
    assertEquals(0.1 / (1 + 1e-10), divided.belief(), 1e-17);
    assertTrue(divided.belief() < 0.1);
    // The tolerance itself: 1e-9 off is accepted, twice that is not.
    Credibility.of(0.5, 0.5, Credibility.TOLERANCE * 0.99, 0.5);
    rejectsArgument(() -> Credibility.of(0.5, 0.5, Credibility.TOLERANCE * 2, 0.5), "must be 1");
  }

  @Test
  void distinctOpinionsHashApart() {
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    double[] masses = {0, 0.125, 0.25, 0.5};
    int opinions = 0;
    for (double b : masses) {
      for (double d : masses) {
        for (double a : new double[] {0.25, 0.5, 0.75}) {
          hashes.add(Credibility.of(b, d, 1 - b - d, a).hashCode());
          opinions++;
        }
      }
    }
    assertEquals(opinions, hashes.size());
  }

  @Test
  void probabilityIsBeliefPlusBaseRateTimesUncertainty() {
    assertEquals(0.6 + 0.3 * 0.2, Credibility.of(0.6, 0.2, 0.2, 0.3).probability(), EPS);
    assertEquals(0.5, Credibility.vacuous().probability());
    assertEquals(0.3, Credibility.vacuous(0.3).probability());
    assertEquals(0.7, Credibility.dogmatic(0.7).probability(), EPS);
    theory()
        .forAll(OPINIONS)
        .checkAssert(
            c -> {
              assertEquals(c.belief() + c.baseRate() * c.uncertainty(), c.probability(), EPS);
              assertTrue(c.probability() >= 0 && c.probability() <= 1);
            });
  }

  @Test
  void vacuousAndDogmaticOpinions() {
    Credibility v = Credibility.vacuous();
    assertEquals(0, v.belief());
    assertEquals(0, v.disbelief());
    assertEquals(1, v.uncertainty());
    assertEquals(0.5, v.baseRate());
    assertSame(v, Credibility.vacuous());
    assertEquals(v, Credibility.vacuous(0.5));
    assertEquals(v, Credibility.fromEvidence(0, 0, 0.5));

    Credibility d = Credibility.dogmatic(0.7);
    assertEquals(0.7, d.belief());
    assertEquals(0.3, d.disbelief(), EPS);
    assertEquals(0, d.uncertainty());
    assertEquals(Double.POSITIVE_INFINITY, d.positiveEvidence());
    assertEquals(Double.POSITIVE_INFINITY, d.negativeEvidence());
    assertEquals(0, Credibility.dogmatic(1).negativeEvidence());
  }

  @Test
  void ofProbabilityHasThatProbabilityAndUncertainty() {
    Credibility c = Credibility.ofProbability(0.8, 0.1);
    assertEquals(0.8, c.probability(), EPS);
    assertEquals(0.1, c.uncertainty());
    assertEquals(0.5, c.baseRate());
    assertValid(c);
    assertEquals(Credibility.vacuous(), Credibility.ofProbability(0.5, 1));
  }

  @Test
  void fromEvidenceIsTheBetaMapping() {
    // W = 2: b = r/(r+s+2), d = s/(r+s+2), u = 2/(r+s+2).
    Credibility c = Credibility.fromEvidence(6, 2, 0.5);
    assertEquals(0.6, c.belief(), EPS);
    assertEquals(0.2, c.disbelief(), EPS);
    assertEquals(0.2, c.uncertainty(), EPS);
    assertEquals(2.0, Credibility.PRIOR_WEIGHT);
  }

  @Test
  void evidenceRoundTrips() {
    theory()
        .forAll(EVIDENCE, EVIDENCE, UNIT)
        .checkAssert(
            (r, s, a) -> {
              Credibility c = Credibility.fromEvidence(r, s, a);
              assertValid(c);
              assertEquals(r, c.positiveEvidence(), 1e-9 * (1 + r));
              assertEquals(s, c.negativeEvidence(), 1e-9 * (1 + s));
              assertEquals(a, c.baseRate());
            });
  }

  @Test
  void varianceIsThatOfTheBetaDistribution() {
    // Beta(alpha, beta) with alpha = r + aW, beta = s + (1-a)W has variance
    // alpha*beta / ((alpha+beta)^2 (alpha+beta+1)). For r = 3, s = 1, a = 0.5: Beta(4, 2), 8/252.
    assertEquals(8.0 / 252, Credibility.fromEvidence(3, 1, 0.5).variance(), EPS);
    // Uniform prior Beta(1, 1): 1/12.
    assertEquals(1.0 / 12, Credibility.vacuous().variance(), EPS);
    assertEquals(0, Credibility.dogmatic(0.3).variance());
    theory()
        .forAll(EVIDENCE, EVIDENCE, UNIT)
        .checkAssert(
            (r, s, a) -> {
              double alpha = r + a * Credibility.PRIOR_WEIGHT;
              double beta = s + (1 - a) * Credibility.PRIOR_WEIGHT;
              double n = alpha + beta;
              Credibility c = Credibility.fromEvidence(r, s, a);
              assertEquals(alpha / n, c.probability(), EPS, "mean");
              assertEquals(alpha * beta / (n * n * (n + 1)), c.variance(), EPS, "variance");
              assertTrue(c.variance() <= 0.25);
            });
  }

  @Test
  void fullTrustLeavesAnOpinionUnchanged() {
    theory()
        .forAll(OPINIONS)
        .checkAssert(c -> assertSameOpinion(c, c.discountedBy(Credibility.dogmatic(1)), EPS));
  }

  @Test
  void vacuousTrustHalvesBeliefAndDisbelief() {
    // Discounting uses the projected probability of the trust opinion: 0.5 for vacuous(0.5).
    theory()
        .forAll(OPINIONS)
        .checkAssert(
            c -> {
              Credibility d = c.discountedBy(Credibility.vacuous());
              assertEquals(c.belief() / 2, d.belief(), EPS);
              assertEquals(c.disbelief() / 2, d.disbelief(), EPS);
              assertEquals(c.baseRate(), d.baseRate());
              assertValid(d);
            });
  }

  @Test
  void noTrustLeavesOnlyUncertainty() {
    Credibility c = Credibility.of(0.6, 0.3, 0.1, 0.4);
    assertEquals(Credibility.vacuous(0.4), c.discountedBy(Credibility.dogmatic(0)));
  }

  @Test
  void discountingScalesBeliefAndDisbeliefByTheTrustProbability() {
    theory()
        .forAll(OPINIONS, OPINIONS)
        .checkAssert(
            (c, trust) -> {
              Credibility d = c.discountedBy(trust);
              double p = trust.probability();
              assertEquals(p * c.belief(), d.belief(), EPS);
              assertEquals(p * c.disbelief(), d.disbelief(), EPS);
              assertTrue(d.uncertainty() >= c.uncertainty() - EPS);
              assertValid(d);
            });
  }

  @Test
  void fusingWithVacuousLeavesAnOpinionUnchanged() {
    // Only for opinions with some evidence: two vacuous opinions fuse to their mean base rate.
    theory()
        .forAll(OPINIONS)
        .assuming(c -> c.uncertainty() < 1)
        .checkAssert(
            c -> {
              assertSameOpinion(c, c.fuse(Credibility.vacuous()), EPS);
              assertSameOpinion(c, Credibility.vacuous().fuse(c), EPS);
            });
  }

  @Test
  void fusingTwoVacuousOpinionsAveragesTheirBaseRates() {
    // Jøsang (2016), §12.3, the case u_A = u_B = 1.
    assertEquals(Credibility.vacuous(0.25), Credibility.vacuous(0).fuse(Credibility.vacuous(0.5)));
    assertEquals(Credibility.vacuous(0.3), Credibility.vacuous(0.3).fuse(Credibility.vacuous(0.3)));
  }

  @Test
  void cumulativeFusionAddsEvidence() {
    // Jøsang, Subjective Logic (Springer 2016), §12.3: cumulative belief fusion of two opinions
    // from independent evidence equals the opinion formed from the sum of their evidence.
    theory()
        .forAll(EVIDENCE, EVIDENCE, EVIDENCE, EVIDENCE)
        .checkAssert(
            (r1, s1, r2, s2) -> {
              Credibility fused =
                  Credibility.fromEvidence(r1, s1, 0.5).fuse(Credibility.fromEvidence(r2, s2, 0.5));
              assertSameOpinion(Credibility.fromEvidence(r1 + r2, s1 + s2, 0.5), fused, EPS);
            });
  }

  @Test
  void cumulativeFusionAddsEvidenceWhateverTheCommonBaseRate() {
    theory()
        .forAll(OPINIONS, EVIDENCE, EVIDENCE)
        .checkAssert(
            (c, r, s) -> {
              Credibility other = Credibility.fromEvidence(r, s, c.baseRate());
              Credibility expected =
                  Credibility.fromEvidence(
                      c.positiveEvidence() + r, c.negativeEvidence() + s, c.baseRate());
              assertSameOpinion(expected, c.fuse(other), 1e-9);
            });
  }

  @Test
  void fusionIsCommutativeAndReducesUncertainty() {
    theory()
        .forAll(OPINIONS, OPINIONS)
        .checkAssert(
            (x, y) -> {
              Credibility xy = x.fuse(y);
              assertSameOpinion(xy, y.fuse(x), EPS);
              assertValid(xy);
              assertTrue(xy.uncertainty() <= Math.min(x.uncertainty(), y.uncertainty()) + EPS);
            });
  }

  @Test
  void fusingTwoDogmaticOpinionsAveragesThem() {
    Credibility fused = Credibility.dogmatic(0.9).fuse(Credibility.dogmatic(0.5));
    assertEquals(0.7, fused.belief(), EPS);
    assertEquals(0.3, fused.disbelief(), EPS);
    assertEquals(0, fused.uncertainty());
    assertEquals(0.7, fused.baseRate(), EPS);
  }

  @Test
  void fusingADogmaticOpinionWithAnUncertainOneKeepsTheDogmaticOne() {
    Credibility dogmatic = Credibility.dogmatic(0.9);
    assertSameOpinion(dogmatic, dogmatic.fuse(Credibility.fromEvidence(1, 5, 0.5)), EPS);
    assertSameOpinion(dogmatic, Credibility.vacuous(0.2).fuse(dogmatic), EPS);
  }

  @Test
  void equalWhenAllComponentsAreEqual() {
    Credibility a = Credibility.of(0.5, 0.25, 0.25, 0.5);
    Credibility b = Credibility.of(0.5, 0.25, 0.25, 0.5);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a, a);
    assertEquals(Credibility.fromEvidence(4, 2, 0.5), Credibility.fromEvidence(4, 2, 0.5));
    assertNotEquals(a, Credibility.of(0.5, 0.25, 0.25, 0.6));
    assertNotEquals(a, Credibility.of(0.25, 0.5, 0.25, 0.5));
    assertNotEquals(a, Credibility.of(0.5, 0.5, 0, 0.5));
    assertNotEquals(a, null);
    assertNotEquals(a, "Credibility");
  }

  @Test
  void rejectsComponentsOutsideTheUnitIntervalNamingThem() {
    rejectsArgument(() -> Credibility.of(Double.NaN, 0, 1, 0.5), "Credibility.belief", "NaN");
    rejectsArgument(() -> Credibility.of(1.5, 0, 0, 0.5), "Credibility.belief", "1.5");
    rejectsArgument(() -> Credibility.of(0.5, -0.1, 0.6, 0.5), "Credibility.disbelief", "-0.1");
    rejectsArgument(
        () -> Credibility.of(0, 0, Double.POSITIVE_INFINITY, 0.5),
        "Credibility.uncertainty",
        "Infinity");
    rejectsArgument(() -> Credibility.of(0, 0, 1, 1.2), "Credibility.baseRate", "1.2");
    rejectsArgument(() -> Credibility.vacuous(-1), "Credibility.baseRate", "-1.0");
    rejectsArgument(() -> Credibility.vacuous(Double.NaN), "Credibility.baseRate", "NaN");
    rejectsArgument(() -> Credibility.dogmatic(2), "Credibility.probability", "2.0");
    rejectsArgument(() -> Credibility.ofProbability(-0.5, 0.1), "Credibility.probability", "-0.5");
    rejectsArgument(() -> Credibility.ofProbability(0.5, 1.5), "Credibility.uncertainty", "1.5");
    rejectsArgument(() -> Credibility.fromEvidence(1, 1, 7), "Credibility.baseRate", "7.0");
  }

  @Test
  void rejectsMassesThatDoNotSumToOne() {
    rejectsArgument(
        () -> Credibility.of(0.5, 0.5, 0.5, 0.5),
        "belief + disbelief + uncertainty must be 1",
        "0.5 + 0.5 + 0.5 = 1.5");
    rejectsArgument(
        () -> Credibility.of(0.2, 0.2, 0.2, 0.5), "must be 1", "0.2 + 0.2 + 0.2");
    rejectsArgument(() -> Credibility.of(0.3, 0.3, 0.4 + 1e-8, 0.5), "must be 1");
  }

  @Test
  void rejectsAnUncertaintyTooLargeForTheProbability() {
    // With base rate 0.5, probability 0.95 leaves room for uncertainty 0.1 at most.
    rejectsArgument(
        () -> Credibility.ofProbability(0.95, 0.5), "probability 0.95", "uncertainty 0.5");
    rejectsArgument(() -> Credibility.ofProbability(0, 0.01), "probability 0.0", "uncertainty 0.01");
  }

  @Test
  void rejectsBadEvidenceNamingIt() {
    rejectsArgument(() -> Credibility.fromEvidence(-1, 0, 0.5), "positive evidence", "-1.0");
    rejectsArgument(
        () -> Credibility.fromEvidence(Double.NaN, 0, 0.5), "positive evidence", "NaN");
    rejectsArgument(
        () -> Credibility.fromEvidence(0, Double.POSITIVE_INFINITY, 0.5),
        "negative evidence",
        "Infinity");
    rejectsArgument(() -> Credibility.fromEvidence(0, -2, 0.5), "negative evidence", "-2.0");
  }

  @Test
  void rejectsNullNamingTheArgument() {
    Credibility c = Credibility.vacuous();
    rejects(NullPointerException.class, () -> c.discountedBy(null), "trust");
    rejects(NullPointerException.class, () -> c.fuse(null), "other");
  }
}
