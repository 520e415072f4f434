package io.github.rashomon.spark;

import io.github.rashomon.engine.DawidSkene;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * Dawid–Skene EM as a Spark job, step for step the core {@link DawidSkene}: majority-vote soft
 * labels to start, then per iteration an E-step over the question blocks (with the label prior and
 * log confusion matrices broadcast) and an M-step from per-source sums collected to the driver.
 *
 * <p>All questions are of one type, so they share one label set, the sorted distinct values. With
 * few labels, as in crowdsourcing data, the confusion matrices are held densely ({@code sources ×
 * labels²} doubles on the driver, in each broadcast and in each partition's sums); larger label
 * sets run on {@link SparseDawidSkeneJob}, which stores only the cells claims use, with their
 * sources. The two compute the same numbers, as the core's dense and sparse runs do.
 */
final class DawidSkeneJob {
  /** The largest {@code sources × labels²} held densely (2 MiB per array). */
  static final long DENSE_CELLS = 1L << 18;

  private static final double FLOOR = 1e-10;

  private DawidSkeneJob() {}

  /** What the E-step needs from the driver. */
  static final class Params implements Serializable {
    private static final long serialVersionUID = 1L;
    final double[] logPrior;
    final double[] logPi;

    Params(double[] logPrior, double[] logPi) {
      this.logPrior = logPrior;
      this.logPi = logPi;
    }
  }

  static Outcome run(Run run, DawidSkene algorithm, long denseCells) {
    String[] labels = run.blocks.flatMap(b -> Arrays.asList(b.cand).iterator())
        .distinct().collect().toArray(new String[0]);
    Arrays.sort(labels);
    int nl = labels.length;
    int ns = run.sources();
    long cells = (long) ns * nl * nl;
    if (cells > denseCells) {
      return SparseDawidSkeneJob.run(run, algorithm, labels);
    }
    int nc = (int) cells;
    Broadcast<Map<String, Integer>> labelOf = run.jsc.broadcast(numbers(labels));
    double[] ones = new double[ns];
    Arrays.fill(ones, 1.0);
    Broadcast<double[]> one = run.jsc.broadcast(ones);
    JavaRDD<QuestionState> states =
        run.keep(
            run.blocks.map(
                b -> {
                  int[] tag = new int[b.candidates()];
                  for (int j = 0; j < tag.length; j++) {
                    tag[j] = labelOf.value().get(b.cand[j]);
                  }
                  return new QuestionState(b, VoteJobs.shares(b, one.value()), null, tag);
                }),
            0);
    // Layout: label prior sums [0, nl), cell counts [nl, nl + nc), questions, claims per source
    // [.., + ns); then maxima: observed cells [.., + nc).
    int sumSize = nl + nc + 1 + ns;
    double[] first =
        Partials.combine(
            states,
            sumSize + nc,
            sumSize,
            (st, acc) -> {
              addCounts(st, nl, acc);
              acc[nl + nc] += 1;
              QuestionBlock b = st.block;
              for (int i = 0; i < b.claims(); i++) {
                acc[nl + nc + 1 + b.src[i]] += 1;
                for (int j = 0; j < b.candidates(); j++) {
                  acc[sumSize + cell(b.src[i], st.tag[j], st.tag[b.cnd[i]], nl)] = 1;
                }
              }
            });
    run.advanced(null, states);
    one.unpersist(false);
    labelOf.unpersist(false);
    double questions = first[nl + nc];
    boolean[] observed = new boolean[nc];
    for (int c = 0; c < nc; c++) {
      observed[c] = first[sumSize + c] > 0;
    }
    double[] claimsOf = Arrays.copyOfRange(first, nl + nc + 1, nl + nc + 1 + ns);
    Model m = new Model(nl, ns, algorithm.smoothing(), observed);
    m.update(first, questions);

    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    while (it < algorithm.iterations()) {
      Broadcast<Params> params = run.jsc.broadcast(m.params());
      JavaRDD<QuestionState> next =
          run.keep(states.map(st -> eStep(st, params.value(), nl)), it + 1);
      double[] stats =
          Partials.combine(
              next,
              nl + nc + 1,
              nl + nc,
              (st, acc) -> {
                addCounts(st, nl, acc);
                double[] prev = st.aux;
                for (int j = 0; j < prev.length; j++) {
                  acc[nl + nc] = Math.max(acc[nl + nc], Math.abs(st.prob[j] - prev[j]));
                }
              });
      run.advanced(states, next);
      params.unpersist(false);
      states = next;
      it++;
      change = stats[nl + nc];
      m.update(stats, questions);
      if (change < algorithm.tolerance()) {
        break;
      }
    }
    return new Outcome(states, m.trust(claimsOf), it, change < algorithm.tolerance(), change);
  }

  /** Each label's number, its position in the sorted labels. */
  static Map<String, Integer> numbers(String[] labels) {
    Map<String, Integer> number = new HashMap<>();
    for (int l = 0; l < labels.length; l++) {
      number.put(labels[l], l);
    }
    return number;
  }

  static int cell(int source, int trueLabel, int answered, int nl) {
    return (source * nl + trueLabel) * nl + answered;
  }

  /** Adds a question's posterior to the label prior sums and the confusion counts. */
  private static void addCounts(QuestionState st, int nl, double[] acc) {
    QuestionBlock b = st.block;
    for (int j = 0; j < b.candidates(); j++) {
      acc[st.tag[j]] += st.prob[j];
    }
    for (int i = 0; i < b.claims(); i++) {
      int answered = st.tag[b.cnd[i]];
      for (int j = 0; j < b.candidates(); j++) {
        acc[nl + cell(b.src[i], st.tag[j], answered, nl)] += 1.0 * st.prob[j];
      }
    }
  }

  /** The posterior of one question; the previous one is kept in {@code aux} for the change. */
  private static QuestionState eStep(QuestionState st, Params p, int nl) {
    QuestionBlock b = st.block;
    int k = b.candidates();
    double[] lp = new double[k];
    for (int j = 0; j < k; j++) {
      lp[j] = p.logPrior[st.tag[j]];
    }
    for (int i = 0; i < b.claims(); i++) {
      int answered = st.tag[b.cnd[i]];
      for (int j = 0; j < k; j++) {
        lp[j] += 1.0 * p.logPi[cell(b.src[i], st.tag[j], answered, nl)];
      }
    }
    double[] next = new double[k];
    softmax(lp, k, next);
    return new QuestionState(b, next, st.prob, st.tag);
  }

  /** As core {@code DawidSkene.softmax}. */
  static void softmax(double[] lp, int k, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, lp[j]);
    }
    if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
      Arrays.fill(out, 1.0 / k);
      return;
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double x = Math.exp(lp[j] - max);
      out[j] = x;
      sum += x;
    }
    for (int j = 0; j < k; j++) {
      out[j] /= sum;
    }
  }

  /** The label prior and confusion matrices on the driver (core's updatePrior and mStep). */
  private static final class Model {
    final int nl;
    final int ns;
    final double smoothing;
    final boolean[] observed;
    final double[] prior;
    final double[] count;
    final double[] rowTotal;
    final boolean[] rowExists;
    final double[] logPi;

    Model(int nl, int ns, double smoothing, boolean[] observed) {
      this.nl = nl;
      this.ns = ns;
      this.smoothing = smoothing;
      this.observed = observed;
      prior = new double[nl];
      count = new double[observed.length];
      rowTotal = new double[ns * nl];
      rowExists = new boolean[ns * nl];
      logPi = new double[observed.length];
    }

    void update(double[] stats, double questions) {
      for (int l = 0; l < nl; l++) {
        prior[l] = questions > 0 ? stats[l] / questions : 0;
      }
      for (int r = 0; r < ns * nl; r++) {
        double total = 0;
        int n = 0;
        for (int c = r * nl; c < (r + 1) * nl; c++) {
          if (observed[c]) {
            count[c] = Math.max(stats[nl + c], FLOOR) + smoothing;
            total += count[c];
            n++;
          }
        }
        rowExists[r] = n > 0;
        total += smoothing * Math.max(0, nl - n);
        rowTotal[r] = total;
        for (int c = r * nl; c < (r + 1) * nl; c++) {
          if (observed[c]) {
            double pi = total > 0 ? count[c] / total : 1.0 / nl;
            logPi[c] = Math.log(pi);
          }
        }
      }
    }

    Params params() {
      double[] logPrior = new double[nl];
      for (int l = 0; l < nl; l++) {
        logPrior[l] = Math.log(prior[l]);
      }
      return new Params(logPrior, logPi.clone());
    }

    double probability(int s, int j, int v) {
      int r = s * nl + j;
      int c = r * nl + v;
      if (observed[c]) {
        return rowTotal[r] > 0 ? count[c] / rowTotal[r] : 1.0 / nl;
      }
      if (!rowExists[r] || rowTotal[r] <= 0) {
        return 1.0 / nl;
      }
      return smoothing / rowTotal[r];
    }

    double[] trust(double[] claimsOf) {
      double[] trust = new double[ns];
      for (int s = 0; s < ns; s++) {
        double total = 0;
        double t = 0;
        if (claimsOf[s] > 0) {
          double accuracy = 0;
          for (int l = 0; l < nl; l++) {
            accuracy += prior[l] * probability(s, l, l);
          }
          t += claimsOf[s] * accuracy;
          total += claimsOf[s];
        }
        trust[s] = total > 0 ? Math.min(1, Math.max(0, t / total)) : 0.5;
      }
      return trust;
    }
  }
}
