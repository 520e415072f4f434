package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rashomon export}: each format from the Janaozen case; bad input and options. */
class ExportCommandTest {
  @TempDir Path dir;

  private String export(String format, String... extra) throws IOException {
    Path out = dir.resolve("out." + format);
    String[] args = new String[6 + extra.length + 2];
    String[] base = {"export", "--input", CliRun.janaozen().toString(), "--format", format,
        "--output"};
    System.arraycopy(base, 0, args, 0, 6);
    args[6] = out.toString();
    System.arraycopy(extra, 0, args, 7, extra.length);
    args = java.util.Arrays.copyOf(args, 7 + extra.length);
    CliRun run = CliRun.of(args);
    assertEquals(0, run.status, run.toString());
    assertTrue(run.stdout.endsWith("wrote " + out + " (" + format + ")\n"), run.stdout);
    return Files.readString(out);
  }

  @Test
  void resultJsonWithSensitivity() throws IOException {
    String json = export("result-json");
    assertTrue(json.startsWith("{\n  \"format\": \"rashomon-result\",\n  \"version\": 1,"));
    assertTrue(json.contains("\"sensitivity\": {"));
    assertTrue(json.contains("\"algorithm\": \"weighted-vote\""));
  }

  @Test
  void claimReview() throws IOException {
    String json = export("claim-review", "--author", "Example Checks");
    assertTrue(json.contains("\"@context\": \"https://schema.org\""));
    assertTrue(json.contains("\"name\": \"Example Checks\""));
  }

  @Test
  void prov() throws IOException {
    String json = export("prov", "--namespace", "https://example.org/j/");
    assertTrue(json.contains("\"source\": \"https://example.org/j/source/\""));
    assertTrue(json.contains("\"wasDerivedFrom\": {"));
  }

  @Test
  void dot() throws IOException {
    assertTrue(export("dot", "--algorithm", "majority-vote").startsWith("digraph evidence {"));
  }

  @Test
  void unknownFormatOrNamespaceIsAUsageError() {
    Path out = dir.resolve("x");
    CliRun f = CliRun.of("export", "--input", CliRun.janaozen().toString(), "--format", "xml",
        "--output", out.toString());
    assertEquals(2, f.status);
    assertTrue(f.stderr.startsWith("Invalid value for option '--format': unknown format 'xml';"
        + " known: result-json, claim-review, prov, dot"), f.stderr);
    CliRun n = CliRun.of("export", "--input", CliRun.janaozen().toString(), "--format", "prov",
        "--namespace", "nope", "--output", out.toString());
    assertEquals(2, n.status);
    assertFalse(Files.exists(out));
  }

  @Test
  void badJsonIsOneLineStatusTwoAndNoFile() throws IOException {
    Path bad = dir.resolve("case.json");
    Files.writeString(bad, "{\"format\": \"rashomon-case\", \"version\": 1, \"claims\": [\n"
        + "  {\"source\": \"a\", \"question\": \"q\", \"value\": true}\n]}\n");
    Path out = dir.resolve("prov.json");
    CliRun run = CliRun.of("export", "--input", bad.toString(), "--format", "prov", "--output",
        out.toString());
    assertEquals(2, run.status);
    assertEquals("rashomon: " + bad + ":2: $.claims[0].source: unknown source 'a'\n", run.stderr);
    assertFalse(Files.exists(out));
  }
}
