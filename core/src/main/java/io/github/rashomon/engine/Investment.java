package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;

/**
 * Investment: sources invest their trust uniformly in their claims, a claim's belief grows
 * non-linearly with the trust invested in it, and each source earns back a share of the belief in
 * its claims proportional to what it invested.
 *
 * <p>From J. Pasternack and D. Roth, "Knowing What to Believe (when you already know
 * something)", COLING 2010:
 *
 * <pre>{@code
 * T(s) = Σ_{c ∈ C_s} B(c) · (T'(s) / |C_s|) / Σ_{r ∈ S_c} (T'(r) / |C_r|)   (T' the previous trust)
 * B(c) = G(Σ_{s ∈ S_c} T(s) / |C_s|),   G(x) = x^g,  g = 1.2
 * }</pre>
 *
 * <p>Every source starts with trust 1, and each claim with the belief voting gives it: its share
 * of the claims on its question ({@code B⁰(c) = |S_c| / Σ_{d ∈ M_c} |S_d|}, M_c the question's
 * candidates), the "voted" prior that common reimplementations use for Investment (e.g. the
 * Python library at github.com/joesingo/truthdiscovery). Both vectors are divided by
 * their largest entry after every iteration; the updates are invariant to that scaling up to a
 * constant, so it only keeps the numbers bounded.
 *
 * <p>Reading the scores: a candidate's probability is its belief divided by the total belief of
 * its question's candidates; a source's trust is its score divided by the largest source score. A
 * source without claims gets trust 0.5. A claim with a weight invests that share of the source's
 * trust ({@code |C_s|} becomes the total weight of the source's claims). A denial of a candidate
 * invests in the question's other candidates, split evenly among them (the convention of {@link
 * MajorityVote}).
 *
 * <p>Defaults: exponent g = 1.2 (the paper's), 20 iterations (the fixed count common
 * reimplementations run), tolerance 10⁻⁶ on the largest change of a scaled belief or trust.
 *
 * @implNote Each iteration is two passes over the claims and one over the candidates, each split
 *     across {@link #threads()} threads (see {@link #withThreads(int)}), and one power per
 *     candidate with investors: O(claims + candidates + sources) time; O(candidates + sources ×
 *     stripes) memory besides the index.
 * @since 0.1
 */
public final class Investment extends AbstractReconciler {
  private static final Investment DEFAULTS =
      new Investment(20, 1e-6, 1.2, Parallel.ALL_PROCESSORS);

  private final double exponent;
  private final int threads;

  private Investment(int maxIterations, double tolerance, double exponent, int threads) {
    super(maxIterations, tolerance);
    this.threads = Parallel.checkThreads("investment", threads);
    checkArgument(
        exponent > 0 && Double.isFinite(exponent),
        "investment: exponent must be finite and > 0, got %s",
        exponent);
    this.exponent = exponent;
  }

  /**
   * Investment with exponent 1.2, 20 iterations and tolerance 10⁻⁶.
   *
   * @return the algorithm
   */
  public static Investment withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns Investment with another iteration limit.
   *
   * @param iterations the largest number of iterations, at least 1
   * @return the algorithm
   * @throws IllegalArgumentException if {@code iterations < 1}
   */
  public Investment withIterations(int iterations) {
    return new Investment(iterations, tolerance, exponent, threads);
  }

  /**
   * Returns Investment with another tolerance.
   *
   * @param tolerance the largest change in any scaled belief or trust at which the iteration
   *     stops, finite and non-negative
   * @return the algorithm
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public Investment withTolerance(double tolerance) {
    return new Investment(maxIterations, tolerance, exponent, threads);
  }
  @Override
  AbstractReconciler withLimits(int iterations, double tolerance) {
    return withIterations(iterations).withTolerance(tolerance);
  }


  /**
   * Returns Investment with another growth exponent.
   *
   * @param g the exponent of {@code G(x) = x^g}, finite and positive (1 makes growth linear)
   * @return the algorithm
   * @throws IllegalArgumentException if {@code g} is not finite and positive
   */
  public Investment withExponent(double g) {
    return new Investment(maxIterations, tolerance, g, threads);
  }

  /**
   * Returns Investment run on {@code n} threads. The questions are split into the same stripes
   * whatever the thread count and per-source sums are reduced in stripe order, so the result is
   * identical for every {@code n}; the thread count is therefore not one of the {@link
   * #settings()} and not recorded in provenance.
   *
   * @param n the number of threads, or 0 (the default) for all processors
   * @return the algorithm
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Investment withThreads(int n) {
    return new Investment(maxIterations, tolerance, exponent, n);
  }

  /**
   * The number of threads a run uses.
   *
   * @return the thread count, 0 meaning all processors
   */
  public int threads() {
    return threads;
  }

  /**
   * The growth exponent g of {@code G(x) = x^g}.
   *
   * @return the exponent
   */
  public double exponent() {
    return exponent;
  }

  /**
   * {@code "investment"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "investment";
  }

  @Override
  void extraSettings(ImmutableSortedMap.Builder<String, String> b) {
    b.put("exponent", Double.toString(exponent));
  }

  @Override
  Estimate estimate(ClaimIndex index) {
    double[] belief = new double[index.candidateCount()];
    double[] ones = new double[index.sourceCount()];
    Arrays.fill(ones, 1.0);
    Votes.tally(index, ones, belief);
    Votes.normalise(index, belief);
    return invest(index, belief, exponent, false, threads, maxIterations, tolerance);
  }

  /**
   * The Investment iteration, shared with {@link PooledInvestment}: from the initial belief (which
   * it overwrites), with growth {@code x^g}, pooled within each question or not, on {@code
   * threads} threads.
   *
   * <p>Two passes over the claims per iteration: the returns (each question's belief over the
   * trust invested in it, gathered to the sources), then the new investments with their growth.
   * The investments of one iteration's second pass are the next iteration's first ones, so they
   * are computed once. Beliefs are kept as grown, with the largest as their scale: the division
   * that scales them is done where they are read, which gives the same numbers as storing them
   * scaled and saves a pass over the candidates. Every stripe writes its own questions'
   * candidates and sums its sources' returns into its own partial array, reduced in stripe order;
   * its loops run over all its candidates or claims at once, not question by question.
   */
  static Estimate invest(
      ClaimIndex index,
      double[] initialBelief,
      double g,
      boolean pooled,
      int threads,
      int maxIterations,
      double tolerance) {
    Estimate e = new Estimate(index);
    int ns = index.sourceCount();
    int nc = index.candidateCount();
    int[] claims = FactFinding.claimCounts(index);
    double[] weight = FactFinding.claimWeights(index);
    double[] trust = new double[ns];
    for (int s = 0; s < ns; s++) {
      trust[s] = weight[s] > 0 ? 1 : 0;
    }
    // The belief is grown[c] / scale[0]; the previous one, for the change, previous[c] / scale[1].
    double[] grown = initialBelief;
    double[] previous = new double[nc];
    double[] scale = {1, 1};
    double[] stake = new double[ns];
    double[] pool = new double[nc];
    double[] ratio = new double[nc];
    double[] nextTrust = new double[ns];
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    double trustChange = Double.POSITIVE_INFINITY;
    try (Sweep sweep = Sweep.open(index, threads, ns)) {
      double[][] partial = sweep.partials(ns);
      double[] stripeMax = new double[sweep.count()];
      // What each source invests per unit of claim weight, and the total invested in each claim.
      perClaim(trust, weight, stake);
      sweep.tally(stake, pool);
      while (it < maxIterations) {
        double[] b = grown;
        double[] old = previous;
        double bs = scale[0];
        double os = scale[1];
        boolean compare = it > 0;
        // Returns in proportion to the share invested; and how much the belief last changed.
        sweep.forEach(
            (p, from, to) -> {
              double[] part = partial[p];
              java.util.Arrays.fill(part, 0);
              double worst = 0;
              // Flat loops over the stripe's candidates, then its claims.
              int ct = index.questionCandStart[to];
              for (int c = index.questionCandStart[from]; c < ct; c++) {
                double belief = b[c] / bs;
                if (compare) {
                  worst = Math.max(worst, Math.abs(old[c] / os - belief));
                }
                ratio[c] = pool[c] > 0 ? belief / pool[c] : 0;
              }
              FactFinding.gatherQuestions(index, from, to, ratio, part);
              stripeMax[p] = worst;
            });
        if (compare) {
          change = trustChange;
          for (double m : stripeMax) {
            change = Math.max(change, m);
          }
          if (change <= tolerance) {
            break; // converged at the previous iteration: these returns are not needed
          }
        }
        Sweep.reduce(partial, nextTrust);
        for (int s = 0; s < ns; s++) {
          nextTrust[s] *= stake[s];
        }
        FactFinding.scaleToMax(nextTrust);
        trustChange = FactFinding.maxAbsChange(trust, nextTrust);
        double[] t = trust;
        trust = nextTrust;
        nextTrust = t;
        perClaim(trust, weight, stake);
        // The new investments and their growth, question by question, over the previous belief.
        sweep.forEach(
            (p, from, to) -> {
              int cf = index.questionCandStart[from];
              int ct = index.questionCandStart[to];
              java.util.Arrays.fill(pool, cf, ct, 0);
              Votes.tallyQuestions(index, from, to, stake, pool);
              double max = 0;
              if (pooled) {
                for (int q = from; q < to; q++) {
                  max = Math.max(max, pool(index, q, pool, g, old));
                }
              } else {
                for (int c = cf; c < ct; c++) {
                  old[c] = power(pool[c], g);
                  max = Math.max(max, old[c]);
                }
              }
              stripeMax[p] = max;
            });
        double max = 0;
        for (double m : stripeMax) {
          max = Math.max(max, m);
        }
        previous = grown;
        grown = old;
        scale[1] = scale[0];
        // FactFinding.scaleToMax's rule; dividing by 1 leaves every number as it is.
        scale[0] = max > 0 && Double.isFinite(max) ? max : 1;
        it++;
        Progress.iteration(it, maxIterations);
      }
    }
    double last = 0;
    for (int c = 0; c < nc; c++) {
      e.candProb[c] = grown[c] / scale[0];
      last = Math.max(last, Math.abs(previous[c] / scale[1] - e.candProb[c]));
    }
    if (!(change <= tolerance)) {
      // Stopped by the iteration limit: the last iteration's change was not yet measured.
      change = Math.max(trustChange, last);
    }
    Votes.normalise(index, e.candProb);
    FactFinding.trustFromScores(trust, claims, e.trust);
    perClaim(trust, weight, e.voteWeight);
    e.iterations = it;
    e.converged = change <= tolerance;
    e.finalChange = change;
    return e;
  }

  /**
   * Question q's pooled belief from the trust invested in its candidates, into {@code out};
   * returns its largest entry.
   */
  private static double pool(ClaimIndex index, int q, double[] pool, double g, double[] out) {
    int from = index.questionCandStart[q];
    int to = index.questionCandStart[q + 1];
    double max = 0;
    double grown = 0;
    // Each power once (they cost more than the rest of the iteration together).
    for (int c = from; c < to; c++) {
      out[c] = power(pool[c], g);
      grown += out[c];
    }
    for (int c = from; c < to; c++) {
      out[c] = grown > 0 ? pool[c] * out[c] / grown : 0;
      max = Math.max(max, out[c]);
    }
    return max;
  }

  /** {@code x^g} for x >= 0: a candidate nobody invests in costs no power. */
  private static double power(double x, double g) {
    return x == 0 ? 0 : Math.pow(x, g);
  }

  private static void perClaim(double[] trust, double[] weight, double[] out) {
    for (int s = 0; s < trust.length; s++) {
      out[s] = weight[s] > 0 ? trust[s] / weight[s] : 0;
    }
  }
}
