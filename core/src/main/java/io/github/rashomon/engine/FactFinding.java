package io.github.rashomon.engine;

import java.util.Arrays;

/**
 * Steps shared by the fact-finders that pass scores back and forth between sources and claims
 * (TruthFinder, Sums, AverageLog, Investment, PooledInvestment).
 *
 * <p>The claim-to-source direction is the transpose of {@link Votes#tally}: a claim reads its
 * candidate's score, and a denial reads the mean score of the question's other candidates, the
 * candidates it spreads its vote over.

 */
final class FactFinding {
  /** Sources without claims are reported with this trust, as {@link Votes#agreement} does. */
  static final double NO_EVIDENCE_TRUST = 0.5;

  private FactFinding() {}

  /**
   * Per source: the sum over its claims of the claim weight times the score the claim reads
   * ({@code candScore} of its candidate, or for a denial the mean over the other candidates).
   */
  static void gather(ClaimIndex index, double[] candScore, double[] out) {
    Arrays.fill(out, 0);
    gatherQuestions(index, 0, index.questionCount(), candScore, out);
  }

  /**
   * {@link #gather} of the questions [from, to), adding to out; plain claims through one flat
   * loop, the same additions in the same order as question by question.
   */
  static void gatherQuestions(
      ClaimIndex index, int from, int to, double[] candScore, double[] out) {
    if (index.claimWeight == null && index.claimDenies == null) {
      int[] src = index.claimSource;
      int[] cand = index.claimCand;
      int end = index.questionClaimStart[to];
      for (int i = index.questionClaimStart[from]; i < end; i++) {
        out[src[i]] += candScore[cand[i]];
      }
      return;
    }
    for (int q = from; q < to; q++) {
      gatherQuestion(index, q, candScore, out);
    }
  }

  /** {@link #gather} of question q alone, adding to out. */
  static void gatherQuestion(ClaimIndex index, int q, double[] candScore, double[] out) {
    int[] src = index.claimSource;
    int[] cand = index.claimCand;
    int to = index.questionClaimStart[q + 1];
    if (index.claimWeight == null && index.claimDenies == null) {
      for (int i = index.questionClaimStart[q]; i < to; i++) {
        out[src[i]] += candScore[cand[i]];
      }
      return;
    }
    int candFrom = index.questionCandStart[q];
    int k = index.questionCandStart[q + 1] - candFrom;
    double questionTotal = Double.NaN;
    for (int i = index.questionClaimStart[q]; i < to; i++) {
      int c = cand[i];
      double read;
      if (!index.denies(i)) {
        read = candScore[c];
      } else if (k > 1) {
        if (Double.isNaN(questionTotal)) {
          questionTotal = 0;
          for (int o = candFrom; o < candFrom + k; o++) {
            questionTotal += candScore[o];
          }
        }
        read = (questionTotal - candScore[c]) / (k - 1);
      } else {
        read = 0;
      }
      out[src[i]] += index.weight(i) * read;
    }
  }

  /** Per source: the number of claims. */
  static int[] claimCounts(ClaimIndex index) {
    int[] n = new int[index.sourceCount()];
    for (int s : index.claimSource) {
      n[s]++;
    }
    return n;
  }

  /** Per source: the total weight of its claims (the claim count when claims are unweighted). */
  static double[] claimWeights(ClaimIndex index) {
    double[] w = new double[index.sourceCount()];
    for (int i = 0; i < index.claimCount(); i++) {
      w[index.claimSource[i]] += index.weight(i);
    }
    return w;
  }

  /** Divides every entry by the largest; leaves the array alone when the largest is not positive. */
  static void scaleToMax(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (max > 0 && Double.isFinite(max)) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= max;
      }
    }
  }

  /** The largest absolute difference between two arrays of equal length. */
  static double maxAbsChange(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  /**
   * Fills trust with the source scores scaled by the largest score, so the best source has trust
   * 1; sources without claims get {@link #NO_EVIDENCE_TRUST}.
   */
  static void trustFromScores(double[] score, int[] claims, double[] trust) {
    double max = 0;
    for (int s = 0; s < score.length; s++) {
      if (claims[s] > 0) {
        max = Math.max(max, score[s]);
      }
    }
    for (int s = 0; s < score.length; s++) {
      if (claims[s] == 0) {
        trust[s] = NO_EVIDENCE_TRUST;
      } else {
        trust[s] = max > 0 ? Math.min(1, Math.max(0, score[s] / max)) : 0;
      }
    }
  }
}
