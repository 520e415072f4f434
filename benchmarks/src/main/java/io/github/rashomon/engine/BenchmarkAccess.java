package io.github.rashomon.engine;

import io.github.rashomon.model.Value;
import java.util.IdentityHashMap;

/**
 * What the benchmarks need from inside the engine package: the memory-bound floor pass over an
 * index's claim arrays, and the exact size of those arrays. It lives in the benchmarks module
 * (same package, class path only), so the library exposes no internals for it.
 */
public final class BenchmarkAccess {
  private BenchmarkAccess() {}

  /**
   * One streaming vote pass: each claim adds one vote to its candidate and one to its source.
   * This is the memory-bound floor an iteration over the same arrays is compared with.
   *
   * @param ix the index
   * @param candVotes per candidate, zeroed and filled
   * @param sourceVotes per source, zeroed and filled
   * @return a checksum, so the pass cannot be optimised away
   */
  public static long floorPass(ClaimIndex ix, int[] candVotes, int[] sourceVotes) {
    java.util.Arrays.fill(candVotes, 0);
    java.util.Arrays.fill(sourceVotes, 0);
    int[] src = ix.claimSource;
    int[] cand = ix.claimCand;
    for (int i = 0; i < src.length; i++) {
      candVotes[cand[i]]++;
      sourceVotes[src[i]]++;
    }
    return candVotes[candVotes.length - 1] + (long) sourceVotes[0];
  }

  /**
   * Writes claim i of the index as a {@code question,source,value} CSV row (ids and the value's
   * canonical text; no quoting, which generated ids and labels never need).
   *
   * @param ix the index
   * @param i the claim, in index order
   * @param question the question of claim i
   * @param out where the row goes
   */
  public static void row(ClaimIndex ix, int i, int question, StringBuilder out) {
    out.append(ix.questionId(question)).append(',').append(ix.sourceId(ix.claimSource[i]))
        .append(',').append(ix.candValue[ix.claimCand[i]].canonical()).append('\n');
  }

  /**
   * Per claim, its question.
   *
   * @param ix the index
   * @return the question of every claim, in index order
   */
  public static int[] claimQuestions(ClaimIndex ix) {
    int[] q = new int[ix.claimCount()];
    for (int k = 0; k < ix.questionCount(); k++) {
      java.util.Arrays.fill(q, ix.questionClaimStart[k], ix.questionClaimStart[k + 1], k);
    }
    return q;
  }

  /**
   * The bytes the index's arrays take (16-byte array headers, 4-byte references as with
   * compressed pointers), counting each distinct candidate value object once at 32 bytes.
   *
   * @param ix the index
   * @return the bytes
   */
  public static long indexArrayBytes(ClaimIndex ix) {
    long b = 0;
    b += ints(ix.claimSource.length) + ints(ix.claimCand.length);
    b += ints(ix.questionClaimStart.length) + ints(ix.questionCandStart.length);
    b += (ix.questionType == null ? 0 : refs(ix.questionType.length)) + refs(ix.candValue.length)
        + (ix.candQuestion == null ? 0 : ints(ix.candQuestion.length));
    b += refs(ix.sourcePrior.length);
    if (ix.claimWeight != null) {
      b += 16 + 8L * ix.claimWeight.length;
    }
    if (ix.claimDenies != null) {
      b += 16 + ix.claimDenies.length;
    }
    if (ix.claimOrigin != null) {
      b += refs(ix.claimOrigin.length);
    }
    IdentityHashMap<Value, Boolean> distinct = new IdentityHashMap<>();
    for (Value v : ix.candValue) {
      if (distinct.size() < 1_000_000) {
        distinct.put(v, Boolean.TRUE);
      }
    }
    return b + 32L * distinct.size();
  }

  private static long ints(long n) {
    return 16 + 4 * n;
  }

  private static long refs(long n) {
    return 16 + 4 * n;
  }
}
