package io.github.rashomon.spark;

import io.github.rashomon.engine.Glad;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * GLAD as a Spark job, step for step the core {@link Glad}: the abilities of the sources live on
 * the driver, each question's inverse difficulty (log β), its gradient and its posterior live with
 * its block.
 *
 * <p>The core's M-step alternates a gradient with a line search that halves the step until the
 * objective does not decrease, up to 40 times. Done literally that is two Spark passes per step
 * and one more per halving. Here one pass evaluates several step lengths at once, the objective
 * and the gradient at each, and the driver takes the first length the core would take; the next
 * pass starts from that point with its gradient already known. A gradient step is then one pass;
 * when neither of the first {@value #FIRST_TRIALS} lengths is taken, one more tries all the rest
 * together, without gradients, and one more computes the gradient where the step went if the
 * M-step goes on. The E-step's pass also evaluates the objective and gradient the next M-step
 * starts from, and the trust. Every length is evaluated with the core's arithmetic, so the steps
 * taken are the core's.
 *
 * <p>All questions are categorical and share one label set, the sorted distinct values, so every
 * question has the same number {@code K} of labels.
 */
final class GladJob {
  private static final double PRIOR_MEAN = 1.0;

  /** The core's largest number of step halvings in one line search. */
  static final int HALVINGS = 40;

  /** Step lengths evaluated by the first pass of a line search (most searches take one). */
  static final int FIRST_TRIALS = 2;

  /** Per question in {@code aux}: log β, its gradient and curvature at the current point. */
  private static final int LOG_BETA = 0;

  private static final int GRAD = 1;
  private static final int CURV = 2;
  /**
   * Then, after a pass that tried step lengths with their gradients, per length: log β's
   * gradient and curvature at the point it reaches (log β itself is recomputed from the length).
   */
  private static final int TRIAL = 3;

  private GladJob() {}

  /** One partition's questions and the sums over them of the pass that computed them. */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    final QuestionState[] questions;
    final double[] sums;

    Part(QuestionState[] questions, double[] sums) {
      this.questions = questions;
      this.sums = sums;
    }
  }

  /** What a pass computes for one question from its state, adding to the partition's sums. */
  @FunctionalInterface
  private interface Step extends Serializable {
    QuestionState apply(QuestionState st, double[] sums);
  }

  static Outcome run(Run run, Glad algorithm) {
    int ns = run.sources();
    long labels = run.blocks.flatMap(b -> Arrays.asList(b.cand).iterator()).distinct().count();
    double logWrong = Math.log((int) Math.max(1, labels - 1));
    double[] alpha = new double[ns];
    Arrays.fill(alpha, PRIOR_MEAN);
    int[] version = {0};
    // Sums of an E pass: objective, ability gradient and curvature, trust, claims; change (max).
    int eSize = 1 + 4 * ns + 1;
    Broadcast<double[]> a0 = run.jsc.broadcast(alpha.clone());
    JavaRDD<Part> parts = run.keep(run.blocks.mapPartitions(it -> {
      List<QuestionState> qs = new ArrayList<>();
      double[] sums = new double[eSize];
      while (it.hasNext()) {
        QuestionBlock b = it.next();
        double[] p = eStep(b, a0.value(), PRIOR_MEAN, logWrong);
        qs.add(evaluate(b, p, a0.value(), PRIOR_MEAN, logWrong, sums, ns));
      }
      return Partials.one(new Part(qs.toArray(new QuestionState[0]), sums));
    }), version[0]);
    double[] e = sums(parts, eSize, eSize - 1);
    run.advanced(null, parts);
    a0.unpersist(false);
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    int width = 1 + 2 * ns;
    while (it < algorithm.iterations()) {
      // The M-step, from the objective and gradient at the current point.
      double current = withAbilityPrior(e[0], alpha);
      double[] gradA = new double[ns];
      double[] curvA = new double[ns];
      abilityGradient(alpha, e, 0, gradA, curvA);
      // A step taken but not yet applied to the questions: its length, and which of the last
      // pass's trials it was if that pass also computed the gradient there (else -1).
      Move pending = Move.NONE;
      for (int step = 0; step < algorithm.gradientSteps(); step++) {
        if (pending.rate != 0 && pending.trial < 0) {
          // The gradient at the point a late trial reached, before the next line search.
          Move m = pending;
          Broadcast<double[]> a = run.jsc.broadcast(alpha.clone());
          JavaRDD<Part> next = run.keep(pass(parts, width, (st, sums) -> {
            QuestionState moved = m.apply(st);
            double[] one = new double[3];
            objectiveAndGradient(moved.block, moved.prob, a.value(), moved.aux[LOG_BETA],
                logWrong, sums, 0, ns, one, true);
            return new QuestionState(moved.block, moved.prob,
                new double[] {moved.aux[LOG_BETA], one[1], one[2]}, null);
          }), ++version[0]);
          double[] g = sums(next, width, width);
          run.advanced(parts, next);
          a.unpersist(false);
          parts = next;
          abilityGradient(alpha, g, 0, gradA, curvA);
          pending = Move.NONE;
        }
        double rate = algorithm.learningRate();
        boolean moved = false;
        Move taken = Move.NONE;
        for (int h = 0; h < HALVINGS && taken.rate == 0; ) {
          // First the likeliest lengths with the gradient at each; then all the others at once.
          boolean withGradient = h == 0;
          int r = withGradient ? Math.min(FIRST_TRIALS, HALVINGS) : HALVINGS - h;
          double[] rates = new double[r];
          double[][] trialA = new double[r][ns];
          for (int k = 0; k < r; k++) {
            rates[k] = rate;
            for (int s = 0; s < ns; s++) {
              trialA[k][s] = alpha[s] + rate * gradA[s] / curvA[s];
            }
            rate /= 2;
          }
          int w = withGradient ? width : 1;
          Broadcast<double[][]> ta = run.jsc.broadcast(trialA);
          Move m = pending;
          JavaRDD<Part> next = run.keep(pass(parts, r * w, (st, sums) -> {
            QuestionState at = m.apply(st);
            double b = at.aux[LOG_BETA];
            double grad = at.aux[GRAD];
            double curv = at.aux[CURV];
            double[] aux = new double[TRIAL + (withGradient ? 2 * r : 0)];
            aux[LOG_BETA] = b;
            aux[GRAD] = grad;
            aux[CURV] = curv;
            double[] one = new double[3];
            for (int k = 0; k < r; k++) {
              objectiveAndGradient(at.block, at.prob, ta.value()[k], b + rates[k] * grad / curv,
                  logWrong, sums, k * w, ns, one, withGradient);
              if (withGradient) {
                aux[TRIAL + 2 * k] = one[1];
                aux[TRIAL + 2 * k + 1] = one[2];
              }
            }
            return new QuestionState(at.block, at.prob, aux, null);
          }), ++version[0]);
          double[] t = sums(next, r * w, r * w);
          run.advanced(parts, next);
          ta.unpersist(false);
          parts = next;
          pending = Move.NONE;
          for (int k = 0; k < r; k++) {
            double value = withAbilityPrior(t[k * w], trialA[k]);
            if (value >= current) {
              moved = value > current;
              current = value;
              alpha = trialA[k];
              taken = new Move(rates[k], withGradient ? k : -1);
              if (withGradient) {
                abilityGradient(alpha, t, k * w, gradA, curvA);
              }
              break;
            }
          }
          h += r;
        }
        pending = taken;
        if (!moved) {
          break;
        }
      }
      // E-step at the new point, with the objective and gradient the next M-step starts from.
      Broadcast<double[]> a = run.jsc.broadcast(alpha.clone());
      Move m = pending;
      JavaRDD<Part> next = run.keep(pass(parts, eSize, (st, sums) -> {
        double b = m.apply(st).aux[LOG_BETA];
        double[] p = eStep(st.block, a.value(), b, logWrong);
        double moved = 0;
        for (int c = 0; c < p.length; c++) {
          moved = Math.max(moved, Math.abs(p[c] - st.prob[c]));
        }
        sums[eSize - 1] = Math.max(sums[eSize - 1], moved);
        return evaluate(st.block, p, a.value(), b, logWrong, sums, ns);
      }), ++version[0]);
      e = sums(next, eSize, eSize - 1);
      run.advanced(parts, next);
      a.unpersist(false);
      parts = next;
      change = e[eSize - 1];
      it++;
      if (change < algorithm.tolerance()) {
        break;
      }
    }
    // The last E pass evaluated the sources at the final abilities and difficulties.
    double[] trust = new double[ns];
    for (int s = 0; s < ns; s++) {
      double claims = e[1 + 3 * ns + s];
      trust[s] = claims > 0 ? Math.min(1, Math.max(0, e[1 + 2 * ns + s] / claims)) : 0.5;
    }
    JavaRDD<QuestionState> states =
        run.keep(parts.flatMap(p -> Arrays.asList(p.questions).iterator()), ++version[0]);
    states.count();
    run.advanced(parts, states);
    return new Outcome(states, trust, it, change < algorithm.tolerance(), change);
  }

  /**
   * A gradient step taken on the driver and applied to each question's log β by the next pass:
   * its length and, when the pass that tried it also computed the gradient at the point it
   * reaches, which of its trials it was (else -1).
   */
  private static final class Move implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Move NONE = new Move(0, -1);
    final double rate;
    final int trial;

    Move(double rate, int trial) {
      this.rate = rate;
      this.trial = trial;
    }

    /** The question at the point this step reaches: log β moved (as the core's trialB). */
    QuestionState apply(QuestionState st) {
      if (rate == 0) {
        return st;
      }
      double[] aux = st.aux;
      double b = aux[LOG_BETA] + rate * aux[GRAD] / aux[CURV];
      double[] next = trial < 0
          ? new double[] {b, Double.NaN, Double.NaN}
          : new double[] {b, aux[TRIAL + 2 * trial], aux[TRIAL + 2 * trial + 1]};
      return new QuestionState(st.block, st.prob, next, null);
    }
  }

  /** The abilities' gradient and curvature from the sums at {@code at} (core {@code gradient}). */
  private static void abilityGradient(double[] alpha, double[] sums, int at, double[] grad,
      double[] curv) {
    int ns = alpha.length;
    for (int s = 0; s < ns; s++) {
      grad[s] = -(alpha[s] - PRIOR_MEAN) + sums[at + 1 + s];
      curv[s] = 1 + sums[at + 1 + ns + s];
    }
  }

  /** The objective: the questions' terms, less the abilities' prior (core {@code objective}). */
  private static double withAbilityPrior(double questions, double[] a) {
    double sum = questions;
    for (double x : a) {
      sum -= 0.5 * (x - PRIOR_MEAN) * (x - PRIOR_MEAN);
    }
    return sum;
  }

  /** A pass over every partition's questions; sums of {@code size} entries per partition. */
  private static JavaRDD<Part> pass(JavaRDD<Part> parts, int size, Step step) {
    return parts.map(p -> {
      double[] sums = new double[size];
      QuestionState[] out = new QuestionState[p.questions.length];
      for (int q = 0; q < out.length; q++) {
        out[q] = step.apply(p.questions[q], sums);
      }
      return new Part(out, sums);
    });
  }

  /**
   * The partitions' sums added in partition order, entries from {@code maxFrom} on taking the
   * largest value instead.
   */
  private static double[] sums(JavaRDD<Part> parts, int size, int maxFrom) {
    return Partials.combine(parts, size, maxFrom, (p, acc) -> {
      for (int i = 0; i < size; i++) {
        acc[i] = i < maxFrom ? acc[i] + p.sums[i] : Math.max(acc[i], p.sums[i]);
      }
    });
  }


  /**
   * A question after its E-step: its objective and gradient at {@code (alpha, logBeta)} added to
   * the sums (layout of an E pass), and its sources' trust terms and claims.
   */
  private static QuestionState evaluate(QuestionBlock b, double[] p, double[] alpha,
      double logBeta, double logWrong, double[] sums, int ns) {
    double[] one = new double[3];
    objectiveAndGradient(b, p, alpha, logBeta, logWrong, sums, 0, ns, one, true);
    double beta = Math.exp(logBeta);
    for (int i = 0; i < b.claims(); i++) {
      int s = b.src[i];
      sums[1 + 2 * ns + s] += sigmoid(alpha[s] * beta);
      sums[1 + 3 * ns + s] += 1;
    }
    return new QuestionState(b, p, new double[] {logBeta, one[1], one[2]}, null);
  }

  /**
   * The question's term of the objective (core {@code objective}) and of the gradient and
   * curvature (core {@code gradient}) at abilities {@code a} and its log β {@code b}: the
   * objective goes to {@code sums[at]}, the abilities' gradient and curvature to {@code sums[at +
   * 1 + s]} and {@code sums[at + 1 + ns + s]} (unless {@code withGradient} is false); {@code out}
   * gets the objective term and log β's gradient and curvature.
   */
  private static void objectiveAndGradient(QuestionBlock blk, double[] prob, double[] a,
      double b, double logWrong, double[] sums, int at, int ns, double[] out,
      boolean withGradient) {
    double beta = Math.exp(b);
    double part = 0;
    double grad = -(b - PRIOR_MEAN);
    double curv = 1;
    for (int i = 0; i < blk.claims(); i++) {
      int s = blk.src[i];
      double x = a[s] * beta;
      double p = prob[blk.cnd[i]];
      part += 1.0 * (p * logSigmoid(x) + (1 - p) * (logSigmoid(-x) - logWrong));
      if (!withGradient) {
        continue;
      }
      double sig = sigmoid(x);
      double dx = p - sig;
      double info = 1.0 * sig * (1 - sig);
      sums[at + 1 + s] += 1.0 * dx * beta;
      sums[at + 1 + ns + s] += info * beta * beta;
      grad += 1.0 * dx * x;
      curv += info * x * x;
    }
    part -= 0.5 * (b - PRIOR_MEAN) * (b - PRIOR_MEAN);
    sums[at] += part;
    out[0] = part;
    out[1] = grad;
    out[2] = curv;
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
