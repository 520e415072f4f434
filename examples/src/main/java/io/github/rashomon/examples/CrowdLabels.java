package io.github.rashomon.examples;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Evaluation;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregating crowd labels: a crowdsourcing dataset with known truth, aggregated by three
 * algorithms and compared with the evaluation API.
 *
 * <p>Reads a dataset in the layout of Zheng et al.'s benchmark (PVLDB 2017): {@code answer.csv}
 * with {@code question,worker,answer} and {@code truth.csv} with {@code question,truth}. With no
 * argument it uses the D_Product dataset from {@code ../shared/datasets/zheng_d_jn-product}.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java
 * -Dexample=io.github.rashomon.examples.CrowdLabels}.
 *
 * @since 0.1
 */
public final class CrowdLabels {
  private CrowdLabels() {}

  /** The algorithms compared: the baseline and two that learn each worker's reliability. */
  static final List<String> ALGORITHMS = List.of("majority-vote", "dawid-skene", "glad");

  /**
   * Reads the answers of a dataset into a claim index, worker as source, question as question.
   *
   * @param answers the {@code answer.csv} file
   * @return the index
   */
  public static ClaimIndex readAnswers(Path answers) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    forEachRow(answers, row -> b.add(row[1], row[0], row[2]));
    return b.build();
  }

  /**
   * Reads the truth of a dataset.
   *
   * @param truth the {@code truth.csv} file
   * @return the true label of each question
   */
  public static Map<String, String> readTruth(Path truth) {
    Map<String, String> t = new TreeMap<>();
    forEachRow(truth, row -> t.put(row[0], row[1]));
    return t;
  }

  /** Calls {@code action} on every row after the header of a simple comma-separated file. */
  private static void forEachRow(Path file, java.util.function.Consumer<String[]> action) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          action.accept(line.split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Aggregates the dataset with each algorithm and prints accuracy, calibration error and how
   * well each algorithm ranked the workers.
   *
   * @param dataset a folder with {@code answer.csv} and {@code truth.csv}
   * @param out where to print
   * @return the evaluation of each algorithm, in {@link #ALGORITHMS} order
   */
  public static List<Evaluation> compare(Path dataset, PrintStream out) {
    ClaimIndex index = readAnswers(dataset.resolve("answer.csv"));
    Map<String, String> truth = readTruth(dataset.resolve("truth.csv"));
    out.printf(Locale.ROOT, "%s: %d answers from %d workers on %d questions%n%n",
        dataset.getFileName(), index.claimCount(), index.sourceCount(), index.questionCount());
    out.printf(Locale.ROOT, "%-14s %9s %7s %12s%n", "algorithm", "accuracy", "ECE", "trust rank ρ");
    Evaluation.Options options =
        Evaluation.Options.defaults()
            .withSourceAccuracy(Evaluation.sourceAccuracyOfCanonical(index, truth));
    List<Evaluation> results = new java.util.ArrayList<>();
    for (String name : ALGORITHMS) {
      Reconciliation r = Reconcilers.byName(name).reconcile(index);
      Evaluation e = Evaluation.ofCanonical(r, truth, options);
      results.add(e);
      out.printf(Locale.ROOT, "%-14s %9.4f %7.4f %12.4f%n", name, e.accuracy(),
          e.expectedCalibrationError(), e.trustRankCorrelation().orElse(Double.NaN));
    }
    return results;
  }

  /**
   * Compares the algorithms on a dataset.
   *
   * @param args an optional dataset folder
   */
  public static void main(String[] args) {
    Path dataset = args.length > 0 ? Paths.get(args[0]) : Datasets.folder("zheng_d_jn-product");
    if (Datasets.absent(dataset)) {
      return;
    }
    compare(dataset, new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }
}
