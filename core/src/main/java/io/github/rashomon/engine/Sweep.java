package io.github.rashomon.engine;

/**
 * Parallel passes over an index's questions, stripe by stripe ({@link Stripes}), on a {@link
 * Parallel} pool: the shared machinery of the algorithms that take a thread count. Per-candidate
 * results are written by the one stripe that owns the question; per-source sums go to one partial
 * array per stripe, {@linkplain #reduce reduced} in stripe order. Either way the result does not
 * depend on the number of threads.
 */
final class Sweep implements AutoCloseable {
  /** The work of one stripe: its number and its questions [from, to). */
  interface Body {
    void run(int stripe, int from, int to);
  }

  final ClaimIndex ix;
  final Stripes stripes;
  private final Parallel pool;

  private Sweep(ClaimIndex ix, Stripes stripes, Parallel pool) {
    this.ix = ix;
    this.stripes = stripes;
    this.pool = pool;
  }

  /**
   * Opens a sweep whose stripes each keep {@code cellsPerStripe} partial accumulator cells, with
   * {@code threads} threads (0: all processors; never more than there are stripes).
   */
  static Sweep open(ClaimIndex ix, int threads, long cellsPerStripe) {
    Stripes stripes = Stripes.of(ix, cellsPerStripe);
    int t = Math.min(Parallel.resolve(threads), stripes.count());
    return new Sweep(ix, stripes, Parallel.open(Math.max(1, t)));
  }

  int count() {
    return stripes.count();
  }

  /** Runs {@code body} on every stripe and waits. */
  void forEach(Body body) {
    int[] from = stripes.from;
    pool.forEach(stripes.count(), p -> body.run(p, from[p], from[p + 1]));
  }

  /** One partial array of {@code cells} doubles per stripe. */
  double[][] partials(int cells) {
    return new double[stripes.count()][cells];
  }

  /** {@code out[c] = Σ_p partial[p][c]}, summed in stripe order. */
  static void reduce(double[][] partial, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (double[] part : partial) {
      for (int c = 0; c < out.length; c++) {
        out[c] += part[c];
      }
    }
  }

  /** Per source: the number of claims, counted in parallel (integers: any order gives them). */
  int[] claimCounts() {
    int[][] part = new int[stripes.count()][ix.sourceCount()];
    forEach(
        (p, from, to) -> {
          int[] n = part[p];
          int[] src = ix.claimSource;
          for (int i = ix.questionClaimStart[from]; i < ix.questionClaimStart[to]; i++) {
            n[src[i]]++;
          }
        });
    int[] out = part[0];
    for (int p = 1; p < part.length; p++) {
      for (int s = 0; s < out.length; s++) {
        out[s] += part[p][s];
      }
    }
    return out;
  }

  /** {@link Votes#tally} in parallel: each question's candidates are written by one stripe. */
  void tally(double[] sourceWeight, double[] out) {
    forEach(
        (p, from, to) -> {
          int cf = ix.questionCandStart[from];
          java.util.Arrays.fill(out, cf, ix.questionCandStart[to], 0);
          Votes.tallyQuestions(ix, from, to, sourceWeight, out);
        });
  }

  /** {@link FactFinding#gather} in parallel, through {@code partial} (one array per stripe). */
  void gather(double[] candScore, double[] out, double[][] partial) {
    forEach(
        (p, from, to) -> {
          double[] part = partial[p];
          java.util.Arrays.fill(part, 0);
          FactFinding.gatherQuestions(ix, from, to, candScore, part);
        });
    reduce(partial, out);
  }

  @Override
  public void close() {
    pool.close();
  }
}
