package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;

/** Small hand-built claim sets shared by the fact-finder tests, and readers for their results. */
final class SmallCases {
  private SmallCases() {}

  /** An index from "source question value" triples; values are categorical. */
  static ClaimIndex index(String... triples) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (String t : triples) {
      String[] p = t.split(" ");
      b.add(p[0], p[1], p[2]);
    }
    return b.build();
  }

  /** Two questions: on q1 A and B say x, C says y; on q2 A says u, C says v. */
  static ClaimIndex twoQuestions() {
    return index("A q1 x", "B q1 x", "C q1 y", "A q2 u", "C q2 v");
  }

  /**
   * Asserts scores on {@link #twoQuestions()}, to 10⁻¹²: the trust of A, B and C, and the
   * probabilities of x on q1 and of u on q2.
   */
  static void assertTwoQuestionScores(
      Reconciliation r, double trustA, double trustB, double trustC, double probX, double probU) {
    assertEquals(trustA, trust(r, "A"), 1e-12, "trust of A");
    assertEquals(trustB, trust(r, "B"), 1e-12, "trust of B");
    assertEquals(trustC, trust(r, "C"), 1e-12, "trust of C");
    assertEquals(probX, prob(r, "q1", "x"), 1e-12, "P(x) on q1");
    assertEquals(probU, prob(r, "q2", "u"), 1e-12, "P(u) on q2");
  }

  /** An index of quantity claims from "source question value" triples. */
  static ClaimIndex quantities(String... triples) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (String t : triples) {
      String[] p = t.split(" ");
      b.question(p[1], ValueType.QUANTITY);
      b.add(p[0], p[1], p[2]);
    }
    return b.build();
  }

  /**
   * Three reliable sources (r1, r2, r3) and two unreliable ones (u1, u2) that collude. On q1 to
   * q4 the reliable three say "a" and the pair says "b"; on the disputed question "d" only r1
   * and r2 answer "y", against the pair's "x". Votes there are two against two, and majority vote
   * breaks the tie for "x" (first in canonical order); a trust-based method should learn from q1
   * to q4 that r1 and r2 are the better witnesses and answer "y".
   */
  static ClaimIndex reliableMinority() {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (String q : new String[] {"q1", "q2", "q3", "q4"}) {
      for (String r : new String[] {"r1", "r2", "r3"}) {
        b.add(r, q, "a");
      }
      b.add("u1", q, "b");
      b.add("u2", q, "b");
    }
    b.add("r1", "d", "y");
    b.add("r2", "d", "y");
    b.add("u1", "d", "x");
    b.add("u2", "d", "x");
    return b.build();
  }

  /**
   * Checks the hallmark of trust-based methods on {@link #reliableMinority()}: the algorithm
   * answers "y" on the disputed question where majority vote answers "x", and trusts every
   * reliable source more than every unreliable one.
   */
  static Reconciliation assertTrustOutweighsNumbers(Reconciler algorithm) {
    ClaimIndex index = reliableMinority();
    Reconciliation majority = MajorityVote.withDefaults().reconcile(index);
    assertEquals("x", lead(majority, "d"), "majority vote breaks the 2:2 tie for x");
    Reconciliation r = algorithm.reconcile(index);
    assertEquals("y", lead(r, "d"), algorithm.name());
    assertTrue(prob(r, "d", "y") > prob(r, "d", "x"), algorithm.name());
    for (String q : new String[] {"q1", "q2", "q3", "q4"}) {
      assertEquals("a", lead(r, q), algorithm.name() + " on " + q);
    }
    for (String good : new String[] {"r1", "r2", "r3"}) {
      for (String bad : new String[] {"u1", "u2"}) {
        assertTrue(
            trust(r, good) > trust(r, bad),
            algorithm.name() + ": trust " + good + " " + trust(r, good) + " vs " + bad + " "
                + trust(r, bad));
      }
    }
    return r;
  }

  /**
   * Checks that a denial counts against the denied value and that a source without claims is
   * reported with trust 0.5. On q, A says x, C says y and B denies x; on q2 everyone says z (so
   * every source has two claims and Average·Log counts them all). Reading B's denial as a vote
   * against x, y has two supporters to x's one; Z says nothing.
   */
  static void assertDenialCountsAgainst(Reconciler algorithm) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    b.add("A", "q", "x");
    b.add("C", "q", "y");
    b.addClaim("B", "q", Category.of("x"), 1.0, true, null);
    for (String s : new String[] {"A", "B", "C"}) {
      b.add(s, "q2", "z");
    }
    b.source("Z");
    Reconciliation r = algorithm.reconcile(b.build());
    assertEquals("y", lead(r, "q"), algorithm.name());
    assertTrue(prob(r, "q", "y") > prob(r, "q", "x"), algorithm.name());
    assertEquals(0.5, trust(r, "Z"), 0.0, algorithm.name());
  }

  /** The probability of value {@code v} (canonical text) on question {@code q}. */
  static double prob(Reconciliation r, String q, String v) {
    int qn = r.index().questionNumber(q);
    int i = 0;
    for (Value c : r.index().candidates(qn)) {
      if (c.canonical().equals(v)) {
        return r.probability(qn, i);
      }
      i++;
    }
    throw new AssertionError("no candidate " + v + " on " + q);
  }

  /** The estimated trust of source {@code s}. */
  static double trust(Reconciliation r, String s) {
    return r.trust(r.index().sourceNumber(s));
  }

  /** The leading value of question {@code q}, in canonical text. */
  static String lead(Reconciliation r, String q) {
    return r.leadingValue(r.index().questionNumber(q)).map(Value::canonical).orElse(null);
  }
}
