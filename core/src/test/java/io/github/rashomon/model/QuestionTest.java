package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionTest {
  private static final ValueDomain PEOPLE = ValueDomain.integerQuantity("people");

  @Test
  void holdsIdTextAndDomain() {
    Question q = Question.of("deaths", "How many demonstrators were killed?", PEOPLE);
    assertEquals("deaths", q.id());
    assertEquals("How many demonstrators were killed?", q.text());
    assertEquals(PEOPLE, q.domain());
  }

  @Test
  void textDefaultsToTheId() {
    assertEquals("deaths", Question.builder().id("deaths").domain(PEOPLE).build().text());
  }

  @Test
  void equalWhenEveryAttributeIsEqual() {
    Question a = Question.of("deaths", "How many?", PEOPLE);
    Question b = Question.of("deaths", "How many?", ValueDomain.integerQuantity("people"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Question.of("deaths", "How many?", ValueDomain.quantity("people")));
    assertNotEquals(a, Question.of("deaths", "How many people?", PEOPLE));
    assertNotEquals(a, Question.of("killed", "How many?", PEOPLE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", " deaths", "deaths "})
  void rejectsABlankOrPaddedId(String id) {
    rejectsArgument(() -> Question.of(id, "How many?", PEOPLE), "Question.id", "'" + id + "'");
  }

  @Test
  void rejectsBlankText() {
    rejectsArgument(
        () -> Question.of("deaths", " ", PEOPLE), "Question 'deaths': text", "blank", "' '");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Question.of(null, "t", PEOPLE), "id");
    rejects(NullPointerException.class, () -> Question.of("q", null, PEOPLE), "text");
    rejects(NullPointerException.class, () -> Question.of("q", "t", null), "domain");
  }

  @Test
  void builderRequiresIdAndDomain() {
    rejects(IllegalStateException.class, () -> Question.builder().id("q").build(), "domain");
    rejects(IllegalStateException.class, () -> Question.builder().domain(PEOPLE).build(), "id");
  }
}
