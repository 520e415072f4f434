package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OfInternedTest {

  @Test
  void compilesTheIndexTheBuilderWouldFromTheSameClaims() {
    SplittableRandom random = new SplittableRandom(4);
    // Ids that share long prefixes, differ past eight chars, or use chars from U+0100 on, so
    // that every path of the id sort is taken.
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pool.add(
          i % 3 == 0 ? "task-" + i : i % 3 == 1 ? "worker-0000" + (i * 7919 % 1000) : "é" + i);
    }
    List<String> texts = List.of("b", "a", "c", "a b");
    for (ValueType type : List.of(ValueType.CATEGORICAL, ValueType.QUANTITY)) {
      // Two texts of one quantity ("16" and "16.0"): one candidate.
      List<String> values = type == ValueType.QUANTITY ? List.of("16", "3..5", "16.0", ">2")
          : texts;
      int n = 2_000;
      ClaimIndex.Builder b = ClaimIndex.builder();
      Map<String, Integer> sources = new LinkedHashMap<>();
      Map<String, Integer> questions = new LinkedHashMap<>();
      List<Value> parsed = new ArrayList<>();
      for (String v : values) {
        parsed.add(Value.parse(type, v));
      }
      int[] src = new int[n];
      int[] qst = new int[n];
      int[] val = new int[n];
      for (int i = 0; i < n; i++) {
        String s = pool.get(random.nextInt(pool.size()));
        String q = pool.get(random.nextInt(60));
        int v = random.nextInt(values.size());
        b.question(q, type);
        b.add(s, q, values.get(v));
        src[i] = sources.computeIfAbsent(s, k -> sources.size());
        qst[i] = questions.computeIfAbsent(q, k -> questions.size());
        val[i] = v;
      }
      ClaimIndex built = b.build();
      ClaimIndex interned = ClaimIndex.ofInterned(new ArrayList<>(sources.keySet()),
          new ArrayList<>(questions.keySet()), type, parsed, src, qst, val, n);
      assertSameIndex(built, interned);
    }
  }

  @Test
  void refusesRepeatedOrEmptyIdsAndValuesOfAnotherType() {
    List<Value> values = List.of(Category.of("x"));
    int[] zero = {0};
    assertThrows(IllegalArgumentException.class,
        () -> ClaimIndex.ofInterned(List.of("s", "s"), List.of("q"), ValueType.CATEGORICAL,
            values, zero, zero, zero, 1));
    assertThrows(IllegalArgumentException.class,
        () -> ClaimIndex.ofInterned(List.of(""), List.of("q"), ValueType.CATEGORICAL, values,
            zero, zero, zero, 1));
    assertThrows(IllegalArgumentException.class,
        () -> ClaimIndex.ofInterned(List.of("s"), List.of("q"), ValueType.QUANTITY, values,
            zero, zero, zero, 1));
    assertThrows(IllegalArgumentException.class,
        () -> ClaimIndex.ofInterned(List.of("s"), List.of("q"), ValueType.CATEGORICAL, values,
            new int[] {1}, zero, zero, 1));
  }

  private static void assertSameIndex(ClaimIndex a, ClaimIndex b) {
    assertEquals(a.sourceCount(), b.sourceCount());
    assertEquals(a.questionCount(), b.questionCount());
    for (int s = 0; s < a.sourceCount(); s++) {
      assertEquals(a.sourceId(s), b.sourceId(s));
    }
    for (int q = 0; q < a.questionCount(); q++) {
      assertEquals(a.questionId(q), b.questionId(q));
      assertEquals(a.candidates(q), b.candidates(q));
      assertEquals(a.questionType(q), b.questionType(q));
    }
    assertArrayEquals(a.questionClaimStart, b.questionClaimStart);
    assertArrayEquals(a.questionCandStart, b.questionCandStart);
    assertArrayEquals(a.claimSource, b.claimSource);
    assertArrayEquals(a.claimCand, b.claimCand);
    assertArrayEquals(a.candFirstSeen(), b.candFirstSeen());
    assertTrue(b.claimWeight == null && b.claimDenies == null);
  }
}
