package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rashomon report}: JSON and CSV in, one HTML page out, or one line of error. */
class ReportCommandTest {
  @TempDir Path dir;

  private int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void writesTheJanaozenReport() throws IOException {
    Path out = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        out.toString());
    assertEquals(0, run.status, run.toString());
    assertEquals("", run.stderr);
    assertEquals("weighted-vote: 22 claims, 13 questions, 18 sources; converged after 1"
        + " iteration; sensitivity of 13 question(s); wrote " + out + "\n", run.stdout);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(13, count(html, "<svg class=\"chart\""));
    assertFalse(html.contains("not analysed"));
  }

  @Test
  void theSameInputGivesTheSameBytes() throws IOException {
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");
    assertEquals(0, CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        a.toString(), "--no-sensitivity").status);
    assertEquals(0, CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        b.toString(), "--no-sensitivity").status);
    assertEquals(Files.readString(a), Files.readString(b));
  }

  @Test
  void takesCsvClaimsAndAnAlgorithm() throws IOException {
    Path csv = dir.resolve("labels.csv");
    Files.writeString(csv, "task,worker,label\nt1,w1,cat\nt1,w2,cat\nt1,w3,dog\n");
    Path out = dir.resolve("r.html");
    CliRun run = CliRun.of("report", "--input", csv.toString(), "--algorithm", "dawid-skene",
        "--output", out.toString());
    assertEquals(0, run.status, run.toString());
    assertTrue(run.stdout.startsWith("dawid-skene: 3 claims, 1 questions, 3 sources;"),
        run.stdout);
    assertTrue(run.stdout.contains("no sensitivity analysis"));
    assertTrue(Files.readString(out).contains("not analysed"));
  }

  @Test
  void sensitivityOfPlainClaimsIsAUsageError() throws IOException {
    Path csv = dir.resolve("labels.csv");
    Files.writeString(csv, "task,worker,label\nt1,w1,cat\n");
    Path out = dir.resolve("r.html");
    CliRun run = CliRun.of("report", "--input", csv.toString(), "--sensitivity",
        "--output", out.toString());
    assertEquals(2, run.status, run.toString());
    assertTrue(run.stderr.startsWith("--sensitivity needs a case with sources"), run.stderr);
    assertFalse(Files.exists(out));
  }

  @Test
  void badJsonIsOneLineStatusTwoAndNoReport() throws IOException {
    Path bad = dir.resolve("case.json");
    Files.writeString(bad, "{\"format\": \"rashomon-case\", \"version\": 1,\n"
        + "\"sources\": [{\"id\": \"a\", \"kind\": \"alien\"}]}\n");
    Path out = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "--input", bad.toString(), "--output", out.toString());
    assertEquals(2, run.status);
    assertEquals("rashomon: " + bad + ":2: $.sources[0].kind: expected one of person,"
        + " organisation, state-body, media-outlet, recording, crowd-worker, web-site, other,"
        + " got 'alien'\n", run.stderr);
    assertEquals("", run.stdout);
    assertFalse(Files.exists(out));
  }

  @Test
  void badCsvIsOneLineStatusTwoAndNoReport() throws IOException {
    Path bad = dir.resolve("claims.csv");
    Files.writeString(bad, "source,question,value\na,q,\"x\n");
    Path out = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "--input", bad.toString(), "--output", out.toString());
    assertEquals(2, run.status);
    assertTrue(run.stderr.startsWith("rashomon: " + bad + ":2: "), run.stderr);
    assertEquals(1, run.stderr.lines().count());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMissingInputIsStatusTwo() {
    Path out = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "--input", dir.resolve("none.json").toString(), "--output",
        out.toString());
    assertEquals(2, run.status);
    assertEquals("rashomon: " + dir.resolve("none.json") + ": no such file or directory\n",
        run.stderr);
    assertFalse(Files.exists(out));
  }

  @Test
  void anOutputThatCannotBeWrittenIsStatusOne() throws IOException {
    CliRun run = CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        dir.toString());
    assertEquals(1, run.status);
    assertEquals("rashomon: " + dir + ": is a directory\n", run.stderr);
    Path below = dir.resolve("missing/report.html");
    CliRun none = CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        below.toString());
    assertEquals(1, none.status);
    assertTrue(none.stderr.contains("no such directory"), none.stderr);
  }

  @Test
  void claimReviewOptionsReachThePage() throws IOException {
    Path out = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        out.toString(), "--no-sensitivity", "--url", "https://example.org/j",
        "--author", "Example Checks", "--date", "2012-02-01");
    assertEquals(0, run.status, run.toString());
    String html = Files.readString(out);
    assertTrue(html.contains("\"url\": \"https://example.org/j#verdict-shooting-start\""));
    assertTrue(html.contains("\"name\": \"Example Checks\""));
    assertTrue(html.contains("\"datePublished\": \"2012-02-01\""));
    CliRun bad = CliRun.of("report", "--input", CliRun.janaozen().toString(), "--output",
        out.toString(), "--url", "https://example.org/#x");
    assertEquals(2, bad.status);
  }

  @Test
  void helpNamesTheDefaultAlgorithm() {
    CliRun run = CliRun.of("report", "--help");
    assertEquals(0, run.status);
    assertTrue(run.stdout.contains("--algorithm defaults to weighted-vote"), run.stdout);
    assertTrue(run.stdout.contains("--[no-]sensitivity"));
  }
}
