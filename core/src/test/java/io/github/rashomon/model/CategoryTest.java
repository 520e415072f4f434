package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryTest {

  @Test
  void holdsItsLabel() {
    Category c = Category.of("police fired first");
    assertEquals("police fired first", c.label());
    assertEquals("police fired first", c.canonical());
    assertEquals("police fired first", c.toString());
    assertEquals(ValueType.CATEGORICAL, c.type());
    assertEquals(c, Value.parse(ValueType.CATEGORICAL, c.canonical()));
  }

  @Test
  void equalWhenLabelsAreExactlyEqual() {
    assertEquals(Category.of("police"), Category.of("police"));
    assertEquals(Category.of("police").hashCode(), Category.of("police").hashCode());
    assertNotEquals(Category.of("police"), Category.of("Police"));
    assertNotEquals(Category.of("a b"), Category.of("a  b"));
    assertNotEquals(Category.of("true"), Truth.TRUE);
    assertNotEquals(Category.of("x"), null);
  }

  @Test
  void compatibleWithAnEqualCategoryOnly() {
    assertTrue(Category.of("police").compatibleWith(Category.of("police")));
    assertFalse(Category.of("police").compatibleWith(Category.of("strikers")));
    assertFalse(Category.of("true").compatibleWith(Truth.TRUE));
    assertFalse(Category.of("16").compatibleWith(Quantity.exactly(16)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "\n "})
  void rejectsABlankLabel(String label) {
    rejectsArgument(() -> Category.of(label), "Category.label", "got '" + label + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {" police", "police ", "police\t", "\npolice"})
  void rejectsAPaddedLabel(String label) {
    rejectsArgument(() -> Category.of(label), "Category.label", "whitespace", "'" + label + "'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Category.of(null), "label");
  }
}
