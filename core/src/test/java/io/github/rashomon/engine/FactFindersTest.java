package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Edge cases every fact-finder must get through: empty input, unclaimed candidates, order. */
class FactFindersTest {
  static Stream<AbstractReconciler> algorithms() {
    return Stream.of(
        TruthFinder.withDefaults(),
        Sums.withDefaults(),
        AverageLog.withDefaults(),
        Investment.withDefaults(),
        PooledInvestment.withDefaults(),
        TwoEstimates.withDefaults(),
        ThreeEstimates.withDefaults());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void emptyIndex(AbstractReconciler algorithm) {
    Reconciliation r = algorithm.reconcile(ClaimIndex.builder().build());
    assertEquals(0, r.questionCount());
    assertTrue(r.provenance().iterations() >= 1);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void questionsAndCandidatesWithoutClaims(AbstractReconciler algorithm) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    b.question("silent", ValueType.CATEGORICAL);
    b.candidate("open", Category.of("unclaimed"));
    b.add("A", "open", "x");
    b.add("B", "open", "x");
    b.add("A", "other", "y");
    b.add("C", "other", "z");
    ClaimIndex index = b.build();
    Estimate e = algorithm.estimate(index);
    Reconciliation r = algorithm.reconcile(index);
    for (int q = 0; q < r.questionCount(); q++) {
      double sum = 0;
      for (int c = 0; c < r.index().candidateCount(q); c++) {
        double p = r.probability(q, c);
        assertTrue(p >= 0 && p <= 1, algorithm.name() + ": " + p);
        sum += p;
      }
      if (r.index().candidateCount(q) > 0) {
        assertEquals(1, sum, 1e-12, algorithm.name());
      }
    }
    assertEquals("x", SmallCases.lead(r, "open"), algorithm.name());
    for (double t : e.trust) {
      assertTrue(t >= 0 && t <= 1, algorithm.name() + ": trust " + t);
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void inputOrderDoesNotMatter(AbstractReconciler algorithm) {
    List<String[]> claims = new ArrayList<>();
    Random random = new Random(7);
    for (int q = 0; q < 30; q++) {
      for (int s = 0; s < 6; s++) {
        if (random.nextInt(3) > 0) {
          claims.add(new String[] {"s" + s, "q" + q, "v" + random.nextInt(3)});
        }
      }
    }
    double[] first = null;
    for (int round = 0; round < 3; round++) {
      Collections.shuffle(claims, random);
      ClaimIndex.Builder b = ClaimIndex.builder();
      for (String[] c : claims) {
        b.add(c[0], c[1], c[2]);
      }
      Estimate e = algorithm.estimate(b.build());
      if (first == null) {
        first = e.candProb;
      } else {
        assertArrayEquals(first, e.candProb, 0.0, algorithm.name());
      }
    }
  }
}
