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
    tallyQuestions(index, 0, index.questionCount(), sourceWeight, out);
  }

  /**
   * {@link #tally} of the questions [from, to), adding to out (which the caller zeroed). Plain
   * claims (no weights, no denials) go through one flat loop, the same additions in the same
   * order as question by question.
   */
  static void tallyQuestions(
      ClaimIndex index, int from, int to, double[] sourceWeight, double[] out) {
    if (index.claimWeight == null && index.claimDenies == null) {
      int[] src = index.claimSource;
      int[] cand = index.claimCand;
      int end = index.questionClaimStart[to];
      for (int i = index.questionClaimStart[from]; i < end; i++) {
        out[cand[i]] += sourceWeight[src[i]];
      }
      return;
    }
    for (int q = from; q < to; q++) {
      tallyQuestion(index, q, sourceWeight, out);
    }
  }

  /** {@link #tally} of question q alone, adding to out (which the caller zeroed). */
  static void tallyQuestion(ClaimIndex index, int q, double[] sourceWeight, double[] out) {
    int candFrom = index.questionCandStart[q];
    int k = index.questionCandStart[q + 1] - candFrom;
    int[] src = index.claimSource;
    int[] cand = index.claimCand;
    int to = index.questionClaimStart[q + 1];
    if (index.claimWeight == null && index.claimDenies == null) {
      for (int i = index.questionClaimStart[q]; i < to; i++) {
        out[cand[i]] += sourceWeight[src[i]];
      }
      return;
    }
    for (int i = index.questionClaimStart[q]; i < to; i++) {
      double w = sourceWeight[src[i]] * index.weight(i);
      int c = cand[i];
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

  /**
   * Scales each question's scores to sum to 1, in place. A question whose scores are all zero
   * carries no information from the algorithm; it falls back to its plain vote shares (uniform
   * when it has no claims either), so that a degenerate score never lets an unclaimed candidate
   * lead.
   */
  static void normalise(ClaimIndex index, double[] scores) {
    for (int q = 0; q < index.questionCount(); q++) {
      normaliseQuestion(index, q, scores);
    }
  }

  /** {@link #normalise} of question q alone. */
  static void normaliseQuestion(ClaimIndex index, int q, double[] scores) {
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
      agreementQuestion(index, q, candProb, agree, total);
    }
    agreementRates(agree, total, out);
  }

  /** Adds question q's claims to each source's agreeing and total weight. */
  static void agreementQuestion(
      ClaimIndex index, int q, double[] candProb, double[] agree, double[] total) {
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

  /** Agreement rates from agreeing and total weights; 0.5 for a source without claims. */
  static void agreementRates(double[] agree, double[] total, double[] out) {
    for (int s = 0; s < out.length; s++) {
      out[s] = total[s] > 0 ? agree[s] / total[s] : 0.5;
    }
  }
}
