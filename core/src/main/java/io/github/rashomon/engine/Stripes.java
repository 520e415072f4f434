package io.github.rashomon.engine;

/**
 * A fixed split of an index's questions into contiguous stripes of about equal claim counts, the
 * unit of parallel work. The split depends on the index and on how many per-source accumulator
 * cells each stripe must keep, never on the thread count: each stripe sums its own partial
 * accumulators in claim order and the stripes are reduced in stripe order, so a result is the
 * same bytes whether one thread runs every stripe or eight share them.
 */
final class Stripes {
  /** Fewer claims than this per stripe would cost more in hand-offs than it gains. */
  static final int MIN_CLAIMS = 1 << 13;
  /** Enough stripes to balance many cores; more only add partial accumulators. */
  static final int MAX_STRIPES = 256;

  /** Questions of stripe p are [from[p], from[p + 1]). */
  final int[] from;

  private Stripes(int[] from) {
    this.from = from;
  }

  /**
   * Splits the index so that the stripes' partial accumulators ({@code cellsPerStripe} doubles
   * each) together take at most about as many cells as there are claims.
   */
  static Stripes of(ClaimIndex ix, long cellsPerStripe) {
    int nq = ix.questionCount();
    long claims = ix.claimCount();
    long byClaims = claims / MIN_CLAIMS;
    long byMemory = claims / Math.max(1, cellsPerStripe);
    int p = (int) Math.max(1, Math.min(MAX_STRIPES, Math.min(byClaims, byMemory)));
    p = Math.min(p, Math.max(1, nq));
    int[] from = new int[p + 1];
    int[] start = ix.questionClaimStart;
    for (int k = 1; k < p; k++) {
      long target = claims * k / p;
      // First question whose claims start at or after the target.
      int lo = from[k - 1];
      int hi = nq;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (start[mid] < target) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      from[k] = lo;
    }
    from[p] = nq;
    return new Stripes(from);
  }

  int count() {
    return from.length - 1;
  }
}
