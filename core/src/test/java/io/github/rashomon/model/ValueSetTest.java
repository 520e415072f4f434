package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueSetTest {

  @Test
  void keepsElementsSortedAndMergesDuplicates() {
    ValueSet s = ValueSet.of("Sapargali", "Aidos", "Sapargali");
    assertEquals(ImmutableSortedSet.of("Aidos", "Sapargali"), s.elements());
    assertEquals("Aidos;Sapargali", s.canonical());
    assertEquals(ValueType.SET, s.type());
    assertEquals(s, ValueSet.of(List.of("Aidos", "Sapargali")));
  }

  @Test
  void parseSplitsOnSemicolonsAndTrims() {
    assertEquals(ValueSet.of("a", "b c"), ValueSet.parse(" b c ; a"));
    assertEquals(ValueSet.of("a", "b"), Value.parse(ValueType.SET, "b;a"));
  }

  @Test
  void emptyTextIsTheEmptySet() {
    assertTrue(ValueSet.parse("").elements().isEmpty());
    assertTrue(ValueSet.parse("  ").elements().isEmpty());
    assertEquals(ValueSet.of(), ValueSet.parse(""));
    assertEquals("", ValueSet.of().canonical());
  }

  @Test
  void canonicalFormReadsBack() {
    for (ValueSet s : List.of(ValueSet.of(), ValueSet.of("x"), ValueSet.of("c", "a", "b"))) {
      assertEquals(s, ValueSet.parse(s.canonical()));
    }
  }

  @Test
  void equalAndCompatibleOnlyWhenElementsAreEqual() {
    assertEquals(ValueSet.of("a", "b"), ValueSet.of("b", "a"));
    assertEquals(ValueSet.of("a", "b").hashCode(), ValueSet.of("b", "a").hashCode());
    assertNotEquals(ValueSet.of("a"), ValueSet.of("a", "b"));
    assertNotEquals(ValueSet.of("a"), Category.of("a"));
    assertNotEquals(ValueSet.of("a"), null);
    assertTrue(ValueSet.of("a", "b").compatibleWith(ValueSet.of("b", "a")));
    assertFalse(ValueSet.of("a").compatibleWith(ValueSet.of("a", "b")));
    assertFalse(ValueSet.of("a").compatibleWith(Category.of("a")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void rejectsABlankElement(String e) {
    rejectsArgument(() -> ValueSet.of("a", e), "ValueSet element", "blank", "'" + e + "'");
  }

  @Test
  void rejectsABlankElementInText() {
    rejectsArgument(() -> ValueSet.parse("a;;b"), "ValueSet element", "blank", "''");
  }

  @ParameterizedTest
  @ValueSource(strings = {" a", "a ", "\ta"})
  void rejectsAPaddedElement(String e) {
    rejectsArgument(() -> ValueSet.of(e), "ValueSet element", "padded", "'" + e + "'");
  }

  @Test
  void rejectsAnElementContainingTheSeparator() {
    rejectsArgument(() -> ValueSet.of("a;b"), "ValueSet element", "';'", "'a;b'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> ValueSet.of((Iterable<String>) null), "elements");
    rejects(NullPointerException.class, () -> ValueSet.of(Arrays.asList("a", null)), "element");
    rejects(NullPointerException.class, () -> ValueSet.parse(null), "text");
  }
}
