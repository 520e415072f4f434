package io.github.rashomon.engine;

import static io.github.rashomon.engine.EmTestSupport.checkWellFormed;
import static io.github.rashomon.engine.EmTestSupport.fingerprint;
import static io.github.rashomon.engine.EmTestSupport.index;
import static io.github.rashomon.engine.EmTestSupport.shuffled;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.engine.EmTestSupport.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random crowds: well-formed output, invariance under input order, zero weights. */
class EmPropertiesTest {

  static Stream<Arguments> cases() {
    return LongStream.range(0, 12)
        .boxed()
        .flatMap(
            seed ->
                Stream.of(
                    Arguments.of(seed, DawidSkene.withDefaults()),
                    Arguments.of(seed, DawidSkene.withDefaults().withSmoothing(0.1)),
                    Arguments.of(seed, Glad.withDefaults())));
  }

  private static List<Answer> randomCrowd(long seed) {
    Random rnd = new Random(seed);
    int workers = 1 + rnd.nextInt(6);
    int questions = 1 + rnd.nextInt(15);
    int labels = 1 + rnd.nextInt(4);
    List<Answer> out = new ArrayList<>();
    for (int q = 0; q < questions; q++) {
      for (int w = 0; w < workers; w++) {
        if (rnd.nextDouble() < 0.7 || w == 0) {
          out.add(new Answer("w" + w, "q" + q, "l" + rnd.nextInt(labels)));
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void wellFormedAndOrderInvariant(long seed, Reconciler algorithm) {
    List<Answer> answers = randomCrowd(seed);
    Reconciliation r = algorithm.reconcile(index(answers));
    checkWellFormed(r);
    assertEquals(
        fingerprint(r), fingerprint(algorithm.reconcile(index(shuffled(answers, seed + 1)))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void zeroAndFractionalWeightsStayWellFormed(long seed, Reconciler algorithm) {
    ClaimIndex ix = index(randomCrowd(seed));
    Random rnd = new Random(seed);
    double[] w = new double[ix.claimCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(3) * 0.5;
    }
    checkWellFormed(algorithm.reconcile(ix.withClaimWeights(w)));
  }
}
