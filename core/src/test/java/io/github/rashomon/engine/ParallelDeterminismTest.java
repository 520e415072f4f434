package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Results are the same bytes whatever the thread count: the work is split into stripes that do
 * not depend on it, and per-source sums are reduced in stripe order.
 */
class ParallelDeterminismTest {
  /** 10⁵ claims: 20,000 questions of 5 claims, split into several stripes. */
  private static final Synthetic.Data DATA =
      Synthetic.withDefaults().withSeed(11).withSources(300).withClaims(100_000).generate();

  @Test
  void indexHasSeveralStripes() {
    assertTrue(Stripes.of(DATA.index(), 1000).count() >= 8);
  }

  @Test
  void dawidSkeneIsIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> DawidSkene.withDefaults().withIterations(15).withTolerance(0).withThreads(t),
        DATA.index());
  }

  @Test
  void majorityVoteIsIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(t -> MajorityVote.withDefaults().withThreads(t), DATA.index());
  }

  @Test
  void truthFinderIsIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> TruthFinder.withDefaults().withIterations(15).withThreads(t), DATA.index());
  }

  @Test
  void sumsAndAverageLogAreIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> Sums.withDefaults().withTolerance(0).withThreads(t), DATA.index());
    assertSameForEveryThreadCount(
        t -> AverageLog.withDefaults().withTolerance(0).withThreads(t), DATA.index());
  }

  @Test
  void investmentAndPooledInvestmentAreIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> Investment.withDefaults().withTolerance(0).withThreads(t), DATA.index());
    assertSameForEveryThreadCount(
        t -> PooledInvestment.withDefaults().withTolerance(0).withThreads(t), DATA.index());
  }

  @Test
  void accuIsIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> Accu.withDefaults().withTolerance(0).withIterations(15).withThreads(t),
        DATA.index());
  }

  @Test
  void twoAndThreeEstimatesAreIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> TwoEstimates.withDefaults().withIterations(15).withThreads(t), DATA.index());
    assertSameForEveryThreadCount(
        t -> ThreeEstimates.withDefaults().withIterations(15).withThreads(t), DATA.index());
  }

  @Test
  void crhIsIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(t -> Crh.withDefaults().withThreads(t), DATA.index());
  }

  @Test
  void gladIsIdenticalOnOneTwoAndEightThreads() {
    assertSameForEveryThreadCount(
        t -> Glad.withDefaults().withIterations(3).withThreads(t), DATA.index());
  }

  /** Generated claims of three classes from 200 sources, weighing 0.5 to 2 in turn. */
  static ClaimIndex weightedThreeClasses(int claims) {
    ClaimIndex ix =
        Synthetic.withDefaults().withSeed(12).withSources(200).withClasses(3)
            .withClaims(claims).generate().index();
    double[] w = new double[ix.claimCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.5 + (i % 7) / 4.0;
    }
    return ix.withClaimWeights(w);
  }

  @Test
  void weightedClaimsAndThreeClassesToo() {
    // Weights take the general path of every loop; three classes take Dawid-Skene's general one.
    ClaimIndex weighted = weightedThreeClasses(100_000);
    assertSameForEveryThreadCount(
        t -> DawidSkene.withDefaults().withIterations(10).withSmoothing(0.5).withThreads(t),
        weighted);
    assertSameForEveryThreadCount(t -> MajorityVote.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(
        t -> TruthFinder.withDefaults().withIterations(10).withThreads(t), weighted);
    assertSameForEveryThreadCount(t -> Sums.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(t -> AverageLog.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(t -> Investment.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(t -> PooledInvestment.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(t -> Accu.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(
        t -> TwoEstimates.withDefaults().withIterations(15).withThreads(t), weighted);
    assertSameForEveryThreadCount(
        t -> ThreeEstimates.withDefaults().withIterations(15).withThreads(t), weighted);
    assertSameForEveryThreadCount(t -> Crh.withDefaults().withThreads(t), weighted);
    assertSameForEveryThreadCount(
        t -> Glad.withDefaults().withIterations(2).withThreads(t), weighted);
  }

  private static void assertSameForEveryThreadCount(
      IntFunction<AbstractReconciler> algorithm, ClaimIndex ix) {
    Estimate one = algorithm.apply(1).estimate(ix);
    Reconciliation first = algorithm.apply(1).reconcile(ix);
    for (int threads : List.of(2, 8)) {
      Estimate e = algorithm.apply(threads).estimate(ix);
      assertArrayEquals(bits(one.candProb), bits(e.candProb), threads + " threads: candProb");
      assertArrayEquals(bits(one.trust), bits(e.trust), threads + " threads: trust");
      assertArrayEquals(bits(one.voteWeight), bits(e.voteWeight), threads + " threads: weight");
      assertEquals(one.iterations, e.iterations);
      assertEquals(Double.doubleToLongBits(one.finalChange), Double.doubleToLongBits(e.finalChange));
      Reconciliation r = algorithm.apply(threads).reconcile(ix);
      // Threads are not a setting, so even the provenance is the same.
      assertEquals(first.provenance(), r.provenance());
      for (int q = 0; q < ix.questionCount(); q += 997) {
        assertEquals(first.verdict(q), r.verdict(q));
      }
      for (int s = 0; s < ix.sourceCount(); s += 17) {
        assertEquals(first.assessment(s), r.assessment(s));
      }
    }
  }

  private static long[] bits(double[] x) {
    long[] b = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      b[i] = Double.doubleToLongBits(x[i]);
    }
    return b;
  }
}
