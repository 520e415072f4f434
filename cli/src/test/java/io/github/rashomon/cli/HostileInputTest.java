package io.github.rashomon.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The hostile corpus ({@code src/test/resources/hostile}, see its README) through every command
 * that reads it: each malformed file is refused with exit status 2 and one line on standard
 * error, {@code rashomon: FILE:LINE: problem} exactly as {@code expected.tsv} records it, no
 * stack trace, and nothing written. The cases too large to commit are generated here, and those
 * are also run in a child JVM with a 32 MiB heap, which only readers that stop at their limits
 * survive.
 */
class HostileInputTest {
  /** The heap of the child JVM: far below what the generated files would need if read whole. */
  private static final String SMALL_HEAP = "-Xmx32m";

  @TempDir Path dir;

  private static Path corpus() {
    try {
      return Paths.get(HostileInputTest.class.getResource("/hostile/expected.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path valid(String name) {
    return corpus().resolve("valid").resolve(name);
  }

  /** The rows of {@code expected.tsv}: file, line, and the message after the line number. */
  static Stream<Arguments> malformed() throws IOException {
    return Files.readAllLines(corpus().resolve("expected.tsv"), UTF_8).stream()
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.split("\t", 3))
        .map(f -> Arguments.of(f[0], Long.parseLong(f[1]), f[2]));
  }

  @Test
  void everyMalformedFileHasItsExpectedError() throws IOException {
    Set<String> listed = malformed().map(a -> (String) a.get()[0])
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> present = new TreeSet<>();
    for (String top : List.of("csv", "json")) {
      try (Stream<Path> files = Files.walk(corpus().resolve(top))) {
        files.filter(Files::isRegularFile)
            .forEach(p -> present.add(corpus().relativize(p).toString().replace('\\', '/')));
      }
    }
    Set<String> unlisted = new TreeSet<>(present);
    unlisted.removeAll(listed);
    Set<String> missing = new TreeSet<>(listed);
    missing.removeAll(present);
    assertEquals(Set.of(), unlisted, "files without a line in expected.tsv");
    assertEquals(Set.of(), missing, "lines of expected.tsv without a file");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void isRefusedWithOneLineNamingFileAndLine(String file, long line, String problem)
      throws IOException {
    Path input = corpus().resolve(file);
    for (List<String> command : commands(file.substring(0, file.lastIndexOf('/')), input)) {
      assertRefused(command, "rashomon: " + input + ":" + line + ": " + problem);
    }
  }

  /** Each command that reads a file of the given corpus directory, with the file in its place. */
  private List<List<String>> commands(String directory, Path input) {
    String in = input.toString();
    String claims = valid("claims.csv").toString();
    List<String> reads = new ArrayList<>();
    String algorithm = "majority-vote";
    boolean caseReader = false;
    switch (directory) {
      case "csv/claims":
      case "csv/crowd":
        reads.addAll(List.of("--input", in));
        break;
      case "csv/quantities":
        reads.addAll(List.of("--input", in, "--value-type", "quantity"));
        algorithm = "median";
        break;
      case "csv/truth":
        return List.of(List.of("evaluate", "--input", claims, "--truth", in, "--algorithm",
            algorithm));
      case "csv/truth-quantities":
        return List.of(List.of("evaluate", "--input", valid("quantities.csv").toString(),
            "--value-type", "quantity", "--truth", in, "--algorithm", "median"));
      case "csv/sources":
        reads.addAll(List.of("--input", claims, "--sources", in));
        caseReader = true;
        break;
      case "csv/questions":
        reads.addAll(List.of("--input", claims, "--questions", in));
        caseReader = true;
        break;
      case "csv/case":
        reads.addAll(List.of("--input", in, "--sources", valid("sources.csv").toString(),
            "--questions", valid("questions.csv").toString()));
        caseReader = true;
        break;
      case "json":
        reads.addAll(List.of("--input", in));
        caseReader = true;
        break;
      default:
        throw new AssertionError("no commands for " + directory);
    }
    List<List<String>> commands = new ArrayList<>();
    commands.add(command("reconcile", reads, algorithm, "--output", dir.resolve("out")));
    if (caseReader) {
      // --sensitivity reads through readCase, the other path into the case readers.
      commands.add(command("reconcile", reads, algorithm, "--sensitivity", "--output",
          dir.resolve("out")));
    }
    commands.add(command("report", reads, algorithm, "--output", dir.resolve("report.html")));
    commands.add(command("export", reads, algorithm, "--format", "result-json", "--output",
        dir.resolve("result.json")));
    return commands;
  }

  private static List<String> command(String name, List<String> reads, String algorithm,
      Object... rest) {
    List<String> c = new ArrayList<>(List.of(name));
    c.addAll(reads);
    c.addAll(List.of("--algorithm", algorithm));
    for (Object o : rest) {
      c.add(o.toString());
    }
    return c;
  }

  /** Runs a command and checks the one expected line, status 2 and that nothing was written. */
  private void assertRefused(List<String> command, String expected) throws IOException {
    Set<Path> before = listing(dir);
    CliRun run = CliRun.of(command.toArray(new String[0]));
    assertEquals(2, run.status, () -> command + "\n" + run);
    assertEquals(expected + System.lineSeparator(), run.stderr, () -> command.toString());
    assertEquals("", run.stdout, () -> command.toString());
    assertEquals(before, listing(dir), () -> "files written by " + command);
  }

  private static Set<Path> listing(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.collect(Collectors.toCollection(TreeSet::new));
    }
  }

  // ---- too large to commit: generated ----

  /** Writes a generated input file. */
  @FunctionalInterface
  interface Content {
    void write(Writer w) throws IOException;
  }

  private static final String CLAIMS = "source,question,value\n";

  private static String head(int version) {
    return "{\n  \"format\": \"rashomon-case\",\n  \"version\": " + version + ",\n";
  }

  static Stream<Arguments> generated() {
    return Stream.of(
        Arguments.of("a 4 MiB field", "csv/claims", "huge-field.csv", (Content) w -> {
          w.write(CLAIMS + "alice,q1,red\nbob,q1,");
          repeat(w, "x", 4 << 20);
          w.write("\ncarol,q1,red\n");
        }, 3, "a record longer than the limit of 1048576 characters", true),
        Arguments.of("a quote never closed before 4 MiB", "csv/claims", "open-quote.csv",
            (Content) w -> {
              w.write(CLAIMS + "alice,q1,\"red\n");
              repeat(w, "more text\n", 400_000);
            }, 2, "a record longer than the limit of 1048576 characters (is the quote opened on"
                + " line 2 ever closed?)", true),
        Arguments.of("a million columns in the header", "csv/claims", "wide-header.csv",
            (Content) w -> {
              for (int i = 0; i < 1_000_000; i++) {
                w.write(i == 0 ? "c0" : ",c" + i);
              }
              w.write('\n');
            }, 1, "a record with more than the limit of 16384 fields", true),
        Arguments.of("a million empty columns in a row", "csv/claims", "wide-row.csv",
            (Content) w -> {
              w.write(CLAIMS + "alice,q1,red\n");
              repeat(w, ",", 1_000_000);
              w.write('\n');
            }, 3, "a record with more than the limit of 16384 fields", true),
        Arguments.of("the widest header allowed, all distinct, then a duplicate", "csv/claims",
            "duplicate-in-wide-header.csv", (Content) w -> {
              w.write("source,question,value");
              for (int i = 3; i < 16_383; i++) {
                w.write(",column" + i);
              }
              w.write(",COLUMN42\n");
            }, 1, "column 'COLUMN42' appears twice in the header", true),
        Arguments.of("a 2 MiB source name", "csv/sources", "huge-name.csv", (Content) w -> {
          w.write("source,name\nalice,Alice\nbob,");
          repeat(w, "B", 2 << 20);
          w.write('\n');
        }, 3, "a record longer than the limit of 1048576 characters", true),
        Arguments.of("a 2 MiB truth", "csv/truth", "huge-truth.csv", (Content) w -> {
          w.write("question,truth\nq1,red\nq2,");
          repeat(w, "g", 2 << 20);
          w.write('\n');
        }, 3, "a record longer than the limit of 1048576 characters", true),
        Arguments.of("a 2 MiB JSON string", "json", "huge-string.json", (Content) w -> {
          w.write(head(1) + "  \"title\": \"");
          repeat(w, "t", 2 << 20);
          w.write("\"\n}\n");
        }, 4, "$.title: a string is longer than the limit of 1000000 characters", true),
        Arguments.of("a million-digit JSON number", "json", "huge-number.json", (Content) w -> {
          w.write(head(1) + "  \"claims\": [{\"source\": \"a\", \"question\": \"n\", \"value\": 1");
          repeat(w, "0", 1_000_000);
          w.write("}]\n}\n");
        }, 4, "$.claims[0].value: a number is longer than the limit of 1000 characters", true),
        Arguments.of("a million nested arrays", "json", "deep.json", (Content) w -> {
          w.write(head(1) + "  \"claims\": [{\"source\": \"a\", \"question\": \"s\", \"value\": ");
          repeat(w, "[", 1_000_000);
          repeat(w, "]", 1_000_000);
          w.write("}]\n}\n");
        }, 4, "$.claims[0].value[0]: expected a string, got an array", true),
        // A million strings are tens of megabytes of heap: bounded by the limit, not constant.
        Arguments.of("a million and one relays", "json", "long-chain.json", (Content) w -> {
          w.write(head(1) + "  \"claims\": [\n    {\"source\": \"a\", \"question\": \"q\","
              + " \"value\": \"v\", \"via\": [\"r\"");
          repeat(w, ", \"r\"", 1_000_000);
          w.write("]}\n  ]\n}\n");
        }, 5, "$.claims[0].via[1000000]: more than 1000000 relays, the limit of this reader",
            false));
  }

  private static void repeat(Writer w, String s, int times) throws IOException {
    for (int i = 0; i < times; i++) {
      w.write(s);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generated")
  void aGeneratedHugeFileIsRefusedAtItsFirstBadLine(String what, String directory, String name,
      Content content, long line, String problem, boolean smallHeap) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in")).resolve(name);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(input, UTF_8), 1 << 16)) {
      content.write(w);
    }
    String expected = "rashomon: " + input + ":" + line + ": " + problem;
    List<List<String>> commands = commands(directory, input);
    for (List<String> command : commands) {
      assertRefused(command, expected);
    }
    if (smallHeap) {
      // The first command again, in a JVM whose heap could not hold the file.
      List<String> java = new ArrayList<>(List.of(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(), SMALL_HEAP,
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      java.addAll(commands.get(0));
      Process p = new ProcessBuilder(java).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      String err;
      try (InputStream e = p.getErrorStream()) {
        err = new String(e.readAllBytes(), UTF_8);
      }
      assertEquals(2, p.waitFor(), err);
      assertEquals(expected + System.lineSeparator(), err);
    }
  }

  // ---- valid but odd ----

  /** Odd files, each with a plain file that must give the same verdicts and trust, byte for byte. */
  static Stream<Arguments> odd() {
    return Stream.of(
        Arguments.of("odd/bom.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/crlf.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/cr-only.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/no-final-newline.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/quoted-everything.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/upper-case-header.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/extra-columns.csv", "valid/claims.csv", List.of()),
        Arguments.of("odd/bom.json", "valid/case.json", List.of()),
        Arguments.of("odd/negative-zero.csv", "odd/zero.csv",
            List.of("--value-type", "quantity")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("odd")
  void anOddButValidFileReadsAsItsPlainEquivalent(String odd, String plain, List<String> options)
      throws IOException {
    Path a = dir.resolve("odd");
    Path b = dir.resolve("plain");
    for (Object[] run : new Object[][] {{odd, a}, {plain, b}}) {
      List<String> args = new ArrayList<>(List.of("reconcile", "--input",
          corpus().resolve((String) run[0]).toString(), "--algorithm", "majority-vote",
          "--output", run[1].toString()));
      args.addAll(options);
      CliRun r = CliRun.of(args.toArray(new String[0]));
      assertEquals(0, r.status, r::toString);
      assertEquals("", r.stderr);
    }
    for (String file : List.of("verdicts.csv", "sources.csv")) {
      assertArrayEquals(Files.readAllBytes(b.resolve(file)), Files.readAllBytes(a.resolve(file)),
          file);
    }
  }

  @Test
  void anEscapedControlCharacterInJsonIsDataNotAnError() throws IOException {
    // Raw NUL bytes are refused in both formats; "\u0000" in a JSON string is deliberate.
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("reconcile", "--input", corpus().resolve("odd/escaped-nul.json")
        .toString(), "--algorithm", "majority-vote", "--output", out.toString());
    assertEquals(0, run.status, run::toString);
    assertFalse(Files.readString(out.resolve("verdicts.csv")).isEmpty());
  }

  @Test
  void anUnexpectedExceptionIsOneLineAndStatusOne() {
    StringWriter err = new StringWriter();
    CommandLine cl =
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(1, Main.internalError(new IllegalStateException("two\nlines"), cl, null));
    assertEquals("rashomon: internal error (a bug, please report it with the input):"
        + " java.lang.IllegalStateException: two\\nlines" + System.lineSeparator(),
        err.toString());
  }
}
