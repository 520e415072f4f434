package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static io.github.rashomon.model.Expect.rejectsNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimTest {

  private static Claim.Builder deaths(String source, double n) {
    return Claim.builder().source(source).question("deaths").value(Quantity.exactly(n));
  }

  @Test
  void minimalClaimHasNeutralDefaults() {
    Claim c = deaths("police", 16).build();
    assertEquals("police", c.source());
    assertEquals("deaths", c.question());
    assertEquals(Quantity.exactly(16), c.value());
    assertEquals(Stance.AFFIRMS, c.stance());
    assertEquals(Hedge.UNSPECIFIED, c.hedge());
    assertEquals(Access.UNSPECIFIED, c.access());
    assertEquals(Stake.UNSPECIFIED, c.stake());
    assertTrue(c.circumstances().isEmpty());
    assertTrue(c.via().isEmpty());
    assertEquals(Optional.empty(), c.account());
    assertEquals(Optional.empty(), c.statedAt());
    assertEquals(Optional.empty(), c.about());
    assertEquals(Optional.empty(), c.note());
    assertEquals("police", c.teller());
  }

  @Test
  void qualifiersAreKept() {
    DateTime said = DateTime.onDay(LocalDate.of(2012, 1, 20));
    DateTime when = DateTime.onDay(LocalDate.of(2011, 12, 16));
    Claim c =
        Claim.builder()
            .source("commission-members")
            .question("detainees-mistreated")
            .value(Truth.TRUE)
            .hedge(Hedge.CERTAIN)
            .access(Access.DIRECT)
            .stake(Stake.AGAINST_INTEREST)
            .addCircumstances(Circumstances.ANONYMOUS)
            .addVia("grishin", "iwpr")
            .account("iwpr-report")
            .statedAt(said)
            .about(when)
            .note("saw bruises on a detainee")
            .build();
    assertEquals(Hedge.CERTAIN, c.hedge());
    assertEquals(Access.DIRECT, c.access());
    assertEquals(Stake.AGAINST_INTEREST, c.stake());
    assertEquals(ImmutableSet.of("anonymous"), c.circumstances());
    assertEquals(ImmutableList.of("grishin", "iwpr"), c.via());
    assertEquals(Optional.of("iwpr-report"), c.account());
    assertEquals(Optional.of(said), c.statedAt());
    assertEquals(Optional.of(when), c.about());
    assertEquals(Optional.of("saw bruises on a detainee"), c.note());
  }

  @Test
  void tellerIsTheLastRelay() {
    assertEquals("iwpr", deaths("commission", 16).addVia("grishin", "iwpr").build().teller());
    assertEquals("grishin", deaths("commission", 16).addVia("grishin").build().teller());
  }

  @Test
  void defaultIdIsReadable() {
    assertEquals("police/deaths/16", deaths("police", 16).build().id());
    assertEquals(
        "police/deaths/not 16", deaths("police", 16).stance(Stance.DENIES).build().id());
    assertEquals(
        "commission/deaths/16@iwpr-report via grishin>iwpr",
        deaths("commission", 16).account("iwpr-report").addVia("grishin", "iwpr").build().id());
    assertEquals("c1", deaths("police", 16).id("c1").build().id());
  }

  @Test
  void equalWhenEveryAttributeIsEqual() {
    Claim a = deaths("police", 16).hedge(Hedge.PROBABLE).build();
    Claim b = deaths("police", 16).hedge(Hedge.PROBABLE).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, deaths("police", 16).build());
    assertNotEquals(a, deaths("police", 17).hedge(Hedge.PROBABLE).build());
    assertNotEquals(a, deaths("police", 16).hedge(Hedge.PROBABLE).id("c1").build());
    assertNotEquals(deaths("police", 16).build(), deaths("police", 16).addVia("akimat").build());
  }

  @Test
  void rejectsABlankSourceNamingIt() {
    rejectsArgument(() -> deaths("", 16).build(), "source", "blank", "''");
    rejectsArgument(() -> deaths("  ", 16).build(), "source", "blank", "'  '");
    rejectsArgument(() -> deaths(" police", 16).build(), "source", "whitespace", "' police'");
  }

  @Test
  void rejectsABlankQuestionNamingIt() {
    rejectsArgument(
        () -> Claim.builder().source("police").question(" ").value(Truth.TRUE).build(),
        "question",
        "' '");
  }

  @Test
  void rejectsABlankOrPaddedRelay() {
    rejectsArgument(() -> deaths("police", 16).addVia(" ").build(), "via", "' '");
    rejectsArgument(() -> deaths("police", 16).addVia("iwpr ").build(), "via", "'iwpr '");
  }

  @Test
  void rejectsACycleThroughTheSource() {
    rejectsArgument(
        () -> deaths("commission", 16).addVia("grishin", "commission").build(),
        "attribution chain",
        "cycles",
        "'commission' appears twice",
        "[grishin, commission]");
  }

  @Test
  void rejectsACycleAmongRelays() {
    rejectsArgument(
        () -> deaths("commission", 16).addVia("grishin", "iwpr", "grishin").build(),
        "attribution chain",
        "'grishin' appears twice",
        "starts at 'commission'");
  }

  @Test
  void rejectsBlankQualifiers() {
    rejectsArgument(
        () -> deaths("police", 16).addCircumstances("").build(), "circumstance", "''");
    rejectsArgument(() -> deaths("police", 16).account(" ").build(), "account", "' '");
    rejectsArgument(() -> deaths("police", 16).note("  ").build(), "note", "'  '");
  }

  @Test
  void rejectsABlankOrPaddedExplicitId() {
    rejectsArgument(() -> deaths("police", 16).id(" ").build(), "Claim.id", "' '");
    rejectsArgument(() -> deaths("police", 16).id("c1 ").build(), "Claim.id", "'c1 '");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Claim.builder().source(null), "source");
    rejects(NullPointerException.class, () -> Claim.builder().question(null), "question");
    rejects(NullPointerException.class, () -> Claim.builder().value(null), "value");
    rejects(NullPointerException.class, () -> Claim.builder().stance(null), "stance");
    rejects(NullPointerException.class, () -> Claim.builder().hedge(null), "hedge");
    rejects(NullPointerException.class, () -> Claim.builder().access(null), "access");
    rejects(NullPointerException.class, () -> Claim.builder().stake(null), "stake");
    rejects(NullPointerException.class, () -> Claim.builder().id(null), "id");
    rejects(NullPointerException.class, () -> Claim.builder().account((String) null), "account");
    rejectsNull(() -> Claim.builder().addVia((String) null));
  }

  @Test
  void builderRequiresSourceQuestionAndValue() {
    rejects(
        IllegalStateException.class,
        () -> Claim.builder().source("police").question("deaths").build(),
        "value");
    rejects(
        IllegalStateException.class,
        () -> Claim.builder().question("deaths").value(Truth.TRUE).build(),
        "source");
  }
}
