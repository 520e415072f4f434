package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Category;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OfLabelsTest {

  @Test
  void compilesTheIndexTheBuilderWould() {
    SplittableRandom random = new SplittableRandom(8);
    int sources = 30;
    int questions = 120;
    // Labels out of canonical order, so their numbers must be remapped.
    List<String> labels = List.of("yes", "no", "maybe");
    int n = 900;
    int[] src = new int[n];
    int[] qst = new int[n];
    int[] lab = new int[n];
    for (int i = 0; i < n; i++) {
      src[i] = random.nextInt(sources);
      qst[i] = random.nextInt(questions);
      lab[i] = random.nextInt(labels.size());
    }
    ClaimIndex fast = ClaimIndex.ofLabels(sources, questions, labels, src, qst, lab);
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int s = 0; s < sources; s++) {
      b.source(fast.sourceId(s));
    }
    for (int q = 0; q < questions; q++) {
      for (String l : labels) {
        b.candidate(fast.questionId(q), Category.of(l));
      }
    }
    for (int i = 0; i < n; i++) {
      b.add(fast.sourceId(src[i]), fast.questionId(qst[i]), labels.get(lab[i]));
    }
    ClaimIndex built = b.build();
    assertEquals(built.questionCount(), fast.questionCount());
    assertEquals(built.questionId(7), fast.questionId(7));
    assertArrayEquals(built.questionClaimStart, fast.questionClaimStart);
    assertArrayEquals(built.questionCandStart, fast.questionCandStart);
    assertArrayEquals(built.claimSource, fast.claimSource);
    assertArrayEquals(built.claimCand, fast.claimCand);
    assertEquals(built.candidates(5), fast.candidates(5));
    // Same index, same result, bit for bit.
    Reconciliation a = DawidSkene.withDefaults().reconcile(built);
    Reconciliation c = DawidSkene.withDefaults().reconcile(fast);
    for (int q = 0; q < questions; q++) {
      assertEquals(a.verdict(q), c.verdict(q));
    }
  }

  @Test
  void rejectsBadInputNamingIt() {
    int[] one = {0};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> ClaimIndex.ofLabels(1, 1, List.of("a"), new int[] {3}, one, new int[] {0}));
    assertTrue(e.getMessage().contains("source 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClaimIndex.ofLabels(1, 1, List.of("a", "a"), one, new int[] {0}, new int[] {0}));
    assertTrue(e.getMessage().contains("distinct"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ClaimIndex.ofLabels(1, 1, List.of("a"), one, new int[] {0, 0}, one));
  }
}
