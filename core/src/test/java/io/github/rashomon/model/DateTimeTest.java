package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeTest {
  private static final LocalDate DAY = LocalDate.of(2011, 12, 16);
  private static final LocalDateTime NOON = DAY.atTime(12, 0);

  @Test
  void aDaySpansFromItsFirstToItsLastNanosecond() {
    DateTime d = DateTime.onDay(DAY);
    assertEquals(DAY.atStartOfDay(), d.start());
    assertEquals(DAY.atTime(LocalTime.MAX), d.end());
    assertEquals("2011-12-16", d.canonical());
    assertEquals(ValueType.DATE_TIME, d.type());
  }

  @Test
  void aMomentIsASpanOfLengthZero() {
    DateTime m = DateTime.at(DAY.atTime(11, 30));
    assertEquals(m.start(), m.end());
    assertEquals("2011-12-16T11:30", m.canonical());
    assertEquals(m, DateTime.between(DAY.atTime(11, 30), DAY.atTime(11, 30)));
  }

  @Test
  void aSpanUsesIsoIntervalSyntax() {
    DateTime s = DateTime.between(DAY.atTime(10, 0), NOON);
    assertEquals(DAY.atTime(10, 0), s.start());
    assertEquals(NOON, s.end());
    assertEquals("2011-12-16T10:00/2011-12-16T12:00", s.canonical());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2011-12-16",
        "2011-12-16T11:30",
        "2011-12-16T11:30:15",
        "2011-12-16T11:30:15.250",
        "2011-12-16T10:00/2011-12-17T02:00"
      })
  void canonicalFormReadsBack(String text) {
    DateTime d = DateTime.parse(text);
    assertEquals(text, d.canonical());
    assertEquals(d, DateTime.parse(d.canonical()));
    assertEquals(d, Value.parse(ValueType.DATE_TIME, text));
  }

  @Test
  void parseIgnoresSurroundingSpaces() {
    assertEquals(DateTime.onDay(DAY), DateTime.parse("  2011-12-16 "));
  }

  @Test
  void compatibleWhenSpansOverlap() {
    DateTime day = DateTime.onDay(DAY);
    assertTrue(day.compatibleWith(DateTime.at(NOON)));
    assertTrue(DateTime.at(NOON).compatibleWith(day));
    assertTrue(day.compatibleWith(day));
    assertFalse(day.compatibleWith(DateTime.onDay(DAY.plusDays(1))));
    assertFalse(DateTime.at(NOON).compatibleWith(DateTime.at(NOON.plusSeconds(1))));
    // Closed spans: sharing an end point is overlapping.
    DateTime morning = DateTime.between(DAY.atTime(8, 0), NOON);
    DateTime afternoon = DateTime.between(NOON, DAY.atTime(18, 0));
    assertTrue(morning.compatibleWith(afternoon));
    assertTrue(DateTime.between(DAY.atTime(23, 0), DAY.plusDays(1).atTime(1, 0)).compatibleWith(
        DateTime.onDay(DAY.plusDays(1))));
    assertFalse(day.compatibleWith(Category.of("2011-12-16")));
  }

  @Test
  void equalWhenSpansAndWholeDayFlagAreEqual() {
    assertEquals(DateTime.onDay(DAY), DateTime.parse("2011-12-16"));
    assertEquals(DateTime.onDay(DAY).hashCode(), DateTime.parse("2011-12-16").hashCode());
    assertEquals(DateTime.at(NOON), DateTime.parse("2011-12-16T12:00:00"));
    // The same span, but stated as a day rather than as two moments.
    DateTime asSpan = DateTime.between(DAY.atStartOfDay(), DAY.atTime(LocalTime.MAX));
    assertNotEquals(DateTime.onDay(DAY), asSpan);
    assertEquals(asSpan, DateTime.parse(asSpan.canonical()));
    assertNotEquals(DateTime.at(NOON), DateTime.at(NOON.plusNanos(1)));
    assertNotEquals(DateTime.onDay(DAY), null);
  }

  @Test
  void rejectsASpanEndingBeforeItStarts() {
    rejectsArgument(
        () -> DateTime.between(NOON, DAY.atTime(10, 0)),
        "DateTime span",
        "2011-12-16T12:00/2011-12-16T10:00");
    rejectsArgument(
        () -> DateTime.parse("2011-12-16T12:00/2011-12-16T10:00"),
        "DateTime span",
        "2011-12-16T12:00/2011-12-16T10:00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2011-13-01",
        "2011-02-30",
        "16.12.2011",
        "2011-12-16T25:00",
        "2011-12-16/2011-12-17",
        "2011-12-16T10:00/",
        "2011-12-16 11:30"
      })
  void rejectsTextThatIsNoDateTimeQuotingIt(String text) {
    rejectsArgument(() -> DateTime.parse(text), "DateTime", "got '" + text + "'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> DateTime.onDay(null), "day");
    rejects(NullPointerException.class, () -> DateTime.at(null), "moment");
    rejects(NullPointerException.class, () -> DateTime.between(null, NOON), "start");
    rejects(NullPointerException.class, () -> DateTime.between(NOON, null), "end");
    rejects(NullPointerException.class, () -> DateTime.parse(null), "text");
  }
}
