package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableSortedSet;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.ValueDomain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvResultWriterTest {
  @TempDir Path dir;

  /** Majority vote over two questions; one needs quoting, one source id too. */
  private static Reconciliation result() {
    ClaimIndex index =
        ClaimIndex.builder()
            .add("a", "q1", "x")
            .add("b", "q1", "x")
            .add("c\"q", "q1", "y")
            .add("a", "needs,quote", "1,5")
            .add("b", "needs,quote", "2")
            .build();
    return Reconcilers.byName("majority-vote").reconcile(index);
  }

  @Test
  void writesBothFilesInCanonicalOrder() throws IOException {
    CsvResultWriter.write(result(), dir);
    // q1: x has 2 of 3 votes; needs,quote: a 1-1 tie, which canonical order gives to "1,5",
    // contested under the default margin of 0.1.
    assertEquals(
        "question,value,confidence,status,lines_for,lines_against,blocs_for,blocs_against,"
            + "pivotal_sources,pivotal_blocs\n"
            + "\"needs,quote\",\"1,5\",0.500000,CONTESTED,1.000000,1.000000,,,,\n"
            + "q1,x,0.666667,ACCEPTED,2.000000,1.000000,,,,\n",
        Files.readString(dir.resolve("verdicts.csv")));
    // Trust under majority vote: the share of a source's claims that agree with the winner.
    assertEquals(
        "source,trust\na,1.000000\nb,0.500000\n\"c\"\"q\",0.000000\n",
        Files.readString(dir.resolve("sources.csv")));
    assertEquals(List.of("sources.csv", "verdicts.csv"), list(dir));
  }

  @Test
  void replacesExistingFiles() throws IOException {
    Files.writeString(dir.resolve("verdicts.csv"), "old");
    CsvResultWriter.writeVerdicts(result(), dir.resolve("verdicts.csv"));
    CsvResultWriter.writeSources(result(), dir.resolve("s.csv"));
    assertEquals(CsvResultWriter.VERDICTS_HEADER,
        Files.readAllLines(dir.resolve("verdicts.csv")).get(0));
    assertEquals("source,trust", Files.readAllLines(dir.resolve("s.csv")).get(0));
    assertEquals(List.of("s.csv", "verdicts.csv"), list(dir));
  }

  @Test
  void corroborationCountsBlocsAndSensitivityNamesWhatTheVerdictHangsOn() throws IOException {
    // Two loyal sources and an independent one against a lone NGO (docs/semantics.md: a bloc
    // of 2 with ρ = 0.5 counts 2 / 1.5 = 1.333333 lines).
    Case c =
        Case.builder()
            .addSources(
                Source.builder().id("police").addAffiliations("government").build(),
                Source.builder().id("ministry").addAffiliations("government").build(),
                Source.of("witness"),
                Source.builder().id("ngo").addAffiliations("rights-ngo").build())
            .addQuestions(
                Question.of("cause", "Cause?", ValueDomain.categorical("crowd", "police")),
                Question.of("other", "Other?", ValueDomain.openCategorical()))
            .addClaims(
                claim("police", "cause", "crowd"),
                claim("ministry", "cause", "crowd"),
                claim("witness", "cause", "crowd"),
                claim("ngo", "cause", "police"))
            .build();
    Reconciler vote = Reconcilers.byName("majority-vote");
    Reconciliation r = vote.reconcile(c);
    SensitivityReport report = Sensitivity.of(vote).analyse(c, "cause");
    CsvResultWriter.write(r, List.of(report), dir);
    // Votes: crowd 2 × 1/1.5 + 1 = 2.333333 against police 1, so crowd leads with 0.7; no
    // single source or bloc removal changes that (without the government, 1 against 1 is a tie
    // that canonical order still gives to crowd).
    assertEquals(
        CsvResultWriter.VERDICTS_HEADER + "\n"
            + "cause,crowd,0.700000,ACCEPTED,2.333333,1.000000,government,rights-ngo,,\n"
            + "other,,0.000000,UNDETERMINED,0.000000,0.000000,,,,\n",
        Files.readString(dir.resolve("verdicts.csv")));
    assertEquals(report.pivotalSources().keySet(), ImmutableSortedSet.of());

    // Without the witness and one loyal source, the verdict hangs on the remaining one.
    Case thin =
        Case.builder()
            .addAllSources(c.sources())
            .addAllQuestions(c.questions())
            .addClaims(
                claim("police", "cause", "crowd"),
                claim("ngo", "cause", "police"),
                claim("ngo", "other", "x"),
                claim("witness", "cause", "police"))
            .build();
    Reconciliation t = vote.reconcile(thin);
    CsvResultWriter.writeVerdicts(
        t,
        List.of(Sensitivity.of(vote).analyse(thin, "cause"),
            Sensitivity.of(vote).analyse(thin, "other")),
        dir.resolve("verdicts.csv"));
    // police 1 against ngo + witness 2: police leads, removing ngo or witness makes it a tie
    // that canonical order gives to crowd; removing the rights-ngo bloc does too.
    assertEquals(
        CsvResultWriter.VERDICTS_HEADER + "\n"
            + "cause,police,0.666667,ACCEPTED,2.000000,1.000000,rights-ngo,government,"
            + "ngo;witness,rights-ngo\n"
            + "other,x,1.000000,ACCEPTED,1.000000,0.000000,rights-ngo,,ngo,rights-ngo\n",
        Files.readString(dir.resolve("verdicts.csv")));
  }

  @Test
  void sensitivityReportsMustMatchTheQuestions() {
    Case c =
        Case.builder()
            .addSources(Source.of("a"))
            .addQuestions(Question.of("q", "Q?", ValueDomain.openCategorical()))
            .addClaims(claim("a", "q", "x"))
            .build();
    Reconciler vote = Reconcilers.byName("majority-vote");
    SensitivityReport q = Sensitivity.of(vote).analyse(c, "q");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> CsvResultWriter.write(result(), List.of(q), dir));
    assertEquals("sensitivity report on question 'q', which is not in the reconciliation",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CsvResultWriter.write(vote.reconcile(c), List.of(q, q), dir));
    assertEquals("two sensitivity reports on question 'q'", e.getMessage());
    assertEquals(List.of(), listQuietly(dir));
  }

  private static Claim claim(String source, String question, String value) {
    return Claim.builder().source(source).question(question).value(Category.of(value)).build();
  }

  private static List<String> listQuietly(Path d) {
    try {
      return list(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void decimalsHaveSixPlacesWhateverTheValue() {
    assertEquals("0.750000", CsvResultWriter.decimal(0.75));
    assertEquals("1.000000", CsvResultWriter.decimal(1));
    assertEquals("0.666667", CsvResultWriter.decimal(2.0 / 3));
    assertEquals("0.000000", CsvResultWriter.decimal(-0.0));
    assertEquals("0.000000", CsvResultWriter.decimal(1e-9));
    assertEquals("0.000000", CsvResultWriter.decimal(-1e-9));
    assertEquals("12345.500000", CsvResultWriter.decimal(12345.5));
    // 0.0000005 is stored as 4.99999999999999977e-7: the exact value rounds down.
    assertEquals("0.000000", CsvResultWriter.decimal(0.0000005));
    // 0.0000015 is stored as 1.50000000000000004e-6: the exact value rounds up.
    assertEquals("0.000002", CsvResultWriter.decimal(0.0000015));
    assertThrows(IllegalArgumentException.class, () -> CsvResultWriter.decimal(Double.NaN));
  }

  @Test
  void decimalsWithoutBigDecimalAreBigDecimalsDigits() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    for (int i = 0; i < 200_000; i++) {
      double x;
      switch (i % 4) {
        case 0:
          x = random.nextDouble();
          break;
        case 1:
          x = random.nextDouble() * 1e6;
          break;
        case 2:
          // Exact halves of the sixth place (k / 2^7 = k · 0.0078125) and values next to them.
          x = Math.scalb((double) random.nextInt(1 << 24), -7);
          x = i % 8 == 2 ? x : Math.nextUp(x);
          break;
        default:
          x = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
      }
      if (Double.isFinite(x)) {
        String expected =
            new java.math.BigDecimal(x).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .toPlainString();
        assertEquals(expected, CsvResultWriter.decimal(x), Double.toString(x));
      }
    }
    assertEquals("0.007812", CsvResultWriter.decimal(0.0078125)); // 7812.5: to even
    assertEquals("0.023438", CsvResultWriter.decimal(0.0234375)); // 23437.5: to even
  }

  @Test
  void aFailureWhileWritingLeavesNothingBehind() throws IOException {
    Path target = dir.resolve("out.csv");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                CsvResultWriter.writeAtomically(
                    target,
                    w -> {
                      w.write("question,value\n".repeat(10_000)); // more than the buffer
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(List.of(), list(dir));
  }

  @Test
  void aFailureLeavesTheOldFileAsItWas() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    assertThrows(
        UncheckedIOException.class,
        () ->
            CsvResultWriter.writeAtomically(
                target,
                w -> {
                  w.write("new");
                  throw new UncheckedIOException(new IOException("boom"));
                }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("out.csv"), list(dir));
  }

  @Test
  void unencodableTextFailsAndLeavesNothing() {
    Path target = dir.resolve("out.csv");
    assertThrows(
        IOException.class,
        () -> CsvResultWriter.writeAtomically(target, w -> w.write("lone \uD800 surrogate")));
    assertFalse(Files.exists(target));
  }

  @Test
  void aFailedRenameLeavesNothingBehind() throws IOException {
    // A non-empty directory where the file should go: the rename fails.
    Path blocked = dir.resolve("verdicts.csv");
    Files.createDirectories(blocked.resolve("inside"));
    assertThrows(IOException.class, () -> CsvResultWriter.writeVerdicts(result(), blocked));
    assertEquals(List.of("verdicts.csv"), list(dir));
  }

  @Test
  void bothFilesOrNeither() throws IOException {
    Path blocked = dir.resolve("sources.csv");
    Files.createDirectories(blocked.resolve("inside"));
    assertThrows(IOException.class, () -> CsvResultWriter.write(result(), dir));
    // verdicts.csv was renamed into place first, and removed again when sources.csv failed.
    assertEquals(List.of("sources.csv"), list(dir));
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
