package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.ValueType;
import org.junit.jupiter.api.Test;

class WeightedMeanTest {
  private static final double EPS = 1e-12;

  @Test
  void meanWeightedByPriorCredibility() {
    // a (prior 0.9) says 10, b (no prior: 0.5) says 20, c (prior 0.1) says 30:
    // (0.9·10 + 0.5·20 + 0.1·30) / (0.9 + 0.5 + 0.1) = 22 / 1.5.
    ClaimIndex index =
        ClaimIndex.builder()
            .sourcePrior("a", Credibility.dogmatic(0.9))
            .sourcePrior("c", Credibility.dogmatic(0.1))
            .question("n", ValueType.QUANTITY)
            .add("a", "n", "10")
            .add("b", "n", "20")
            .add("c", "n", "30")
            .build();
    Reconciliation r = WeightedMean.withDefaults().reconcile(index);
    assertEquals(22 / 1.5, ((Quantity) r.leadingValue(0).get()).representative(), EPS);
    // Without priors at all it is the plain mean.
    ClaimIndex plain =
        ClaimIndex.builder()
            .question("n", ValueType.QUANTITY)
            .add("a", "n", "10")
            .add("b", "n", "20")
            .add("c", "n", "60")
            .build();
    assertEquals(
        Quantity.exactly(30), WeightedMean.withDefaults().reconcile(plain).leadingValue(0).get());
  }

  @Test
  void aLoneOrUnanimousValueIsItsOwnMeanExactly() {
    // population_pasternack's 'ewa beach, hawaii_2000 has one claim, 14650: with weight 0.7,
    // 0.7·14650/0.7 rounds to 14650.000000000002, which then took no kernel share at all.
    // The mean is taken as deviations from the first weighted value, so it is 14650 exactly,
    // and CRH (squared loss) accepts it with probability 1.
    for (String value : new String[] {"14650", "1e15", "0.1"}) {
      ClaimIndex index =
          ClaimIndex.builder()
              .sourcePrior("a", Credibility.dogmatic(0.7))
              .sourcePrior("b", Credibility.dogmatic(0.3))
              .question("n", ValueType.QUANTITY)
              .add("a", "n", value)
              .add("b", "n", value)
              .build();
      double x = Double.parseDouble(value);
      Reconciliation mean = WeightedMean.withDefaults().reconcile(index);
      assertEquals(x, ((Quantity) mean.leadingValue(0).get()).representative(), 0.0, value);
      assertEquals(1.0, mean.confidence(0), 0.0, value);
      Reconciliation crh = Crh.withDefaults().withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED).reconcile(index);
      assertEquals(x, ((Quantity) crh.leadingValue(0).get()).representative(), 0.0, value);
      assertEquals(1.0, crh.confidence(0), 0.0, value);
    }
  }

  @Test
  void categoricalQuestionsAreAWeightedVote() {
    // Same probabilities as weighted vote: x gets 0.9, y gets 0.5 + 0.5.
    ClaimIndex index =
        ClaimIndex.builder()
            .sourcePrior("a", Credibility.dogmatic(0.9))
            .add("a", "c", "x")
            .add("b", "c", "y")
            .add("c", "c", "y")
            .build();
    Reconciliation mean = WeightedMean.withDefaults().reconcile(index);
    Reconciliation vote = WeightedVote.withDefaults().reconcile(index);
    assertEquals(0.9 / 1.9, mean.probability(0, 0), EPS);
    assertArrayEquals(
        new double[] {vote.probability(0, 0), vote.probability(0, 1)},
        new double[] {mean.probability(0, 0), mean.probability(0, 1)},
        EPS);
    assertEquals("y", mean.leadingValue(0).get().canonical());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    WeightedMean quarter = WeightedMean.withDefaults().withDefaultCredibility(0.25);
    assertEquals("0.25", quarter.settings().get("defaultCredibility"));
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedMean.withDefaults().withDefaultCredibility(0));
    assertEquals("weighted-mean: defaultCredibility must be in (0, 1], got 0.0", bad.getMessage());
    assertEquals(WeightedMean.withDefaults(), Reconcilers.byName("weighted-mean"));
  }
}
