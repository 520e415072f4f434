package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static io.github.rashomon.model.Expect.rejectsNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.credibility.Reliability;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceTest {

  @Test
  void ofGivesDefaults() {
    Source s = Source.of("police");
    assertEquals("police", s.id());
    assertEquals("police", s.name());
    assertEquals(SourceKind.OTHER, s.kind());
    assertTrue(s.affiliations().isEmpty());
    assertEquals(Optional.empty(), s.prior());
  }

  @Test
  void builderSetsEveryDetail() {
    Credibility prior = Reliability.B.credibility();
    Source s =
        Source.builder()
            .id("police")
            .name("Police in Janaozen")
            .kind(SourceKind.STATE_BODY)
            .addAffiliations("government", "security forces")
            .prior(prior)
            .build();
    assertEquals("Police in Janaozen", s.name());
    assertEquals(SourceKind.STATE_BODY, s.kind());
    assertEquals(ImmutableSet.of("government", "security forces"), s.affiliations());
    assertEquals(Optional.of(prior), s.prior());
  }

  @Test
  void equalWhenEveryAttributeIsEqual() {
    Source a = Source.builder().id("x").addAffiliations("g", "h").build();
    Source b = Source.builder().id("x").addAffiliations("h", "g").build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(Source.of("x"), Source.builder().id("x").name("x").build());
    assertNotEquals(Source.of("x"), Source.of("y"));
    assertNotEquals(Source.of("x"), Source.builder().id("x").name("X").build());
    assertNotEquals(Source.of("x"), Source.builder().id("x").kind(SourceKind.PERSON).build());
    assertNotEquals(Source.of("x"), Source.builder().id("x").addAffiliations("g").build());
    assertNotEquals(
        Source.of("x"), Source.builder().id("x").prior(Credibility.vacuous()).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void rejectsABlankId(String id) {
    rejectsArgument(() -> Source.of(id), "Source.id", "blank", "'" + id + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {" police", "police ", "police\n"})
  void rejectsAPaddedId(String id) {
    rejectsArgument(() -> Source.of(id), "Source.id", "whitespace", "'" + id + "'");
  }

  @Test
  void rejectsABlankName() {
    rejectsArgument(
        () -> Source.builder().id("police").name(" ").build(), "Source 'police': name", "' '");
  }

  @Test
  void rejectsABlankOrPaddedAffiliation() {
    rejectsArgument(
        () -> Source.builder().id("police").addAffiliations("").build(),
        "Source 'police': affiliation",
        "''");
    rejectsArgument(
        () -> Source.builder().id("police").addAffiliations("government ").build(),
        "Source 'police': affiliation",
        "'government '");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Source.builder().id(null), "id");
    rejects(NullPointerException.class, () -> Source.builder().name(null), "name");
    rejects(NullPointerException.class, () -> Source.builder().kind(null), "kind");
    rejects(NullPointerException.class, () -> Source.builder().prior((Credibility) null), "prior");
    rejects(NullPointerException.class, () -> Source.of(null), "id");
    rejectsNull(() -> Source.builder().addAffiliations((String) null));
  }

  @Test
  void builderRequiresIdAndRefusesToSetTwice() {
    rejects(IllegalStateException.class, () -> Source.builder().name("x").build(), "id");
    rejects(IllegalStateException.class, () -> Source.builder().id("x").id("y"), "id");
  }
}
