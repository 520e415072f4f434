package io.github.rashomon.engine;

/** Weighted voting over the claim index, shared by the vote-like algorithms. */
final class Votes {
  private Votes() {}

  /**
   * Adds each claim's weight ({@code sourceWeight[s]} times the claim weight) to the candidate it
   * affirms; a denial spreads its weight evenly over the question's other candidates.
   */
  static void tally(ClaimIndex index, double[] sourceWeight, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int q = 0; q < index.questionCount(); q++) {
      int candFrom = index.questionCandStart[q];
      int k = index.questionCandStart[q + 1] - candFrom;
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        double w = sourceWeight[index.claimSource[i]] * index.weight(i);
        int c = index.claimCand[i];
        if (!index.denies(i)) {
          out[c] += w;
        } else if (k > 1) {
          double share = w / (k - 1);
          for (int o = candFrom; o < candFrom + k; o++) {
            if (o != c) {
              out[o] += share;
            }
          }
        }
      }
    }
  }

  /**
   * Scales each question's scores to sum to 1, in place. A question whose scores are all zero
   * carries no information from the algorithm; it falls back to its plain vote shares (uniform
   * when it has no claims either), so that a degenerate score never lets an unclaimed candidate
   * lead.
   */
  static void normalise(ClaimIndex index, double[] scores) {
    for (int q = 0; q < index.questionCount(); q++) {
      int from = index.questionCandStart[q];
      int to = index.questionCandStart[q + 1];
      double sum = 0;
      for (int c = from; c < to; c++) {
        sum += scores[c];
      }
      if (sum <= 0) {
        for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
          if (!index.denies(i)) {
            scores[index.claimCand[i]] += index.weight(i);
            sum += index.weight(i);
          }
        }
      }
      for (int c = from; c < to; c++) {
        scores[c] = sum > 0 ? scores[c] / sum : 1.0 / (to - from);
      }
    }
  }

  /**
   * Each source's agreement rate: the share of its claim weight that agrees with its question's
   * most probable candidate (a denial agrees when it denies a value other than the leader). A
   * source without claims gets 0.5.
   */
  static void agreement(ClaimIndex index, double[] candProb, double[] out) {
    int ns = index.sourceCount();
    double[] agree = new double[ns];
    double[] total = new double[ns];
    for (int q = 0; q < index.questionCount(); q++) {
      int best = -1;
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        if (best < 0 || candProb[c] > candProb[best]) {
          best = c;
        }
      }
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        int s = index.claimSource[i];
        double w = index.weight(i);
        boolean hit = (index.claimCand[i] == best) != index.denies(i);
        total[s] += w;
        if (hit) {
          agree[s] += w;
        }
      }
    }
    for (int s = 0; s < ns; s++) {
      out[s] = total[s] > 0 ? agree[s] / total[s] : 0.5;
    }
  }
}
