package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Shared fixtures and checks for the EM-based algorithms (Dawid–Skene, GLAD). */
final class EmTestSupport {
  private EmTestSupport() {}

  /** A (worker, question, answer) triple. */
  static final class Answer {
    final String worker;
    final String question;
    final String label;

    Answer(String worker, String question, String label) {
      this.worker = worker;
      this.question = question;
      this.label = label;
    }
  }

  static ClaimIndex index(List<Answer> answers) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (Answer a : answers) {
      b.add(a.worker, a.question, a.label);
    }
    return b.build();
  }

  /**
   * A seeded binary crowd: {@code questions} questions with alternating truth, {@code good}
   * workers right with probability 0.85, {@code spammers} workers answering "0" whatever the truth.
   */
  static List<Answer> crowd(long seed, int questions, int good, int spammers) {
    Random rnd = new Random(seed);
    List<Answer> out = new ArrayList<>();
    for (int q = 0; q < questions; q++) {
      String truth = Integer.toString(q % 2);
      String qid = String.format(java.util.Locale.ROOT, "q%03d", q);
      for (int w = 0; w < good; w++) {
        boolean right = rnd.nextDouble() < 0.85;
        out.add(new Answer("good" + w, qid, right ? truth : Integer.toString(1 - q % 2)));
      }
      for (int w = 0; w < spammers; w++) {
        out.add(new Answer("spam" + w, qid, "0"));
      }
    }
    return out;
  }

  static List<Answer> shuffled(List<Answer> answers, long seed) {
    List<Answer> copy = new ArrayList<>(answers);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  /** Probabilities in [0, 1] summing to 1 per question, trust in [0, 1], finite vote weights. */
  static void checkWellFormed(Reconciliation r) {
    for (int q = 0; q < r.questionCount(); q++) {
      int k = r.index().candidateCount(q);
      double sum = 0;
      for (int c = 0; c < k; c++) {
        double p = r.probability(q, c);
        assertTrue(p >= 0 && p <= 1, "probability " + p);
        sum += p;
      }
      if (k > 0) {
        assertEquals(1.0, sum, 1e-9, "question " + r.index().questionId(q));
      }
      r.verdict(q); // builds the explanation: fails on a non-finite vote weight
    }
    for (int s = 0; s < r.sourceCount(); s++) {
      double t = r.trust(s);
      assertTrue(t >= 0 && t <= 1, "trust " + t);
      assertTrue(Double.isFinite(r.assessment(s).credibility().belief()));
    }
  }

  /** Every probability and trust, bit for bit. */
  static List<Long> fingerprint(Reconciliation r) {
    List<Long> out = new ArrayList<>();
    for (int q = 0; q < r.questionCount(); q++) {
      for (int c = 0; c < r.index().candidateCount(q); c++) {
        out.add(Double.doubleToRawLongBits(r.probability(q, c)));
      }
    }
    for (int s = 0; s < r.sourceCount(); s++) {
      out.add(Double.doubleToRawLongBits(r.trust(s)));
    }
    return out;
  }
}
