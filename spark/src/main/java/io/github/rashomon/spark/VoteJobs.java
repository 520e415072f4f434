package io.github.rashomon.spark;

import io.github.rashomon.engine.MajorityVote;
import io.github.rashomon.engine.WeightedVote;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * Majority vote and weighted vote as Spark jobs: one pass over the question blocks for the vote
 * shares, one for each source's agreement with the leading values (core {@code Votes}).
 */
final class VoteJobs {
  private VoteJobs() {}

  static Outcome majority(Run run, MajorityVote algorithm) {
    if (algorithm.settings().get("tieBreak").equals("FIRST_SEEN")) {
      throw new IllegalArgumentException(
          "majority-vote: the Spark engine breaks ties in canonical order only; "
              + "FIRST_SEEN depends on the input order, which a distributed read does not keep");
    }
    double[] ones = new double[run.sources()];
    java.util.Arrays.fill(ones, 1.0);
    return vote(run, ones);
  }

  static Outcome weighted(Run run, WeightedVote algorithm) {
    double[] weight = new double[run.sources()];
    for (int s = 0; s < weight.length; s++) {
      Double p = run.priors.get(run.sourceIds[s]);
      weight[s] = p == null ? algorithm.defaultCredibility() : p;
    }
    return vote(run, weight);
  }

  private static Outcome vote(Run run, double[] weight) {
    Broadcast<double[]> w = run.jsc.broadcast(weight);
    JavaRDD<QuestionState> states =
        run.keep(run.blocks.map(b -> new QuestionState(b, shares(b, w.value()), null, null)), 0);
    double[] trust = agreement(run, states);
    run.advanced(null, states);
    w.unpersist(false);
    return new Outcome(states, trust, 1, true, 0);
  }

  /** Weighted vote shares of one question (core {@code Votes.tally} then {@code normalise}). */
  static double[] shares(QuestionBlock b, double[] weight) {
    double[] p = new double[b.candidates()];
    for (int i = 0; i < b.claims(); i++) {
      p[b.cnd[i]] += weight[b.src[i]] * 1.0;
    }
    normalise(b, p);
    return p;
  }

  /**
   * Scales scores to sum to 1; all-zero scores fall back to plain vote shares (core {@code
   * Votes.normalise}).
   */
  static void normalise(QuestionBlock b, double[] p) {
    double sum = 0;
    for (double x : p) {
      sum += x;
    }
    if (sum <= 0) {
      for (int i = 0; i < b.claims(); i++) {
        p[b.cnd[i]] += 1.0;
        sum += 1.0;
      }
    }
    for (int c = 0; c < p.length; c++) {
      p[c] = sum > 0 ? p[c] / sum : 1.0 / p.length;
    }
  }

  /** The first candidate of highest estimate (ties to canonical order). */
  static int leader(double[] p) {
    int best = -1;
    for (int c = 0; c < p.length; c++) {
      if (best < 0 || p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Each source's share of claims agreeing with its question's leader, 0.5 for a source without
   * claims (core {@code Votes.agreement}).
   */
  static double[] agreement(Run run, JavaRDD<QuestionState> states) {
    int ns = run.sources();
    double[] sums =
        Partials.sum(
            states,
            2 * ns,
            (st, acc) -> {
              int best = leader(st.prob);
              QuestionBlock b = st.block;
              for (int i = 0; i < b.claims(); i++) {
                acc[2 * b.src[i] + 1] += 1.0;
                if (b.cnd[i] == best) {
                  acc[2 * b.src[i]] += 1.0;
                }
              }
            });
    double[] trust = new double[ns];
    for (int s = 0; s < ns; s++) {
      trust[s] = sums[2 * s + 1] > 0 ? sums[2 * s] / sums[2 * s + 1] : 0.5;
    }
    return trust;
  }
}
