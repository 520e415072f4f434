package io.github.rashomon.io;

import io.github.rashomon.credibility.Credibility;

/**
 * Quantiles of the Beta distribution, for the uncertainty interval of a source's trust.
 *
 * <p>A credibility is a Beta distribution (Jøsang, <i>Subjective Logic</i>, 2016, §3.4): with
 * {@code r = 2b/u} positive and {@code s = 2d/u} negative observations and base rate {@code a},
 * {@code α = r + 2a} and {@code β = s + 2(1 − a)}. The regularized incomplete beta function is
 * evaluated by its continued fraction (modified Lentz), the log-gamma by Lanczos' approximation
 * (Numerical Recipes, 3rd ed., §6.1 and §6.4), and the quantile by bisection to 1e-12: slow
 * beside Newton's method, but monotone and deterministic, and a report needs a few hundred.
 * {@code StrictMath} throughout, so the intervals are the same on every machine.
 */
final class Beta {
  private Beta() {}

  /** The central interval holding {@code mass} of the credibility's Beta distribution. */
  static double[] interval(Credibility c, double mass) {
    double u = c.uncertainty();
    if (u == 0) {
      double p = c.probability();
      return new double[] {p, p};
    }
    double alpha = 2 * c.belief() / u + 2 * c.baseRate();
    double beta = 2 * c.disbelief() / u + 2 * (1 - c.baseRate());
    double tail = (1 - mass) / 2;
    return new double[] {quantile(tail, alpha, beta), quantile(1 - tail, alpha, beta)};
  }

  /** The {@code p}-quantile of Beta(a, b). */
  static double quantile(double p, double a, double b) {
    if (a <= 0) {
      return 0; // all mass at 0
    }
    if (b <= 0) {
      return 1;
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
      double mid = (lo + hi) / 2;
      if (regularized(mid, a, b) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The regularized incomplete beta function I_x(a, b). */
  static double regularized(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front =
        StrictMath.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * StrictMath.log(x)
            + b * StrictMath.log1p(-x));
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry beyond.
    if (x < (a + 1) / (a + b + 2)) {
      return front * fraction(x, a, b) / a;
    }
    return 1 - front * fraction(1 - x, b, a) / b;
  }

  private static double fraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  private static final double[] LANCZOS = {
    57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
    .339946499848118887e-4, .465236289270485756e-4, -.983744753048795646e-4,
    .158088703224912494e-3, -.210264441724104883e-3, .217439618115212643e-3,
    -.164318106536763890e-3, .844182239838527433e-4, -.261908384015814087e-4,
    .368991826595316234e-5
  };

  /** ln Γ(x) for x > 0 (Numerical Recipes, 3rd ed., §6.1, about 15 digits). */
  static double logGamma(double x) {
    double y = x;
    double tmp = x + 5.24218750000000000;
    tmp = (x + 0.5) * StrictMath.log(tmp) - tmp;
    double ser = 0.999999999999997092;
    for (double c : LANCZOS) {
      ser += c / ++y;
    }
    return tmp + StrictMath.log(2.5066282746310005 * ser / x);
  }
}
