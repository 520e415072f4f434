package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quantity estimators on public numeric datasets with known truth (skipped when the shared
 * datasets are absent).
 */
class QuantityDatasetsTest {

  /** N_Emotion: 700 numeric rating tasks, 10 answers each, 38 workers. */
  @Test
  void emotion() throws IOException {
    Path dir = DatasetDirs.require("zheng_f201_Emotion");
    ClaimIndex.Builder b = ClaimIndex.builder();
    List<String> answers = Files.readAllLines(dir.resolve("answer.csv"), StandardCharsets.UTF_8);
    for (String line : answers.subList(1, answers.size())) {
      String[] f = line.split(",");
      b.question(f[0], ValueType.QUANTITY).add(f[1], f[0], f[2]);
    }
    ClaimIndex index = b.build();
    Map<String, Double> truth = new LinkedHashMap<>();
    List<String> truths = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
    for (String line : truths.subList(1, truths.size())) {
      String[] f = line.split(",");
      truth.put(f[0], Double.parseDouble(f[1]));
    }
    assertEquals(700, truth.size());
    double median = mae(Median.withDefaults().reconcile(index), truth);
    double mean = mae(WeightedMean.withDefaults().reconcile(index), truth);
    double crh = mae(Crh.withDefaults().reconcile(index), truth);
    Crh squared = Crh.withDefaults().withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED);
    double crhSquared = mae(squared.reconcile(index), truth);
    System.out.printf(
        Locale.ROOT,
        "N_Emotion MAE: median %.4f, weighted-mean %.4f, crh %.4f, crh-squared %.4f%n",
        median, mean, crh, crhSquared);
    // Mean of answers: MAE 12.02 (dataset README, "Our baseline"); without priors weighted-mean
    // is that mean.
    assertEquals(12.022, mean, 5e-4);
    // Median of answers: 13.5293, checked independently with Python's statistics.median.
    assertEquals(13.5293, median, 5e-5);
    // Measured 13.7057 with the default absolute loss and 11.9268 with the squared loss; the
    // README gives 17.30 for the authors' PM/CRH run (Zheng et al. repository, exp-3).
    assertTrue(crh < 17.30, "crh " + crh);
    // The target: the best quantity method at most 12.2 (README: LFC_cont 12.20).
    assertTrue(Math.min(Math.min(median, mean), Math.min(crh, crhSquared)) <= 12.2);
    assertTrue(crhSquared <= 12.2, "crh-squared " + crhSquared);
  }

  /** Population (Pasternack and Roth 2010), GTM-style preprocessed claims. */
  @Test
  void population() throws IOException {
    Path dir = DatasetDirs.require("population_pasternack");
    ClaimIndex.Builder b = ClaimIndex.builder();
    String claims =
        new String(
            Files.readAllBytes(dir.resolve("population-new-new.txt")), StandardCharsets.ISO_8859_1);
    // Lines end in \n only; the latin-1 text contains U+0085 (NEL), which is not a line end here.
    for (String line : claims.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t");
      b.question(f[0], ValueType.QUANTITY).add(f[1], f[0], f[2]);
    }
    ClaimIndex index = b.build();
    Map<String, Double> truth = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(dir.resolve("population-gd.txt"), StandardCharsets.ISO_8859_1)) {
      String[] f = line.split(", ");
      String object = f[0] + ", " + f[1] + "_" + f[2];
      double value = Double.parseDouble(f[3]);
      if (value != 0 && index.questionNumber(object) >= 0) {
        truth.put(object, value);
      }
    }
    assertEquals(276, truth.size());
    Reconciliation median = Median.withDefaults().reconcile(index);
    Reconciliation crh = Crh.withDefaults().reconcile(index);
    Reconciliation crhSquared =
        Crh.withDefaults().withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED).reconcile(index);
    Reconciliation mean = WeightedMean.withDefaults().reconcile(index);
    System.out.printf(
        Locale.ROOT,
        "Population MAE / rel.err>1%% rate: median %.3f / %.4f, crh %.3f / %.4f,"
            + " crh-squared %.4g / %.4f, weighted-mean %.4g / %.4f%n",
        mae(median, truth), errorRate(median, truth), mae(crh, truth), errorRate(crh, truth),
        mae(crhSquared, truth), errorRate(crhSquared, truth), mae(mean, truth),
        errorRate(mean, truth));
    // Median of claims: MAE 10,415, rel.err>1% rate 0.319 on 276 objects (dataset README).
    assertEquals(10415.33, mae(median, truth), 0.01);
    assertEquals(88.0 / 276, errorRate(median, truth), 1e-12);
    // CRH survives the outliers (measured: MAE 19,076, rate 0.283). Its MAE is above the
    // median's because the paper's weight -ln(L_s / ΣL) favours the many sources with a single
    // claim, which win two-claim questions; its rate of wrong answers is lower.
    assertTrue(mae(crh, truth) < 25_000, "crh MAE " + mae(crh, truth));
    assertTrue(errorRate(crh, truth) < 88.0 / 276, "crh rate " + errorRate(crh, truth));
    // A mean is destroyed by claims such as 6.6e18: mean-of-claims MAE ~6.6e15 (README); the
    // squared loss of CRH is a weighted mean and does not survive either (measured 6.1e14).
    assertEquals(6.6e15, mae(mean, truth), 0.1e15);
    assertTrue(mae(crhSquared, truth) > 1e14);
  }

  private static double estimate(Reconciliation r, String question) {
    int q = r.index().questionNumber(question);
    assertTrue(q >= 0, question);
    return ((Quantity) r.leadingValue(q).orElseThrow()).representative();
  }

  private static double mae(Reconciliation r, Map<String, Double> truth) {
    double sum = 0;
    for (Map.Entry<String, Double> t : truth.entrySet()) {
      sum += Math.abs(estimate(r, t.getKey()) - t.getValue());
    }
    return sum / truth.size();
  }

  private static double errorRate(Reconciliation r, Map<String, Double> truth) {
    int wrong = 0;
    for (Map.Entry<String, Double> t : truth.entrySet()) {
      if (Math.abs(estimate(r, t.getKey()) - t.getValue()) > 0.01 * t.getValue()) {
        wrong++;
      }
    }
    return (double) wrong / truth.size();
  }
}
