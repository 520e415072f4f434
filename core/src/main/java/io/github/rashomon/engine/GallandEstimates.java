package io.github.rashomon.engine;

import java.util.Arrays;

/**
 * The fixpoint iteration shared by {@link TwoEstimates} and {@link ThreeEstimates} (Galland,
 * Abiteboul, Marian, Senellart, WSDM 2010).
 *
 * <p>Every candidate is a fact, and every claim a set of votes on facts: affirming c is a
 * positive vote on c and a negative vote on each other candidate of the question (a functional
 * question has one true value), denying c a negative vote on c alone. A claim's weight weighs each
 * of its votes. With ε(V) the error rate of a source, ε(f) the difficulty of a fact (1 for
 * 2-Estimates) and π(f) the probability that f is true, averaged over the votes on f, resp. of V:
 *
 * <pre>{@code
 * π(f) = mean over votes on f of   1 - ε(f)ε(V)  (positive)  |  ε(f)ε(V)      (negative)
 * ε(V) = mean over votes of V of   (1 - π(f))/ε(f)           |  π(f)/ε(f)
 * ε(f) = mean over votes on f of   (1 - π(f))/ε(V)           |  π(f)/ε(V)
 * }</pre>
 *
 * <p>each estimate normalised over all facts, resp. sources, after it is computed. Terms that
 * would divide by a zero estimate are left out of the sum, as DAFNA's implementation does, but
 * their votes still count in the mean.
 */
final class GallandEstimates {
  /**
   * Initial error rate of every source. Any uniform value below 1/2 gives the same run: the first
   * normalisation maps π to the rescaled vote share, rounded at a share of 1/2, whatever it is.
   */
  private static final double INITIAL_ERROR = 0.2;

  /** Initial difficulty of every fact in 3-Estimates: DAFNA's starting error factor. */
  private static final double INITIAL_DIFFICULTY = 0.4;

  private GallandEstimates() {}

  /**
   * Runs the iteration on {@code threads} threads. Each estimate's pass is fused with what the
   * previous step leaves: π(f) of a question is computed from its own claims at once (no
   * per-candidate sums survive the question), ε(V)'s pass first normalises the question's π, and
   * ε(f) likewise; the per-source sums go to one partial array per stripe, reduced in stripe
   * order, and the normalisations' minimum and maximum are reduced over stripes (an order that
   * cannot change them).
   */
  static Estimate run(
      ClaimIndex index,
      boolean difficulty,
      double lambda,
      int threads,
      int maxIterations,
      double tolerance) {
    return new Run(index, difficulty, lambda).run(threads, maxIterations, tolerance);
  }

  /** The state of one run. */
  private static final class Run {
    final ClaimIndex ix;
    final boolean difficulty;
    final double lambda;
    final boolean plain;
    final int ns;
    final int nc;
    final int maxK;
    /** Per source: the weight of its votes (a claim votes on every candidate of its question). */
    final double[] sourceVotes;
    final boolean[] sourceVoted;
    /** Per candidate: whether any vote is on it. */
    final boolean[] factVoted;

    double[] prob;
    double[] error;
    double[] hardness;
    double[] nextProb;
    double[] nextError;
    double[] nextHardness;
    /** Per stripe: a minimum, a maximum and a change, written by the stripe alone. */
    double[] stripeMin;
    double[] stripeMax;
    double[] stripeChange;

    Run(ClaimIndex ix, boolean difficulty, double lambda) {
      this.ix = ix;
      this.difficulty = difficulty;
      this.lambda = lambda;
      this.plain = ix.claimWeight == null && ix.claimDenies == null;
      ns = ix.sourceCount();
      nc = ix.candidateCount();
      int nq = ix.questionCount();
      int k = 1;
      sourceVotes = new double[ns];
      factVoted = new boolean[nc];
      // Vote weights do not change: who votes on what is known before the first iteration.
      double[] denyWeight = new double[nc];
      for (int q = 0; q < nq; q++) {
        int cands = ix.candidateCount(q);
        k = Math.max(k, cands);
        double questionAffirmWeight = 0;
        for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
          double w = ix.weight(i);
          if (ix.denies(i)) {
            denyWeight[ix.claimCand[i]] += w;
            sourceVotes[ix.claimSource[i]] += w;
          } else {
            questionAffirmWeight += w;
            sourceVotes[ix.claimSource[i]] += w * cands;
          }
        }
        for (int c = ix.questionCandStart[q]; c < ix.questionCandStart[q + 1]; c++) {
          factVoted[c] = questionAffirmWeight + denyWeight[c] > 0;
        }
      }
      maxK = k;
      sourceVoted = new boolean[ns];
      for (int s = 0; s < ns; s++) {
        sourceVoted[s] = sourceVotes[s] > 0;
      }
      prob = new double[nc];
      Arrays.fill(prob, 0.5);
      error = new double[ns];
      Arrays.fill(error, INITIAL_ERROR);
      hardness = new double[nc];
      Arrays.fill(hardness, difficulty ? INITIAL_DIFFICULTY : 1);
      nextProb = new double[nc];
      nextError = new double[ns];
      nextHardness = difficulty ? new double[nc] : hardness;
    }

    Estimate run(int threads, int maxIterations, double tolerance) {
      Estimate e = new Estimate(ix);
      int it = 0;
      double change = Double.POSITIVE_INFINITY;
      try (Sweep sweep = Sweep.open(ix, threads, ns)) {
        double[][] partial = sweep.partials(ns);
        int stripes = sweep.count();
        stripeMin = new double[stripes];
        stripeMax = new double[stripes];
        stripeChange = new double[stripes];
        while (it < maxIterations && !(change <= tolerance)) {
          // π(f) from ε(V) and ε(f), question by question; then its range for the normalisation.
          sweep.forEach(this::probabilities);
          double[] probRange = range();
          // ε(V) from the normalised π(f) and ε(f).
          sweep.forEach((p, from, to) -> errors(p, from, to, probRange, partial[p]));
          change = maxOf(stripeChange);
          Sweep.reduce(partial, nextError);
          for (int s = 0; s < ns; s++) {
            nextError[s] = sourceVoted[s] ? nextError[s] / sourceVotes[s] : error[s];
          }
          normalise(nextError, sourceVoted, lambda);
          change = Math.max(change, FactFinding.maxAbsChange(error, nextError));
          // ε(f) from π(f) and ε(V).
          if (difficulty) {
            sweep.forEach(this::hardness);
            double[] hardRange = range();
            sweep.forEach(
                (p, from, to) -> {
                  int cf = ix.questionCandStart[from];
                  int ct = ix.questionCandStart[to];
                  stripeChange[p] = normaliseRange(nextHardness, hardness, cf, ct, hardRange);
                });
            change = Math.max(change, maxOf(stripeChange));
            double[] h = hardness;
            hardness = nextHardness;
            nextHardness = h;
          }
          double[] p = prob;
          prob = nextProb;
          nextProb = p;
          double[] r = error;
          error = nextError;
          nextError = r;
          it++;
          Progress.iteration(it, maxIterations);
        }
      }
      System.arraycopy(prob, 0, e.candProb, 0, nc);
      Votes.normalise(ix, e.candProb);
      for (int s = 0; s < ns; s++) {
        e.trust[s] = sourceVoted[s] ? 1 - error[s] : FactFinding.NO_EVIDENCE_TRUST;
        e.voteWeight[s] = 1 - error[s];
      }
      e.iterations = it;
      e.converged = change <= tolerance;
      e.finalChange = change;
      return e;
    }

    /** π(f) of the questions [from, to) into nextProb (raw); the stripe's range of it. */
    void probabilities(int p, int from, int to) {
      double[] affirmWeight = new double[maxK];
      double[] denyWeight = new double[maxK];
      double[] affirmErr = new double[maxK];
      double[] denyErr = new double[maxK];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int[] src = ix.claimSource;
      int[] cand = ix.claimCand;
      for (int q = from; q < to; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.questionCandStart[q + 1] - cf;
        for (int j = 0; j < k; j++) {
          affirmWeight[j] = 0;
          denyWeight[j] = 0;
          affirmErr[j] = 0;
          denyErr[j] = 0;
        }
        double questionAffirmWeight = 0;
        double questionErr = 0;
        int cs = ix.questionClaimStart[q];
        int ce = ix.questionClaimStart[q + 1];
        if (plain) {
          for (int i = cs; i < ce; i++) {
            double we = error[src[i]];
            int c = cand[i] - cf;
            affirmErr[c] += we;
            questionErr += we;
            affirmWeight[c] += 1;
          }
          questionAffirmWeight = ce - cs;
        } else {
          for (int i = cs; i < ce; i++) {
            double w = ix.weight(i);
            double we = w * error[src[i]];
            int c = cand[i] - cf;
            if (ix.denies(i)) {
              denyErr[c] += we;
              denyWeight[c] += w;
            } else {
              affirmErr[c] += we;
              questionErr += we;
              affirmWeight[c] += w;
              questionAffirmWeight += w;
            }
          }
        }
        for (int j = 0; j < k; j++) {
          int c = cf + j;
          if (!factVoted[c]) {
            nextProb[c] = prob[c];
            continue;
          }
          // 2-Estimates' difficulty is 1: multiplying by it is skipped, and so is its array.
          double h = difficulty ? hardness[c] : 1;
          double positive = affirmWeight[j] - h * affirmErr[j];
          double negative = h * (questionErr - affirmErr[j] + denyErr[j]);
          double x = (positive + negative) / (questionAffirmWeight + denyWeight[j]);
          nextProb[c] = x;
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      stripeMin[p] = min;
      stripeMax[p] = max;
    }

    /**
     * Normalises the π(f) of the questions [from, to), then adds their claims' error terms to
     * the stripe's per-source sums; the stripe's largest change of π.
     */
    void errors(int p, int from, int to, double[] probRange, double[] part) {
      Arrays.fill(part, 0);
      double[] wrongAffirm = new double[maxK];
      double[] wrongDeny = new double[maxK];
      int[] src = ix.claimSource;
      int[] cand = ix.claimCand;
      double change = 0;
      for (int q = from; q < to; q++) {
        int cf = ix.questionCandStart[q];
        int ct = ix.questionCandStart[q + 1];
        change = Math.max(change, normaliseRange(nextProb, prob, cf, ct, probRange));
        double questionRatio = 0;
        if (difficulty) {
          for (int c = cf; c < ct; c++) {
            double h = hardness[c];
            if (h > 0) {
              questionRatio += nextProb[c] / h;
            }
          }
          for (int c = cf; c < ct; c++) {
            double h = hardness[c];
            double own = h > 0 ? nextProb[c] / h : 0;
            double positive = h > 0 ? (1 - nextProb[c]) / h : 0;
            wrongAffirm[c - cf] = positive + questionRatio - own;
            wrongDeny[c - cf] = own;
          }
        } else {
          // Dividing by 2-Estimates' difficulty of 1 changes nothing, so it is skipped.
          for (int c = cf; c < ct; c++) {
            questionRatio += nextProb[c];
          }
          for (int c = cf; c < ct; c++) {
            double own = nextProb[c];
            wrongAffirm[c - cf] = (1 - own) + questionRatio - own;
            wrongDeny[c - cf] = own;
          }
        }
        int cs = ix.questionClaimStart[q];
        int ce = ix.questionClaimStart[q + 1];
        if (plain) {
          for (int i = cs; i < ce; i++) {
            part[src[i]] += wrongAffirm[cand[i] - cf];
          }
        } else {
          for (int i = cs; i < ce; i++) {
            int c = cand[i] - cf;
            part[src[i]] += ix.weight(i) * (ix.denies(i) ? wrongDeny[c] : wrongAffirm[c]);
          }
        }
      }
      stripeChange[p] = change;
    }

    /** ε(f) of the questions [from, to) into nextHardness (raw); the stripe's range of it. */
    void hardness(int p, int from, int to) {
      // Sums of w / ε(V) over the votes, and the vote weights again.
      double[] affirmInv = new double[maxK];
      double[] denyInv = new double[maxK];
      double[] denyWeight = new double[maxK];
      double[] inverse = null;
      if (plain) {
        inverse = new double[ns];
        for (int s = 0; s < ns; s++) {
          // 1 / ε(V) once per source: the same number as the claim weight 1 over it.
          inverse[s] = nextError[s] > 0 ? 1.0 / nextError[s] : 0;
        }
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int[] src = ix.claimSource;
      int[] cand = ix.claimCand;
      for (int q = from; q < to; q++) {
        int cf = ix.questionCandStart[q];
        int k = ix.questionCandStart[q + 1] - cf;
        for (int j = 0; j < k; j++) {
          affirmInv[j] = 0;
          denyInv[j] = 0;
          denyWeight[j] = 0;
        }
        double questionInv = 0;
        double questionAffirmWeight = 0;
        int cs = ix.questionClaimStart[q];
        int ce = ix.questionClaimStart[q + 1];
        if (plain) {
          for (int i = cs; i < ce; i++) {
            if (nextError[src[i]] <= 0) {
              continue;
            }
            double inv = inverse[src[i]];
            affirmInv[cand[i] - cf] += inv;
            questionInv += inv;
          }
          questionAffirmWeight = ce - cs;
        } else {
          for (int i = cs; i < ce; i++) {
            double w = ix.weight(i);
            int c = cand[i] - cf;
            if (ix.denies(i)) {
              denyWeight[c] += w;
            } else {
              questionAffirmWeight += w;
            }
            double err = nextError[src[i]];
            if (err <= 0) {
              continue;
            }
            double inv = w / err;
            if (ix.denies(i)) {
              denyInv[c] += inv;
            } else {
              affirmInv[c] += inv;
              questionInv += inv;
            }
          }
        }
        for (int j = 0; j < k; j++) {
          int c = cf + j;
          if (!factVoted[c]) {
            nextHardness[c] = hardness[c];
            continue;
          }
          double pr = nextProb[c];
          double sum = (1 - pr) * affirmInv[j] + pr * (questionInv - affirmInv[j] + denyInv[j]);
          double x = sum / (questionAffirmWeight + denyWeight[j]);
          nextHardness[c] = x;
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      stripeMin[p] = min;
      stripeMax[p] = max;
    }

    /** The range of the last raw estimate over all stripes: {min, max}. */
    double[] range() {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < stripeMin.length; p++) {
        min = Math.min(min, stripeMin[p]);
        max = Math.max(max, stripeMax[p]);
      }
      return new double[] {min, max};
    }

    /**
     * {@link #normalise} of the voted facts in [from, to) of {@code x} with the range of all
     * of them; returns the largest change from {@code previous}.
     */
    double normaliseRange(double[] x, double[] previous, int from, int to, double[] minMax) {
      double min = minMax[0];
      double range = minMax[1] - min;
      double change = 0;
      for (int c = from; c < to; c++) {
        if (factVoted[c]) {
          x[c] = normalised(x[c], min, range, lambda);
        }
        change = Math.max(change, Math.abs(previous[c] - x[c]));
      }
      return change;
    }
  }

  private static double maxOf(double[] x) {
    double m = 0;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * The paper's normalisation of the entries marked in {@code use}, as DAFNA implements it: the
   * affine map sending the smallest to 0 and the largest to 1, mixed in proportion λ : 1 - λ with
   * the value rounded to 0 or 1 (clamped, since 3-Estimates' raw estimates can exceed 1). When all
   * entries are equal the affine map is undefined and the value, clamped to [0, 1], stands in for
   * it.
   */
  static void normalise(double[] x, boolean[] use, double lambda) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (use[i]) {
        min = Math.min(min, x[i]);
        max = Math.max(max, x[i]);
      }
    }
    double range = max - min;
    for (int i = 0; i < x.length; i++) {
      if (use[i]) {
        x[i] = normalised(x[i], min, range, lambda);
      }
    }
  }

  /** One entry of {@link #normalise}, given the smallest entry and the range. */
  private static double normalised(double x, double min, double range, double lambda) {
    double linear = range > 0 ? (x - min) / range : Math.min(1, Math.max(0, x));
    double rounded = x >= 0.5 ? 1 : 0;
    return lambda * linear + (1 - lambda) * rounded;
  }
}
