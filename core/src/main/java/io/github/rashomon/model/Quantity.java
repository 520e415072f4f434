package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A numeric value as testimony states it: exact ({@code 16}), a range ({@code 15..20}), a bound
 * ({@code >100}, {@code >=15}, {@code <5}, {@code <=5}) or an approximation ({@code ~70+-10}).
 *
 * <p>Every quantity denotes an interval of the real line, open or closed at each end and possibly
 * unbounded on one side. Two quantities are {@linkplain #compatibleWith(Value) compatible} when
 * their intervals share a point; their {@linkplain #distanceTo(Quantity) distance} is the gap
 * between the intervals (zero when compatible, {@code |a - b|} for exact values). The unit belongs
 * to the question ({@link ValueDomain#unit()}), not to the value.
 *
 * <p>Canonical forms: {@code 16}, {@code 15..20}, {@code >100}, {@code >=15}, {@code <5}, {@code
 * <=5}, {@code ~70+-10}. Numbers are written in plain decimal notation without a trailing
 * {@code .0}.
 *
 * @since 0.1
 */
public final class Quantity extends Value {

  /** How a quantity was stated. */
  public enum Kind {
    /** A single number: "16 killed". */
    EXACT,
    /** A closed range: "between 15 and 20". */
    RANGE,
    /** A lower bound, inclusive or not: "more than 100", "at least 15". */
    LOWER_BOUND,
    /** An upper bound, inclusive or not: "fewer than 5", "at most 5". */
    UPPER_BOUND,
    /** A number with a margin: "about 70, give or take 10". */
    APPROXIMATE
  }

  private final Kind kind;
  private final double lower;
  private final double upper;
  private final boolean lowerInclusive;
  private final boolean upperInclusive;
  private final double center;
  // The margin as stated: center + margin - center need not equal margin in floating point.
  private final double margin;

  private Quantity(
      Kind kind,
      double lower,
      boolean lowerInclusive,
      double upper,
      boolean upperInclusive,
      double center,
      double margin) {
    this.kind = kind;
    // One zero, so -0.0 and 0.0 give the same quantity, as they give the same canonical form.
    this.lower = lower == 0 ? 0.0 : lower;
    this.upper = upper == 0 ? 0.0 : upper;
    this.lowerInclusive = lowerInclusive;
    this.upperInclusive = upperInclusive;
    this.center = center == 0 ? 0.0 : center;
    this.margin = margin == 0 ? 0.0 : margin;
  }

  /**
   * An exact number.
   *
   * @param value a finite number
   * @return {@code [value, value]}
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static Quantity exactly(double value) {
    checkFinite("value", value);
    double v = value == 0 ? 0.0 : value; // one zero, so -0.0 and 0.0 are the same quantity
    return new Quantity(Kind.EXACT, v, true, v, true, v, 0);
  }

  /**
   * A closed range.
   *
   * @param low the smallest value in the range, finite
   * @param high the largest value in the range, finite and at least {@code low}
   * @return {@code [low, high]}
   * @throws IllegalArgumentException if a bound is NaN or infinite, or {@code low > high}
   */
  public static Quantity between(double low, double high) {
    checkFinite("low", low);
    checkFinite("high", high);
    checkArgument(low <= high, "Quantity range must have low <= high, got %s..%s", low, high);
    if (low == high) {
      return exactly(low);
    }
    double mid = (low + high) / 2;
    if (Double.isInfinite(mid)) {
      // The sum of two large finite ends overflows; their halves do not.
      mid = low / 2 + high / 2;
    }
    return new Quantity(Kind.RANGE, low, true, high, true, mid, 0);
  }

  /**
   * "More than {@code bound}".
   *
   * @param bound a finite number
   * @return {@code (bound, +∞)}
   */
  public static Quantity moreThan(double bound) {
    checkFinite("bound", bound);
    return new Quantity(Kind.LOWER_BOUND, bound, false, Double.POSITIVE_INFINITY, false, bound, 0);
  }

  /**
   * "At least {@code bound}".
   *
   * @param bound a finite number
   * @return {@code [bound, +∞)}
   */
  public static Quantity atLeast(double bound) {
    checkFinite("bound", bound);
    return new Quantity(Kind.LOWER_BOUND, bound, true, Double.POSITIVE_INFINITY, false, bound, 0);
  }

  /**
   * "Fewer than {@code bound}".
   *
   * @param bound a finite number
   * @return {@code (-∞, bound)}
   */
  public static Quantity lessThan(double bound) {
    checkFinite("bound", bound);
    return new Quantity(Kind.UPPER_BOUND, Double.NEGATIVE_INFINITY, false, bound, false, bound, 0);
  }

  /**
   * "At most {@code bound}".
   *
   * @param bound a finite number
   * @return {@code (-∞, bound]}
   */
  public static Quantity atMost(double bound) {
    checkFinite("bound", bound);
    return new Quantity(Kind.UPPER_BOUND, Double.NEGATIVE_INFINITY, false, bound, true, bound, 0);
  }

  /**
   * "About {@code center}, give or take {@code margin}".
   *
   * @param center the stated number, finite
   * @param margin the half-width of the interval, finite and non-negative
   * @return {@code [center - margin, center + margin]}, remembering the center
   */
  public static Quantity about(double center, double margin) {
    checkFinite("center", center);
    checkFinite("margin", margin);
    checkArgument(margin >= 0, "Quantity.margin must be non-negative, got %s", margin);
    return new Quantity(
        Kind.APPROXIMATE, center - margin, true, center + margin, true, center, margin);
  }

  /**
   * Reads the canonical syntax: {@code 16}, {@code 15..20}, {@code >100}, {@code >=15}, {@code
   * <5}, {@code <=5}, {@code ~70+-10} (also {@code ~70±10}). Spaces around the parts are ignored.
   *
   * @param text the text
   * @return the quantity
   * @throws IllegalArgumentException if the text is not in that syntax or a number is not finite
   */
  public static Quantity parse(String text) {
    checkNotNull(text, "text");
    String t = text.strip();
    try {
      if (t.startsWith(">=")) {
        return atLeast(number(t.substring(2), text));
      } else if (t.startsWith("<=")) {
        return atMost(number(t.substring(2), text));
      } else if (t.startsWith(">")) {
        return moreThan(number(t.substring(1), text));
      } else if (t.startsWith("<")) {
        return lessThan(number(t.substring(1), text));
      } else if (t.startsWith("~")) {
        String body = t.substring(1);
        int pm = body.indexOf("+-");
        int width = 2;
        if (pm < 0) {
          pm = body.indexOf('±');
          width = 1;
        }
        checkArgument(pm > 0, "Quantity '%s': an approximation needs a margin, as in ~70+-10", text);
        return about(number(body.substring(0, pm), text), number(body.substring(pm + width), text));
      }
      int dots = t.indexOf("..");
      if (dots > 0) {
        return between(number(t.substring(0, dots), text), number(t.substring(dots + 2), text));
      }
      return exactly(number(t, text));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Quantity '")) {
        throw e;
      }
      throw new IllegalArgumentException("Quantity '" + text + "': " + e.getMessage(), e);
    }
  }

  private static double number(String s, String whole) {
    String n = s.strip();
    checkArgument(!n.isEmpty(), "Quantity '%s': a number is missing", whole);
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      checkArgument(ok, "Quantity '%s': '%s' is not a number", whole, n);
    }
    double v;
    try {
      v = Double.parseDouble(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Quantity '" + whole + "': '" + n + "' is not a number", e);
    }
    checkArgument(Double.isFinite(v), "Quantity '%s': '%s' is not a finite number", whole, n);
    return v;
  }

  private static void checkFinite(String field, double value) {
    checkArgument(Double.isFinite(value), "Quantity.%s must be finite, got %s", field, value);
  }

  /**
   * How the quantity was stated.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The lower end of the interval.
   *
   * @return the lower end; {@link Double#NEGATIVE_INFINITY} for an upper bound
   */
  public double lower() {
    return lower;
  }

  /**
   * The upper end of the interval.
   *
   * @return the upper end; {@link Double#POSITIVE_INFINITY} for a lower bound
   */
  public double upper() {
    return upper;
  }

  /**
   * Whether the lower end belongs to the interval.
   *
   * @return true for exact, range, approximate and "at least" quantities
   */
  public boolean lowerInclusive() {
    return lowerInclusive;
  }

  /**
   * Whether the upper end belongs to the interval.
   *
   * @return true for exact, range, approximate and "at most" quantities
   */
  public boolean upperInclusive() {
    return upperInclusive;
  }

  /**
   * The single number that best stands for this quantity: the exact value, a range's midpoint, an
   * approximation's center, a bound's bound.
   *
   * @return a finite number
   */
  public double representative() {
    return center;
  }

  /**
   * Whether this is a single exact number.
   *
   * @return whether {@link #kind()} is {@link Kind#EXACT}
   */
  public boolean isExact() {
    return kind == Kind.EXACT;
  }

  /**
   * Whether {@code x} lies in the interval.
   *
   * @param x a number
   * @return whether the quantity admits {@code x}
   */
  public boolean contains(double x) {
    boolean aboveLower = lowerInclusive ? x >= lower : x > lower;
    boolean belowUpper = upperInclusive ? x <= upper : x < upper;
    return aboveLower && belowUpper;
  }

  /**
   * Whether every number this quantity admits is also admitted by {@code other}.
   *
   * @param other another quantity
   * @return whether this interval lies inside {@code other}'s
   */
  public boolean within(Quantity other) {
    boolean lowerOk =
        lower > other.lower || (lower == other.lower && (other.lowerInclusive || !lowerInclusive));
    boolean upperOk =
        upper < other.upper || (upper == other.upper && (other.upperInclusive || !upperInclusive));
    return lowerOk && upperOk;
  }

  /**
   * Always {@link ValueType#QUANTITY}.
   *
   * @return {@link ValueType#QUANTITY}
   */
  @Override
  public ValueType type() {
    return ValueType.QUANTITY;
  }

  /**
   * Compatible with another quantity when the two intervals share at least one point.
   *
   * @param other another value
   * @return whether both could be true of one number
   */
  @Override
  public boolean compatibleWith(Value other) {
    if (!(other instanceof Quantity)) {
      return false;
    }
    Quantity q = (Quantity) other;
    double lo = Math.max(lower, q.lower);
    double hi = Math.min(upper, q.upper);
    if (lo < hi) {
      return true;
    }
    if (lo > hi) {
      return false;
    }
    return contains(lo) && q.contains(lo);
  }

  /**
   * The gap between the two intervals: zero when they are compatible, otherwise the distance
   * between the nearest ends. On exact values this is {@code |a - b|}, a metric.
   *
   * @param other another quantity
   * @return a non-negative number
   */
  public double distanceTo(Quantity other) {
    checkNotNull(other, "other");
    if (compatibleWith(other)) {
      return 0;
    }
    return Math.max(other.lower - upper, lower - other.upper);
  }

  @Override
  public String canonical() {
    switch (kind) {
      case EXACT:
        return format(center);
      case RANGE:
        return format(lower) + ".." + format(upper);
      case LOWER_BOUND:
        return (lowerInclusive ? ">=" : ">") + format(lower);
      case UPPER_BOUND:
        return (upperInclusive ? "<=" : "<") + format(upper);
      case APPROXIMATE:
        return "~" + format(center) + "+-" + format(margin);
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * Writes a finite number in plain decimal notation, shortest round-trip digits, no trailing
   * {@code .0}.
   *
   * @param x a finite number
   * @return for example {@code "16"}, {@code "2.5"}, {@code "0.001"}
   */
  static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
  }

  /**
   * Equal when kind, interval, center and (for an approximation) margin are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same quantity
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Quantity)) {
      return false;
    }
    Quantity q = (Quantity) o;
    return kind == q.kind
        && Double.compare(lower, q.lower) == 0
        && Double.compare(upper, q.upper) == 0
        && lowerInclusive == q.lowerInclusive
        && upperInclusive == q.upperInclusive
        && Double.compare(center, q.center) == 0
        && Double.compare(margin, q.margin) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, lower, upper, lowerInclusive, upperInclusive, center, margin);
  }
}
