package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the crowdsourcing datasets with known truth from {@code ../shared/datasets} next to the
 * repository, and scores a reconciliation against the truth. Tests skip when the folder is absent.
 */
final class TruthDiscoveryDatasets {
  private TruthDiscoveryDatasets() {}

  /** The directory of one dataset; skips the calling test when it is not there. */
  static Path require(String name) {
    Path dir = datasetsRoot().resolve(name);
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "datasets not found at " + dir + ": skipping");
    return dir;
  }

  private static Path datasetsRoot() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core"))) {
        return d.resolve("..").resolve("shared").resolve("datasets").normalize();
      }
    }
    return dir.resolve("..").resolve("..").resolve("shared").resolve("datasets").normalize();
  }

  /** Builds the claim index from {@code answer.csv} (question,worker,answer with a header). */
  static ClaimIndex answers(Path dir) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (String[] row : rows(dir.resolve("answer.csv"))) {
      b.add(row[1], row[0], row[2]);
    }
    return b.build();
  }

  /** Reads {@code truth.csv} (question,truth with a header). */
  static Map<String, String> truth(Path dir) {
    Map<String, String> truth = new LinkedHashMap<>();
    for (String[] row : rows(dir.resolve("truth.csv"))) {
      truth.put(row[0], row[1]);
    }
    return truth;
  }

  /** The share of questions with a known truth whose leading value is that truth. */
  static double accuracy(Reconciliation r, Map<String, String> truth) {
    int right = 0;
    for (Map.Entry<String, String> t : truth.entrySet()) {
      int q = r.index().questionNumber(t.getKey());
      Optional<String> lead =
          q < 0 ? Optional.empty() : r.leadingValue(q).map(v -> v.canonical());
      if (lead.isPresent() && lead.get().equals(t.getValue())) {
        right++;
      }
    }
    return (double) right / truth.size();
  }

  /**
   * Runs {@code algorithm} on a dataset, prints its accuracy and asserts it is at least {@code
   * floor}.
   */
  static double assertAccuracy(Reconciler algorithm, String dataset, double floor) {
    Path dir = require(dataset);
    Reconciliation r = algorithm.reconcile(answers(dir));
    double accuracy = accuracy(r, truth(dir));
    System.out.printf(
        Locale.ROOT,
        "%s on %s: accuracy %.4f (floor %.4f, %d iterations, converged %s)%n",
        algorithm.name(),
        dataset,
        accuracy,
        floor,
        r.provenance().iterations(),
        r.provenance().converged());
    assertTrue(
        accuracy >= floor,
        String.format(
            Locale.ROOT, "%s on %s: accuracy %.4f < %.4f", algorithm.name(), dataset, accuracy,
            floor));
    return accuracy;
  }

  private static Iterable<String[]> rows(Path file) {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine(); // header
      while ((line = in.readLine()) != null) {
        if (!line.isEmpty()) {
          rows.add(line.split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
