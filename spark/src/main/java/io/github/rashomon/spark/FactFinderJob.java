package io.github.rashomon.spark;

import io.github.rashomon.engine.AverageLog;
import io.github.rashomon.engine.Investment;
import io.github.rashomon.engine.PooledInvestment;
import io.github.rashomon.engine.Sums;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The fact-finders of Pasternack and Roth (Sums, Average·Log, Investment, PooledInvestment) as
 * Spark jobs, step for step the core engine's shared fact-finding iteration: trust from the
 * beliefs in each source's claims, belief from the trust of each candidate's sources, both scaled
 * by their largest entry every iteration.
 *
 * <p>An iteration is two passes over the question blocks: one computes the new (unscaled) beliefs
 * with the new trust broadcast and finds their largest entry; the other scales them, measures how
 * far they moved, and sums each source's gathered belief for the next trust.
 */
final class FactFinderJob {
  private FactFinderJob() {}

  /** The per-question and per-source rules of one fact-finder. */
  abstract static class Rules implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The starting belief of a question's candidates. */
    abstract double[] initialBelief(QuestionBlock b);

    /** The starting trust of each source, given its claim counts. */
    abstract double[] initialTrust(double[] claims);

    /** Adds what each claim of the question gives its source's next trust. */
    abstract void gather(QuestionBlock b, double[] belief, double[] previousTrust, double[] acc);

    /** Turns the gathered sums into the (unscaled) next trust, in place. */
    abstract void finishTrust(double[] sums, double[] previousTrust);

    /** The (unscaled) belief of a question's candidates under the new trust. */
    abstract double[] belief(QuestionBlock b, double[] trust);
  }

  static Outcome sums(Run run, Sums algorithm) {
    return run(run, new SumsRules(null), algorithm.iterations(), algorithm.tolerance());
  }

  static Outcome averageLog(Run run, AverageLog algorithm) {
    double[] claims = claimCounts(run);
    double[] factor = new double[claims.length];
    for (int s = 0; s < factor.length; s++) {
      factor[s] = claims[s] > 0 ? Math.log((int) claims[s]) / (int) claims[s] : 0;
    }
    return run(run, new SumsRules(factor), algorithm.iterations(), algorithm.tolerance());
  }

  static Outcome investment(Run run, Investment algorithm) {
    return run(run, new InvestmentRules(claimCounts(run), algorithm.exponent(), false),
        algorithm.iterations(), algorithm.tolerance());
  }

  static Outcome pooledInvestment(Run run, PooledInvestment algorithm) {
    return run(run, new InvestmentRules(claimCounts(run), algorithm.exponent(), true),
        algorithm.iterations(), algorithm.tolerance());
  }

  static double[] claimCounts(Run run) {
    return Partials.sum(run.blocks, run.sources(), (b, acc) -> {
      for (int i = 0; i < b.claims(); i++) {
        acc[b.src[i]] += 1;
      }
    });
  }

  static Outcome run(Run run, Rules rules, int maxIterations, double tolerance) {
    int ns = run.sources();
    double[] claims = claimCounts(run);
    double[] trust = rules.initialTrust(claims);
    JavaRDD<QuestionState> states =
        run.keep(run.blocks.map(b -> new QuestionState(b, rules.initialBelief(b), null, null)), 0);
    double[] gathered = gather(run, rules, states, trust);
    run.advanced(null, states);
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    while (it < maxIterations && !(change <= tolerance)) {
      double[] nextTrust = Arrays.copyOf(gathered, ns);
      rules.finishTrust(nextTrust, trust);
      scaleToMax(nextTrust);
      double trustChange = maxAbsChange(trust, nextTrust);
      trust = nextTrust;
      Broadcast<double[]> t = run.jsc.broadcast(trust);
      JavaRDD<QuestionState> raw =
          states.map(st -> new QuestionState(st.block, rules.belief(st.block, t.value()),
              st.prob, null));
      raw.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      double max =
          Partials.combine(raw, 1, 0, (st, acc) -> {
            for (double x : st.prob) {
              acc[0] = Math.max(acc[0], x);
            }
          })[0];
      boolean scale = max > 0 && Double.isFinite(max);
      JavaRDD<QuestionState> next =
          run.keep(raw.map(st -> scale ? scaled(st, max) : st), it + 1);
      double[] stats = gather(run, rules, next, trust);
      raw.unpersist(false);
      run.advanced(states, next);
      t.unpersist(false);
      states = next;
      gathered = stats;
      change = Math.max(trustChange, stats[ns]);
      it++;
    }
    double[] trustOut = new double[ns];
    trustFromScores(trust, claims, trustOut);
    JavaRDD<QuestionState> result =
        run.keep(states.map(st -> {
          double[] p = st.prob.clone();
          VoteJobs.normalise(st.block, p);
          return new QuestionState(st.block, p, null, null);
        }), -1);
    result.count();
    run.advanced(states, result);
    return new Outcome(result, trustOut, it, change <= tolerance, change);
  }

  private static QuestionState scaled(QuestionState st, double max) {
    double[] p = st.prob.clone();
    for (int c = 0; c < p.length; c++) {
      p[c] /= max;
    }
    return new QuestionState(st.block, p, st.aux, null);
  }

  /**
   * Per-source gathered sums in {@code [0, sources)} and, in the last entry, the largest change
   * of a belief from the previous iteration's ({@code aux}; none in the first pass).
   */
  private static double[] gather(Run run, Rules rules, JavaRDD<QuestionState> states,
      double[] trust) {
    int ns = run.sources();
    Broadcast<double[]> t = run.jsc.broadcast(trust);
    double[] out = Partials.combine(states, ns + 1, ns, (st, acc) -> {
      rules.gather(st.block, st.prob, t.value(), acc);
      if (st.aux != null) {
        for (int c = 0; c < st.prob.length; c++) {
          acc[ns] = Math.max(acc[ns], Math.abs(st.aux[c] - st.prob[c]));
        }
      }
    });
    t.unpersist(false);
    return out;
  }

  static void scaleToMax(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (max > 0 && Double.isFinite(max)) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= max;
      }
    }
  }

  static double maxAbsChange(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  /** As core {@code FactFinding.trustFromScores}. */
  static void trustFromScores(double[] score, double[] claims, double[] trust) {
    double max = 0;
    for (int s = 0; s < score.length; s++) {
      if (claims[s] > 0) {
        max = Math.max(max, score[s]);
      }
    }
    for (int s = 0; s < score.length; s++) {
      if (claims[s] == 0) {
        trust[s] = 0.5;
      } else {
        trust[s] = max > 0 ? Math.min(1, Math.max(0, score[s] / max)) : 0;
      }
    }
  }

  /** Sums (Hubs and Authorities), and Average·Log with a per-source factor. */
  static final class SumsRules extends Rules {
    private static final long serialVersionUID = 1L;
    final double[] factor;

    SumsRules(double[] factor) {
      this.factor = factor;
    }

    @Override
    double[] initialBelief(QuestionBlock b) {
      double[] p = new double[b.candidates()];
      Arrays.fill(p, 0.5);
      return p;
    }

    @Override
    double[] initialTrust(double[] claims) {
      return new double[claims.length];
    }

    @Override
    void gather(QuestionBlock b, double[] belief, double[] previousTrust, double[] acc) {
      for (int i = 0; i < b.claims(); i++) {
        acc[b.src[i]] += 1.0 * belief[b.cnd[i]];
      }
    }

    @Override
    void finishTrust(double[] sums, double[] previousTrust) {
      if (factor != null) {
        for (int s = 0; s < sums.length; s++) {
          sums[s] *= factor[s];
        }
      }
    }

    @Override
    double[] belief(QuestionBlock b, double[] trust) {
      double[] p = new double[b.candidates()];
      for (int i = 0; i < b.claims(); i++) {
        p[b.cnd[i]] += trust[b.src[i]] * 1.0;
      }
      return p;
    }
  }

  /** Investment and PooledInvestment. */
  static final class InvestmentRules extends Rules {
    private static final long serialVersionUID = 1L;
    final double[] weight;
    final double exponent;
    final boolean pooled;

    InvestmentRules(double[] weight, double exponent, boolean pooled) {
      this.weight = weight;
      this.exponent = exponent;
      this.pooled = pooled;
    }

    @Override
    double[] initialBelief(QuestionBlock b) {
      double[] p = new double[b.candidates()];
      if (pooled) {
        Arrays.fill(p, 1.0 / p.length);
        return p;
      }
      double[] ones = new double[weight.length];
      Arrays.fill(ones, 1.0);
      return VoteJobs.shares(b, ones);
    }

    @Override
    double[] initialTrust(double[] claims) {
      double[] t = new double[claims.length];
      for (int s = 0; s < t.length; s++) {
        t[s] = weight[s] > 0 ? 1 : 0;
      }
      return t;
    }

    double stake(double[] trust, int s) {
      return weight[s] > 0 ? trust[s] / weight[s] : 0;
    }

    double[] pool(QuestionBlock b, double[] trust) {
      double[] pool = new double[b.candidates()];
      for (int i = 0; i < b.claims(); i++) {
        pool[b.cnd[i]] += stake(trust, b.src[i]) * 1.0;
      }
      return pool;
    }

    @Override
    void gather(QuestionBlock b, double[] belief, double[] previousTrust, double[] acc) {
      double[] pool = pool(b, previousTrust);
      for (int i = 0; i < b.claims(); i++) {
        int c = b.cnd[i];
        double ratio = pool[c] > 0 ? belief[c] / pool[c] : 0;
        acc[b.src[i]] += 1.0 * ratio;
      }
    }

    @Override
    void finishTrust(double[] sums, double[] previousTrust) {
      for (int s = 0; s < sums.length; s++) {
        sums[s] *= stake(previousTrust, s);
      }
    }

    @Override
    double[] belief(QuestionBlock b, double[] trust) {
      double[] pool = pool(b, trust);
      double[] belief = new double[pool.length];
      if (!pooled) {
        for (int c = 0; c < pool.length; c++) {
          belief[c] = Math.pow(pool[c], exponent);
        }
        return belief;
      }
      double grown = 0;
      for (int c = 0; c < pool.length; c++) {
        grown += Math.pow(pool[c], exponent);
      }
      for (int c = 0; c < pool.length; c++) {
        belief[c] = grown > 0 ? pool[c] * Math.pow(pool[c], exponent) / grown : 0;
      }
      return belief;
    }
  }
}
