package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.VerdictStatus;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Truth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the flagship example and checks what it tells a reader. */
class JanaozenTest {

  @Test
  void theCaseIsValidAndComplete() {
    Case c = Janaozen.build();
    assertEquals(18, c.sources().size());
    assertEquals(13, c.questions().size());
    // The seven inquiries: four on the government side, three independent, none with claims.
    long inquiries =
        c.sources().stream().filter(s -> s.id().startsWith("inquiry-")
            || s.id().startsWith("commission-") && !s.id().equals("commission-members")).count();
    assertEquals(7, inquiries);
    assertTrue(c.claimsBy("inquiry-official").isEmpty());
    // The commission members' claim reached us through Grishin and then IWPR.
    assertEquals(
        java.util.List.of("grishin", "iwpr"),
        c.claimsBy("commission-members").get(0).via());
  }

  @Test
  void weightedVoteReadsTheEvidenceAsAnInvestigatorWould() {
    Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(Janaozen.build());
    // Witnesses (C) and footage (B) outweigh the police (D), a party to the events.
    assertEquals(Truth.TRUE, r.verdict("fire-indiscriminate").value().orElseThrow());
    assertEquals(VerdictStatus.ACCEPTED, r.verdict("fire-indiscriminate").status());
    assertEquals(
        Category.of("police opened fire on protesters"),
        r.verdict("shooting-start").value().orElseThrow());
    assertEquals(Truth.TRUE, r.verdict("detainees-mistreated").value().orElseThrow());
    assertEquals(Quantity.exactly(16), r.verdict("killed-janaozen").value().orElseThrow());
    // The president's word against Grishin's doubt, both graded C: balanced.
    assertEquals(VerdictStatus.CONTESTED, r.verdict("president-informed").status());
  }

  @Test
  void mainWritesTheReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path report = dir.resolve("report.html");
    Janaozen.main(new String[] {"weighted-vote", report.toString()});
    String html = java.nio.file.Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
    assertTrue(html.contains("Did the police fire indiscriminately?"));
  }

  @Test
  void theMistreatmentVerdictHangsOnTheRightsBloc() {
    Case c = Janaozen.build();
    var reports = Janaozen.sensitivity(Reconcilers.byName("weighted-vote"), c);
    var mistreated =
        reports.stream().filter(r -> r.question().equals("detainees-mistreated")).findFirst()
            .orElseThrow();
    // Without HRW and Grishin (the rights-ngo bloc) only the commission members and the first
    // journalists, both relayed through Grishin, would remain: their claims go with him.
    assertTrue(mistreated.pivotalBlocs().containsKey("rights-ngo"), mistreated.toString());
  }

  @Test
  void printsEveryVerdictWithItsReasons() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Case c = Janaozen.build();
    Janaozen.print(
        Reconcilers.byName("weighted-vote").reconcile(c),
        c,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("Did the police fire indiscriminately?"), out);
    assertTrue(out.contains("police               denies true"), out);
    assertTrue(out.contains("CONTESTED"), out);
  }
}
