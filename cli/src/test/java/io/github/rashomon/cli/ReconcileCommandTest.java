package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.io.CsvTruthReader;
import io.github.rashomon.model.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command in-process, as the shell would, and checks exit status, output and files. */
class ReconcileCommandTest {
  @TempDir Path dir;
  private Path input;
  private Path out;
  private String stdout;
  private String stderr;

  @BeforeEach
  void writeInput() throws IOException {
    input = dir.resolve("labels.csv");
    Files.writeString(
        input,
        "task,worker,label\n"
            + "t1,w1,cat\n"
            + "t1,w2,cat\n"
            + "t1,w3,dog\n"
            + "t2,w1,dog\n"
            + "t2,w2,cat\n");
    out = dir.resolve("out");
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    stdout = o.toString();
    stderr = e.toString();
    return status;
  }

  private int reconcile(String... extra) {
    return reconcileWith("majority-vote", extra);
  }

  private int reconcileWith(String algorithm, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "reconcile", "--input", input.toString(), "--algorithm", algorithm,
        "--output", out.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(new String[0]));
  }

  @Test
  void writesVerdictsAndSources() throws IOException {
    assertEquals(0, reconcile(), stderr);
    assertEquals("", stderr);
    // t1: cat 2 of 3; t2: a 1-1 tie that canonical order gives to "cat", contested. Each
    // worker is one line of evidence; no blocs, and no sensitivity without --sensitivity.
    assertEquals(
        "question,value,confidence,status,lines_for,lines_against,blocs_for,blocs_against,"
            + "pivotal_sources,pivotal_blocs\n"
            + "t1,cat,0.666667,ACCEPTED,2.000000,1.000000,,,,\n"
            + "t2,cat,0.500000,CONTESTED,1.000000,1.000000,,,,\n",
        Files.readString(out.resolve("verdicts.csv")));
    // Majority-vote trust: the share of a worker's labels that agree with the verdicts.
    assertEquals(
        "source,trust\nw1,0.500000\nw2,1.000000\nw3,0.000000\n",
        Files.readString(out.resolve("sources.csv")));
    assertEquals(
        "majority-vote: 5 claims, 2 questions, 3 sources; converged after 1 iteration; wrote "
            + out.resolve("verdicts.csv") + " and " + out.resolve("sources.csv")
            + System.lineSeparator(),
        stdout);
  }

  @Test
  void sameInputSameBytes() throws IOException {
    assertEquals(0, reconcile());
    byte[] first = Files.readAllBytes(out.resolve("verdicts.csv"));
    assertEquals(0, reconcile());
    assertArrayEquals(first, Files.readAllBytes(out.resolve("verdicts.csv")));
  }

  @Test
  void createsNestedOutputDirectories() {
    out = dir.resolve("a").resolve("b");
    assertEquals(0, reconcile());
    assertTrue(Files.isRegularFile(out.resolve("verdicts.csv")));
  }

  @Test
  void everyAlgorithmRuns() {
    for (String name : Reconcilers.names()) {
      assertEquals(0, run("reconcile", "--input", input.toString(), "--algorithm", name,
          "--output", out.resolve(name).toString()), stderr);
    }
  }

  @Test
  void iterationsToleranceAndThreadsAreAccepted() {
    assertEquals(0, reconcile("--iterations", "5", "--tolerance", "1e-3", "--threads", "4"),
        stderr);
  }

  @Test
  void theThreadCountDoesNotChangeTheOutput() throws IOException {
    // 40,000 seeded labels: more than one stripe of 16,384 claims, so the threads share work.
    Path many = dir.resolve("many.csv");
    StringBuilder csv = new StringBuilder("task,worker,label\n");
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < 40_000; i++) {
      csv.append('t').append(i / 5).append(",w").append(random.nextInt(300)).append(',')
          .append(random.nextInt(3)).append('\n');
    }
    Files.writeString(many, csv);
    // Dawid-Skene and TruthFinder split their iterations over threads (ParallelDeterminismTest).
    for (String name : List.of("dawid-skene", "truthfinder")) {
      List<byte[]> outputs = new ArrayList<>();
      for (String threads : List.of("1", "3", "0")) {
        Path to = out.resolve(name + "-" + threads);
        assertEquals(0, run("reconcile", "--input", many.toString(), "--algorithm", name,
            "--threads", threads, "--output", to.toString()), stderr);
        outputs.add(Files.readAllBytes(to.resolve("verdicts.csv")));
        outputs.add(Files.readAllBytes(to.resolve("sources.csv")));
      }
      for (int i = 2; i < outputs.size(); i++) {
        assertArrayEquals(outputs.get(i % 2), outputs.get(i), name);
      }
    }
  }

  @Test
  void malformedInputIsOneLineAndStatusTwoAndNoOutput() throws IOException {
    Files.writeString(input, "task,worker,label\nt1,w1,cat\nt1,w2\n");
    assertEquals(2, reconcile());
    assertEquals(
        "rashomon: " + input + ":3: expected 3 fields, as the header has, but found 2"
            + System.lineSeparator(),
        stderr);
    assertEquals("", stdout);
    assertFalse(Files.exists(out));
  }

  @Test
  void malformedInputLeavesAnExistingOutputDirectoryAlone() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("verdicts.csv"), "old");
    Files.write(input, new byte[] {'t', 'a', 's', 'k', ',', (byte) 0xFF});
    assertEquals(2, reconcile());
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.startsWith("rashomon: " + input + ":1: invalid UTF-8"), stderr);
    assertEquals(List.of("verdicts.csv"), list(out));
    assertEquals("old", Files.readString(out.resolve("verdicts.csv")));
  }

  @Test
  void badQuantityNamesTheLine() throws IOException {
    Files.writeString(input, "source,question,value\na,n,12\nb,n,1e999\n");
    assertEquals(2, reconcile("--value-type", "quantity"));
    assertEquals(
        "rashomon: " + input + ":3: bad value in column 'value': Quantity '1e999': '1e999' is"
            + " not a finite number" + System.lineSeparator(),
        stderr);
    assertFalse(Files.exists(out));
  }

  @Test
  void quantities() throws IOException {
    Files.writeString(input, "source,question,value\na,n,12\nb,n,12\nc,n,15..20\n");
    assertEquals(0, reconcile("--value-type", "QUANTITY"), stderr);
    assertTrue(Files.readString(out.resolve("verdicts.csv")).contains("\nn,12,"));
  }

  @Test
  void missingInputFile() {
    input = dir.resolve("nope.csv");
    assertEquals(2, reconcile());
    assertEquals("rashomon: " + input + ": no such file or directory" + System.lineSeparator(),
        stderr);
    assertFalse(Files.exists(out));
  }

  @Test
  void outputThatIsAFile() throws IOException {
    Files.writeString(out, "x");
    assertEquals(1, reconcile());
    assertEquals("rashomon: " + out + ": exists and is not a directory" + System.lineSeparator(),
        stderr);
  }

  @Test
  void outputBelowAFile() throws IOException {
    Path file = dir.resolve("file");
    Files.writeString(file, "x");
    out = file.resolve("out");
    assertEquals(1, reconcile());
    assertTrue(stderr.startsWith("rashomon: " + out + ": cannot write the results: "), stderr);
    assertEquals(1, stderr.lines().count(), stderr);
    assertEquals(List.of("file", "labels.csv"), list(dir));
  }

  @Test
  void usageErrorsAreStatusTwoAndWriteNothing() {
    Map<String, List<String>> cases =
        Map.of(
            "expected categorical or quantity, got 'colour'", List.of("--value-type", "colour"),
            "'--iterations': must be >= 1, got 0", List.of("--iterations", "0"),
            "'--tolerance': must be a finite number >= 0, got -1.0", List.of("--tolerance", "-1"),
            "'--tolerance': must be a finite number >= 0, got NaN", List.of("--tolerance", "NaN"),
            "'--threads': must be >= 0, got -1", List.of("--threads", "-1"),
            "Unknown option: '--fast'", List.of("--fast"));
    assertEquals(2, reconcileWith("magic"));
    assertTrue(stderr.contains("Invalid value for option '--algorithm': unknown algorithm 'magic';"
        + " known: " + String.join(", ", Reconcilers.names())), stderr);
    assertFalse(Files.exists(out));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      assertEquals(2, reconcile(c.getValue().toArray(new String[0])), c.getKey());
      assertTrue(stderr.contains(c.getKey()), stderr);
      assertTrue(stderr.contains("Usage: rashomon reconcile"), stderr);
      assertFalse(Files.exists(out), c.getKey());
    }
  }

  @Test
  void missingOptionOrSubcommand() {
    assertEquals(2, run("reconcile", "--input", input.toString()));
    assertTrue(stderr.contains("Missing required options"), stderr);
    assertEquals(2, run());
    assertTrue(stderr.contains("Missing required subcommand"), stderr);
  }

  @Test
  void helpAndVersion() {
    assertEquals(0, run("--help"));
    assertTrue(stdout.contains("reconcile"), stdout);
    assertEquals(0, run("reconcile", "--help"));
    assertTrue(stdout.contains("--algorithm=NAME"), stdout);
    for (String name : Reconcilers.names()) {
      assertTrue(stdout.contains(name), () -> name + " missing from " + stdout);
    }
    assertTrue(stdout.contains("--threads=N") && stdout.contains("byte for byte"), stdout);
    assertEquals(0, run("--version"));
    assertEquals("rashomon " + Reconcilers.VERSION + System.lineSeparator(), stdout);
  }

  @Test
  void duckDataset() throws IOException {
    Path data = datasets().resolve("zheng_d_Duck");
    Assumptions.assumeTrue(
        Files.isRegularFile(data.resolve("answer.csv")),
        "datasets not found at " + data + ": skipping");
    input = data.resolve("answer.csv");
    assertEquals(0, reconcile(), stderr);
    // README: 4,212 answers, 108 questions, 39 workers.
    assertTrue(stdout.startsWith("majority-vote: 4212 claims, 108 questions, 39 sources;"),
        stdout);
    ImmutableMap<String, Value> verdicts =
        CsvTruthReader.withDefaults().withColumns("question", "value")
            .read(out.resolve("verdicts.csv"));
    ImmutableMap<String, Value> truth =
        CsvTruthReader.withDefaults().read(data.resolve("truth.csv"));
    assertEquals(108, verdicts.size());
    long right = truth.entrySet().stream()
        .filter(t -> t.getValue().equals(verdicts.get(t.getKey()))).count();
    // README "Our MV: 0.7593" = 82/108; every task has 39 binary answers, so there are no ties.
    assertEquals(82, right);
    assertEquals(40, Files.readAllLines(out.resolve("sources.csv")).size());
  }

  /** ../shared/datasets beside the repository root (the nearest parent with pom.xml and core/). */
  private static Path datasets() {
    Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null && !(Files.isRegularFile(p.resolve("pom.xml"))
        && Files.isDirectory(p.resolve("core")))) {
      p = p.getParent();
    }
    Path root = p != null ? p : Paths.get(System.getProperty("user.dir"));
    return root.resolve("..").resolve("shared").resolve("datasets").normalize();
  }

  private static List<String> list(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
