package io.github.rashomon.spark;

import io.github.rashomon.engine.Glad;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * GLAD as a Spark job, step for step the core {@link Glad}: the abilities of the sources live on
 * the driver, each question's inverse difficulty (log β) and posterior live with its block. An
 * E-step is one pass over the blocks; each gradient step of the M-step is one pass for the
 * gradient (per-source sums to the driver, per-question parts kept with the blocks) and one pass
 * per trial step length for the objective.
 *
 * <p>All questions are categorical and share one label set, the sorted distinct values, so every
 * question has the same number {@code K} of labels.
 */
final class GladJob {
  private static final double PRIOR_MEAN = 1.0;

  private GladJob() {}

  /** Per-question state kept in {@code aux}: log β, its gradient and its curvature. */
  private static final int LOG_BETA = 0;
  private static final int GRAD = 1;
  private static final int CURV = 2;

  static Outcome run(Run run, Glad algorithm) {
    int ns = run.sources();
    long labels = run.blocks.flatMap(b -> Arrays.asList(b.cand).iterator()).distinct().count();
    int wrong = (int) Math.max(1, labels - 1);
    double logWrong = Math.log(wrong);
    double[] alpha = new double[ns];
    Arrays.fill(alpha, PRIOR_MEAN);
    int[] version = {0};
    Broadcast<double[]> a0 = run.jsc.broadcast(alpha.clone());
    JavaRDD<QuestionState> states =
        run.keep(run.blocks.map(b -> {
          double[] aux = {PRIOR_MEAN, 0, 0};
          return new QuestionState(b, eStep(b, a0.value(), aux[LOG_BETA], logWrong), aux, null);
        }), version[0]);
    states.count();
    run.advanced(null, states);
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    while (it < algorithm.iterations()) {
      states = mStep(run, algorithm, states, alpha, logWrong, version);
      Broadcast<double[]> a = run.jsc.broadcast(alpha.clone());
      JavaRDD<QuestionState> previous = states;
      JavaRDD<QuestionState> next =
          run.keep(previous.map(st -> new QuestionState(st.block,
              eStep(st.block, a.value(), st.aux[LOG_BETA], logWrong), st.aux, null)),
              ++version[0]);
      // The change needs the old posterior: pair each question's old and new in one pass.
      JavaRDD<Double> moved = previous.zip(next).map(pair -> {
        double[] before = pair._1().prob;
        double[] after = pair._2().prob;
        double m = 0;
        for (int c = 0; c < before.length; c++) {
          m = Math.max(m, Math.abs(after[c] - before[c]));
        }
        return m;
      });
      change = Partials.combine(moved, 1, 0, (m, acc) -> acc[0] = Math.max(acc[0], m))[0];
      run.advanced(previous, next);
      a.unpersist(false);
      states = next;
      it++;
      if (change < algorithm.tolerance()) {
        break;
      }
    }
    Broadcast<double[]> a = run.jsc.broadcast(alpha.clone());
    double[] sums = Partials.sum(states, 2 * ns, (st, acc) -> {
      double beta = Math.exp(st.aux[LOG_BETA]);
      for (int i = 0; i < st.block.claims(); i++) {
        int s = st.block.src[i];
        acc[s] += sigmoid(a.value()[s] * beta);
        acc[ns + s] += 1;
      }
    });
    a.unpersist(false);
    double[] trust = new double[ns];
    for (int s = 0; s < ns; s++) {
      trust[s] = sums[ns + s] > 0 ? Math.min(1, Math.max(0, sums[s] / sums[ns + s])) : 0.5;
    }
    return new Outcome(states, trust, it, change < algorithm.tolerance(), change);
  }

  /** Gradient ascent with step halving on the expected log-posterior, as the core's mStep. */
  private static JavaRDD<QuestionState> mStep(Run run, Glad algorithm,
      JavaRDD<QuestionState> start, double[] alpha, double logWrong, int[] version) {
    int ns = alpha.length;
    JavaRDD<QuestionState> states = start;
    java.util.List<JavaRDD<QuestionState>> stale = new java.util.ArrayList<>();
    double current = objective(run, states, alpha, 0, logWrong);
    for (int step = 0; step < algorithm.gradientSteps(); step++) {
      Broadcast<double[]> a = run.jsc.broadcast(alpha.clone());
      JavaRDD<QuestionState> previous = states;
      JavaRDD<QuestionState> withGradient =
          run.keep(previous.map(st -> gradient(st, a.value(), logWrong)), ++version[0]);
      double[] g = Partials.sum(withGradient, 2 * ns, (st, acc) -> {
        double beta = Math.exp(st.aux[LOG_BETA]);
        QuestionBlock b = st.block;
        for (int i = 0; i < b.claims(); i++) {
          int s = b.src[i];
          double x = a.value()[s] * beta;
          double sig = sigmoid(x);
          double dx = st.prob[b.cnd[i]] - sig;
          acc[s] += 1.0 * dx * beta;
          acc[ns + s] += 1.0 * sig * (1 - sig) * beta * beta;
        }
      });
      run.advanced(previous, withGradient);
      for (JavaRDD<QuestionState> old : stale) {
        run.advanced(old, withGradient);
      }
      stale.clear();
      a.unpersist(false);
      states = withGradient;
      double[] gradA = new double[ns];
      double[] curvA = new double[ns];
      for (int s = 0; s < ns; s++) {
        gradA[s] = -(alpha[s] - PRIOR_MEAN) + g[s];
        curvA[s] = 1 + g[ns + s];
      }
      double rate = algorithm.learningRate();
      boolean moved = false;
      for (int halvings = 0; halvings < 40; halvings++) {
        double[] trialA = new double[ns];
        for (int s = 0; s < ns; s++) {
          trialA[s] = alpha[s] + rate * gradA[s] / curvA[s];
        }
        double value = objective(run, states, trialA, rate, logWrong);
        if (value >= current) {
          moved = value > current;
          current = value;
          System.arraycopy(trialA, 0, alpha, 0, ns);
          double r = rate;
          JavaRDD<QuestionState> before = states;
          states = run.keep(before.map(st -> {
            double[] aux = st.aux.clone();
            aux[LOG_BETA] = trialB(st.aux, r);
            return new QuestionState(st.block, st.prob, aux, null);
          }), ++version[0]);
          // Materialised by the next pass; the state it replaces goes then.
          stale.add(before);
          break;
        }
        rate /= 2;
      }
      if (!moved) {
        break;
      }
    }
    states.count();
    for (JavaRDD<QuestionState> old : stale) {
      run.advanced(old, states);
    }
    return states;
  }

  private static double trialB(double[] aux, double rate) {
    return aux[LOG_BETA] + rate * aux[GRAD] / aux[CURV];
  }

  /**
   * The objective at abilities {@code a} and, per question, log β moved by {@code rate} along its
   * stored gradient (not moved when the rate is 0).
   */
  private static double objective(Run run, JavaRDD<QuestionState> states, double[] a,
      double rate, double logWrong) {
    Broadcast<double[]> ab = run.jsc.broadcast(a.clone());
    double sum = Partials.sum(states, 1, (st, acc) -> {
      double b = rate == 0 ? st.aux[LOG_BETA] : trialB(st.aux, rate);
      double beta = Math.exp(b);
      QuestionBlock blk = st.block;
      double part = 0;
      for (int i = 0; i < blk.claims(); i++) {
        double x = ab.value()[blk.src[i]] * beta;
        double p = st.prob[blk.cnd[i]];
        part += 1.0 * (p * logSigmoid(x) + (1 - p) * (logSigmoid(-x) - logWrong));
      }
      part -= 0.5 * (b - PRIOR_MEAN) * (b - PRIOR_MEAN);
      acc[0] += part;
    })[0];
    ab.unpersist(false);
    for (int s = 0; s < a.length; s++) {
      sum -= 0.5 * (a[s] - PRIOR_MEAN) * (a[s] - PRIOR_MEAN);
    }
    return sum;
  }

  /** Stores the question's gradient and curvature in log β. */
  private static QuestionState gradient(QuestionState st, double[] alpha, double logWrong) {
    QuestionBlock b = st.block;
    double logBeta = st.aux[LOG_BETA];
    double grad = -(logBeta - PRIOR_MEAN);
    double curv = 1;
    double beta = Math.exp(logBeta);
    for (int i = 0; i < b.claims(); i++) {
      double x = alpha[b.src[i]] * beta;
      double sig = sigmoid(x);
      double p = st.prob[b.cnd[i]];
      double dx = p - sig;
      double info = 1.0 * sig * (1 - sig);
      grad += 1.0 * dx * x;
      curv += info * x * x;
    }
    return new QuestionState(b, st.prob, new double[] {logBeta, grad, curv}, null);
  }

  private static double[] eStep(QuestionBlock b, double[] alpha, double logBeta,
      double logWrong) {
    int k = b.candidates();
    double[] lp = new double[k];
    double beta = Math.exp(logBeta);
    for (int i = 0; i < b.claims(); i++) {
      double x = alpha[b.src[i]] * beta;
      double right = 1.0 * logSigmoid(x);
      double wrongLl = 1.0 * (logSigmoid(-x) - logWrong);
      int claimed = b.cnd[i];
      for (int j = 0; j < k; j++) {
        lp[j] += j == claimed ? right : wrongLl;
      }
    }
    double[] out = new double[k];
    DawidSkeneJob.softmax(lp, k, out);
    return out;
  }

  static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
