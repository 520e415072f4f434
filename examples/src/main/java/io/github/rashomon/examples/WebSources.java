package io.github.rashomon.examples;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.Depen;
import io.github.rashomon.engine.Evaluation;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SourceAssessment;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueSet;
import io.github.rashomon.model.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Truth discovery on web sources: which authors wrote each book, according to 877 online
 * bookstores that disagree and copy from each other, with copy detection.
 *
 * <p>The data is the book–author set of Yin, Han and Yu (KDD 2007), also used by Dong,
 * Berti-Equille and Srivastava (PVLDB 2009) to show copy detection, in the DAFNA release under
 * {@code ../shared/datasets/dafna_books}: 33,258 author lists for 1,263 books (ISBNs), and the
 * true author list of 100 of them. Each book is a set-valued question; each bookstore's list,
 * read by {@link AuthorNames#surnames(String)}, is one claimed {@link ValueSet} of surnames, so
 * "Knuth, Donald E." and "Donald E. Knuth" are the same claim and a list that leaves out a
 * co-author is a different one. Lists that name nobody ("Not Available") are dropped; a bookstore
 * that lists a book several times makes several claims, as in the data.
 *
 * <p>Four algorithms are compared against the true lists with {@link Evaluation}: majority vote,
 * TruthFinder and Accu, which assume the bookstores independent, and Depen (ACCUCOPY), which
 * learns which bookstores copy from each other and discounts copied votes. The example then lists
 * the pairs of bookstores Depen found dependent, with the evidence: how many books they share,
 * on how many they give the same list, and how many of those shared lists Depen judges false
 * (sharing false values is what betrays copying).
 *
 * <p>The DAFNA files are not RFC 4180 CSV (the claims file's header has a stray quote, the truth
 * file has no header), so this example reads them line by line rather than with the {@code io}
 * module's readers, and builds the {@link ClaimIndex} directly.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java
 * -Dexample=io.github.rashomon.examples.WebSources}.
 *
 * @since 0.1
 */
public final class WebSources {
  private WebSources() {}

  /** The dataset's folder name under {@code ../shared/datasets}. */
  static final String DATASET = "dafna_books";

  /** The algorithms compared: three that assume independent sources, and copy detection. */
  static final List<String> ALGORITHMS = List.of("majority-vote", "truthfinder", "accu", "depen");

  /** How many dependent pairs of bookstores to print. */
  static final int PAIRS_SHOWN = 10;

  /**
   * Reads the claims file ({@code claim1.txt}) into a claim index: each book (ISBN) a set-valued
   * question, each bookstore a source, each author list the set of its surnames.
   *
   * @param claims the claims file
   * @return the index
   * @throws IllegalArgumentException if a line is not quoted fields separated by {@code ","};
   *     the message names the file and the line
   */
  public static ClaimIndex readClaims(Path claims) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    Set<String> books = new TreeSet<>();
    // ClaimID, Remove, ObjectID, PropertyID, PropertyValue, SourceID, TimeStamp; a header first.
    forEachLine(claims, true, (line, f) -> {
      checkFields(f, 7, claims, line);
      ValueSet authors = AuthorNames.surnames(f[4]);
      if (!authors.elements().isEmpty()) {
        if (books.add(f[2])) {
          b.question(f[2], ValueType.SET);
        }
        b.add(f[5], f[2], authors);
      }
    });
    return b.build();
  }

  /**
   * Reads the true author lists ({@code book_golden.csv}: ISBN, property, list; no header).
   *
   * @param golden the truth file
   * @return the surnames of each book's authors, by ISBN
   * @throws IllegalArgumentException if a line is malformed or names a book twice; the message
   *     names the file and the line
   */
  public static Map<String, ValueSet> readTruth(Path golden) {
    Map<String, ValueSet> truth = new TreeMap<>();
    forEachLine(golden, false, (line, f) -> {
      checkFields(f, 3, golden, line);
      if (truth.put(f[0], AuthorNames.surnames(f[2])) != null) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s:%d: book '%s' listed twice", golden, line, f[0]));
      }
    });
    return truth;
  }

  /** Calls {@code action} with the line number and the fields of every non-blank line. */
  private static void forEachLine(Path file, boolean header, BiConsumer<Integer, String[]> action) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        if ((header && n == 1) || line.isBlank()) {
          continue;
        }
        String l = line.strip();
        if (l.length() < 2 || l.charAt(0) != '"' || l.charAt(l.length() - 1) != '"') {
          throw new IllegalArgumentException(
              String.format(Locale.ROOT, "%s:%d: expected quoted fields, got '%s'", file, n, l));
        }
        action.accept(n, l.substring(1, l.length() - 1).split("\",\"", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void checkFields(String[] fields, int n, Path file, int line) {
    if (fields.length != n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s:%d: expected %d fields, got %d", file, line, n, fields.length));
    }
  }

  /**
   * Two bookstores Depen found dependent, and the evidence.
   *
   * @param first the source id that sorts first
   * @param second the other source id
   * @param probability the probability that one copies from the other, either way
   * @param common the number of books both list
   * @param same the number of those on which both give the same author lists
   * @param sameFalse the number of those same lists Depen judges false (not the leading value)
   */
  record Dependence(
      String first, String second, double probability, int common, int same, int sameFalse) {}

  /** What the example found: the evaluation of each algorithm and Depen's dependent pairs. */
  record Findings(List<Evaluation> evaluations, List<Dependence> dependent) {}

  /**
   * Reconciles the book data with each algorithm, prints how accurate each is against the true
   * author lists and which bookstores Depen found copying.
   *
   * @param dataset the folder with {@code claim1.txt} and {@code book_golden.csv}
   * @param out where to print
   * @return the evaluations, in {@link #ALGORITHMS} order, and the dependent pairs, most shared
   *     false lists first
   */
  static Findings compare(Path dataset, PrintStream out) {
    ClaimIndex index = readClaims(dataset.resolve("claim1.txt"));
    Map<String, ValueSet> truth = readTruth(dataset.resolve("book_golden.csv"));
    int candidates = 0;
    for (Map.Entry<String, ValueSet> t : truth.entrySet()) {
      int q = index.questionNumber(t.getKey());
      if (q >= 0 && index.candidates(q).contains(t.getValue())) {
        candidates++;
      }
    }
    out.printf(Locale.ROOT, "Book authors: %d author lists from %d bookstores on %d books%n",
        index.claimCount(), index.sourceCount(), index.questionCount());
    out.printf(Locale.ROOT,
        "%d books with a known author list; for %d of them some bookstore gives it%n%n",
        truth.size(), candidates);
    out.printf(Locale.ROOT, "%-14s %9s %7s %11s %10s%n",
        "algorithm", "accuracy", "ECE", "iterations", "converged");
    List<Evaluation> evaluations = new ArrayList<>();
    Reconciliation depen = null;
    for (String name : ALGORITHMS) {
      Reconciliation r = Reconcilers.byName(name).reconcile(index);
      Evaluation e = Evaluation.of(r, truth);
      evaluations.add(e);
      out.printf(Locale.ROOT, "%-14s %9.4f %7.4f %11d %10s%n", name, e.accuracy(),
          e.expectedCalibrationError(), r.provenance().iterations(), r.provenance().converged());
      if (name.equals("depen")) {
        depen = r;
      }
    }
    List<Dependence> dependent = dependence(depen);
    long strong = dependent.stream().filter(d -> d.probability() > 0.9).count();
    out.printf(Locale.ROOT,
        "%nCopying found by depen: %d pairs of bookstores dependent with probability above %.1f,"
            + " %d above 0.9.%nThe %d pairs sharing the most lists that depen judges false:%n",
        dependent.size(), Depen.REPORTING_THRESHOLD, strong, PAIRS_SHOWN);
    for (Dependence d : dependent.subList(0, Math.min(PAIRS_SHOWN, dependent.size()))) {
      out.printf(Locale.ROOT,
          "  %s ~ %s: p = %.3f; %d books in common, %d identical lists, %d of them judged false%n",
          d.first(), d.second(), d.probability(), d.common(), d.same(), d.sameFalse());
    }
    return new Findings(List.copyOf(evaluations), List.copyOf(dependent));
  }

  /**
   * Depen's dependent pairs with the evidence behind each, read from the verdicts' explanations
   * (which list every claim); most shared false lists first, then by ids.
   */
  static List<Dependence> dependence(Reconciliation r) {
    // Per source, per book: the lists it gives.
    Map<String, Map<String, Set<Value>>> lists = new HashMap<>();
    Map<String, Value> leading = new HashMap<>();
    for (int q = 0; q < r.questionCount(); q++) {
      String book = r.index().questionId(q);
      r.leadingValue(q).ifPresent(v -> leading.put(book, v));
      for (Contribution c : r.verdict(q).explanation()) {
        lists.computeIfAbsent(c.source(), s -> new HashMap<>())
            .computeIfAbsent(book, x -> new java.util.HashSet<>()).add(c.value());
      }
    }
    List<Dependence> pairs = new ArrayList<>();
    for (SourceAssessment a : r.assessments()) {
      for (Map.Entry<String, Double> d : a.dependence().entrySet()) {
        if (a.source().compareTo(d.getKey()) >= 0) {
          continue; // each pair once
        }
        Map<String, Set<Value>> x = lists.get(a.source());
        Map<String, Set<Value>> y = lists.get(d.getKey());
        int common = 0;
        int same = 0;
        int sameFalse = 0;
        for (Map.Entry<String, Set<Value>> book : x.entrySet()) {
          Set<Value> other = y.get(book.getKey());
          if (other != null) {
            common++;
            if (other.equals(book.getValue())) {
              same++;
              if (!other.contains(leading.get(book.getKey()))) {
                sameFalse++;
              }
            }
          }
        }
        pairs.add(new Dependence(
            a.source(), d.getKey(), d.getValue(), common, same, sameFalse));
      }
    }
    pairs.sort(Comparator.comparingInt(Dependence::sameFalse).reversed()
        .thenComparing(Dependence::first).thenComparing(Dependence::second));
    return pairs;
  }

  /**
   * Compares the algorithms on the book data.
   *
   * @param args an optional dataset folder (default {@code ../shared/datasets/dafna_books})
   */
  public static void main(String[] args) {
    Path dataset = args.length > 0 ? Paths.get(args[0]) : Datasets.folder(DATASET);
    if (Datasets.absent(dataset)) {
      return;
    }
    compare(dataset, new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }
}
