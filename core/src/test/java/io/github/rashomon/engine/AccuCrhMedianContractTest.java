package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every reconciler must do, checked for Accu, CRH (both losses), median and weighted mean
 * on seeded random cases mixing categorical and quantity questions.
 */
class AccuCrhMedianContractTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    List<Reconciler> algorithms =
        List.of(
            Accu.withDefaults(),
            Crh.withDefaults(),
            Crh.withDefaults().withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED),
            Median.withDefaults(),
            WeightedMean.withDefaults());
    for (Reconciler r : algorithms) {
      for (long seed = 1; seed <= 5; seed++) {
        out.add(Arguments.of(r, seed));
      }
    }
    return out.stream();
  }

  /** Random claims as (source, question, value) rows; quantity questions start with "n". */
  private static List<String[]> rows(long seed) {
    Random random = new Random(seed);
    List<String[]> rows = new ArrayList<>();
    String[] numbers = {"10", "12", "15..20", ">=30", "~14+-2", "100", "11"};
    for (int q = 0; q < 12; q++) {
      boolean numeric = q % 2 == 0;
      for (int s = 0; s < 6; s++) {
        if (random.nextInt(4) == 0) {
          continue;
        }
        String value =
            numeric ? numbers[random.nextInt(numbers.length)] : "v" + random.nextInt(3);
        rows.add(new String[] {"s" + s, (numeric ? "n" : "c") + q, value});
      }
    }
    return rows;
  }

  private static ClaimIndex index(List<String[]> rows) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (String[] r : rows) {
      if (r[1].startsWith("n")) {
        b.question(r[1], ValueType.QUANTITY);
      }
      b.add(r[0], r[1], r[2]);
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void probabilitiesTrustAndOrderInvariance(Reconciler algorithm, long seed) {
    List<String[]> rows = rows(seed);
    ClaimIndex index = index(rows);
    Estimate e = ((AbstractReconciler) algorithm).estimate(index);
    for (int q = 0; q < index.questionCount(); q++) {
      double sum = 0;
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        assertTrue(e.candProb[c] >= 0 && e.candProb[c] <= 1 + 1e-12, "probability");
        sum += e.candProb[c];
      }
      assertEquals(1, sum, 1e-9, "question " + index.questionId(q));
      if (index.questionType(q) == ValueType.QUANTITY && !(algorithm instanceof Accu)) {
        assertTrue(e.pointEstimate[q] != null, "point estimate for " + index.questionId(q));
      }
    }
    for (int s = 0; s < index.sourceCount(); s++) {
      assertTrue(e.trust[s] >= 0 && e.trust[s] <= 1, "trust");
      assertTrue(Double.isFinite(e.voteWeight[s]), "vote weight");
    }
    // Same claims in another order: identical output.
    List<String[]> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed * 31));
    Reconciliation a = algorithm.reconcile(index);
    Reconciliation b = algorithm.reconcile(index(shuffled));
    assertEquals(a.verdicts(), b.verdicts());
    assertEquals(a.assessments(), b.assessments());
    assertEquals(a.provenance(), b.provenance());
  }

  static Stream<Reconciler> algorithms() {
    return cases().map(a -> (Reconciler) a.get()[0]).distinct();
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void emptyAndClaimlessQuestions(Reconciler algorithm) {
    Reconciliation empty = algorithm.reconcile(ClaimIndex.builder().build());
    assertEquals(0, empty.questionCount());
    ClaimIndex declared =
        ClaimIndex.builder().question("n", ValueType.QUANTITY).source("s").build();
    Reconciliation r = algorithm.reconcile(declared);
    assertTrue(r.leadingValue(0).isEmpty());
    assertTrue(r.trust(0) >= 0 && r.trust(0) <= 1);
  }
}
