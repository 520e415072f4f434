package io.github.rashomon.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the calibration table of docs/accuracy.md: for every algorithm of {@link
 * Reconcilers#names()} with its default settings, on each crowdsourcing dataset, the expected
 * calibration error raw and after 10-fold cross-validated calibration by each {@link
 * Calibrator.Method}, with the error that exactly right confidences would show from sampling
 * alone. Run with
 *
 * <pre>
 * mvn -B -q -o test -pl core -Dtest=CalibrationReport -Drashomon.report=true
 * </pre>
 *
 * <p>The table goes to standard output and to {@code core/target/calibration-report.md}.
 */
@EnabledIfSystemProperty(named = "rashomon.report", matches = "true")
class CalibrationReport {
  private static final List<String> DATASETS =
      List.of(
          CrowdDatasets.PRODUCT,
          CrowdDatasets.DUCK,
          CrowdDatasets.DOG,
          CrowdDatasets.FACE,
          CalibrationDatasetTest.ADULT);

  @Test
  void report() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(CrowdDatasets.root()),
        "datasets not found at " + CrowdDatasets.root() + ": skipping");
    StringBuilder table =
        new StringBuilder(
            "| algorithm | dataset | questions | accuracy | ECE raw | ECE isotonic (CV) |"
                + " ECE temperature (CV) | sampling floor |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
    List<String> missed = new ArrayList<>();
    for (String name : Reconcilers.names()) {
      for (String d : DATASETS) {
        CrowdDatasets.Dataset ds;
        try {
          ds = CalibrationDatasetTest.dataset(d);
        } catch (org.opentest4j.TestAbortedException e) {
          continue;
        }
        Reconciliation raw = Reconcilers.byName(name).reconcile(ds.index);
        Evaluation before = Evaluation.ofCanonical(raw, ds.truth);
        Reconciliation iso =
            Calibrator.crossValidateCanonical(Calibrator.Method.ISOTONIC, raw, ds.truth, 10);
        Reconciliation temp =
            Calibrator.crossValidateCanonical(Calibrator.Method.TEMPERATURE, raw, ds.truth, 10);
        Evaluation isoEval = Evaluation.ofCanonical(iso, ds.truth);
        Evaluation tempEval = Evaluation.ofCanonical(temp, ds.truth);
        if (isoEval.correct() != before.correct() || tempEval.correct() != before.correct()) {
          throw new AssertionError("calibration changed the accuracy of " + name + " on " + d);
        }
        if (isoEval.expectedCalibrationError() >= 0.05) {
          missed.add(name + " on " + d);
        }
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.4f | %.4f | %s | %.4f | %.4f |%n",
                name,
                d,
                before.evaluated(),
                before.accuracy(),
                before.expectedCalibrationError(),
                bold(isoEval.expectedCalibrationError()),
                tempEval.expectedCalibrationError(),
                CalibrationDatasetTest.noiseFloor(iso, ds.truth)));
      }
    }
    String report =
        "Expected calibration error (10 equal-width bins) of the leading value's probability;"
            + " CV: each gold question calibrated by a map fitted on the other 9 folds; bold:"
            + " not below 0.05.\n\n"
            + table
            + "\nIsotonic ECE at or above 0.05: "
            + (missed.isEmpty() ? "none" : String.join(", ", missed))
            + "\n";
    System.out.println(report);
    Path out = Paths.get("target", "calibration-report.md");
    Files.createDirectories(out.getParent());
    Files.write(out, report.getBytes(StandardCharsets.UTF_8));
  }

  private static String bold(double ece) {
    String s = String.format(Locale.ROOT, "%.4f", ece);
    return ece >= 0.05 ? "**" + s + "**" : s;
  }
}
