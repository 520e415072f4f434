package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruthTest {

  @Test
  void hasTwoValues() {
    assertTrue(Truth.TRUE.holds());
    assertFalse(Truth.FALSE.holds());
    assertSame(Truth.TRUE, Truth.of(true));
    assertSame(Truth.FALSE, Truth.of(false));
    assertSame(Truth.FALSE, Truth.TRUE.not());
    assertSame(Truth.TRUE, Truth.FALSE.not());
    assertEquals(ValueType.BOOLEAN, Truth.TRUE.type());
    assertEquals("true", Truth.TRUE.canonical());
    assertEquals("false", Truth.FALSE.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True", " true ", "yes", "YES", "1", " 1"})
  void readsWordsForTrue(String text) {
    assertSame(Truth.TRUE, Truth.parse(text));
    assertSame(Truth.TRUE, Value.parse(ValueType.BOOLEAN, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", "False", "\tfalse", "no", "No", "0"})
  void readsWordsForFalse(String text) {
    assertSame(Truth.FALSE, Truth.parse(text));
  }

  @Test
  void canonicalFormReadsBack() {
    assertSame(Truth.TRUE, Truth.parse(Truth.TRUE.canonical()));
    assertSame(Truth.FALSE, Truth.parse(Truth.FALSE.canonical()));
  }

  @Test
  void equalAndCompatibleWithTheSameTruthOnly() {
    assertEquals(Truth.TRUE, Truth.of(true));
    assertEquals(Truth.TRUE.hashCode(), Truth.parse("yes").hashCode());
    assertNotEquals(Truth.TRUE, Truth.FALSE);
    assertNotEquals(Truth.TRUE.hashCode(), Truth.FALSE.hashCode());
    assertNotEquals(Truth.TRUE, Category.of("true"));
    assertTrue(Truth.TRUE.compatibleWith(Truth.of(true)));
    assertFalse(Truth.TRUE.compatibleWith(Truth.FALSE));
    assertFalse(Truth.TRUE.compatibleWith(Category.of("true")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "maybe", "t", "y", "2", "-1", "truth", "on"})
  void rejectsOtherWordsQuotingThem(String text) {
    rejectsArgument(() -> Truth.parse(text), "Truth", "got '" + text + "'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Truth.parse(null), "text");
  }
}
