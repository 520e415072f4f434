package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GLAD against a reference written from the paper's equations (Whitehill, Ruvolo, Wu, Bergsma,
 * Movellan, NIPS 2009), with plain gradient ascent for the M-step in place of the engine's
 * diagonal Newton steps and line search: run to convergence, both must reach the same fixed
 * point.
 *
 * <p>Model, as the class documents it: worker i answers task j correctly with probability
 * σ(α_i β_j), β_j = exp(b_j), each of the K − 1 wrong labels with (1 − σ)/(K − 1); α and b have
 * Gaussian priors N(1, 1) and start at 1; the label prior is uniform. E-step: p(z_j = k) ∝ Π_i
 * p(l_ij | z_j = k). M-step: maximise Q = Σ_ij [p_ij log σ(x_ij) + (1 − p_ij)(log σ(−x_ij) −
 * log(K − 1))] − Σ_i (α_i − 1)²/2 − Σ_j (b_j − 1)²/2, x_ij = α_i β_j, p_ij the posterior of the
 * label worker i gave; ∂Q/∂α_i = Σ_j (p_ij − σ(x_ij)) β_j − (α_i − 1) and ∂Q/∂b_j = Σ_i (p_ij −
 * σ(x_ij)) x_ij − (b_j − 1).
 */
class GladReferenceTest {

  /** answers[w][t]: the label worker w gave task t, or -1. */
  private static int[][] answers(long seed, int workers, int tasks, int labels) {
    Random r = new Random(seed);
    int[][] a = new int[workers][tasks];
    for (int w = 0; w < workers; w++) {
      double skill = 0.5 + 0.45 * w / (workers - 1);
      for (int t = 0; t < tasks; t++) {
        a[w][t] = r.nextInt(5) == 0 ? -1
            : r.nextDouble() < skill ? t % labels : r.nextInt(labels);
      }
    }
    return a;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The reference EM; returns posteriors[t][k] and fills trust (mean σ(αβ) over answers). */
  private static double[][] reference(int[][] a, int labels, double[] trust) {
    int nw = a.length;
    int nt = a[0].length;
    double[] alpha = new double[nw];
    double[] b = new double[nt];
    java.util.Arrays.fill(alpha, 1);
    java.util.Arrays.fill(b, 1);
    double logWrong = Math.log(labels - 1);
    double[][] p = eStep(a, labels, alpha, b, logWrong);
    for (int it = 0; it < 5000; it++) {
      // M-step to convergence.
      for (int step = 0; step < 200_000; step++) {
        double[] ga = new double[nw];
        double[] gb = new double[nt];
        for (int w = 0; w < nw; w++) {
          ga[w] = -(alpha[w] - 1);
        }
        for (int t = 0; t < nt; t++) {
          gb[t] = -(b[t] - 1);
        }
        for (int w = 0; w < nw; w++) {
          for (int t = 0; t < nt; t++) {
            if (a[w][t] >= 0) {
              double beta = Math.exp(b[t]);
              double x = alpha[w] * beta;
              double d = p[t][a[w][t]] - sigmoid(x);
              ga[w] += d * beta;
              gb[t] += d * x;
            }
          }
        }
        double norm = 0;
        for (int w = 0; w < nw; w++) {
          alpha[w] += 0.02 * ga[w];
          norm = Math.max(norm, Math.abs(ga[w]));
        }
        for (int t = 0; t < nt; t++) {
          b[t] += 0.02 * gb[t];
          norm = Math.max(norm, Math.abs(gb[t]));
        }
        if (norm < 1e-12) {
          break;
        }
      }
      double[][] next = eStep(a, labels, alpha, b, logWrong);
      double change = 0;
      for (int t = 0; t < nt; t++) {
        for (int k = 0; k < labels; k++) {
          change = Math.max(change, Math.abs(next[t][k] - p[t][k]));
        }
      }
      p = next;
      if (change < 1e-13) {
        break;
      }
    }
    for (int w = 0; w < nw; w++) {
      double sum = 0;
      int n = 0;
      for (int t = 0; t < nt; t++) {
        if (a[w][t] >= 0) {
          sum += sigmoid(alpha[w] * Math.exp(b[t]));
          n++;
        }
      }
      trust[w] = sum / n;
    }
    return p;
  }

  private static double[][] eStep(int[][] a, int labels, double[] alpha, double[] b,
      double logWrong) {
    int nt = a[0].length;
    double[][] p = new double[nt][labels];
    for (int t = 0; t < nt; t++) {
      double[] lp = new double[labels];
      for (int w = 0; w < a.length; w++) {
        if (a[w][t] < 0) {
          continue;
        }
        double x = alpha[w] * Math.exp(b[t]);
        for (int k = 0; k < labels; k++) {
          lp[k] += k == a[w][t] ? Math.log(sigmoid(x)) : Math.log(sigmoid(-x)) - logWrong;
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double v : lp) {
        max = Math.max(max, v);
      }
      double z = 0;
      for (int k = 0; k < labels; k++) {
        p[t][k] = Math.exp(lp[k] - max);
        z += p[t][k];
      }
      for (int k = 0; k < labels; k++) {
        p[t][k] /= z;
      }
    }
    return p;
  }

  @Test
  void reachesTheReferenceFixedPoint() {
    for (int labels : new int[] {2, 3}) {
      int[][] a = answers(labels, 5, 8, labels);
      List<String> names = labels == 2 ? List.of("0", "1") : List.of("0", "1", "2");
      // Every task has every label as a candidate, as in the reference.
      int n = 0;
      for (int[] row : a) {
        for (int x : row) {
          n += x >= 0 ? 1 : 0;
        }
      }
      int[] worker = new int[n];
      int[] task = new int[n];
      int[] label = new int[n];
      int i = 0;
      for (int w = 0; w < a.length; w++) {
        for (int t = 0; t < a[w].length; t++) {
          if (a[w][t] >= 0) {
            worker[i] = w;
            task[i] = t;
            label[i++] = a[w][t];
          }
        }
      }
      ClaimIndex ix = ClaimIndex.ofLabels(a.length, a[0].length, names, worker, task, label);
      Reconciliation r =
          Glad.withDefaults().withIterations(5000).withTolerance(1e-13).reconcile(ix);
      assertTrue(r.provenance().converged(), labels + " labels: " + r.provenance());
      double[] trust = new double[a.length];
      double[][] p = reference(a, labels, trust);
      for (int t = 0; t < a[0].length; t++) {
        for (int k = 0; k < labels; k++) {
          assertEquals(p[t][k], r.probability(t, k), 1e-7, labels + " labels, task " + t);
        }
      }
      for (int w = 0; w < a.length; w++) {
        assertEquals(trust[w], r.trust(w), 1e-7, labels + " labels, worker " + w);
      }
    }
  }
}
