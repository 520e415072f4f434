package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.ValueDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      String qid = String.format(Locale.ROOT, "q%03d", q);
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

  /** The truth behind {@link #crowd}: "0" on even questions, "1" on odd ones. */
  static Map<String, String> crowdTruth(int questions) {
    Map<String, String> truth = new HashMap<>();
    for (int q = 0; q < questions; q++) {
      truth.put(String.format(Locale.ROOT, "q%03d", q), Integer.toString(q % 2));
    }
    return truth;
  }

  /** Tiny crowds: one answer, one worker on two questions, two workers agreeing, disagreeing. */
  static List<List<Answer>> degenerateCrowds() {
    return List.of(
        List.of(new Answer("w", "q", "a")),
        List.of(new Answer("w", "q1", "a"), new Answer("w", "q2", "b")),
        List.of(new Answer("w1", "q", "a"), new Answer("w2", "q", "a")),
        List.of(new Answer("w1", "q", "a"), new Answer("w2", "q", "b")));
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

  /** Asserts that the same crowd, in its order and shuffled, gives bit-identical results. */
  static void assertOrderInvariant(Reconciler algorithm, long shuffleSeed) {
    List<Answer> answers = crowd(11, 25, 5, 1);
    List<Long> first = fingerprint(algorithm.reconcile(index(answers)));
    assertEquals(first, fingerprint(algorithm.reconcile(index(answers))));
    assertEquals(
        first, fingerprint(algorithm.reconcile(index(shuffled(answers, shuffleSeed)))));
  }

  /**
   * Runs an algorithm configured for one iteration at tolerance 0 and asserts that it reports,
   * without throwing, one iteration and no convergence.
   */
  static Reconciliation assertReportsNonConvergence(Reconciler oneIteration) {
    Reconciliation r = oneIteration.reconcile(index(crowd(1, 20, 3, 1)));
    assertFalse(r.provenance().converged());
    assertEquals(1, r.provenance().iterations());
    return r;
  }

  /**
   * A case under construction: sources a, b and c, and the question "who" ("Who fired first?",
   * police, crowd or unknown).
   */
  static Case.Builder whoFiredFirst() {
    return Case.builder()
        .addSources(Source.of("a"), Source.of("b"), Source.of("c"))
        .addQuestions(
            Question.of(
                "who", "Who fired first?", ValueDomain.categorical("police", "crowd", "unknown")));
  }

  /** A categorical claim. */
  static Claim claim(String source, String question, String value, Stance stance) {
    return Claim.builder()
        .source(source)
        .question(question)
        .value(Category.of(value))
        .stance(stance)
        .build();
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
