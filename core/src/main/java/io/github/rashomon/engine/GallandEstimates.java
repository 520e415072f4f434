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

  static Estimate run(
      ClaimIndex index, boolean difficulty, double lambda, int maxIterations, double tolerance) {
    Estimate e = new Estimate(index);
    int ns = index.sourceCount();
    int nc = index.candidateCount();
    int nq = index.questionCount();
    // Vote weights do not change: precompute who votes on what.
    double[] affirmWeight = new double[nc];
    double[] denyWeight = new double[nc];
    double[] questionAffirmWeight = new double[nq];
    double[] sourceVotes = new double[ns];
    for (int q = 0; q < nq; q++) {
      int k = index.candidateCount(q);
      for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
        double w = index.weight(i);
        int c = index.claimCand[i];
        if (index.denies(i)) {
          denyWeight[c] += w;
          sourceVotes[index.claimSource[i]] += w;
        } else {
          affirmWeight[c] += w;
          questionAffirmWeight[q] += w;
          sourceVotes[index.claimSource[i]] += w * k;
        }
      }
    }
    boolean[] factVoted = new boolean[nc];
    for (int c = 0; c < nc; c++) {
      factVoted[c] = questionAffirmWeight[index.candQuestion()[c]] + denyWeight[c] > 0;
    }
    boolean[] sourceVoted = new boolean[ns];
    for (int s = 0; s < ns; s++) {
      sourceVoted[s] = sourceVotes[s] > 0;
    }

    double[] prob = new double[nc];
    Arrays.fill(prob, 0.5);
    double[] error = new double[ns];
    Arrays.fill(error, INITIAL_ERROR);
    double[] hardness = new double[nc];
    Arrays.fill(hardness, difficulty ? INITIAL_DIFFICULTY : 1);
    double[] nextProb = new double[nc];
    double[] nextError = new double[ns];
    double[] nextHardness = difficulty ? new double[nc] : hardness;
    // Scratch per candidate and per question.
    double[] affirmErr = new double[nc];
    double[] denyErr = new double[nc];
    double[] questionErr = new double[nq];
    double[] questionRatio = new double[nq];

    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    while (it < maxIterations && !(change <= tolerance)) {
      // π(f) from ε(V) and ε(f).
      Arrays.fill(affirmErr, 0);
      Arrays.fill(denyErr, 0);
      Arrays.fill(questionErr, 0);
      for (int q = 0; q < nq; q++) {
        for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
          double we = index.weight(i) * error[index.claimSource[i]];
          int c = index.claimCand[i];
          if (index.denies(i)) {
            denyErr[c] += we;
          } else {
            affirmErr[c] += we;
            questionErr[q] += we;
          }
        }
      }
      for (int c = 0; c < nc; c++) {
        if (!factVoted[c]) {
          nextProb[c] = prob[c];
          continue;
        }
        int q = index.candQuestion()[c];
        double h = hardness[c];
        double positive = affirmWeight[c] - h * affirmErr[c];
        double negative = h * (questionErr[q] - affirmErr[c] + denyErr[c]);
        nextProb[c] = (positive + negative) / (questionAffirmWeight[q] + denyWeight[c]);
      }
      normalise(nextProb, factVoted, lambda);

      // ε(V) from π(f) and ε(f).
      for (int q = 0; q < nq; q++) {
        double sum = 0;
        for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
          if (hardness[c] > 0) {
            sum += nextProb[c] / hardness[c];
          }
        }
        questionRatio[q] = sum;
      }
      Arrays.fill(nextError, 0);
      for (int q = 0; q < nq; q++) {
        for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
          int c = index.claimCand[i];
          double h = hardness[c];
          double own = h > 0 ? nextProb[c] / h : 0;
          double wrong;
          if (index.denies(i)) {
            wrong = own;
          } else {
            double positive = h > 0 ? (1 - nextProb[c]) / h : 0;
            wrong = positive + questionRatio[q] - own;
          }
          nextError[index.claimSource[i]] += index.weight(i) * wrong;
        }
      }
      for (int s = 0; s < ns; s++) {
        nextError[s] = sourceVoted[s] ? nextError[s] / sourceVotes[s] : error[s];
      }
      normalise(nextError, sourceVoted, lambda);

      // ε(f) from π(f) and ε(V).
      if (difficulty) {
        // affirmErr, denyErr and questionErr now hold sums of w / ε(V).
        Arrays.fill(affirmErr, 0);
        Arrays.fill(denyErr, 0);
        Arrays.fill(questionErr, 0);
        for (int q = 0; q < nq; q++) {
          for (int i = index.questionClaimStart[q]; i < index.questionClaimStart[q + 1]; i++) {
            double err = nextError[index.claimSource[i]];
            if (err <= 0) {
              continue;
            }
            double inv = index.weight(i) / err;
            int c = index.claimCand[i];
            if (index.denies(i)) {
              denyErr[c] += inv;
            } else {
              affirmErr[c] += inv;
              questionErr[q] += inv;
            }
          }
        }
        for (int c = 0; c < nc; c++) {
          if (!factVoted[c]) {
            nextHardness[c] = hardness[c];
            continue;
          }
          int q = index.candQuestion()[c];
          double p = nextProb[c];
          double sum = (1 - p) * affirmErr[c] + p * (questionErr[q] - affirmErr[c] + denyErr[c]);
          nextHardness[c] = sum / (questionAffirmWeight[q] + denyWeight[c]);
        }
        normalise(nextHardness, factVoted, lambda);
      }

      change =
          Math.max(
              FactFinding.maxAbsChange(prob, nextProb), FactFinding.maxAbsChange(error, nextError));
      if (difficulty) {
        change = Math.max(change, FactFinding.maxAbsChange(hardness, nextHardness));
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

    System.arraycopy(prob, 0, e.candProb, 0, nc);
    Votes.normalise(index, e.candProb);
    for (int s = 0; s < ns; s++) {
      e.trust[s] = sourceVoted[s] ? 1 - error[s] : FactFinding.NO_EVIDENCE_TRUST;
      e.voteWeight[s] = 1 - error[s];
    }
    e.iterations = it;
    e.converged = change <= tolerance;
    e.finalChange = change;
    return e;
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
      if (!use[i]) {
        continue;
      }
      double linear = range > 0 ? (x[i] - min) / range : Math.min(1, Math.max(0, x[i]));
      double rounded = x[i] >= 0.5 ? 1 : 0;
      x[i] = lambda * linear + (1 - lambda) * rounded;
    }
  }
}
