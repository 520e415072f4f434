package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Depen on the book–author data of Yin, Han and Yu (KDD 2007), also used by Dong, Berti-Equille
 * and Srivastava (PVLDB 2009), in the DAFNA-EA CSV release under {@code
 * ../shared/datasets/dafna_books} (see its README.txt: 33,258 claims of 877 bookstores on 1,263
 * books, 100 books with a golden author list). Skipped when the dataset is absent.
 *
 * <p>Author lists are compared after a simple normalisation: lower-case, punctuation removed, the
 * name tokens sorted ("Knuth, Donald E." and "Donald E. Knuth" both become "donald e knuth").
 * Claims that are empty after it or say "Not Available" are dropped. No published figure uses
 * this normalisation (the paper matched names more leniently), so the figures below are our own,
 * kept as a regression check: Depen detects the bookstores that copy each other's lists and does
 * better than Accu and majority vote.
 */
class BooksDatasetTest {
  private static final String NAME = "dafna_books";

  static String normalise(String authors) {
    String[] tokens =
        authors.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
    Arrays.sort(tokens);
    return String.join(" ", tokens).strip();
  }

  /** Fields of one DAFNA CSV line: quoted, separated by {@code ","}. */
  private static String[] fields(String line, Path file, int n) {
    String l = line.strip();
    if (l.length() < 2 || l.charAt(0) != '"' || l.charAt(l.length() - 1) != '"') {
      throw new IllegalStateException(file + " line " + n + ": " + line);
    }
    return l.substring(1, l.length() - 1).split("\",\"", -1);
  }

  @Test
  void depenBeatsAccuAndMajorityVote() throws IOException {
    Path dir = DatasetDirs.require(NAME);
    Path claims = dir.resolve("claim1.txt");
    ClaimIndex.Builder b = ClaimIndex.builder();
    List<String> lines = Files.readAllLines(claims, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) { // line 1 is the header
      if (lines.get(i).isBlank()) {
        continue;
      }
      // ClaimID, Remove, ObjectID, PropertyID, PropertyValue, SourceID, TimeStamp
      String[] f = fields(lines.get(i), claims, i + 1);
      String value = normalise(f[4]);
      if (!value.isEmpty() && !value.equals("available not")) {
        b.add(f[5], f[2], value);
      }
    }
    ClaimIndex index = b.build();
    Path golden = dir.resolve("book_golden.csv");
    Map<String, String> truth = new LinkedHashMap<>();
    List<String> gold = Files.readAllLines(golden, StandardCharsets.UTF_8);
    for (int i = 0; i < gold.size(); i++) {
      if (!gold.get(i).isBlank()) {
        String[] f = fields(gold.get(i), golden, i + 1);
        truth.put(f[0], normalise(f[2]));
      }
    }
    assertEquals(1263, index.questionCount());
    assertEquals(877, index.sourceCount());
    assertEquals(100, truth.size());

    Evaluation majority =
        Evaluation.ofCanonical(MajorityVote.withDefaults().reconcile(index), truth);
    Evaluation accu = Evaluation.ofCanonical(Accu.withDefaults().reconcile(index), truth);
    Reconciliation r = Depen.withDefaults().reconcile(index);
    Evaluation depen = Evaluation.ofCanonical(r, truth);
    Evaluation plain =
        Evaluation.ofCanonical(
            Depen.withDefaults().withAccuracyAware(false).reconcile(index), truth);
    // Our figures on the 100 golden books (see the class comment): majority vote 0.68, Accu
    // 0.72, Depen (ACCUCOPY) 0.75, DEPEN 0.72. Neither variant converges within its 100 iterations
    // here (a few bookstore pairs keep switching between dependent and not, and with them a
    // handful of answers); the provenance says so.
    assertEquals(0.68, majority.accuracy(), 1e-9, majority.toString());
    assertEquals(0.72, accu.accuracy(), 1e-9, accu.toString());
    assertEquals(0.75, depen.accuracy(), 1e-9, depen.toString());
    assertEquals(0.72, plain.accuracy(), 1e-9, plain.toString());
    assertEquals(0, depen.skipped());
    // Copying is common among these bookstores: some 12,000 pairs are reported dependent.
    int dependent = 0;
    for (SourceAssessment a : r.assessments()) {
      dependent += a.dependence().size();
    }
    assertTrue(dependent / 2 > 10_000, "dependent pairs: " + dependent / 2);
  }
}
