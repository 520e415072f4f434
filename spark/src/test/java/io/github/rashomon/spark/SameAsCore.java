package io.github.rashomon.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Runs an algorithm on the core engine and on Spark and checks the results agree. */
final class SameAsCore {
  /** How far probabilities and trust may differ: the order of additions differs. */
  static final double TOLERANCE = 1e-9;

  /**
   * GLAD's tolerance. Its M-step accepts a step when the objective (a sum over all claims) does
   * not decrease; near convergence the two objectives differ by less than the rounding of the
   * sums, whose order differs between the engines, so a step one engine takes the other may not:
   * the results then agree to about 1e-8 rather than 1e-9.
   */
  static final double GLAD_TOLERANCE = 1e-7;

  static final StructType CLAIMS =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("question", DataTypes.StringType)
          .add("value", DataTypes.StringType);

  /**
   * Investment's and PooledInvestment's tolerance. Their belief grows as a power of the
   * investment ({@code H^g}, {@code H^(1+g)} within a question), so the relative difference
   * between two nearly tied candidates grows by that power every iteration: a rounding
   * difference of 1e-16 becomes about 1e-9 after 20 iterations on a near tie (population data).
   */
  static final double INVESTMENT_TOLERANCE = 1e-8;

  /**
   * Two candidates whose probabilities differ by less than this are a numerical tie: which one
   * leads is decided by the rounding of the sums, in either engine.
   */
  static final double NUMERICAL_TIE = 1e-12;

  private SameAsCore() {}

  static Dataset<Row> dataset(List<String[]> claims) {
    List<Row> rows = new ArrayList<>(claims.size());
    for (String[] c : claims) {
      rows.add(RowFactory.create(c[0], c[1], c[2]));
    }
    return LocalSpark.session().createDataFrame(rows, CLAIMS);
  }

  static Reconciliation core(Reconciler algorithm, List<String[]> claims,
      Map<String, Double> priors) {
    return core(algorithm, claims, priors, ValueType.CATEGORICAL);
  }

  /** The core engine's result, every question of the given type (as --value-type reads them). */
  static Reconciliation core(Reconciler algorithm, List<String[]> claims,
      Map<String, Double> priors, ValueType type) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (Map.Entry<String, Double> p : priors.entrySet()) {
      b.sourcePrior(p.getKey(), io.github.rashomon.credibility.Credibility.dogmatic(p.getValue()));
    }
    for (String[] c : claims) {
      if (type == ValueType.CATEGORICAL) {
        b.add(c[0], c[1], c[2]);
      } else {
        b.question(c[1], type).add(c[0], c[1], c[2]);
      }
    }
    return algorithm.reconcile(b.build());
  }

  static void check(String what, Reconciler algorithm, List<String[]> claims) {
    check(what, SparkReconciler.of(algorithm), claims, Map.of());
  }

  static void check(String what, SparkReconciler engine, List<String[]> claims,
      Map<String, Double> priors) {
    Reconciliation core = core(engine.algorithm(), claims, priors, engine.valueType());
    try (SparkReconciliation spark =
        engine.withSourcePriors(priors).reconcile(dataset(claims))) {
      String label = what + " " + engine.algorithm().name();
      String name = engine.algorithm().name();
      double tolerance =
          name.equals("glad")
              ? GLAD_TOLERANCE
              : name.endsWith("investment") ? INVESTMENT_TOLERANCE : TOLERANCE;
      assertEquals(core.provenance().iterations(), spark.iterations(), label + ": iterations");
      assertEquals(core.provenance().converged(), spark.converged(), label + ": converged");
      Map<String, Row> verdicts = new HashMap<>();
      for (Row r : spark.verdicts().collectAsList()) {
        verdicts.put(r.getString(0), r);
      }
      assertEquals(core.questionCount(), verdicts.size(), label + ": questions");
      double confidenceDiff = 0;
      double trustDiff = 0;
      for (int q = 0; q < core.questionCount(); q++) {
        String id = core.index().questionId(q);
        Row r = verdicts.get(id);
        String coreValue = core.leadingValue(q).get().canonical();
        if (!coreValue.equals(r.getString(1))) {
          // Only a numerical tie may lead differently: Spark's leader is as probable in core.
          double sparkLeaderInCore = 0;
          for (io.github.rashomon.engine.CandidateScore c : core.verdict(q).candidates()) {
            if (c.value().canonical().equals(r.getString(1))) {
              sparkLeaderInCore = c.probability();
            }
          }
          assertEquals(core.confidence(q), sparkLeaderInCore, NUMERICAL_TIE,
              label + ": value of question " + id + ", " + coreValue + " in core");
        }
        assertEquals(core.confidence(q), r.getDouble(2), tolerance,
            label + ": confidence of question " + id);
        confidenceDiff = Math.max(confidenceDiff, Math.abs(core.confidence(q) - r.getDouble(2)));
        assertEquals(core.status(q).name(), r.getString(3), label + ": status of " + id);
      }
      List<Row> sources = spark.sources().collectAsList();
      assertEquals(core.sourceCount(), sources.size(), label + ": sources");
      for (int s = 0; s < core.sourceCount(); s++) {
        assertEquals(core.index().sourceId(s), sources.get(s).getString(0));
        assertEquals(core.trust(s), sources.get(s).getDouble(1), tolerance,
            label + ": trust of " + core.index().sourceId(s));
        trustDiff = Math.max(trustDiff, Math.abs(core.trust(s) - sources.get(s).getDouble(1)));
      }
      // The largest differences, for docs/spark.md.
      System.out.printf(Locale.ROOT,
          "same as core: %s (%s): %d iterations, largest difference %.2g in confidence, %.2g in"
              + " trust%n", label, engine.valueType().name().toLowerCase(Locale.ROOT),
          spark.iterations(), confidenceDiff, trustDiff);
      assertTrue(spark.finalChange() >= 0);
    }
  }
}
