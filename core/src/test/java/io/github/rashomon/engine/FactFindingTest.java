package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.model.Category;
import org.junit.jupiter.api.Test;

/** The claim-to-source steps the fact-finders share. */
class FactFindingTest {

  /**
   * q1 (candidates x, y, z): s0 affirms x with weight 2, s1 denies y, s2 affirms z. q2 (one
   * candidate, w): s1 denies w, s2 affirms w with weight 0.5. s3 makes no claim.
   */
  private static ClaimIndex index() {
    ClaimIndex.Builder b = ClaimIndex.builder().source("s3");
    b.addClaim("s0", "q1", Category.of("x"), 2, false, null);
    b.addClaim("s1", "q1", Category.of("y"), 1, true, null);
    b.addClaim("s2", "q1", Category.of("z"), 1, false, null);
    b.addClaim("s1", "q2", Category.of("w"), 1, true, null);
    b.addClaim("s2", "q2", Category.of("w"), 0.5, false, null);
    return b.build();
  }

  @Test
  void gatherReadsCandidatesAndDenialsTheMeanOfTheOthers() {
    ClaimIndex ix = index();
    // Candidates: x, y, z of q1, then w of q2.
    double[] score = {0.2, 0.3, 0.5, 0.8};
    double[] out = {9, 9, 9, 9};
    FactFinding.gather(ix, score, out);
    // s0: 2 · 0.2; s1: (0.2 + 0.5) / 2 on q1, and 0 for denying the only candidate of q2;
    // s2: 0.5 + 0.5 · 0.8; s3: nothing.
    assertArrayEquals(new double[] {0.4, 0.35, 0.9, 0}, out, 1e-15);
  }

  @Test
  void gatherOfPlainClaimsAddsTheScores() {
    ClaimIndex ix = SmallCases.index("a q x", "b q x", "b r y", "c r z");
    double[] out = new double[3];
    FactFinding.gather(ix, new double[] {0.25, 0.5, 2}, out);
    assertArrayEquals(new double[] {0.25, 0.75, 2}, out, 0);
  }

  @Test
  void claimCountsAndWeights() {
    ClaimIndex ix = index();
    assertArrayEquals(new int[] {1, 2, 2, 0}, FactFinding.claimCounts(ix));
    assertArrayEquals(new double[] {2, 2, 1.5, 0}, FactFinding.claimWeights(ix), 0);
  }

  @Test
  void scaleToMaxDividesByAPositiveFiniteLargest() {
    double[] x = {2, 4, 1};
    FactFinding.scaleToMax(x);
    assertArrayEquals(new double[] {0.5, 1, 0.25}, x, 0);
    double[] zeros = {0, 0};
    FactFinding.scaleToMax(zeros);
    assertArrayEquals(new double[] {0, 0}, zeros, 0);
    double[] negative = {-2, -1};
    FactFinding.scaleToMax(negative);
    assertArrayEquals(new double[] {-2, -1}, negative, 0);
    double[] infinite = {1, Double.POSITIVE_INFINITY};
    FactFinding.scaleToMax(infinite);
    assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY}, infinite, 0);
  }

  @Test
  void maxAbsChange() {
    assertEquals(3, FactFinding.maxAbsChange(new double[] {1, 2}, new double[] {3, -1}));
    assertEquals(0, FactFinding.maxAbsChange(new double[] {1}, new double[] {1}));
  }

  @Test
  void trustIsTheScoreOverTheLargestOfSourcesWithClaims() {
    double[] trust = new double[4];
    // The claimless source's score does not count towards the largest.
    FactFinding.trustFromScores(new double[] {2, 4, 0, 100}, new int[] {1, 3, 1, 0}, trust);
    assertArrayEquals(new double[] {0.5, 1, 0, FactFinding.NO_EVIDENCE_TRUST}, trust, 0);
    FactFinding.trustFromScores(new double[] {0, 0}, new int[] {1, 1}, trust);
    assertEquals(0, trust[0]);
    assertEquals(0, trust[1]);
    // A single source with a score is the most trusted.
    FactFinding.trustFromScores(new double[] {0.3}, new int[] {1}, trust);
    assertEquals(1, trust[0]);
  }
}
