package io.github.rashomon.credibility;

import static io.github.rashomon.model.Expect.rejectsArgument;
import static io.github.rashomon.model.Expect.rejectsNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReliabilityTest {
  private static final double EPS = 1e-12;

  // The table in docs/concepts.md.
  @ParameterizedTest
  @CsvSource({
    "A, completely reliable, 0.95, 0.05",
    "B, usually reliable, 0.80, 0.10",
    "C, fairly reliable, 0.65, 0.15",
    "D, not usually reliable, 0.40, 0.20",
    "E, unreliable, 0.20, 0.25",
    "F, reliability cannot be judged, 0.50, 1.0"
  })
  void gradesMapToTheDocumentedOpinions(
      Reliability r, String description, double probability, double uncertainty) {
    assertEquals(description, r.description());
    assertEquals(probability, r.credibility().probability(), EPS);
    assertEquals(uncertainty, r.credibility().uncertainty(), EPS);
    assertEquals(0.5, r.credibility().baseRate());
  }

  @Test
  void cannotBeJudgedIsVacuous() {
    assertEquals(Credibility.vacuous(), Reliability.F.credibility());
  }

  @Test
  void gradesAreOrderedByProbability() {
    Reliability[] judged = {Reliability.A, Reliability.B, Reliability.C, Reliability.D, Reliability.E};
    for (int i = 1; i < judged.length; i++) {
      assertTrue(
          judged[i - 1].credibility().probability() > judged[i].credibility().probability());
      assertTrue(
          judged[i - 1].credibility().uncertainty() < judged[i].credibility().uncertainty());
    }
  }

  @ParameterizedTest
  @EnumSource(Reliability.class)
  void nearestInvertsEveryGrade(Reliability r) {
    assertSame(r, Reliability.nearest(r.credibility()));
  }

  @Test
  void nearestPicksTheClosestProbability() {
    assertSame(Reliability.A, Reliability.nearest(Credibility.dogmatic(1)));
    assertSame(Reliability.A, Reliability.nearest(Credibility.dogmatic(0.9)));
    assertSame(Reliability.B, Reliability.nearest(Credibility.dogmatic(0.85)));
    assertSame(Reliability.C, Reliability.nearest(Credibility.ofProbability(0.6, 0.3)));
    // 0.5 is nearer D (0.40) than C (0.65); F is only for the vacuous opinion.
    assertSame(Reliability.D, Reliability.nearest(Credibility.dogmatic(0.5)));
    assertSame(Reliability.E, Reliability.nearest(Credibility.dogmatic(0)));
    assertSame(Reliability.F, Reliability.nearest(Credibility.vacuous(0.9)));
  }

  @Test
  void equalityIsIdentityByName() {
    assertSame(Reliability.B, Reliability.valueOf("B"));
    assertEquals(Reliability.B.credibility(), Reliability.valueOf("B").credibility());
    assertNotEquals(Reliability.A, Reliability.B);
    assertNotEquals(Reliability.A.credibility(), Reliability.B.credibility());
  }

  @Test
  void rejectsAnUnknownLetterNamingIt() {
    rejectsArgument(() -> Reliability.valueOf("G"), "Reliability", "G");
  }

  @Test
  void rejectsNullArguments() {
    rejectsNull(() -> Reliability.nearest(null));
    rejectsNull(() -> Reliability.valueOf(null));
  }
}
