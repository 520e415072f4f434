package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {
  private static final DateTime DAY = DateTime.onDay(LocalDate.of(2011, 12, 17));

  @Test
  void holdsItsDetails() {
    Account a =
        Account.builder()
            .id("police-press-conference")
            .source("police")
            .title("Press conference, 17 December 2011")
            .date(DAY)
            .build();
    assertEquals("police-press-conference", a.id());
    assertEquals("police", a.source());
    assertEquals("Press conference, 17 December 2011", a.title());
    assertEquals(Optional.of(DAY), a.date());
  }

  @Test
  void titleDefaultsToTheIdAndDateIsOptional() {
    Account a = Account.builder().id("a1").source("police").build();
    assertEquals("a1", a.title());
    assertEquals(Optional.empty(), a.date());
  }

  @Test
  void equalWhenEveryAttributeIsEqual() {
    assertEquals(Account.of("a1", "police", "t"), Account.of("a1", "police", "t"));
    assertEquals(
        Account.of("a1", "police", "t").hashCode(), Account.of("a1", "police", "t").hashCode());
    assertEquals(
        Account.of("a1", "police", "a1"), Account.builder().id("a1").source("police").build());
    assertNotEquals(Account.of("a1", "police", "t"), Account.of("a2", "police", "t"));
    assertNotEquals(Account.of("a1", "police", "t"), Account.of("a1", "akimat", "t"));
    assertNotEquals(Account.of("a1", "police", "t"), Account.of("a1", "police", "u"));
    assertNotEquals(
        Account.of("a1", "police", "t"),
        Account.builder().id("a1").source("police").title("t").date(DAY).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " a1", "a1 "})
  void rejectsABlankOrPaddedId(String id) {
    rejectsArgument(() -> Account.of(id, "police", "t"), "Account.id", "'" + id + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " police"})
  void rejectsABlankOrPaddedSource(String source) {
    rejectsArgument(
        () -> Account.of("a1", source, "t"), "Account 'a1': source", "'" + source + "'");
  }

  @Test
  void rejectsABlankTitle() {
    rejectsArgument(() -> Account.of("a1", "police", "\t"), "Account 'a1': title", "'\t'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Account.of(null, "police", "t"), "id");
    rejects(NullPointerException.class, () -> Account.of("a1", null, "t"), "source");
    rejects(NullPointerException.class, () -> Account.of("a1", "police", null), "title");
    rejects(NullPointerException.class, () -> Account.builder().date((DateTime) null), "date");
  }

  @Test
  void builderRequiresIdAndSource() {
    rejects(IllegalStateException.class, () -> Account.builder().id("a1").build(), "source");
    rejects(IllegalStateException.class, () -> Account.builder().source("p").build(), "id");
  }
}
