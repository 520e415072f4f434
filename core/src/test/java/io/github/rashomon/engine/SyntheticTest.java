package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Value;
import org.junit.jupiter.api.Test;

class SyntheticTest {

  private static final Synthetic SMALL =
      Synthetic.withDefaults().withSeed(42).withQuestions(3_000).withSources(40).withClasses(3)
          .withClaimsPerQuestion(4).withCopiers(5, 0.9);

  @Test
  void sameSeedSameClaimsWhateverTheThreads() {
    ClaimIndex one = SMALL.withThreads(1).generate().index();
    ClaimIndex eight = SMALL.withThreads(8).generate().index();
    assertArrayEquals(one.claimSource, eight.claimSource);
    assertArrayEquals(one.claimCand, eight.claimCand);
    ClaimIndex other = SMALL.withSeed(43).generate().index();
    assertTrue(!java.util.Arrays.equals(one.claimCand, other.claimCand));
  }

  @Test
  void indexIsTheOneTheBuilderCompiles() {
    // Many claims per question relative to sources exercises selection sampling too.
    for (Synthetic g : new Synthetic[] {SMALL, SMALL.withSources(6).withClaimsPerQuestion(5)}) {
      ClaimIndex generated = g.generate().index();
      ClaimIndex.Builder b = ClaimIndex.builder();
      for (int s = 0; s < generated.sourceCount(); s++) {
        b.source(generated.sourceId(s));
      }
      // Feed the claims in reverse question order: the builder must sort them back.
      for (int q = generated.questionCount() - 1; q >= 0; q--) {
        for (Value v : generated.candidates(q)) {
          b.candidate(generated.questionId(q), v);
        }
        for (int i = generated.questionClaimStart[q]; i < generated.questionClaimStart[q + 1];
            i++) {
          b.add(
              generated.sourceId(generated.claimSource[i]),
              generated.questionId(q),
              generated.candValue[generated.claimCand[i]].canonical());
        }
      }
      ClaimIndex built = b.build();
      assertEquals(generated.questionCount(), built.questionCount());
      for (int q = 0; q < built.questionCount(); q++) {
        assertEquals(built.questionId(q), generated.questionId(q));
        assertEquals(q, generated.questionNumber(generated.questionId(q)));
      }
      for (int s = 0; s < built.sourceCount(); s++) {
        assertEquals(built.sourceId(s), generated.sourceId(s));
        assertEquals(s, generated.sourceNumber(generated.sourceId(s)));
      }
      assertArrayEquals(built.questionClaimStart, generated.questionClaimStart);
      assertArrayEquals(built.questionCandStart, generated.questionCandStart);
      assertArrayEquals(built.claimSource, generated.claimSource);
      assertArrayEquals(built.claimCand, generated.claimCand);
      assertArrayEquals(built.candQuestion(), generated.candQuestion());
      for (int c = 0; c < built.candidateCount(); c++) {
        assertEquals(built.candValue[c], generated.candValue[c]);
      }
    }
  }

  @Test
  void claimsFollowTheAccuracies() {
    Synthetic.Data data =
        Synthetic.withDefaults().withSeed(3).withQuestions(20_000).withSources(10)
            .withAccuracy(0.5, 0.9).generate();
    ClaimIndex ix = data.index();
    int[] right = new int[ix.sourceCount()];
    int[] total = new int[ix.sourceCount()];
    for (int q = 0; q < ix.questionCount(); q++) {
      for (int i = ix.questionClaimStart[q]; i < ix.questionClaimStart[q + 1]; i++) {
        int s = ix.claimSource[i];
        total[s]++;
        if (ix.claimCand[i] - ix.questionCandStart[q] == data.trueClass(q)) {
          right[s]++;
        }
      }
    }
    for (int s = 0; s < ix.sourceCount(); s++) {
      // 10,000 claims per source: the observed rate is within 0.03 of the accuracy (> 6 sigma).
      assertEquals(data.accuracy(s), (double) right[s] / total[s], 0.03, "source " + s);
    }
    double mv = data.accuracyOf(MajorityVote.withDefaults().reconcile(ix));
    assertTrue(mv > 0.75 && mv < 1, "majority vote accuracy " + mv);
  }

  @Test
  void copiersRepeatTheirOriginals() {
    Synthetic.Data data =
        Synthetic.withDefaults().withSeed(5).withQuestions(20_000).withSources(4)
            .withClaimsPerQuestion(4).withAccuracy(0.6, 0.6).withCopiers(1, 1.0).generate();
    ClaimIndex ix = data.index();
    int copier = -1;
    for (int s = 0; s < ix.sourceCount(); s++) {
      if (data.original(s).isPresent()) {
        copier = s;
      }
    }
    int original = data.original(copier).orElseThrow();
    for (int q = 0; q < ix.questionCount(); q++) {
      int base = ix.questionClaimStart[q];
      // Every source claims every question, so claim s of the question is source s's.
      assertEquals(ix.claimCand[base + original], ix.claimCand[base + copier]);
    }
  }

  @Test
  void rejectsBadSettingsNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> Synthetic.withDefaults().withClasses(1));
    assertTrue(e.getMessage().contains("classes") && e.getMessage().contains("1"));
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> Synthetic.withDefaults().withSources(3).withClaimsPerQuestion(5).generate());
    assertTrue(s.getMessage().contains("sources") && s.getMessage().contains("claimsPerQuestion"));
    assertThrows(IllegalArgumentException.class,
        () -> Synthetic.withDefaults().withAccuracy(0.9, 0.8));
    assertThrows(IllegalStateException.class,
        () -> Synthetic.withDefaults().withCopiers(100, 0.5).generate());
    assertThrows(IllegalArgumentException.class,
        () -> Synthetic.withDefaults().withCopiers(1, 1.5));
    assertThrows(IllegalArgumentException.class,
        () -> Synthetic.withDefaults().withThreads(-1));
  }
}
