package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every way of building an index refuses bad input, and says what was wrong. */
class ClaimIndexValidationTest {

  private static void rejects(String fragment, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(fragment), () -> e.getMessage() + " lacks " + fragment);
  }

  @Test
  void ofLabelsRefusesNumbersOutOfRange() {
    int[] zero = {0};
    List<String> ab = List.of("a", "b");
    rejects("negative counts", () -> ClaimIndex.ofLabels(-1, 1, ab, zero, zero, zero));
    rejects("negative counts", () -> ClaimIndex.ofLabels(1, -1, ab, zero, zero, zero));
    rejects("differ in length", () -> ClaimIndex.ofLabels(1, 1, ab, zero, new int[0], zero));
    rejects("differ in length", () -> ClaimIndex.ofLabels(1, 1, ab, zero, zero, new int[2]));
    rejects("at least one label", () -> ClaimIndex.ofLabels(1, 1, List.of(), zero, zero, zero));
    rejects("too many candidates",
        () -> ClaimIndex.ofLabels(1, Integer.MAX_VALUE / 2, ab, zero, zero, zero));
    rejects("question 1 out of [0, 1)", () -> ClaimIndex.ofLabels(1, 1, ab, zero, new int[] {1},
        zero));
    rejects("question -1", () -> ClaimIndex.ofLabels(1, 1, ab, zero, new int[] {-1}, zero));
    rejects("source 1 out of [0, 1)", () -> ClaimIndex.ofLabels(1, 1, ab, new int[] {1}, zero,
        zero));
    rejects("source -1", () -> ClaimIndex.ofLabels(1, 1, ab, new int[] {-1}, zero, zero));
    rejects("label 2 out of [0, 2)", () -> ClaimIndex.ofLabels(1, 1, ab, zero, zero,
        new int[] {2}));
    rejects("label -1", () -> ClaimIndex.ofLabels(1, 1, ab, zero, zero, new int[] {-1}));
    // The limits themselves are fine: the last source, question and label.
    ClaimIndex ix =
        ClaimIndex.ofLabels(2, 3, ab, new int[] {1}, new int[] {2}, new int[] {1});
    assertEquals(1, ix.claimCount());
    assertEquals(6, ix.candidateCount());
    assertEquals(2, ix.questionNumber("q2"));
    assertEquals(Category.of("b"), ix.candValue[ix.claimCand[0]]);
    // Zero sources and questions make an empty index.
    assertEquals(0, ClaimIndex.ofLabels(0, 0, ab, new int[0], new int[0], new int[0])
        .questionCount());
  }

  @Test
  void ofLabelsFirstSeenIsCanonicalClaimOrder() {
    // A tie between "a" and "b" on q0; the claims come in source order, s0 (b) before s1 (a).
    ClaimIndex ix =
        ClaimIndex.ofLabels(2, 1, List.of("a", "b"), new int[] {1, 0}, new int[] {0, 0},
            new int[] {0, 1});
    assertArrayEquals(new int[] {1, 0}, ix.candFirstSeen());
    assertSame(ix.candFirstSeen(), ix.candFirstSeen());
    Reconciliation first =
        MajorityVote.withDefaults().withTieBreak(MajorityVote.TieBreak.FIRST_SEEN).reconcile(ix);
    assertEquals(Category.of("b"), first.leadingValue(0).orElseThrow());
    assertEquals(Category.of("a"),
        MajorityVote.withDefaults().reconcile(ix).leadingValue(0).orElseThrow());
    // A candidate nobody names is seen last of all.
    ClaimIndex unnamed =
        ClaimIndex.ofLabels(1, 1, List.of("a", "b"), new int[] {0}, new int[] {0}, new int[] {1});
    assertArrayEquals(new int[] {Integer.MAX_VALUE, 0}, unnamed.candFirstSeen());
    int[] cq = unnamed.candQuestion();
    assertArrayEquals(new int[] {0, 0}, cq);
  }

  @Test
  void ofCanonicalArraysChecksItsOrder() {
    Ids s = Ids.numbered("s", 2);
    Ids q = Ids.numbered("q", 2);
    Value[] ab = {Category.of("a"), Category.of("b")};
    // q0: s0 -> a, s1 -> b; q1: s1 -> a (candidate 2).
    int[] start = {0, 2, 3};
    ClaimIndex ok =
        ClaimIndex.ofCanonicalArrays(s, q, ValueType.CATEGORICAL, ab, start,
            new int[] {0, 1, 1}, new int[] {0, 1, 2});
    assertEquals(3, ok.claimCount());
    assertEquals(ValueType.CATEGORICAL, ok.questionType(1));
    assertNotNull(ok.candQuestion());
    assertArrayEquals(new int[] {0, 0, 1, 1}, ok.candQuestion());
    rejects("claimStart length", () -> ClaimIndex.ofCanonicalArrays(s, q, ValueType.CATEGORICAL,
        ab, new int[] {0, 3}, new int[] {0, 1, 1}, new int[] {0, 1, 2}));
    rejects("claimStart length", () -> ClaimIndex.ofCanonicalArrays(s, q, ValueType.CATEGORICAL,
        ab, new int[] {1, 2, 3}, new int[] {0, 1, 1}, new int[] {0, 1, 2}));
    rejects("claim count", () -> ClaimIndex.ofCanonicalArrays(s, q, ValueType.CATEGORICAL, ab,
        new int[] {0, 2, 2}, new int[] {0, 1, 1}, new int[] {0, 1, 2}));
    rejects("lengths", () -> ClaimIndex.ofCanonicalArrays(s, q, ValueType.CATEGORICAL, ab, start,
        new int[] {0, 1, 1}, new int[] {0, 1}));
    rejects("is not QUANTITY", () -> ClaimIndex.ofCanonicalArrays(s, q, ValueType.QUANTITY, ab,
        start, new int[] {0, 1, 1}, new int[] {0, 1, 2}));
    rejects("canonical order at 1", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, new Value[] {ab[1], ab[0]}, start, new int[] {0, 1, 1},
        new int[] {0, 1, 2}));
    rejects("canonical order at 1", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, new Value[] {ab[0], ab[0]}, start, new int[] {0, 1, 1},
        new int[] {0, 1, 2}));
    rejects("source 2 out of range", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, ab, start, new int[] {0, 2, 1}, new int[] {0, 1, 2}));
    rejects("source -1 out of range", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, ab, start, new int[] {-1, 1, 1}, new int[] {0, 1, 2}));
    rejects("candidate 2 not of question 0", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, ab, start, new int[] {0, 1, 1}, new int[] {0, 2, 2}));
    rejects("candidate 1 not of question 1", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, ab, start, new int[] {0, 1, 1}, new int[] {0, 1, 1}));
    rejects("claim 1 out of (source, candidate) order", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, ab, start, new int[] {1, 0, 1}, new int[] {0, 1, 2}));
    rejects("claim 1 out of (source, candidate) order", () -> ClaimIndex.ofCanonicalArrays(s, q,
        ValueType.CATEGORICAL, ab, start, new int[] {0, 0, 1}, new int[] {1, 0, 2}));
    // Equal (source, candidate) pairs are in order: a source may repeat a claim.
    assertEquals(3, ClaimIndex.ofCanonicalArrays(s, q, ValueType.CATEGORICAL, ab, start,
        new int[] {0, 0, 1}, new int[] {0, 0, 2}).claimCount());
  }

  @Test
  void theBuilderRefusesWhatItCannotIndex() {
    rejects("source id must not be empty", () -> ClaimIndex.builder().add("", "q", "x"));
    rejects("question id must not be empty", () -> ClaimIndex.builder().add("s", "", "x"));
    rejects("question 'n' is QUANTITY, cannot redeclare it as BOOLEAN",
        () -> ClaimIndex.builder().question("n", ValueType.QUANTITY)
            .question("n", ValueType.BOOLEAN));
    rejects("value '16' is QUANTITY but question 'q' is CATEGORICAL",
        () -> ClaimIndex.builder().add("s", "q", "x")
            .add("s", "q", io.github.rashomon.model.Quantity.exactly(16)));
    rejects("claim weight must be finite and >= 0, got -1.0",
        () -> ClaimIndex.builder().addClaim("s", "q", Category.of("x"), -1, false, null));
    rejects("got NaN",
        () -> ClaimIndex.builder().addClaim("s", "q", Category.of("x"), Double.NaN, false, null));
    rejects("got Infinity", () -> ClaimIndex.builder()
        .addClaim("s", "q", Category.of("x"), Double.POSITIVE_INFINITY, false, null));
    rejects("'1e999' is not a finite number",
        () -> ClaimIndex.builder().question("n", ValueType.QUANTITY).add("s", "n", "1e999"));
    assertThrows(NullPointerException.class, () -> ClaimIndex.builder().add(null, "q", "x"));
    assertThrows(NullPointerException.class, () -> ClaimIndex.builder().add("s", null, "x"));
    assertThrows(NullPointerException.class,
        () -> ClaimIndex.builder().add("s", "q", (String) null));
    assertThrows(NullPointerException.class,
        () -> ClaimIndex.builder().question("q", null));
    ClaimIndex.Builder b = ClaimIndex.builder().add("s", "q", "x");
    b.build();
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalStateException.class, () -> b.add("s", "q", "y"));
    // Weight zero is a weight (the claim counts for nothing), and the builder grows past 16.
    ClaimIndex.Builder many = ClaimIndex.builder().addClaim("s", "q", Category.of("x"), 0, false,
        null);
    for (int i = 0; i < 40; i++) {
      many.add("s" + i, "q" + (i % 3), "v" + (i % 4));
    }
    ClaimIndex ix = many.build();
    assertEquals(41, ix.claimCount());
    assertEquals(0.0, ix.weight(0));
    assertEquals(41, ix.sourceCount());
    assertTrue(ix.origin().isEmpty());
  }
}
