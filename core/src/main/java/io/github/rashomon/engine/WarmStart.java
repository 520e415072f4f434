package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.model.Value;
import java.util.Arrays;

/**
 * An earlier result carried over to a new index: the estimates of the questions, candidates and
 * sources the two share, matched by id (candidates by value). Iterative algorithms start from it
 * where it has an estimate and from their usual start elsewhere.
 *
 * <p>Matching costs about one read of both indexes' claim arrays: where consecutive questions map
 * to consecutive earlier questions with the same claim and candidate counts (the common case of
 * claims appended to a case, or of a few questions changed among many), whole runs of them are
 * compared at once, array range against array range.
 */
final class WarmStart {
  private static final int BLOCK = 1 << 14;

  /** The earlier result. */
  final Reconciliation previous;
  /** Per candidate of the new index: its earlier probability, or NaN. */
  final double[] candProb;
  /**
   * Per question of the new index: whether the earlier index had it with the same candidates and
   * the same claims, so that its earlier posterior still holds.
   */
  final boolean[] known;
  /** Per question of the earlier index: whether a question of the new index is it, known. */
  final boolean[] oldKnown;
  /** The questions of the new index that are not known, in order. */
  final int[] fresh;
  /** Per source of the new index: its number in the earlier index, or -1. */
  final int[] sourceMap;
  /**
   * Per candidate of the new index, of the known questions only: the earlier run's own
   * per-candidate values ({@link PerCandidate}), or null when it left none.
   */
  final double[] carried;

  /** A warm-start state an algorithm leaves that holds a value per candidate of its index. */
  interface PerCandidate {
    /** The values, by candidate of the index the state was computed on. */
    double[] perCandidate();
  }
  /** Per source of the new index: its earlier trust, or NaN; computed on first use. */
  private double[] trust;

  private WarmStart(
      Reconciliation previous,
      double[] candProb,
      boolean[] known,
      boolean[] oldKnown,
      int[] fresh,
      int[] sourceMap,
      double[] carried) {
    this.previous = previous;
    this.candProb = candProb;
    this.known = known;
    this.oldKnown = oldKnown;
    this.fresh = fresh;
    this.sourceMap = sourceMap;
    this.carried = carried;
  }

  /**
   * Per source of the new index: its earlier trust, or NaN where the earlier index did not have
   * it or it had no claims there. Not thread-safe: the algorithm that uses it asks once.
   */
  double[] trust() {
    if (trust == null) {
      ClaimIndex old = previous.index();
      boolean[] claimed = new boolean[old.sourceCount()];
      for (int s : old.claimSource) {
        claimed[s] = true;
      }
      double[] t = new double[sourceMap.length];
      for (int s = 0; s < t.length; s++) {
        int o = sourceMap[s];
        t[s] = o >= 0 && claimed[o] ? previous.trust(o) : Double.NaN;
      }
      trust = t;
    }
    return trust;
  }

  static WarmStart of(Reconciliation previous, ClaimIndex ix) {
    checkNotNull(previous, "previous");
    ClaimIndex old = previous.index();
    int[] questionMap = ix.questionIds.mapTo(old.questionIds);
    int[] sourceMap = ix.sourceIds.mapTo(old.sourceIds);
    // Source numbers agree where both indexes have them (new sources then come last): claims
    // can compare source numbers directly.
    boolean sameSources = true;
    for (int s = 0; s < Math.min(sourceMap.length, old.sourceCount()) && sameSources; s++) {
      sameSources = sourceMap[s] == s;
    }
    double[] candProb = new double[ix.candidateCount()];
    boolean[] known = new boolean[ix.questionCount()];
    boolean[] oldKnown = new boolean[old.questionCount()];
    Object resume = previous.estimate().resume;
    double[] oldCarried =
        resume instanceof PerCandidate ? ((PerCandidate) resume).perCandidate() : null;
    double[] carried = oldCarried == null ? null : new double[ix.candidateCount()];
    Matcher m = new Matcher(previous, ix, questionMap, sourceMap, sameSources, candProb, known,
        oldKnown, oldCarried, carried);
    // Questions are matched in fixed blocks on all processors: each writes its own slots.
    int blocks = (known.length + BLOCK - 1) / BLOCK;
    int[][] freshIn = new int[blocks][];
    try (Parallel pool = Parallel.open(Parallel.ALL_PROCESSORS)) {
      pool.forEach(
          blocks,
          b -> freshIn[b] = m.block(b * BLOCK, Math.min(known.length, (b + 1) * BLOCK)));
    }
    int nf = 0;
    for (int[] f : freshIn) {
      nf += f.length;
    }
    int[] fresh = new int[nf];
    nf = 0;
    for (int[] f : freshIn) {
      System.arraycopy(f, 0, fresh, nf, f.length);
      nf += f.length;
    }
    return new WarmStart(previous, candProb, known, oldKnown, fresh, sourceMap, carried);
  }

  /** Matches the new index's questions against the earlier ones. */
  private static final class Matcher {
    final Reconciliation previous;
    final ClaimIndex ix;
    final ClaimIndex old;
    final double[] oldProb;
    final int[] questionMap;
    final int[] sourceMap;
    final boolean sameSources;
    final double[] candProb;
    final boolean[] known;
    final boolean[] oldKnown;
    /** Whether every question of both indexes has the same candidates. */
    final boolean sameLabels;
    final double[] oldCarried;
    final double[] carried;

    Matcher(
        Reconciliation previous,
        ClaimIndex ix,
        int[] questionMap,
        int[] sourceMap,
        boolean sameSources,
        double[] candProb,
        boolean[] known,
        boolean[] oldKnown,
        double[] oldCarried,
        double[] carried) {
      this.previous = previous;
      this.oldCarried = oldCarried;
      this.carried = carried;
      this.ix = ix;
      this.old = previous.index();
      this.oldProb = previous.estimate().candProb;
      this.questionMap = questionMap;
      this.sourceMap = sourceMap;
      this.sameSources = sameSources;
      this.candProb = candProb;
      this.known = known;
      this.oldKnown = oldKnown;
      this.sameLabels = ix.sharedLabels != null && old.sharedLabels != null
          && Arrays.equals(ix.sharedLabels, old.sharedLabels);
    }

    /** Matches questions [from, to); returns those that are not known. */
    int[] block(int from, int to) {
      int[] fresh = new int[16];
      int nf = 0;
      int q = from;
      while (q < to) {
        // Questions [q, end) map to consecutive earlier ones with the same claim and candidate
        // counts: compare their candidates and claims range against range.
        int end = sameSources ? run(q, to) : q;
        int bad = end > q ? firstDifferent(q, end) : q;
        if (bad > q) {
          int o = questionMap[q];
          int cf = ix.questionCandStart[q];
          int oldCf = old.questionCandStart[o];
          int n = ix.questionCandStart[bad] - cf;
          System.arraycopy(oldProb, oldCf, candProb, cf, n);
          if (carried != null) {
            System.arraycopy(oldCarried, oldCf, carried, cf, n);
          }
          Arrays.fill(known, q, bad, true);
          Arrays.fill(oldKnown, o, o + (bad - q), true);
          q = bad;
          continue;
        }
        // Not part of a run that matches: question q on its own.
        Arrays.fill(candProb, ix.questionCandStart[q], ix.questionCandStart[q + 1], Double.NaN);
        match(q);
        if (!known[q]) {
          if (nf == fresh.length) {
            fresh = Arrays.copyOf(fresh, 2 * nf);
          }
          fresh[nf++] = q;
        }
        q++;
      }
      return Arrays.copyOf(fresh, nf);
    }

    /**
     * The end of the longest run of questions from q (before {@code to}) that map to consecutive
     * earlier questions with the same numbers of claims and candidates; q when there is none.
     */
    private int run(int q, int to) {
      int o = questionMap[q];
      if (o < 0) {
        return q;
      }
      int dClaims = ix.questionClaimStart[q] - old.questionClaimStart[o];
      int dCands = ix.questionCandStart[q] - old.questionCandStart[o];
      int oldCount = old.questionCount();
      int r = q;
      while (r < to
          && o + (r - q) < oldCount
          && questionMap[r] == o + (r - q)
          && ix.questionClaimStart[r + 1] > ix.questionClaimStart[r]
          && ix.questionClaimStart[r + 1] - old.questionClaimStart[o + (r - q) + 1] == dClaims
          && ix.questionCandStart[r + 1] - old.questionCandStart[o + (r - q) + 1] == dCands) {
        r++;
      }
      return r;
    }

    /** The first question of the run [q, end) that differs from its earlier self, or end. */
    private int firstDifferent(int q, int end) {
      int o = questionMap[q];
      int cs = ix.questionClaimStart[q];
      int oldCs = old.questionClaimStart[o];
      int cf = ix.questionCandStart[q];
      int ct = ix.questionCandStart[end];
      int oldCf = old.questionCandStart[o];
      // The first differing candidate, then the first differing claim before its question;
      // Arrays.mismatch compares by identity first, so shared value objects cost no text, and
      // two indexes whose questions all share one equal label list need no comparison.
      int badCand = sameLabels
          ? -1
          : Arrays.mismatch(ix.candValue, cf, ct, old.candValue, oldCf, oldCf + ct - cf);
      int candQuestion = badCand < 0 ? end : questionOfCand(q, end, cf + badCand);
      int limit = ix.questionClaimStart[candQuestion];
      int badClaim = firstDifferentClaim(cs, limit, oldCs, cf - oldCf);
      return badClaim >= 0 ? questionOfClaim(q, end, cs + badClaim) : candQuestion;
    }

    /**
     * The offset from {@code from} of the first claim in [from, to) that differs from the earlier
     * claim at {@code oldFrom} plus the same offset (candidates compared by position, their
     * numbers differing by {@code candShift}), or -1.
     */
    private int firstDifferentClaim(int from, int to, int oldFrom, int candShift) {
      int n = to - from;
      int bad = Arrays.mismatch(ix.claimSource, from, to, old.claimSource, oldFrom, oldFrom + n);
      if (candShift == 0) {
        bad = earliest(bad, Arrays.mismatch(ix.claimCand, from, to, old.claimCand, oldFrom,
            oldFrom + n));
      } else {
        for (int k = 0; k < (bad < 0 ? n : bad); k++) {
          if (ix.claimCand[from + k] != old.claimCand[oldFrom + k] + candShift) {
            bad = k;
            break;
          }
        }
      }
      if (ix.claimWeight != null || old.claimWeight != null) {
        for (int k = 0; k < (bad < 0 ? n : bad); k++) {
          if (ix.weight(from + k) != old.weight(oldFrom + k)) {
            bad = k;
            break;
          }
        }
      }
      if (ix.claimDenies != null || old.claimDenies != null) {
        for (int k = 0; k < (bad < 0 ? n : bad); k++) {
          if (ix.denies(from + k) != old.denies(oldFrom + k)) {
            bad = k;
            break;
          }
        }
      }
      return bad;
    }

    private static int earliest(int a, int b) {
      return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** The question in [q, end) whose claims hold claim i. */
    private int questionOfClaim(int q, int end, int i) {
      int lo = q;
      int hi = end - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (ix.questionClaimStart[mid] <= i) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      // Questions without claims start where the next one does: the one holding i is the last.
      return lo;
    }

    /** The question in [q, end) whose candidates hold candidate c. */
    private int questionOfCand(int q, int end, int c) {
      int lo = q;
      int hi = end - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (ix.questionCandStart[mid] <= c) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    /** Sets question q's earlier probabilities and whether it is known, one by one. */
    void match(int q) {
      int o = questionMap[q];
      if (o < 0 || old.questionClaimStart[o] == old.questionClaimStart[o + 1]) {
        return;
      }
      int from = ix.questionCandStart[q];
      int k = ix.questionCandStart[q + 1] - from;
      int oldFrom = old.questionCandStart[o];
      int oldK = old.questionCandStart[o + 1] - oldFrom;
      boolean all = k == oldK;
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
      // The same candidates (no more, no fewer) and the same claims.
      known[q] = all && sameClaims(q, o, samePositions);
      oldKnown[o] = known[q];
      if (known[q] && carried != null) {
        // Same candidates in canonical order: the same positions.
        System.arraycopy(oldCarried, oldFrom, carried, from, k);
      }
    }

    /** Whether question q of ix and question o of old have the same claims, in canonical order. */
    private boolean sameClaims(int q, int o, boolean samePositions) {
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

  /** Equal values; indexes over the same labels share the objects, which skips the text. */
  private static boolean same(Value a, Value b) {
    return a == b || a.equals(b);
  }
}
