package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static io.github.rashomon.model.Expect.rejectsNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueDomainTest {

  @Test
  void closedCategoricalKeepsItsOptionsInOrder() {
    ValueDomain d = ValueDomain.categorical("police", "strikers", "provocateurs");
    assertEquals(ValueType.CATEGORICAL, d.type());
    assertEquals(List.of("police", "strikers", "provocateurs"), d.options().asList());
    assertFalse(d.isOpen());
    assertEquals(Optional.empty(), d.unit());
    assertFalse(d.isIntegral());
    assertEquals(d, ValueDomain.categorical(List.of("police", "strikers", "provocateurs")));
    assertEquals("CATEGORICAL{police, strikers, provocateurs}", d.toString());
  }

  @Test
  void openDomainsHaveNoOptions() {
    assertTrue(ValueDomain.openCategorical().isOpen());
    assertTrue(ValueDomain.openCategorical().options().isEmpty());
    assertEquals("CATEGORICAL(open)", ValueDomain.openCategorical().toString());
    assertEquals(ValueType.SET, ValueDomain.openSet().type());
    assertTrue(ValueDomain.openSet().isOpen());
    assertEquals(ValueType.BOOLEAN, ValueDomain.bool().type());
    assertTrue(ValueDomain.bool().isOpen());
    assertEquals(ValueType.DATE_TIME, ValueDomain.dateTime().type());
  }

  @Test
  void quantityDomainsCarryUnitAndIntegrality() {
    ValueDomain plain = ValueDomain.quantity();
    assertEquals(ValueType.QUANTITY, plain.type());
    assertEquals(Optional.empty(), plain.unit());
    assertFalse(plain.isIntegral());
    assertEquals("QUANTITY", plain.toString());

    ValueDomain km = ValueDomain.quantity("km");
    assertEquals(Optional.of("km"), km.unit());
    assertFalse(km.isIntegral());

    ValueDomain people = ValueDomain.integerQuantity("people");
    assertEquals(Optional.of("people"), people.unit());
    assertTrue(people.isIntegral());
    assertEquals("QUANTITY[people, integral]", people.toString());
  }

  @Test
  void closedSetDomain() {
    ValueDomain d = ValueDomain.setOf("Aidos", "Sapargali");
    assertEquals(ValueType.SET, d.type());
    assertFalse(d.isOpen());
    assertEquals(List.of("Aidos", "Sapargali"), d.options().asList());
  }

  @Test
  void equalWhenEveryPartIsEqual() {
    assertEquals(ValueDomain.quantity(), ValueDomain.quantity());
    assertEquals(ValueDomain.quantity().hashCode(), ValueDomain.quantity().hashCode());
    assertEquals(ValueDomain.integerQuantity("people"), ValueDomain.integerQuantity("people"));
    assertEquals(
        ValueDomain.integerQuantity("people").hashCode(),
        ValueDomain.integerQuantity("people").hashCode());
    assertEquals(ValueDomain.categorical("a", "b"), ValueDomain.categorical("a", "b"));
    assertEquals(
        ValueDomain.categorical("a", "b").hashCode(), ValueDomain.categorical("a", "b").hashCode());
    assertNotEquals(ValueDomain.quantity("people"), ValueDomain.integerQuantity("people"));
    assertNotEquals(ValueDomain.quantity("km"), ValueDomain.quantity("mi"));
    assertNotEquals(ValueDomain.quantity(), ValueDomain.quantity("km"));
    // Options are presented in declaration order, so order is part of the domain.
    assertNotEquals(ValueDomain.categorical("a", "b"), ValueDomain.categorical("b", "a"));
    assertNotEquals(ValueDomain.categorical("a", "b"), ValueDomain.setOf("a", "b"));
    assertNotEquals(ValueDomain.categorical("a"), ValueDomain.openCategorical());
    assertNotEquals(ValueDomain.openSet(), ValueDomain.openCategorical());
    assertNotEquals(ValueDomain.bool(), null);
  }

  @Test
  void admitsValuesOfItsType() {
    assertEquals(Optional.empty(), ValueDomain.bool().problemWith(Truth.TRUE));
    assertEquals(Optional.empty(), ValueDomain.quantity("km").problemWith(Quantity.exactly(2.5)));
    assertEquals(
        Optional.empty(),
        ValueDomain.dateTime().problemWith(DateTime.onDay(LocalDate.of(2011, 12, 16))));
    assertEquals(Optional.empty(), ValueDomain.openCategorical().problemWith(Category.of("any")));
    assertEquals(Optional.empty(), ValueDomain.openSet().problemWith(ValueSet.of("x", "y")));
    assertEquals(
        Optional.empty(), ValueDomain.categorical("a", "b").problemWith(Category.of("b")));
    assertEquals(Optional.empty(), ValueDomain.setOf("a", "b").problemWith(ValueSet.of("a")));
    assertEquals(Optional.empty(), ValueDomain.setOf("a", "b").problemWith(ValueSet.of()));
  }

  @Test
  void rejectsAValueOfAnotherTypeNamingBoth() {
    String p = ValueDomain.bool().problemWith(Quantity.exactly(16)).orElseThrow();
    assertTrue(p.contains("'16'"), p);
    assertTrue(p.contains("QUANTITY"), p);
    assertTrue(p.contains("BOOLEAN"), p);
  }

  @Test
  void rejectsALabelOutsideAClosedDomain() {
    String p = ValueDomain.categorical("a", "b").problemWith(Category.of("c")).orElseThrow();
    assertTrue(p.contains("'c'"), p);
    assertTrue(p.contains("not one of [a, b]"), p);
  }

  @Test
  void rejectsASetNotWithinAClosedDomain() {
    String p = ValueDomain.setOf("a", "b").problemWith(ValueSet.of("a", "z")).orElseThrow();
    assertTrue(p.contains("'a;z'"), p);
    assertTrue(p.contains("not a subset"), p);
  }

  @Test
  void integralDomainRejectsFractionalExactValuesOnly() {
    ValueDomain people = ValueDomain.integerQuantity("people");
    String p = people.problemWith(Quantity.exactly(16.5)).orElseThrow();
    assertTrue(p.contains("'16.5'"), p);
    assertTrue(p.contains("not a whole number"), p);
    assertEquals(Optional.empty(), people.problemWith(Quantity.exactly(16)));
    assertEquals(Optional.empty(), people.problemWith(Quantity.exactly(-3)));
    // Ranges, bounds and approximations describe where a whole number lies.
    assertEquals(Optional.empty(), people.problemWith(Quantity.between(15.5, 20)));
    assertEquals(Optional.empty(), people.problemWith(Quantity.moreThan(99.5)));
    assertEquals(Optional.empty(), people.problemWith(Quantity.about(70.5, 10)));
    assertEquals(Optional.empty(), ValueDomain.quantity("people").problemWith(Quantity.exactly(16.5)));
  }

  @Test
  void rejectsAClosedDomainWithoutOptions() {
    rejectsArgument(() -> ValueDomain.categorical(), "ValueDomain.options", "empty");
    rejectsArgument(() -> ValueDomain.categorical(List.of()), "ValueDomain.options", "empty");
    rejectsArgument(() -> ValueDomain.setOf(), "ValueDomain.options", "empty");
  }

  @Test
  void rejectsRepeatedOptionsNamingThem() {
    rejectsArgument(
        () -> ValueDomain.categorical("a", "b", "a"), "ValueDomain.options", "repeat", "[a, b, a]");
    rejectsArgument(() -> ValueDomain.setOf("x", "x"), "ValueDomain.options", "[x, x]");
  }

  @Test
  void rejectsBlankOrPaddedOptionsQuotingThem() {
    rejectsArgument(() -> ValueDomain.categorical("a", " "), "label", "' '");
    rejectsArgument(() -> ValueDomain.categorical(ImmutableList.of("a", "b ")), "label", "'b '");
    rejectsArgument(() -> ValueDomain.setOf(""), "label", "''");
  }

  @Test
  void rejectsABlankUnitQuotingIt() {
    rejectsArgument(() -> ValueDomain.quantity(" "), "ValueDomain.unit", "' '");
    rejectsArgument(() -> ValueDomain.integerQuantity(""), "ValueDomain.unit", "''");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> ValueDomain.quantity(null), "unit");
    rejects(NullPointerException.class, () -> ValueDomain.integerQuantity(null), "unit");
    rejects(
        NullPointerException.class,
        () -> ValueDomain.categorical((Iterable<String>) null),
        "options");
    rejects(
        NullPointerException.class, () -> ValueDomain.categorical(Arrays.asList("a", null)), "option");
    rejects(NullPointerException.class, () -> ValueDomain.setOf("a", null), "option");
    rejects(NullPointerException.class, () -> ValueDomain.bool().problemWith(null), "value");
    rejectsNull(() -> ValueDomain.categorical((String[]) null));
  }
}
