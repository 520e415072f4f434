package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejectsArgument;
import static io.github.rashomon.model.Expect.rejectsNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples of {@link Quantity}; the algebra's laws are in {@link QuantityPropertiesTest}. */
class QuantityTest {

  @Test
  void exactValueIsAPointInterval() {
    Quantity q = Quantity.exactly(16);
    assertEquals(Quantity.Kind.EXACT, q.kind());
    assertTrue(q.isExact());
    assertEquals(16, q.lower());
    assertEquals(16, q.upper());
    assertTrue(q.lowerInclusive());
    assertTrue(q.upperInclusive());
    assertEquals(16, q.representative());
    assertEquals(ValueType.QUANTITY, q.type());
    assertEquals("16", q.canonical());
    assertEquals("16", q.toString());
  }

  @Test
  void rangeIsClosedAndRepresentedByItsMidpoint() {
    Quantity q = Quantity.between(15, 20);
    assertEquals(Quantity.Kind.RANGE, q.kind());
    assertFalse(q.isExact());
    assertEquals(15, q.lower());
    assertEquals(20, q.upper());
    assertTrue(q.contains(15));
    assertTrue(q.contains(20));
    assertFalse(q.contains(20.5));
    assertEquals(17.5, q.representative());
    assertEquals("15..20", q.canonical());
  }

  @Test
  void rangesToTheEndsOfTheDoublesHaveFiniteMidpoints() {
    // (low + high) / 2 overflows here; the representative must stay finite.
    assertEquals(
        1e300 / 2 + Double.MAX_VALUE / 2,
        Quantity.between(1e300, Double.MAX_VALUE).representative());
    assertEquals(0.0, Quantity.between(-Double.MAX_VALUE, Double.MAX_VALUE).representative());
    assertEquals(
        -Double.MAX_VALUE, Quantity.between(-Double.MAX_VALUE, -Double.MAX_VALUE).representative());
    // Ranges that do not overflow keep the usual midpoint, bit for bit.
    assertEquals((0.1 + 0.7) / 2, Quantity.between(0.1, 0.7).representative());
    assertEquals(Double.MIN_VALUE, Quantity.between(0, 2 * Double.MIN_VALUE).representative());
  }

  @Test
  void rangeOfOneNumberIsExact() {
    assertEquals(Quantity.exactly(5), Quantity.between(5, 5));
    assertTrue(Quantity.between(5, 5).isExact());
  }

  @Test
  void boundsAreOpenOrClosedAndUnboundedOnOneSide() {
    Quantity more = Quantity.moreThan(100);
    assertEquals(Quantity.Kind.LOWER_BOUND, more.kind());
    assertFalse(more.contains(100));
    assertTrue(more.contains(100.5));
    assertEquals(Double.POSITIVE_INFINITY, more.upper());
    assertEquals(100, more.representative());
    assertEquals(">100", more.canonical());

    Quantity atLeast = Quantity.atLeast(15);
    assertTrue(atLeast.contains(15));
    assertFalse(atLeast.contains(14.99));
    assertEquals(">=15", atLeast.canonical());

    Quantity less = Quantity.lessThan(5);
    assertEquals(Quantity.Kind.UPPER_BOUND, less.kind());
    assertFalse(less.contains(5));
    assertTrue(less.contains(-1e9));
    assertEquals(Double.NEGATIVE_INFINITY, less.lower());
    assertEquals("<5", less.canonical());

    Quantity atMost = Quantity.atMost(5);
    assertTrue(atMost.contains(5));
    assertEquals("<=5", atMost.canonical());
  }

  @Test
  void approximationRemembersItsCenterAndMargin() {
    Quantity q = Quantity.about(70, 10);
    assertEquals(Quantity.Kind.APPROXIMATE, q.kind());
    assertEquals(60, q.lower());
    assertEquals(80, q.upper());
    assertEquals(70, q.representative());
    assertEquals("~70+-10", q.canonical());
  }

  @Test
  void approximationWritesTheStatedMarginBack() {
    // 0.1 + 0.2 - 0.1 is 0.20000000000000004 in binary floating point: the canonical form must
    // carry the margin as stated, not as recomputed from the interval.
    Quantity q = Quantity.about(0.1, 0.2);
    assertEquals("~0.1+-0.2", q.canonical());
    assertEquals(q, Quantity.parse(q.canonical()));
  }

  @Test
  void negativeZeroIsZero() {
    assertEquals(Quantity.exactly(0), Quantity.exactly(-0.0));
    assertEquals(Quantity.between(0, 1), Quantity.between(-0.0, 1));
    assertEquals(Quantity.moreThan(0), Quantity.moreThan(-0.0));
    assertEquals(Quantity.atMost(0), Quantity.atMost(-0.0));
    assertEquals(Quantity.about(0, 1), Quantity.about(-0.0, 1));
    assertEquals(Quantity.about(0, 0).hashCode(), Quantity.about(-0.0, -0.0).hashCode());
    assertEquals("0..1", Quantity.between(-0.0, 1).canonical());
  }

  @ParameterizedTest
  @CsvSource({
    "16, 16",
    "-3, -3",
    "2.5, 2.5",
    "0.001, 0.001",
    "1e20, 100000000000000000000",
    "-0.25, -0.25",
    "1234567.125, 1234567.125"
  })
  void numbersAreWrittenInPlainDecimal(double x, String expected) {
    assertEquals(expected, Quantity.format(x));
    assertEquals(expected, Quantity.exactly(x).canonical());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "16           | 16",
        " 16          | 16",
        "1e3          | 1000",
        "+7           | 7",
        "15..20       | 15..20",
        "-5..-3       | -5..-3",
        "0.5 .. 1.5   | 0.5..1.5",
        ">100         | >100",
        "> 100        | >100",
        ">=15         | >=15",
        ">= 15        | >=15",
        "<5           | <5",
        "<-5          | <-5",
        "<=5          | <=5",
        "~70+-10      | ~70+-10",
        "~70±10       | ~70+-10",
        "~ 70 +- 10   | ~70+-10",
        "~-5+-0.5     | ~-5+-0.5"
      })
  void parsesTheCanonicalSyntaxAndItsVariants(String text, String canonical) {
    assertEquals(canonical, Quantity.parse(text).canonical());
    assertEquals(Quantity.parse(text), Value.parse(ValueType.QUANTITY, text));
  }

  @Test
  void compatibleWhenIntervalsShareAPoint() {
    assertTrue(Quantity.exactly(16).compatibleWith(Quantity.atLeast(15)));
    assertTrue(Quantity.between(15, 20).compatibleWith(Quantity.about(70, 50)));
    assertTrue(Quantity.atMost(5).compatibleWith(Quantity.atLeast(5)));
    assertTrue(Quantity.moreThan(5).compatibleWith(Quantity.lessThan(5.5)));
    assertFalse(Quantity.lessThan(5).compatibleWith(Quantity.moreThan(5)));
    assertFalse(Quantity.atMost(5).compatibleWith(Quantity.moreThan(5)));
    assertFalse(Quantity.between(15, 20).compatibleWith(Quantity.between(21, 30)));
    assertFalse(Quantity.exactly(16).compatibleWith(Quantity.exactly(17)));
  }

  @Test
  void neverCompatibleWithOtherTypes() {
    assertFalse(Quantity.exactly(1).compatibleWith(Category.of("1")));
    assertFalse(Quantity.exactly(1).compatibleWith(Truth.TRUE));
    assertFalse(Quantity.exactly(1).compatibleWith(ValueSet.of("1")));
  }

  @Test
  void withinComparesIntervals() {
    assertTrue(Quantity.exactly(16).within(Quantity.between(15, 20)));
    assertTrue(Quantity.between(15, 20).within(Quantity.atLeast(15)));
    assertFalse(Quantity.between(15, 20).within(Quantity.moreThan(15)));
    assertTrue(Quantity.moreThan(15).within(Quantity.atLeast(15)));
    assertFalse(Quantity.atLeast(15).within(Quantity.moreThan(15)));
    assertFalse(Quantity.atLeast(15).within(Quantity.between(15, 1e9)));
    // The same at the upper end.
    assertFalse(Quantity.atMost(5).within(Quantity.lessThan(5)));
    assertTrue(Quantity.lessThan(5).within(Quantity.atMost(5)));
    assertFalse(Quantity.between(1, 5).within(Quantity.lessThan(5)));
    assertTrue(Quantity.between(1, 5).within(Quantity.atMost(5)));
  }

  @Test
  void distanceIsTheGapBetweenIntervals() {
    assertEquals(7, Quantity.exactly(3).distanceTo(Quantity.exactly(10)));
    assertEquals(7, Quantity.exactly(10).distanceTo(Quantity.exactly(3)));
    assertEquals(3, Quantity.between(1, 2).distanceTo(Quantity.moreThan(5)));
    assertEquals(1, Quantity.between(15, 20).distanceTo(Quantity.between(21, 30)));
    assertEquals(0, Quantity.exactly(16).distanceTo(Quantity.about(20, 5)));
  }

  @Test
  void intervalsMeetingAtAnExcludedEndHaveNoGapYetAreIncompatible() {
    // "More than 5" and "exactly 5" share no number, but nothing lies between them either: the
    // gap is zero. Distance zero therefore does not imply compatibility at an open end.
    Quantity more = Quantity.moreThan(5);
    Quantity five = Quantity.exactly(5);
    assertFalse(more.compatibleWith(five));
    assertEquals(0, more.distanceTo(five));
  }

  @Test
  void equalWhenKindIntervalAndCenterAreEqual() {
    assertEquals(Quantity.exactly(16), Quantity.parse("16"));
    assertEquals(Quantity.exactly(16).hashCode(), Quantity.parse("16").hashCode());
    assertEquals(Quantity.about(70, 10), Quantity.parse("~70+-10"));
    assertEquals(Quantity.about(70, 10).hashCode(), Quantity.parse("~70+-10").hashCode());
    assertEquals(Quantity.between(1, 2), Quantity.between(1, 2));
    // Same interval, stated differently.
    assertNotEquals(Quantity.between(15, 20), Quantity.about(17.5, 2.5));
    assertNotEquals(Quantity.moreThan(5), Quantity.atLeast(5));
    assertNotEquals(Quantity.lessThan(5), Quantity.atMost(5));
    assertNotEquals(Quantity.exactly(1), Quantity.exactly(2));
    assertNotEquals(Quantity.exactly(1), Category.of("1"));
    assertNotEquals(Quantity.exactly(1), null);
  }

  @Test
  void rejectsNonFiniteNumbers() {
    rejectsArgument(() -> Quantity.exactly(Double.NaN), "Quantity.value", "NaN");
    rejectsArgument(() -> Quantity.exactly(Double.POSITIVE_INFINITY), "Quantity.value", "Infinity");
    rejectsArgument(() -> Quantity.between(Double.NaN, 1), "Quantity.low", "NaN");
    rejectsArgument(() -> Quantity.between(1, Double.POSITIVE_INFINITY), "Quantity.high", "Infinity");
    rejectsArgument(() -> Quantity.moreThan(Double.NaN), "Quantity.bound", "NaN");
    rejectsArgument(
        () -> Quantity.atLeast(Double.NEGATIVE_INFINITY), "Quantity.bound", "-Infinity");
    rejectsArgument(() -> Quantity.lessThan(Double.NaN), "Quantity.bound", "NaN");
    rejectsArgument(() -> Quantity.atMost(Double.POSITIVE_INFINITY), "Quantity.bound", "Infinity");
    rejectsArgument(() -> Quantity.about(Double.NaN, 1), "Quantity.center", "NaN");
    rejectsArgument(() -> Quantity.about(1, Double.NaN), "Quantity.margin", "NaN");
  }

  @Test
  void boundsSayWhichEndsTheyInclude() {
    assertFalse(Quantity.moreThan(1).lowerInclusive());
    assertFalse(Quantity.moreThan(1).upperInclusive());
    assertTrue(Quantity.atLeast(1).lowerInclusive());
    assertFalse(Quantity.lessThan(1).upperInclusive());
    assertFalse(Quantity.lessThan(1).lowerInclusive());
    assertTrue(Quantity.atMost(1).upperInclusive());
    assertTrue(Quantity.between(1, 2).upperInclusive());
  }

  @Test
  void distinctQuantitiesHashApart() {
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    Quantity[] all = {
      Quantity.exactly(1), Quantity.exactly(2), Quantity.between(1, 2), Quantity.moreThan(1),
      Quantity.atLeast(1), Quantity.lessThan(1), Quantity.atMost(1), Quantity.about(1, 1)
    };
    for (Quantity q : all) {
      hashes.add(q.hashCode());
    }
    assertEquals(all.length, hashes.size());
  }

  @Test
  void rejectsAnInfiniteMargin() {
    rejectsArgument(() -> Quantity.about(1, Double.POSITIVE_INFINITY), "Quantity.margin",
        "Infinity");
  }

  @Test
  void rejectsAnInvertedRange() {
    rejectsArgument(() -> Quantity.between(5, 3), "low <= high", "5.0..3.0");
  }

  @Test
  void rejectsANegativeMargin() {
    rejectsArgument(() -> Quantity.about(70, -10), "Quantity.margin", "-10.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "  ", "abc", "12x", "sixteen", "NaN", "Infinity", "0x10", "1,5", ">", ">=", "<", "~",
        "~70", "~70+-", "~+-10", "5..", "..5", "1..2..3", "1e400", "--5", "5..3", "~70+--10"
      })
  void rejectsTextThatIsNotAQuantityQuotingIt(String text) {
    rejectsArgument(() -> Quantity.parse(text), "Quantity '" + text + "'");
  }

  @Test
  void parseErrorsSayWhatIsWrong() {
    rejectsArgument(() -> Quantity.parse(""), "a number is missing");
    rejectsArgument(() -> Quantity.parse("12x"), "'12x' is not a number");
    rejectsArgument(() -> Quantity.parse("1e400"), "not a finite number");
    rejectsArgument(() -> Quantity.parse("~70"), "needs a margin");
    rejectsArgument(() -> Quantity.parse("5..3"), "low <= high");
    rejectsArgument(() -> Quantity.parse("~70+--10"), "Quantity.margin", "-10.0");
    // Messages are wrapped once, with the text, and say which rule failed.
    rejectsArgument(() -> Quantity.parse("5..3"),
        "Quantity '5..3': Quantity range must have low <= high, got 5.0..3.0");
    rejectsArgument(() -> Quantity.parse("~+-10"), "needs a margin");
    rejectsArgument(() -> Quantity.parse("..5"), "'..5' is not a number");
    // Java reads "16f" and "1d" as numbers; a quantity does not.
    rejectsArgument(() -> Quantity.parse("16f"), "'16f' is not a number");
    rejectsArgument(() -> Quantity.parse("1d"), "'1d' is not a number");
    rejectsArgument(() -> Quantity.parse("1/2"), "'1/2' is not a number");
    rejectsArgument(() -> Quantity.parse("12:30"), "'12:30' is not a number");
  }

  @Test
  void rejectsNullArguments() {
    rejectsNull(() -> Quantity.parse(null));
    rejectsNull(() -> Quantity.exactly(1).distanceTo(null));
    rejectsNull(() -> Value.parse(null, "1"));
  }

  @Test
  void parseDispatchesOnType() {
    assertSame(Truth.TRUE, Value.parse(ValueType.BOOLEAN, "yes"));
    assertEquals(Category.of("police"), Value.parse(ValueType.CATEGORICAL, "police"));
    assertEquals(ValueSet.of("a", "b"), Value.parse(ValueType.SET, "b;a"));
    assertEquals(DateTime.parse("2011-12-16"), Value.parse(ValueType.DATE_TIME, "2011-12-16"));
  }
}
