package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
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
        "question,value,confidence,status\n"
            + "\"needs,quote\",\"1,5\",0.500000,CONTESTED\n"
            + "q1,x,0.666667,ACCEPTED\n",
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
    assertEquals("question,value,confidence,status",
        Files.readAllLines(dir.resolve("verdicts.csv")).get(0));
    assertEquals("source,trust", Files.readAllLines(dir.resolve("s.csv")).get(0));
    assertEquals(List.of("s.csv", "verdicts.csv"), list(dir));
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
