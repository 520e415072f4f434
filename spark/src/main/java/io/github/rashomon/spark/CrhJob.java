package io.github.rashomon.spark;

import io.github.rashomon.engine.Crh;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * CRH on categorical questions (the 0-1 loss, so each truth is the weighted vote) as a Spark job,
 * step for step the core {@link Crh}: per iteration one pass over the question blocks computes the
 * weighted vote from the broadcast source weights, how far it moved, and each source's loss
 * against the new leaders; the driver turns the losses into the next weights.
 */
final class CrhJob {
  private static final double MIN_LOSS_SHARE = 1e-10;

  private CrhJob() {}

  static Outcome run(Run run, Crh algorithm) {
    int ns = run.sources();
    double[] weight = new double[ns];
    Arrays.fill(weight, 1.0);
    JavaRDD<QuestionState> states = null;
    double[] stats = null;
    double change = 0;
    boolean converged = false;
    int iterations = 0;
    for (int step = 0; step <= algorithm.iterations(); step++) {
      if (step > 0) {
        iterations++;
        double total = 0;
        for (int s = 0; s < ns; s++) {
          total += stats[s];
        }
        change = 0;
        for (int s = 0; s < ns; s++) {
          double w;
          if (stats[ns + s] == 0) {
            w = 0;
          } else if (!(total > 0) || !Double.isFinite(total)) {
            w = 1;
          } else {
            w = -Math.log(Math.max(MIN_LOSS_SHARE, stats[s] / total));
          }
          change = Math.max(change, Math.abs(w - weight[s]));
          weight[s] = w;
        }
      }
      Broadcast<double[]> w = run.jsc.broadcast(weight.clone());
      JavaRDD<QuestionState> source = states;
      JavaRDD<QuestionState> next =
          run.keep(step == 0
              ? run.blocks.map(b -> new QuestionState(b, VoteJobs.shares(b, w.value()), null,
                  null))
              : source.map(st -> new QuestionState(st.block, VoteJobs.shares(st.block, w.value()),
                  st.prob, null)), step);
      // Losses [0, ns), claim counts [ns, 2 ns); then the largest change of a probability.
      stats = Partials.combine(next, 2 * ns + 1, 2 * ns, (st, acc) -> {
        QuestionBlock b = st.block;
        int best = VoteJobs.leader(st.prob);
        for (int i = 0; i < b.claims(); i++) {
          acc[ns + b.src[i]] += 1;
          acc[b.src[i]] += 1.0 * (b.cnd[i] == best ? 0 : 1);
        }
        if (st.aux != null) {
          for (int c = 0; c < st.prob.length; c++) {
            acc[2 * ns] = Math.max(acc[2 * ns], Math.abs(st.prob[c] - st.aux[c]));
          }
        }
      });
      run.advanced(states, next);
      w.unpersist(false);
      states = next;
      if (step > 0) {
        change = Math.max(change, stats[2 * ns]);
        if (change <= algorithm.tolerance()) {
          converged = true;
          break;
        }
      }
    }
    return new Outcome(states, VoteJobs.agreement(run, states), iterations, converged, change);
  }
}
