package io.github.rashomon.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.DawidSkene;
import io.github.rashomon.engine.Glad;
import io.github.rashomon.engine.Median;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sums;
import io.github.rashomon.engine.TruthFinder;
import io.github.rashomon.model.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job around the algorithms: iteration lineage, the command line, and the output files. */
class SparkJobTest {

  @Test
  void fiftyIterationsKeepTheLineageShort() {
    List<String[]> claims = SparkReconcilerTest.generated(5, 10, 60, 3);
    // Tolerance 0: Dawid-Skene runs all 50 iterations; TruthFinder stops once its cosine
    // criterion rounds to exactly 1, after 20-odd.
    for (SparkReconciler engine :
        new SparkReconciler[] {
          SparkReconciler.of(DawidSkene.withDefaults().withIterations(50).withTolerance(0)),
          SparkReconciler.of(TruthFinder.withDefaults().withIterations(50).withTolerance(0))
        }) {
      try (SparkReconciliation r = engine.reconcile(SameAsCore.dataset(claims))) {
        assertTrue(r.iterations() >= 20, "iterations " + r.iterations());
        // Checkpoints every 10 iterations: at most 10 iterations of maps after the last one
        // (a few RDDs each), never 50.
        assertTrue(r.lineageDepth() < 40, "lineage of " + r.lineageDepth() + " RDDs");
      }
      // With tolerance 0 TruthFinder stops when its cosine rounds to exactly 1, a step that
      // depends on the last bit of the sums; equality with core is checked at the default
      // tolerance in SparkReconcilerTest, so only Dawid–Skene's 50 full iterations are compared.
      if (engine.algorithm().name().equals("dawid-skene")) {
        SameAsCore.check("50 iterations", engine, claims, Map.of());
      }
    }
  }

  /**
   * Sparse Dawid–Skene iterates two datasets (questions and confusion cells) and GLAD makes a
   * pass per gradient step: their lineage too stops growing at each checkpoint, so five
   * iterations past one it is as long after 45 iterations as after 15.
   */
  @Test
  void iterationsOfTwoChainsAndOfManyPassesKeepTheLineageShort() {
    List<String[]> claims = SparkReconcilerTest.generated(11, 6, 40, 3);
    int[] depth = new int[2];
    int[] iterations = {15, 45};
    for (int k = 0; k < 2; k++) {
      SparkReconciler engine = SparkReconciler.of(
          DawidSkene.withDefaults().withIterations(iterations[k]).withTolerance(0))
          .withDenseCells(0);
      try (SparkReconciliation r = engine.reconcile(SameAsCore.dataset(claims))) {
        assertEquals(iterations[k], r.iterations());
        depth[k] = r.lineageDepth();
      }
    }
    assertEquals(depth[0], depth[1], "lineage after 15 and after 45 iterations");
    SparkReconciler glad = SparkReconciler.of(Glad.withDefaults().withIterations(4));
    try (SparkReconciliation r = glad.reconcile(SameAsCore.dataset(claims))) {
      // About 25 passes an iteration, a checkpoint every 10 of them.
      assertTrue(r.lineageDepth() < 40, "lineage of " + r.lineageDepth() + " RDDs");
    }
  }

  @Test
  void commandLineWritesTheCoreColumnsAsCsvAndParquet(@TempDir Path dir) throws IOException {
    List<String[]> claims = SparkReconcilerTest.generated(6, 8, 50, 3);
    claims.add(new String[] {"s,1", "q \"quoted\"", "v,with comma"});
    Path input = writeCsv(dir.resolve("claims.csv"), claims);
    Reconciliation core = SameAsCore.core(DawidSkene.withDefaults(), claims, Map.of());

    for (String format : new String[] {"csv", "parquet"}) {
      Path out = dir.resolve("out-" + format);
      ByteArrayOutputStream summary = new ByteArrayOutputStream();
      int status =
          Main.run(
              new String[] {
                "reconcile", "--engine", "spark", "--input", input.toString(),
                "--algorithm", "dawid-skene", "--output", out.toString(),
                "--output-format", format, "--master", "local[2]"
              },
              new PrintStream(summary, true, StandardCharsets.UTF_8),
              System.err);
      assertEquals(0, status);
      assertTrue(summary.toString(StandardCharsets.UTF_8).startsWith("dawid-skene on spark"));
      List<Row> verdicts = read(out.resolve("verdicts"), format);
      List<Row> sources = read(out.resolve("sources"), format);
      assertEquals(List.of("question", "value", "confidence", "status"),
          List.of(verdicts.get(0).schema().fieldNames()));
      assertEquals(List.of("source", "trust"), List.of(sources.get(0).schema().fieldNames()));
      Map<String, Row> byQuestion = new TreeMap<>();
      verdicts.forEach(r -> byQuestion.put(r.getString(0), r));
      assertEquals(core.questionCount(), byQuestion.size());
      for (int q = 0; q < core.questionCount(); q++) {
        Row r = byQuestion.get(core.index().questionId(q));
        assertEquals(core.leadingValue(q).get().canonical(), r.getString(1));
        assertEquals(core.status(q).name(), r.getString(3));
        if (format.equals("csv")) {
          // The command line's 6 decimals.
          assertEquals(SparkReconciliation.decimal(core.confidence(q)), r.getString(2));
        } else {
          assertEquals(core.confidence(q), r.getDouble(2), SameAsCore.TOLERANCE);
        }
      }
      for (int s = 0; s < core.sourceCount(); s++) {
        assertEquals(core.index().sourceId(s), sources.get(s).getString(0));
      }
    }
  }

  @Test
  void readsParquetInCrowdLayout(@TempDir Path dir) {
    List<String[]> claims = SparkReconcilerTest.generated(7, 6, 30, 2);
    List<Row> rows = new ArrayList<>();
    for (String[] c : claims) {
      rows.add(org.apache.spark.sql.RowFactory.create(c[1], c[0], c[2]));
    }
    org.apache.spark.sql.types.StructType crowd =
        new org.apache.spark.sql.types.StructType()
            .add("task", "string")
            .add("worker", "string")
            .add("label", "string");
    String path = dir.resolve("labels.parquet").toString();
    LocalSpark.session().createDataFrame(rows, crowd).write().parquet(path);
    assertEquals("parquet", SparkClaims.formatOf(path));
    org.apache.spark.sql.Dataset<Row> read =
        SparkClaims.read(LocalSpark.session(), path, "parquet");
    assertEquals(List.of("source", "question", "value"), List.of(read.columns()));
    Reconciliation core = SameAsCore.core(Sums.withDefaults(), claims, Map.of());
    try (SparkReconciliation r = SparkReconciler.of(Sums.withDefaults()).reconcile(read)) {
      List<Row> sources = r.sources().collectAsList();
      for (int s = 0; s < core.sourceCount(); s++) {
        assertEquals(core.trust(s), sources.get(s).getDouble(1), SameAsCore.TOLERANCE);
      }
    }
  }

  @Test
  void commandLineReadsQuantities(@TempDir Path dir) throws IOException {
    List<String[]> claims = SparkReconcilerTest.generatedQuantities(10, 8, 40);
    Path input = writeCsv(dir.resolve("amounts.csv"), claims);
    Reconciliation core =
        SameAsCore.core(Median.withDefaults(), claims, Map.of(), ValueType.QUANTITY);
    Path out = dir.resolve("out");
    assertEquals(0, Main.run(new String[] {
      "reconcile", "--engine", "spark", "--input", input.toString(), "--algorithm", "median",
      "--value-type", "quantity", "--output", out.toString(), "--master", "local[2]"
    }, System.out, System.err));
    Map<String, Row> byQuestion = new TreeMap<>();
    read(out.resolve("verdicts"), "csv").forEach(r -> byQuestion.put(r.getString(0), r));
    assertEquals(core.questionCount(), byQuestion.size());
    for (int q = 0; q < core.questionCount(); q++) {
      Row r = byQuestion.get(core.index().questionId(q));
      // The median, as the command line writes it.
      assertEquals(core.leadingValue(q).get().canonical(), r.getString(1));
      assertEquals(SparkReconciliation.decimal(core.confidence(q)), r.getString(2));
      assertEquals(core.status(q).name(), r.getString(3));
    }
    // Sums would take every number for a label: one line, status 2, nothing written.
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path refused = dir.resolve("refused");
    assertEquals(Main.USAGE, Main.run(new String[] {
      "--input", input.toString(), "--algorithm", "sums", "--value-type", "quantity",
      "--output", refused.toString(), "--master", "local[2]"
    }, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("rashomon: sums does not read quantity values"), message);
    assertFalse(Files.exists(refused));
    // A value that is not a quantity names its question.
    List<String[]> badClaims = new ArrayList<>();
    badClaims.add(new String[] {"s1", "q1", "many"});
    Path bad = writeCsv(dir.resolve("bad.csv"), badClaims);
    err.reset();
    assertEquals(Main.USAGE, Main.run(new String[] {
      "--input", bad.toString(), "--algorithm", "median", "--value-type", "quantity",
      "--output", dir.resolve("bad-out").toString(), "--master", "local[2]"
    }, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("question 'q1': Quantity 'many'"), message);
  }

  @Test
  void commandLineRejectsBadInputWithStatusTwo(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("bad.csv");
    Files.write(input, List.of("a,b", "1,2"), StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--input", input.toString(), "--algorithm", "sums", "--output",
              dir.resolve("out").toString(), "--master", "local[2]"
            },
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Main.USAGE, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("expected columns"), err.toString());
    assertEquals(Main.USAGE, Main.run(new String[] {"--algorithm", "nope"}, System.out,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
  }

  private static List<Row> read(Path dir, String format) {
    org.apache.spark.sql.Dataset<Row> d =
        format.equals("csv")
            ? LocalSpark.session().read().option("header", true).option("escape", "\"")
                .csv(dir.toString())
            : LocalSpark.session().read().parquet(dir.toString());
    return d.orderBy(d.columns()[0]).collectAsList();
  }

  private static Path writeCsv(Path file, List<String[]> claims) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("source,question,value");
    for (String[] c : claims) {
      lines.add(Stream.of(c).map(SparkJobTest::csv).collect(Collectors.joining(",")));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static String csv(String field) {
    return field.contains(",") || field.contains("\"")
        ? '"' + field.replace("\"", "\"\"") + '"'
        : field;
  }
}
