package io.github.rashomon.spark;

import io.github.rashomon.engine.TruthFinder;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * TruthFinder as a Spark job, step for step the core {@link TruthFinder} on categorical values
 * (where no value implies another): per iteration one pass over the question blocks computes each
 * candidate's confidence from the broadcast trust and sums each source's confidences; the driver
 * averages them into the next trust and tests the cosine convergence criterion.
 */
final class TruthFinderJob {
  private static final double MAX_TRUST = 1 - 1e-12;

  private TruthFinderJob() {}

  static Outcome run(Run run, TruthFinder algorithm) {
    int ns = run.sources();
    double dampening = algorithm.dampening();
    double[] weight = FactFinderJob.claimCounts(run);
    double[] trust = new double[ns];
    Arrays.fill(trust, algorithm.initialTrust());
    JavaRDD<QuestionState> states = null;
    int it = 0;
    boolean converged = false;
    double change = Double.POSITIVE_INFINITY;
    while (it < algorithm.iterations() && !converged) {
      double[] tau = new double[ns];
      for (int s = 0; s < ns; s++) {
        tau[s] = -Math.log1p(-Math.min(trust[s], MAX_TRUST));
      }
      Broadcast<double[]> t = run.jsc.broadcast(tau);
      JavaRDD<QuestionBlock> blocks = run.blocks;
      JavaRDD<QuestionState> next =
          run.keep(blocks.map(b -> new QuestionState(b, confidence(b, t.value(), dampening),
              null, null)), it + 1);
      double[] sums = Partials.sum(next, ns, (st, acc) -> {
        for (int i = 0; i < st.block.claims(); i++) {
          acc[st.block.src[i]] += 1.0 * st.prob[st.block.cnd[i]];
        }
      });
      run.advanced(states, next);
      t.unpersist(false);
      states = next;
      double[] nextTrust = new double[ns];
      for (int s = 0; s < ns; s++) {
        nextTrust[s] = weight[s] > 0 ? sums[s] / weight[s] : trust[s];
      }
      converged = 1 - cosine(trust, nextTrust) < algorithm.tolerance();
      change = FactFinderJob.maxAbsChange(trust, nextTrust);
      trust = nextTrust;
      it++;
    }
    JavaRDD<QuestionState> result =
        run.keep(states.map(st -> {
          double[] p = st.prob.clone();
          VoteJobs.normalise(st.block, p);
          return new QuestionState(st.block, p, null, null);
        }), -1);
    result.count();
    run.advanced(states, result);
    double[] trustOut = new double[ns];
    for (int s = 0; s < ns; s++) {
      trustOut[s] = weight[s] > 0 ? trust[s] : 0.5;
    }
    return new Outcome(result, trustOut, it, converged, change);
  }

  /** σ from the sources' τ, then the dampened logistic confidence of each candidate. */
  private static double[] confidence(QuestionBlock b, double[] tau, double dampening) {
    double[] sigma = new double[b.candidates()];
    for (int i = 0; i < b.claims(); i++) {
      sigma[b.cnd[i]] += tau[b.src[i]] * 1.0;
    }
    double[] out = new double[sigma.length];
    for (int c = 0; c < sigma.length; c++) {
      out[c] = 1 / (1 + Math.exp(-dampening * sigma[c]));
    }
    return out;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return na == nb ? 1 : 0;
    }
    return dot / Math.sqrt(na * nb);
  }
}
