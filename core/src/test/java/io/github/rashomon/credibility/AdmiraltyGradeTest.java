package io.github.rashomon.credibility;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdmiraltyGradeTest {
  private static final double EPS = 1e-12;

  @Test
  void parsesALetterAndADigit() {
    AdmiraltyGrade g = AdmiraltyGrade.parse("B2");
    assertSame(Reliability.B, g.reliability());
    assertSame(InformationCredibility.PROBABLY_TRUE, g.information());
    assertEquals("B2", g.toString());
    assertEquals(AdmiraltyGrade.of(Reliability.B, InformationCredibility.PROBABLY_TRUE), g);
  }

  @Test
  void parseIgnoresCaseAndSurroundingSpaces() {
    assertEquals(AdmiraltyGrade.parse("F6"), AdmiraltyGrade.parse("f6"));
    assertEquals(AdmiraltyGrade.parse("C3"), AdmiraltyGrade.parse(" c3 "));
  }

  @Test
  void everyGradeReadsBackFromItsWrittenForm() {
    int n = 0;
    for (Reliability r : Reliability.values()) {
      for (InformationCredibility i : InformationCredibility.values()) {
        AdmiraltyGrade g = AdmiraltyGrade.of(r, i);
        assertEquals(g, AdmiraltyGrade.parse(g.toString()));
        assertEquals(g.hashCode(), AdmiraltyGrade.parse(g.toString()).hashCode());
        n++;
      }
    }
    assertEquals(36, n);
  }

  @Test
  void equalWhenBothPartsAreEqual() {
    assertEquals(AdmiraltyGrade.parse("A1"), AdmiraltyGrade.parse("a1"));
    assertNotEquals(AdmiraltyGrade.parse("A1"), AdmiraltyGrade.parse("A2"));
    assertNotEquals(AdmiraltyGrade.parse("A1"), AdmiraltyGrade.parse("B1"));
    assertNotEquals(AdmiraltyGrade.parse("A1"), null);
    assertNotEquals(AdmiraltyGrade.parse("A1"), "A1");
  }

  @Test
  void credibilityIsTheInformationDiscountedByTheSource() {
    AdmiraltyGrade g = AdmiraltyGrade.parse("B2");
    Credibility info = InformationCredibility.PROBABLY_TRUE.credibility();
    double p = Reliability.B.credibility().probability(); // 0.80
    Credibility c = g.credibility();
    assertEquals(p * info.belief(), c.belief(), EPS);
    assertEquals(p * info.disbelief(), c.disbelief(), EPS);
    assertEquals(info.baseRate(), c.baseRate());
    assertEquals(info.discountedBy(Reliability.B.credibility()), c);
  }

  @Test
  void anUnreliableSourcePullsTowardsUncertaintyNotFalsehood() {
    Credibility reliable = AdmiraltyGrade.parse("A1").credibility();
    Credibility unreliable = AdmiraltyGrade.parse("E1").credibility();
    assertTrue(unreliable.uncertainty() > reliable.uncertainty());
    assertTrue(unreliable.probability() < reliable.probability());
    assertTrue(unreliable.probability() > 0.5, "confirmed information stays on the true side");
    assertEquals(Credibility.vacuous(), AdmiraltyGrade.parse("F6").credibility());
    assertEquals(Credibility.vacuous(), AdmiraltyGrade.parse("A6").credibility());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "B", "2", "B22", "BB", "2B", "G1", "A0", "A7", "Z9", "B-2", "B 2", "Б2"})
  void rejectsABadCodeQuotingIt(String code) {
    rejectsArgument(() -> AdmiraltyGrade.parse(code), "AdmiraltyGrade", "got '" + code + "'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> AdmiraltyGrade.parse(null), "code");
    rejects(
        NullPointerException.class,
        () -> AdmiraltyGrade.of(null, InformationCredibility.CONFIRMED),
        "reliability");
    rejects(NullPointerException.class, () -> AdmiraltyGrade.of(Reliability.A, null), "information");
  }
}
