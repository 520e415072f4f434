package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an earlier result is matched to a new index, question by question and source by source. */
class WarmStartMatchTest {
  private static final Reconciler VOTE = MajorityVote.withDefaults();

  /** Earlier claims: same, grown, changed, reweighted, denied, silent. */
  private static ClaimIndex.Builder earlier() {
    ClaimIndex.Builder b = ClaimIndex.builder().source("quiet");
    b.add("a", "same", "x").add("b", "same", "y").add("c", "same", "x");
    b.add("a", "grown", "x").add("b", "grown", "y");
    b.add("a", "changed", "x").add("b", "changed", "y");
    b.add("a", "weighted", "x");
    b.add("a", "denied", "x");
    b.add("a", "gone", "x");
    b.question("silent", io.github.rashomon.model.ValueType.CATEGORICAL);
    return b;
  }

  private static double candidate(WarmStart w, ClaimIndex ix, String q, String value) {
    int n = ix.questionNumber(q);
    List<io.github.rashomon.model.Value> c = ix.candidates(n);
    return w.candProb[ix.questionCandStart[n] + c.indexOf(Category.of(value))];
  }

  @Test
  void questionsAreKnownOnlyWithTheSameCandidatesAndClaims() {
    Reconciliation before = VOTE.reconcile(earlier().build());
    ClaimIndex.Builder b = ClaimIndex.builder().source("quiet").source("new");
    b.add("a", "same", "x").add("b", "same", "y").add("c", "same", "x");
    // A new candidate, z, before nothing: x and y keep their earlier shares.
    b.add("a", "grown", "x").add("b", "grown", "y").add("new", "grown", "z");
    // b changes its answer.
    b.add("a", "changed", "x").add("b", "changed", "x");
    b.addClaim("a", "weighted", Category.of("x"), 0.5, false, null);
    b.addClaim("a", "denied", Category.of("x"), 1, true, null);
    b.add("a", "fresh", "x");
    b.add("a", "silent", "x");
    ClaimIndex now = b.build();
    WarmStart w = WarmStart.of(before, now);
    assertTrue(w.known[now.questionNumber("same")]);
    assertEquals(2.0 / 3, candidate(w, now, "same", "x"), 1e-15);
    assertEquals(1.0 / 3, candidate(w, now, "same", "y"), 1e-15);
    assertFalse(w.known[now.questionNumber("grown")]);
    assertEquals(0.5, candidate(w, now, "grown", "x"), 1e-15);
    assertEquals(0.5, candidate(w, now, "grown", "y"), 1e-15);
    assertTrue(Double.isNaN(candidate(w, now, "grown", "z")));
    assertFalse(w.known[now.questionNumber("changed")]);
    assertEquals(0.5, candidate(w, now, "changed", "x"), 1e-15);
    assertFalse(w.known[now.questionNumber("weighted")]);
    assertFalse(w.known[now.questionNumber("denied")]);
    assertFalse(w.known[now.questionNumber("fresh")]);
    assertTrue(Double.isNaN(candidate(w, now, "fresh", "x")));
    // A question without earlier claims carries nothing over.
    assertFalse(w.known[now.questionNumber("silent")]);
    assertTrue(Double.isNaN(candidate(w, now, "silent", "x")));
    // Sources: earlier trust where they had claims, NaN for the new and the silent one.
    ClaimIndex old = before.index();
    assertEquals(before.trust(old.sourceNumber("b")), w.trust()[now.sourceNumber("b")]);
    assertEquals(before.trust(old.sourceNumber("a")), w.trust()[now.sourceNumber("a")]);
    assertTrue(Double.isNaN(w.trust()[now.sourceNumber("new")]));
    assertTrue(Double.isNaN(w.trust()[now.sourceNumber("quiet")]));
  }

  @Test
  void claimsMoveWithTheirSourcesNumbers() {
    // A new source sorting first renumbers every other one: the same claims are still the same.
    Reconciliation before = VOTE.reconcile(earlier().build());
    ClaimIndex.Builder b = earlier().source("0-first");
    ClaimIndex now = b.build();
    WarmStart w = WarmStart.of(before, now);
    for (String q : List.of("same", "grown", "changed", "weighted", "denied", "gone")) {
      assertTrue(w.known[now.questionNumber(q)], q);
    }
    // Another source with the same answers is another claim.
    ClaimIndex swapped =
        ClaimIndex.builder().add("c", "same", "x").add("b", "same", "y").add("a", "same", "x")
            .add("d", "same", "x").build();
    ClaimIndex three =
        ClaimIndex.builder().add("b", "same", "x").add("c", "same", "y").add("d", "same", "x")
            .build();
    WarmStart moved = WarmStart.of(VOTE.reconcile(three), swapped);
    assertFalse(moved.known[0]);
    // Candidates at other positions are matched by value: x and y in both, w only now.
    ClaimIndex shifted =
        ClaimIndex.builder().add("a", "same", "w").add("b", "same", "x").add("c", "same", "y")
            .build();
    WarmStart byValue = WarmStart.of(VOTE.reconcile(three), shifted);
    assertTrue(Double.isNaN(byValue.candProb[0]));
    assertEquals(2.0 / 3, byValue.candProb[1], 1e-15);
    assertEquals(1.0 / 3, byValue.candProb[2], 1e-15);
    assertFalse(byValue.known[0]);
  }
}
