package io.github.rashomon.spark;

import io.github.rashomon.engine.Accu;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * Accu (without copy detection, as the core {@link Accu}) as a Spark job: per iteration one pass
 * over the question blocks computes the value probabilities from the broadcast accuracies and sums
 * each source's probabilities; the driver turns them into the next accuracies. Questions are open
 * categorical ones, so each has {@code max(falseValues + 1, candidates)} values in its domain.
 */
final class AccuJob {
  private static final double ACCURACY_BOUND = 1e-6;

  private AccuJob() {}

  static double clamp(double accuracy) {
    return Math.min(1 - ACCURACY_BOUND, Math.max(ACCURACY_BOUND, accuracy));
  }

  static Outcome run(Run run, Accu algorithm) {
    int ns = run.sources();
    int falseValues = algorithm.falseValues();
    double[] accuracy = new double[ns];
    Arrays.fill(accuracy, clamp(algorithm.initialAccuracy()));
    JavaRDD<QuestionState> states = null;
    int iterations = 0;
    double change = 0;
    boolean converged = false;
    while (iterations < algorithm.iterations()) {
      iterations++;
      JavaRDD<QuestionState> next = probabilities(run, accuracy, falseValues, iterations);
      double[] sums = Partials.sum(next, 2 * ns, (st, acc) -> {
        for (int i = 0; i < st.block.claims(); i++) {
          int s = st.block.src[i];
          acc[2 * s] += 1.0 * st.prob[st.block.cnd[i]];
          acc[2 * s + 1] += 1.0;
        }
      });
      run.advanced(states, next);
      states = next;
      change = 0;
      for (int s = 0; s < ns; s++) {
        if (sums[2 * s + 1] > 0) {
          double a = clamp(sums[2 * s] / sums[2 * s + 1]);
          change = Math.max(change, Math.abs(a - accuracy[s]));
          accuracy[s] = a;
        }
      }
      if (change <= algorithm.tolerance()) {
        converged = true;
        break;
      }
    }
    // Probabilities from the final accuracies, so that trust and verdicts agree.
    JavaRDD<QuestionState> last = probabilities(run, accuracy, falseValues, -1);
    JavaRDD<QuestionState> result =
        run.keep(last.map(st -> {
          double[] p = st.prob.clone();
          VoteJobs.normalise(st.block, p);
          return new QuestionState(st.block, p, null, null);
        }), -1);
    result.count();
    run.advanced(states, result);
    last.unpersist(false);
    return new Outcome(result, accuracy.clone(), iterations, converged, change);
  }

  private static JavaRDD<QuestionState> probabilities(Run run, double[] accuracy,
      int falseValues, int iteration) {
    double[] logit = new double[accuracy.length];
    for (int s = 0; s < logit.length; s++) {
      logit[s] = Math.log(accuracy[s] / (1 - accuracy[s]));
    }
    Broadcast<double[]> l = run.jsc.broadcast(logit);
    return run.keep(run.blocks.map(b -> new QuestionState(b, values(b, l.value(), falseValues),
        null, null)), iteration);
  }

  /** The paper's value probabilities of one question, unclaimed domain values included. */
  private static double[] values(QuestionBlock b, double[] logit, int falseValues) {
    int k = b.candidates();
    double size = Math.max(falseValues + 1.0, k);
    double unseen = Math.max(0, size - k);
    double[] out = new double[k];
    if (size <= 1) {
      Arrays.fill(out, 1.0);
      return out;
    }
    double logFalse = Math.log(size - 1);
    for (int i = 0; i < b.claims(); i++) {
      out[b.cnd[i]] += 1.0 * (logFalse + logit[b.src[i]]);
    }
    double max = unseen > 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, out[c]);
    }
    double z = unseen * Math.exp(-max);
    for (int c = 0; c < k; c++) {
      out[c] = Math.exp(out[c] - max);
      z += out[c];
    }
    for (int c = 0; c < k; c++) {
      out[c] /= z;
    }
    return out;
  }
}
