package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A date/time value: a whole day ({@code 2011-12-16}), a moment ({@code 2011-12-16T11:30}), or a
 * closed span between two moments ({@code 2011-12-16T10:00/2011-12-16T12:00}, ISO 8601 interval
 * syntax).
 *
 * <p>Every value denotes a closed span of local time; a day spans from its first to its last
 * nanosecond. Two values are compatible when their spans overlap ("on 16 December" is compatible
 * with "at 11:30 on 16 December"). Time zones are not modelled: testimony about one event uses
 * one local clock.
 *
 * @since 0.1
 */
public final class DateTime extends Value {
  private final LocalDateTime start;
  private final LocalDateTime end;
  private final boolean wholeDay;

  private DateTime(LocalDateTime start, LocalDateTime end, boolean wholeDay) {
    this.start = start;
    this.end = end;
    this.wholeDay = wholeDay;
  }

  /**
   * A whole day.
   *
   * @param day the day
   * @return the span of that day
   */
  public static DateTime onDay(LocalDate day) {
    checkNotNull(day, "day");
    return new DateTime(day.atStartOfDay(), day.atTime(LocalTime.MAX), true);
  }

  /**
   * A single moment.
   *
   * @param moment the moment
   * @return a span of length zero
   */
  public static DateTime at(LocalDateTime moment) {
    checkNotNull(moment, "moment");
    return new DateTime(moment, moment, false);
  }

  /**
   * A closed span.
   *
   * @param start the first moment
   * @param end the last moment, not before {@code start}
   * @return the span
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   */
  public static DateTime between(LocalDateTime start, LocalDateTime end) {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(
        !end.isBefore(start), "DateTime span must not end before it starts, got %s/%s", start, end);
    return start.equals(end) ? at(start) : new DateTime(start, end, false);
  }

  /**
   * Reads {@code 2011-12-16}, {@code 2011-12-16T11:30[:00]} or {@code START/END} with two
   * moments.
   *
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException if the text is none of those forms
   */
  public static DateTime parse(String text) {
    checkNotNull(text, "text");
    String t = text.strip();
    try {
      int slash = t.indexOf('/');
      if (slash >= 0) {
        return between(
            LocalDateTime.parse(t.substring(0, slash)), LocalDateTime.parse(t.substring(slash + 1)));
      }
      if (t.indexOf('T') >= 0) {
        return at(LocalDateTime.parse(t));
      }
      return onDay(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "DateTime must be YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss] or START/END, got '" + text + "'", e);
    }
  }

  /**
   * The first moment of the span.
   *
   * @return the start
   */
  public LocalDateTime start() {
    return start;
  }

  /**
   * The last moment of the span.
   *
   * @return the end (equal to the start for a moment)
   */
  public LocalDateTime end() {
    return end;
  }

  /**
   * Always {@link ValueType#DATE_TIME}.
   *
   * @return {@link ValueType#DATE_TIME}
   */
  @Override
  public ValueType type() {
    return ValueType.DATE_TIME;
  }

  @Override
  public String canonical() {
    if (wholeDay) {
      return start.toLocalDate().toString();
    }
    return start.equals(end) ? start.toString() : start + "/" + end;
  }

  /**
   * Compatible with another date/time whose span overlaps this one.
   *
   * @param other another value
   * @return whether the spans share a moment
   */
  @Override
  public boolean compatibleWith(Value other) {
    if (!(other instanceof DateTime)) {
      return false;
    }
    DateTime d = (DateTime) other;
    return !start.isAfter(d.end) && !d.start.isAfter(end);
  }

  /**
   * Equal when both spans and the whole-day flag are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same value
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DateTime)) {
      return false;
    }
    DateTime d = (DateTime) o;
    return start.equals(d.start) && end.equals(d.end) && wholeDay == d.wholeDay;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, wholeDay);
  }
}
