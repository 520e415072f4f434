package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.model.Value;

/**
 * An earlier result carried over to a new index: the estimates of the questions, candidates and
 * sources the two share, matched by id (candidates by value). Iterative algorithms start from it
 * where it has an estimate and from their usual start elsewhere.
 */
final class WarmStart {
  private static final int BLOCK = 1 << 14;

  /** Per candidate of the new index: its earlier probability, or NaN. */
  final double[] candProb;
  /**
   * Per question of the new index: whether the earlier index had it with the same candidates and
   * the same claims, so that its earlier posterior still holds.
   */
  final boolean[] known;
  /** Per source of the new index: its earlier trust, or NaN (also where it had no claims). */
  final double[] trust;

  private WarmStart(double[] candProb, boolean[] known, double[] trust) {
    this.candProb = candProb;
    this.known = known;
    this.trust = trust;
  }

  static WarmStart of(Reconciliation previous, ClaimIndex ix) {
    checkNotNull(previous, "previous");
    ClaimIndex old = previous.index();
    int[] questionMap = ix.questionIds.mapTo(old.questionIds);
    int[] sourceMap = ix.sourceIds.mapTo(old.sourceIds);
    double[] candProb = new double[ix.candidateCount()];
    java.util.Arrays.fill(candProb, Double.NaN);
    boolean[] known = new boolean[ix.questionCount()];
    // Questions are matched in fixed blocks on all processors: each writes its own slots.
    int blocks = (known.length + BLOCK - 1) / BLOCK;
    try (Parallel pool = Parallel.open(Parallel.ALL_PROCESSORS)) {
      pool.forEach(
          blocks,
          b -> {
            int to = Math.min(known.length, (b + 1) * BLOCK);
            for (int q = b * BLOCK; q < to; q++) {
              match(previous, ix, q, questionMap[q], sourceMap, candProb, known);
            }
          });
    }
    boolean[] claimed = new boolean[old.sourceCount()];
    for (int s : old.claimSource) {
      claimed[s] = true;
    }
    double[] trust = new double[ix.sourceCount()];
    for (int s = 0; s < trust.length; s++) {
      int o = sourceMap[s];
      trust[s] = o >= 0 && claimed[o] ? previous.trust(o) : Double.NaN;
    }
    return new WarmStart(candProb, known, trust);
  }

  /** Sets question q's earlier probabilities and whether it is known, from earlier question o. */
  private static void match(
      Reconciliation previous,
      ClaimIndex ix,
      int q,
      int o,
      int[] sourceMap,
      double[] candProb,
      boolean[] known) {
    ClaimIndex old = previous.index();
    if (o < 0 || old.questionClaimStart[o] == old.questionClaimStart[o + 1]) {
      return;
    }
    int from = ix.questionCandStart[q];
    int k = ix.questionCandStart[q + 1] - from;
    int oldFrom = old.questionCandStart[o];
    int oldK = old.questionCandStart[o + 1] - oldFrom;
    boolean all = true;
    boolean samePositions = k == oldK;
    for (int j = 0; j < k; j++) {
      int match = -1;
      // Candidates are in canonical order in both: the same position first.
      if (j < oldK && same(ix.candValue[from + j], old.candValue[oldFrom + j])) {
        match = j;
      } else {
        for (int m = 0; m < oldK && match < 0; m++) {
          if (same(ix.candValue[from + j], old.candValue[oldFrom + m])) {
            match = m;
          }
        }
      }
      if (match >= 0) {
        candProb[from + j] = previous.probability(o, match);
      } else {
        all = false;
      }
      samePositions &= match == j;
    }
    known[q] = all && sameClaims(ix, q, old, o, sourceMap, samePositions);
  }

  /** Equal values; indexes over the same labels share the objects, which skips the text. */
  private static boolean same(Value a, Value b) {
    return a == b || a.equals(b);
  }

  /** Whether question q of ix and question o of old have the same claims, in canonical order. */
  private static boolean sameClaims(
      ClaimIndex ix, int q, ClaimIndex old, int o, int[] sourceMap, boolean samePositions) {
    int from = ix.questionClaimStart[q];
    int n = ix.questionClaimStart[q + 1] - from;
    int oldFrom = old.questionClaimStart[o];
    if (n != old.questionClaimStart[o + 1] - oldFrom) {
      return false;
    }
    int cf = ix.questionCandStart[q];
    int oldCf = old.questionCandStart[o];
    for (int k = 0; k < n; k++) {
      int i = from + k;
      int j = oldFrom + k;
      // With candidates at the same positions, claims compare by position, not by value.
      boolean sameValue = samePositions
          ? ix.claimCand[i] - cf == old.claimCand[j] - oldCf
          : same(ix.candValue[ix.claimCand[i]], old.candValue[old.claimCand[j]]);
      if (sourceMap[ix.claimSource[i]] != old.claimSource[j]
          || !sameValue
          || ix.weight(i) != old.weight(j)
          || ix.denies(i) != old.denies(j)) {
        return false;
      }
    }
    return true;
  }
}
