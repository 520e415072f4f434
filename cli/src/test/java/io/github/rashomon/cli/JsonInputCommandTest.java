package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rashomon reconcile} and {@code evaluate} read a JSON case as well as CSV claims. */
class JsonInputCommandTest {
  @TempDir Path dir;

  @Test
  void reconcileReadsAJsonCase() throws IOException {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("reconcile", "--input", CliRun.janaozen().toString(), "--algorithm",
        "weighted-vote", "--output", out.toString());
    assertEquals(0, run.status, run.toString());
    String verdicts = Files.readString(out.resolve("verdicts.csv"));
    // The case's types apply: a quantity, a boolean and a label.
    assertTrue(verdicts.contains("\nkilled-janaozen,16,"), verdicts);
    assertTrue(verdicts.contains("\nfire-indiscriminate,true,"), verdicts);
    assertTrue(verdicts.contains("\nshooting-start,police opened fire on protesters,"), verdicts);
    assertTrue(run.stdout.startsWith("weighted-vote: 22 claims, 13 questions, 18 sources;"));
  }

  @Test
  void badJsonIsOneLineStatusTwoAndNoOutput() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"rashomon-case\",\n\"version\": 1,\n\"title\": 7}\n");
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("reconcile", "--input", bad.toString(), "--algorithm",
        "majority-vote", "--output", out.toString());
    assertEquals(2, run.status);
    assertEquals("rashomon: " + bad + ":3: $.title: expected a string, got a number\n",
        run.stderr);
    assertFalse(Files.exists(out));
  }

  @Test
  void malformedJsonNamesLineAndPath() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"rashomon-case\", \"version\": 1,\n"
        + "\"sources\": [{\"id\": \"a\",}]}\n");
    CliRun run = CliRun.of("reconcile", "--input", bad.toString(), "--algorithm",
        "majority-vote", "--output", dir.resolve("out").toString());
    assertEquals(2, run.status);
    assertTrue(run.stderr.startsWith("rashomon: " + bad + ":2: $.sources[0].id: "), run.stderr);
    assertEquals(1, run.stderr.lines().count());
  }

  @Test
  void reconcileWithSensitivityReadsAJsonCase() throws IOException {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("reconcile", "--input", CliRun.janaozen().toString(), "--algorithm",
        "weighted-vote", "--sensitivity", "--output", out.toString());
    assertEquals(0, run.status, run.toString());
    // The shooting's verdict hangs on the eyewitnesses.
    String verdicts = Files.readString(out.resolve("verdicts.csv"));
    assertTrue(verdicts.lines().anyMatch(l -> l.startsWith("shooting-start,")
        && l.contains("witnesses")), verdicts);
  }

  @Test
  void sourcesAndQuestionsFilesAreForCsvClaims() throws IOException {
    Path sources = dir.resolve("sources.csv");
    Files.writeString(sources, "source\na\n");
    CliRun run = CliRun.of("reconcile", "--input", CliRun.janaozen().toString(), "--algorithm",
        "weighted-vote", "--sources", sources.toString(), "--output", dir.resolve("out").toString());
    assertEquals(2, run.status);
    assertEquals("rashomon: " + CliRun.janaozen() + ": a JSON case lists its own sources and"
        + " questions; --sources and --questions are for CSV claims\n", run.stderr);
  }

  @Test
  void evaluateReadsAJsonCase() throws IOException {
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "question,truth\nshooting-start,police opened fire on protesters\n");
    CliRun run = CliRun.of("evaluate", "--input", CliRun.janaozen().toString(), "--algorithm",
        "weighted-vote", "--truth", truth.toString());
    assertEquals(0, run.status, run.toString());
    assertTrue(run.stdout.contains("accuracy             1.0000 (1 correct)"), run.stdout);
  }
}
