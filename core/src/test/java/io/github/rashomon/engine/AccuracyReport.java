package io.github.rashomon.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the accuracy table of docs/accuracy.md: every algorithm of {@link Reconcilers#names()}
 * with its default settings, plus majority vote with first-seen ties, on each crowdsourcing
 * dataset. Run with
 *
 * <pre>
 * mvn -B -q -o test -pl core -Dtest=AccuracyReport -Drashomon.report=true
 * </pre>
 *
 * <p>The table goes to standard output and to {@code core/target/accuracy-report.md}. Times are
 * the median of three runs after one warm-up, on whatever machine runs it.
 */
@EnabledIfSystemProperty(named = "rashomon.report", matches = "true")
class AccuracyReport {
  private static final List<String> DATASETS =
      List.of(CrowdDatasets.PRODUCT, CrowdDatasets.DUCK, CrowdDatasets.DOG, CrowdDatasets.FACE);

  @Test
  void report() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(CrowdDatasets.root()),
        "datasets not found at " + CrowdDatasets.root() + ": skipping");
    Map<String, Reconciler> algorithms = new LinkedHashMap<>();
    for (String name : Reconcilers.names()) {
      algorithms.put(name, Reconcilers.byName(name));
    }
    algorithms.put(
        "majority-vote (first seen)",
        MajorityVote.withDefaults().withTieBreak(MajorityVote.TieBreak.FIRST_SEEN));
    List<String> present = new ArrayList<>();
    for (String d : DATASETS) {
      if (CrowdDatasets.available(d)) {
        present.add(d);
      }
    }
    Map<String, CrowdDatasets.Dataset> data = new LinkedHashMap<>();
    for (String d : present) {
      data.put(d, CrowdDatasets.load(d));
    }
    StringBuilder matrix = new StringBuilder("| algorithm |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String d : present) {
      matrix.append(' ').append(d).append(" |");
      rule.append("---:|");
    }
    matrix.append('\n').append(rule).append('\n');
    StringBuilder detail =
        new StringBuilder(
            "| algorithm | dataset | accuracy | F1 | ECE | trust ρ | iterations | converged | time (ms) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|---:|\n");
    for (Map.Entry<String, Reconciler> a : algorithms.entrySet()) {
      matrix.append("| ").append(a.getKey()).append(" |");
      for (String d : present) {
        CrowdDatasets.Dataset ds = data.get(d);
        try {
          Reconciliation r = a.getValue().reconcile(ds.index);
          long[] times = new long[3];
          for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            a.getValue().reconcile(ds.index);
            times[i] = System.nanoTime() - t0;
          }
          Arrays.sort(times);
          Evaluation ev =
              Evaluation.ofCanonical(
                  r,
                  ds.truth,
                  Evaluation.Options.defaults()
                      .withSourceAccuracy(Evaluation.sourceAccuracyOfCanonical(ds.index, ds.truth)));
          matrix.append(String.format(Locale.ROOT, " %.4f |", ev.accuracy()));
          detail.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %.4f | %s | %.4f | %s | %d | %s | %d |%n",
                  a.getKey(),
                  d,
                  ev.accuracy(),
                  format(ev.f1()),
                  ev.expectedCalibrationError(),
                  format(ev.trustRankCorrelation()),
                  r.provenance().iterations(),
                  r.provenance().converged() ? "yes" : "no",
                  times[1] / 1_000_000));
        } catch (RuntimeException e) {
          // An algorithm that does not apply to categorical labels is reported, not fatal.
          matrix.append(" n/a |");
          detail.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | n/a (%s) | | | | | | |%n",
                  a.getKey(),
                  d,
                  e.getClass().getSimpleName()));
        }
      }
      matrix.append('\n');
    }
    String report =
        "Accuracy (share of questions whose leading value is the true label):\n\n"
            + matrix
            + "\nAll figures (ECE: expected calibration error, 10 bins; trust ρ: Spearman"
            + " correlation of estimated trust with each worker's true accuracy):\n\n"
            + detail;
    System.out.println(report);
    Path out = Paths.get("target", "accuracy-report.md");
    Files.createDirectories(out.getParent());
    Files.write(out, report.getBytes(StandardCharsets.UTF_8));
  }

  private static String format(java.util.OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "–";
  }
}
