package io.github.rashomon.spark;

import io.github.rashomon.engine.Crh;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * CRH as a Spark job, step for step the core {@link Crh}: per iteration one pass over the question
 * blocks computes the truths from the broadcast source weights (the weighted vote of a categorical
 * question, the weighted median or mean of a quantity question), how far the probabilities moved,
 * and each source's loss against the new truths; the driver turns the losses into the next
 * weights.
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
      boolean absolute = algorithm.quantityLoss() == Crh.QuantityLoss.NORMALISED_ABSOLUTE;
      // The first truths are the median whatever the loss, as in the core.
      boolean median = step == 0 || absolute;
      JavaRDD<QuestionState> next =
          run.keep(step == 0
              ? run.blocks.map(b -> truths(b, w.value(), median, null))
              : source.map(st -> truths(st.block, w.value(), median, st.prob)), step);
      // Losses [0, ns), claim counts [ns, 2 ns); then the largest change of a probability.
      stats = Partials.combine(next, 2 * ns + 1, 2 * ns, (st, acc) -> {
        QuestionBlock b = st.block;
        int best = VoteJobs.leader(st.prob);
        for (int i = 0; i < b.claims(); i++) {
          acc[ns + b.src[i]] += 1;
          double d;
          if (!b.numeric()) {
            d = b.cnd[i] == best ? 0 : 1;
          } else if (Double.isNaN(st.point) || !(st.scale > 0)) {
            d = 0;
          } else {
            double x = b.rep[b.cnd[i]] - st.point;
            d = absolute ? Math.abs(x) / st.scale : x * x / st.scale;
          }
          acc[b.src[i]] += 1.0 * d;
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
    return new Outcome(states, QuantityJobs.fit(run, states), iterations, converged, change);
  }

  /**
   * The truth step of one question (core {@code truths}): the weighted vote, and for a quantity
   * question the weighted median or mean (of the claims alone when every source on it has
   * weight 0) with its kernel probabilities. The scale is the deviation of the claimed values.
   */
  private static QuestionState truths(QuestionBlock b, double[] weight, boolean median,
      double[] previous) {
    double[] p = VoteJobs.shares(b, weight);
    if (!b.numeric()) {
      return new QuestionState(b, p, previous, null);
    }
    double sd = QuantityJobs.weightedStd(b, QuantityJobs.support(b, null));
    double[] support = QuantityJobs.support(b, weight);
    if (!(QuantityJobs.total(support) > 0)) {
      support = QuantityJobs.support(b, null);
    }
    double truth = median
        ? QuantityJobs.weightedMedian(b, support)
        : QuantityJobs.weightedMean(b, support);
    if (!Double.isNaN(truth)) {
      QuantityJobs.kernelProbabilities(b, truth, sd, support, p);
    }
    return new QuestionState(b, p, previous, null, truth, sd);
  }
}
