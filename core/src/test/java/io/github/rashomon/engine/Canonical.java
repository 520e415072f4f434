package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Value;

/**
 * A canonical text form of everything a reconciliation reports: every verdict (candidates,
 * status, reason, explanation, corroboration), every assessment (credibility, confusion matrix,
 * dependence), the bulk accessors and the provenance. Doubles are written with {@link
 * Double#toString(double)}, which reads back to the same bits, so equal texts mean results equal
 * bit for bit.
 */
final class Canonical {
  private Canonical() {}

  /** The whole result. */
  static String of(Reconciliation r) {
    StringBuilder s = new StringBuilder();
    for (int q = 0; q < r.questionCount(); q++) {
      question(r, q, s);
    }
    for (int src = 0; src < r.sourceCount(); src++) {
      source(r, src, s);
    }
    return s.append(r.provenance()).toString();
  }

  /** Every {@code step}-th question and source, for results too large to print whole. */
  static String sample(Reconciliation r, int step) {
    StringBuilder s = new StringBuilder();
    for (int q = 0; q < r.questionCount(); q += step) {
      question(r, q, s);
    }
    for (int src = 0; src < r.sourceCount(); src += step) {
      source(r, src, s);
    }
    return s.append(r.provenance()).toString();
  }

  static void question(Reconciliation r, int q, StringBuilder s) {
    Verdict v = r.verdict(q);
    s.append(v.question()).append(' ').append(v.value().map(Value::canonical).orElse("-"))
        .append(' ').append(v.status()).append(' ').append(v.confidence())
        .append(' ').append(v.margin()).append(' ').append(v.claims())
        .append(" [").append(v.reason()).append("]\n");
    // The bulk accessors read the same arrays; print them so that they are compared too.
    s.append("  bulk ").append(r.leadingValue(q).map(Value::canonical).orElse("-"))
        .append(' ').append(r.status(q)).append(' ').append(r.confidence(q))
        .append(' ').append(r.unclaimedProbability(q)).append('\n');
    for (CandidateScore c : v.candidates()) {
      s.append("  candidate ").append(c.value().canonical()).append(' ')
          .append(c.probability()).append(' ').append(c.claims()).append('\n');
    }
    for (Contribution c : v.explanation()) {
      s.append("  reason ").append(c.source()).append(' ').append(c.stance()).append(' ')
          .append(c.value().canonical()).append(' ').append(c.weight()).append(' ')
          .append(c.claim().orElse("-")).append(' ').append(c.notes()).append('\n');
    }
    s.append("  ").append(v.corroboration()).append('\n');
  }

  static void source(Reconciliation r, int src, StringBuilder s) {
    SourceAssessment a = r.assessment(src);
    Credibility c = a.credibility();
    s.append(a.source()).append(' ').append(a.trust()).append(' ').append(a.claims())
        .append(" b=").append(c.belief()).append(" d=").append(c.disbelief())
        .append(" u=").append(c.uncertainty()).append(" a=").append(c.baseRate())
        .append(' ').append(a.confusion().map(Object::toString).orElse("-"))
        .append(' ').append(a.dependence()).append('\n');
  }

  /** Asserts that two raw estimates are equal bit for bit, every array and every count. */
  static void assertSameEstimate(Estimate expected, Estimate actual, String what) {
    assertArrayEquals(bits(expected.candProb), bits(actual.candProb), what + ": candProb");
    assertArrayEquals(bits(expected.trust), bits(actual.trust), what + ": trust");
    assertArrayEquals(bits(expected.voteWeight), bits(actual.voteWeight), what + ": voteWeight");
    assertArrayEquals(
        bits(expected.unclaimed == null ? new double[0] : expected.unclaimed),
        bits(actual.unclaimed == null ? new double[0] : actual.unclaimed),
        what + ": unclaimed");
    assertArrayEquals(expected.tieRank, actual.tieRank, what + ": tieRank");
    assertArrayEquals(expected.pointEstimate, actual.pointEstimate, what + ": pointEstimate");
    assertArrayEquals(expected.confusion, actual.confusion, what + ": confusion");
    assertEquals(expected.dependence, actual.dependence, what + ": dependence");
    assertEquals(expected.iterations, actual.iterations, what + ": iterations");
    assertEquals(expected.converged, actual.converged, what + ": converged");
    assertEquals(
        Double.doubleToLongBits(expected.finalChange),
        Double.doubleToLongBits(actual.finalChange),
        what + ": finalChange");
  }

  static long[] bits(double[] x) {
    long[] b = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      b[i] = Double.doubleToLongBits(x[i]);
    }
    return b;
  }
}
