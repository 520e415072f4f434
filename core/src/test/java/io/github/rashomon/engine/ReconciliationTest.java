package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.VerifyException;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.ValueType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How raw estimates become verdicts: normalisation, order, margins, explanations, counts. */
class ReconciliationTest {

  /** q: a, b say x; c says y; d says x twice; e denies y. */
  private static ClaimIndex disputed() {
    ClaimIndex.Builder b = ClaimIndex.builder();
    b.add("a", "q", "x").add("b", "q", "x").add("c", "q", "y").add("d", "q", "x")
        .add("d", "q", "x");
    b.addClaim("e", "q", Category.of("y"), 1, true, null);
    return b.build();
  }

  private static Reconciliation of(ClaimIndex ix, double[] candProb, double[] voteWeight) {
    Estimate e = new Estimate(ix);
    System.arraycopy(candProb, 0, e.candProb, 0, candProb.length);
    System.arraycopy(voteWeight, 0, e.voteWeight, 0, voteWeight.length);
    java.util.Arrays.fill(e.trust, 0.5);
    return Reconciliation.of(ix, e, "test", Map.of());
  }

  @Test
  void probabilitiesAreNormalisedPerQuestion() {
    ClaimIndex ix = SmallCases.index("a q x", "b q y", "a r u", "b r v");
    Reconciliation r = of(ix, new double[] {3, 1, 0, 0}, new double[] {1, 1});
    assertEquals(0.75, r.probability(0, 0));
    assertEquals(0.25, r.probability(0, 1));
    // All zero: uniform.
    assertEquals(0.5, r.probability(1, 0));
    assertEquals(0.5, r.probability(1, 1));
    assertEquals("test", r.provenance().algorithm());
    assertEquals(Map.of("claims", 4, "questions", 2, "sources", 2), r.provenance().inputs());
  }

  @Test
  void anAlgorithmThatProducesNaNOrInfinityIsCaught() {
    ClaimIndex ix = SmallCases.index("a q x", "b q y");
    VerifyException e =
        assertThrows(VerifyException.class,
            () -> of(ix, new double[] {Double.NaN, 1}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("test produced probability NaN for question 'q'"),
        e.getMessage());
    assertThrows(VerifyException.class,
        () -> of(ix, new double[] {Double.POSITIVE_INFINITY, 1}, new double[] {1, 1}));
    assertThrows(VerifyException.class, () -> of(ix, new double[] {-1, 1}, new double[] {1, 1}));
    e = assertThrows(VerifyException.class,
        () -> of(ix, new double[] {1, 1}, new double[] {Double.NaN, 1}));
    assertTrue(e.getMessage().contains("vote weight NaN for source 'a'"), e.getMessage());
    Estimate bad = new Estimate(ix);
    bad.trust[1] = 1.5;
    e = assertThrows(VerifyException.class, () -> Reconciliation.of(ix, bad, "test", Map.of()));
    assertTrue(e.getMessage().contains("trust 1.5 for source 'b'"), e.getMessage());
    Estimate nan = new Estimate(ix);
    nan.trust[0] = Double.NaN;
    assertThrows(VerifyException.class, () -> Reconciliation.of(ix, nan, "test", Map.of()));
  }

  @Test
  void explanationsAreOrderedByWeightThenSourceAndCountDistinctSources() {
    ClaimIndex ix = disputed();
    // Vote weights: a 1, b 3, c 3, d 0.5, e 2; x leads.
    Reconciliation r = of(ix, new double[] {0.6, 0.4}, new double[] {1, 3, 3, 0.5, 2});
    Verdict v = r.verdict("q");
    assertEquals(Category.of("x"), v.value().orElseThrow());
    List<String> order =
        v.explanation().stream().map(c -> c.source() + ":" + c.weight())
            .collect(Collectors.toList());
    // e denies y, which supports x.
    assertEquals(List.of("b:3.0", "c:-3.0", "e:2.0", "a:1.0", "d:0.5", "d:0.5"), order);
    assertEquals(Stance.DENIES, v.explanation().get(2).stance());
    assertEquals(6, v.claims());
    // Affirmations per candidate: x four (d twice), y one (the denial is not one).
    assertEquals(4, v.candidates().get(0).claims());
    assertEquals(1, v.candidates().get(1).claims());
    // Sources for: a, b, d, e (d once); against: c.
    Corroboration k = r.corroboration(0);
    assertEquals(4, k.sourcesFor());
    assertEquals(1, k.sourcesAgainst());
    assertEquals(4.0, k.linesFor());
    assertEquals(k, v.corroboration());
    assertEquals(0.2, v.margin(), 1e-12);
    assertEquals(r.status(0), v.status());
    assertEquals(VerdictStatus.ACCEPTED, r.status(0));
    assertEquals(VerdictStatus.CONTESTED,
        r.withPolicy(VerdictPolicy.defaults().withContestedMargin(0.3)).status(0));
    assertEquals(VerdictPolicy.defaults().withContestedMargin(0.3),
        r.withPolicy(VerdictPolicy.defaults().withContestedMargin(0.3)).policy());
    assertEquals(VerdictPolicy.defaults(), r.policy());
  }

  @Test
  void equalWeightsAreOrderedBySourceThenValue() {
    ClaimIndex ix = SmallCases.index("b q y", "a q x", "c q x", "a q y");
    Reconciliation r = of(ix, new double[] {0.5, 0.5}, new double[] {1, 1, 1});
    List<String> order =
        r.verdict(0).explanation().stream().map(c -> c.source() + "/" + c.value())
            .collect(Collectors.toList());
    assertEquals(List.of("a/x", "a/y", "b/y", "c/x"), order);
  }

  @Test
  void tiesGoToTheCanonicalFirstOrTheGivenRank() {
    ClaimIndex ix = SmallCases.index("a q x", "b q y", "c q z");
    Estimate e = new Estimate(ix);
    e.candProb[0] = 0.25;
    e.candProb[1] = 0.375;
    e.candProb[2] = 0.375;
    Reconciliation canonical = Reconciliation.of(ix, e, "test", Map.of());
    assertEquals(Category.of("y"), canonical.leadingValue(0).orElseThrow());
    assertEquals(0, canonical.verdict(0).margin());
    Estimate ranked = new Estimate(ix);
    System.arraycopy(e.candProb, 0, ranked.candProb, 0, 3);
    ranked.tieRank = new int[] {0, 2, 1};
    Reconciliation byRank = Reconciliation.of(ix, ranked, "test", Map.of());
    assertEquals(Category.of("z"), byRank.leadingValue(0).orElseThrow());
    assertEquals(Category.of("z"), byRank.verdict(0).candidates().get(0).value());
    assertEquals(Category.of("y"), byRank.verdict(0).candidates().get(1).value());
  }

  @Test
  void aPointEstimateIsConfidentInTheCandidatesItIsCompatibleWith() {
    ClaimIndex.Builder b = ClaimIndex.builder().question("n", ValueType.QUANTITY);
    b.add("a", "n", "10..20").add("b", "n", "15").add("c", "n", "30");
    ClaimIndex ix = b.build();
    Estimate e = new Estimate(ix);
    // Candidates in order: 15, 10..20 (midpoint 15, wider), 30.
    e.candProb[0] = 0.3;
    e.candProb[1] = 0.3;
    e.candProb[2] = 0.4;
    e.pointEstimate = new io.github.rashomon.model.Value[] {Quantity.exactly(15)};
    e.voteWeight[0] = 1;
    e.voteWeight[1] = 2;
    e.voteWeight[2] = 3;
    Reconciliation r = Reconciliation.of(ix, e, "test", Map.of());
    assertEquals(Quantity.exactly(15), r.leadingValue(0).orElseThrow());
    // 15 and 10..20 hold the estimate: 0.6; the rival, 30, 0.4.
    assertEquals(0.6, r.confidence(0), 1e-12);
    assertEquals(0.2, r.verdict(0).margin(), 1e-12);
    // Claims compatible with the estimate support it, the other counts against.
    List<String> weights =
        r.verdict(0).explanation().stream().map(c -> c.source() + ":" + c.weight())
            .collect(Collectors.toList());
    assertEquals(List.of("c:-3.0", "b:2.0", "a:1.0"), weights);
    assertEquals(2, r.verdict(0).corroboration().sourcesFor());
  }

  @Test
  void unknownIdsAreRefusedNamingThem() {
    Reconciliation r = MajorityVote.withDefaults().reconcile(disputed());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.verdict("nope"));
    assertTrue(e.getMessage().contains("no question 'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> r.assessment("nobody"));
    assertTrue(e.getMessage().contains("no source 'nobody'"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> r.verdict(1));
    assertThrows(IndexOutOfBoundsException.class, () -> r.probability(0, 2));
    assertThrows(NullPointerException.class, () -> r.withPolicy(null));
  }

  @Test
  void calibratedEstimatesMustStillSumToOne() {
    ClaimIndex ix = SmallCases.index("a q x", "b q y");
    Reconciliation r = MajorityVote.withDefaults().reconcile(ix);
    Estimate ok = new Estimate(ix);
    ok.candProb[0] = 0.5;
    ok.candProb[1] = 0.25;
    ok.unclaimed = new double[] {0.25};
    Reconciliation c = r.withCalibrated(ok, "isotonic");
    assertEquals(0.25, c.unclaimedProbability(0));
    assertEquals("isotonic", c.provenance().settings().get("calibration"));
    assertEquals(r.provenance().iterations(), c.provenance().iterations());
    Estimate off = new Estimate(ix);
    off.candProb[0] = 0.5;
    off.candProb[1] = 0.25;
    VerifyException e = assertThrows(VerifyException.class, () -> r.withCalibrated(off, "x"));
    assertTrue(e.getMessage().contains("sum to 0.75"), e.getMessage());
    Estimate over = new Estimate(ix);
    over.candProb[0] = 1.5;
    over.candProb[1] = -0.5;
    assertThrows(VerifyException.class, () -> r.withCalibrated(over, "x"));
  }
}
