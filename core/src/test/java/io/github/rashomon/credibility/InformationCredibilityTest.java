package io.github.rashomon.credibility;

import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InformationCredibilityTest {
  private static final double EPS = 1e-12;

  // The table in docs/concepts.md.
  @ParameterizedTest
  @CsvSource({
    "1, CONFIRMED, confirmed by other sources, 0.95, 0.05",
    "2, PROBABLY_TRUE, probably true, 0.75, 0.10",
    "3, POSSIBLY_TRUE, possibly true, 0.50, 0.15",
    "4, DOUBTFUL, doubtful, 0.25, 0.15",
    "5, IMPROBABLE, improbable, 0.10, 0.20",
    "6, CANNOT_BE_JUDGED, truth cannot be judged, 0.50, 1.0"
  })
  void gradesMapToTheDocumentedOpinions(
      int code,
      InformationCredibility grade,
      String description,
      double probability,
      double uncertainty) {
    assertSame(grade, InformationCredibility.ofCode(code));
    assertEquals(code, grade.code());
    assertEquals(description, grade.description());
    assertEquals(probability, grade.credibility().probability(), EPS);
    assertEquals(uncertainty, grade.credibility().uncertainty(), EPS);
  }

  @ParameterizedTest
  @EnumSource(InformationCredibility.class)
  void codeRoundTrips(InformationCredibility grade) {
    assertSame(grade, InformationCredibility.ofCode(grade.code()));
    assertSame(grade, InformationCredibility.valueOf(grade.name()));
  }

  @Test
  void cannotBeJudgedIsVacuous() {
    assertEquals(Credibility.vacuous(), InformationCredibility.CANNOT_BE_JUDGED.credibility());
  }

  @Test
  void lowerDigitsAreMoreCredible() {
    for (int code = 2; code <= 5; code++) {
      assertTrue(
          InformationCredibility.ofCode(code - 1).credibility().probability()
              > InformationCredibility.ofCode(code).credibility().probability());
    }
    assertNotEquals(
        InformationCredibility.CONFIRMED.credibility(),
        InformationCredibility.PROBABLY_TRUE.credibility());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, -1, 10, Integer.MIN_VALUE})
  void rejectsAnUnknownDigitNamingIt(int code) {
    rejectsArgument(
        () -> InformationCredibility.ofCode(code), "InformationCredibility.code", "got " + code);
  }
}
