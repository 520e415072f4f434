package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The values a {@link Question} admits: its {@link ValueType} and, per type, the options (closed
 * categorical and set domains), the unit and integrality (quantities).
 *
 * <p>Create one with the static factories: {@link #categorical(String...)}, {@link
 * #openCategorical()}, {@link #bool()}, {@link #quantity(String)}, {@link
 * #integerQuantity(String)}, {@link #dateTime()}, {@link #setOf(String...)}, {@link #openSet()}.
 *
 * @since 0.1
 */
public final class ValueDomain {
  private static final ValueDomain BOOLEAN =
      new ValueDomain(ValueType.BOOLEAN, ImmutableSet.of(), true, null, false);
  private static final ValueDomain DATE_TIME =
      new ValueDomain(ValueType.DATE_TIME, ImmutableSet.of(), true, null, false);
  private static final ValueDomain OPEN_CATEGORICAL =
      new ValueDomain(ValueType.CATEGORICAL, ImmutableSet.of(), true, null, false);
  private static final ValueDomain OPEN_SET =
      new ValueDomain(ValueType.SET, ImmutableSet.of(), true, null, false);

  private final ValueType type;
  private final ImmutableSet<String> options;
  private final boolean open;
  private final String unit;
  private final boolean integral;

  private ValueDomain(
      ValueType type, ImmutableSet<String> options, boolean open, String unit, boolean integral) {
    this.type = type;
    this.options = options;
    this.open = open;
    this.unit = unit;
    this.integral = integral;
  }

  /**
   * A closed categorical domain: exactly one of the given options is true.
   *
   * @param options the options, at least one, not blank, no duplicates
   * @return the domain
   * @throws IllegalArgumentException if there are no options, or an option is blank or repeated
   */
  public static ValueDomain categorical(String... options) {
    return categorical(Arrays.asList(options));
  }

  /**
   * A closed categorical domain: exactly one of the given options is true.
   *
   * @param options the options, in the order to present them
   * @return the domain
   * @throws IllegalArgumentException if there are no options, or an option is blank or repeated
   */
  public static ValueDomain categorical(Iterable<String> options) {
    return new ValueDomain(ValueType.CATEGORICAL, checkOptions(options), false, null, false);
  }

  /**
   * An open categorical domain: any label may be claimed; the candidates are whatever the
   * claims name.
   *
   * @return the domain
   */
  public static ValueDomain openCategorical() {
    return OPEN_CATEGORICAL;
  }

  /**
   * A boolean proposition.
   *
   * @return the domain
   */
  public static ValueDomain bool() {
    return BOOLEAN;
  }

  /**
   * A real-valued quantity without a unit.
   *
   * @return the domain
   */
  public static ValueDomain quantity() {
    return new ValueDomain(ValueType.QUANTITY, ImmutableSet.of(), true, null, false);
  }

  /**
   * A real-valued quantity in the given unit.
   *
   * @param unit the unit, such as {@code "USD"} or {@code "km"}; not blank
   * @return the domain
   */
  public static ValueDomain quantity(String unit) {
    return new ValueDomain(ValueType.QUANTITY, ImmutableSet.of(), true, checkUnit(unit), false);
  }

  /**
   * A count or other whole-number quantity in the given unit: exact values must be whole.
   *
   * @param unit the unit, such as {@code "people"}; not blank
   * @return the domain
   */
  public static ValueDomain integerQuantity(String unit) {
    return new ValueDomain(ValueType.QUANTITY, ImmutableSet.of(), true, checkUnit(unit), true);
  }

  /**
   * A date, moment or span of time.
   *
   * @return the domain
   */
  public static ValueDomain dateTime() {
    return DATE_TIME;
  }

  /**
   * A closed set-valued domain: any subset of the options may be true.
   *
   * @param options the options
   * @return the domain
   */
  public static ValueDomain setOf(String... options) {
    return new ValueDomain(
        ValueType.SET, checkOptions(Arrays.asList(options)), false, null, false);
  }

  /**
   * An open set-valued domain: any set of labels may be claimed.
   *
   * @return the domain
   */
  public static ValueDomain openSet() {
    return OPEN_SET;
  }

  private static ImmutableSet<String> checkOptions(Iterable<String> options) {
    checkNotNull(options, "options");
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    int n = 0;
    for (String o : options) {
      checkNotNull(o, "option");
      Category.of(o); // same rules as a label
      b.add(o);
      n++;
    }
    ImmutableSet<String> set = b.build();
    checkArgument(!set.isEmpty(), "ValueDomain.options must not be empty for a closed domain");
    checkArgument(set.size() == n, "ValueDomain.options must not repeat, got %s", options);
    return set;
  }

  private static String checkUnit(String unit) {
    checkNotNull(unit, "unit");
    checkArgument(!unit.isBlank(), "ValueDomain.unit must not be blank, got '%s'", unit);
    return unit;
  }

  /**
   * The type of values admitted.
   *
   * @return the value type
   */
  public ValueType type() {
    return type;
  }

  /**
   * The options of a closed categorical or set domain, in declaration order.
   *
   * @return the options; empty for other domains
   */
  public ImmutableSet<String> options() {
    return options;
  }

  /**
   * Whether values outside {@link #options()} may be claimed. Always true for boolean, quantity
   * and date/time domains, whose values are not enumerated.
   *
   * @return whether the domain is open
   */
  public boolean isOpen() {
    return open;
  }

  /**
   * The unit of a quantity domain.
   *
   * @return the unit, if any
   */
  public Optional<String> unit() {
    return Optional.ofNullable(unit);
  }

  /**
   * Whether exact values of this quantity domain must be whole numbers.
   *
   * @return true for {@link #integerQuantity(String)} domains
   */
  public boolean isIntegral() {
    return integral;
  }

  /**
   * Why {@code value} does not belong to this domain, if it does not.
   *
   * @param value a value
   * @return a description of the problem naming the value, or empty when the value is admitted
   */
  public Optional<String> problemWith(Value value) {
    checkNotNull(value, "value");
    if (value.type() != type) {
      return Optional.of(
          "value '" + value.canonical() + "' is " + value.type() + " but the question is " + type);
    }
    if (!open) {
      if (value instanceof Category && !options.contains(((Category) value).label())) {
        return Optional.of("value '" + value.canonical() + "' is not one of " + options);
      }
      if (value instanceof ValueSet && !options.containsAll(((ValueSet) value).elements())) {
        return Optional.of("value '" + value.canonical() + "' is not a subset of " + options);
      }
    }
    if (integral && value instanceof Quantity) {
      Quantity q = (Quantity) value;
      if (q.isExact() && q.representative() != Math.rint(q.representative())) {
        return Optional.of("value '" + value.canonical() + "' is not a whole number");
      }
    }
    return Optional.empty();
  }

  /**
   * Equal when type, options, openness, unit and integrality are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same domain
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ValueDomain)) {
      return false;
    }
    ValueDomain d = (ValueDomain) o;
    return type == d.type
        && options.asList().equals(d.options.asList())
        && open == d.open
        && Objects.equals(unit, d.unit)
        && integral == d.integral;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, options, open, unit, integral);
  }

  /**
   * A compact description such as {@code QUANTITY[people, integral]} or {@code
   * CATEGORICAL{a, b}}.
   *
   * @return a human-readable form
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(type.name());
    if (!options.isEmpty()) {
      s.append(options.toString().replace('[', '{').replace(']', '}'));
    }
    if (unit != null || integral) {
      s.append('[').append(unit == null ? "" : unit).append(integral ? ", integral" : "").append(']');
    }
    if (open && (type == ValueType.CATEGORICAL || type == ValueType.SET)) {
      s.append("(open)");
    }
    return s.toString();
  }
}
