package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuTest {
  private static final double EPS = 1e-12;

  @Test
  void firstStepByHand() {
    // s1, s2 say a, s3 says b; every accuracy 0.8, n = 100 false values.
    // Each vote count is ln(100 * 0.8 / 0.2) = ln 400, so C(a) = 2 ln 400, C(b) = ln 400.
    // The domain has 101 values: a, b and 99 unclaimed ones with C = 0, so
    // P(a) = 400^2 / (400^2 + 400 + 99) and P(b) = 400 / (400^2 + 400 + 99).
    ClaimIndex index =
        ClaimIndex.builder().add("s1", "q", "a").add("s2", "q", "a").add("s3", "q", "b").build();
    Accu.Domains domains = Accu.Domains.of(index, 100);
    double[] accuracy = {0.8, 0.8, 0.8};
    double[] prob = new double[2];
    Accu.valueProbabilities(index, domains, accuracy, null, prob);
    double z = 400.0 * 400 + 400 + 99;
    assertEquals(160000 / z, prob[0], EPS);
    assertEquals(400 / z, prob[1], EPS);
    // A source's new accuracy is the mean probability of its values.
    double change = Accu.updateAccuracy(index, prob, accuracy);
    assertArrayEquals(new double[] {160000 / z, 160000 / z, 400 / z}, accuracy, EPS);
    assertEquals(0.8 - 400 / z, change, EPS);
  }

  @Test
  void booleanQuestionHasOneFalseValue() {
    // A boolean question's domain is {true, false}: n = 1, so a vote counts ln(A / (1 - A)).
    // Two sources at 0.8 for true, one for false: C(true) = 2 ln 4, C(false) = ln 4, and
    // P(true) = 16 / (16 + 4) = 0.8 with no unclaimed values.
    Case c =
        Case.builder()
            .addSources(Source.of("s1"), Source.of("s2"), Source.of("s3"))
            .addQuestions(Question.of("q", "q?", ValueDomain.bool()))
            .addClaims(claim("s1", "q", Truth.TRUE), claim("s2", "q", Truth.TRUE))
            .addClaims(claim("s3", "q", Truth.FALSE))
            .build();
    ClaimIndex index = ClaimIndex.of(c);
    double[] prob = new double[2];
    double[] accuracy = {.8, .8, .8};
    Accu.valueProbabilities(index, Accu.Domains.of(index, 100), accuracy, null, prob);
    // Candidates in canonical order: false, true.
    assertEquals(0.2, prob[0], EPS);
    assertEquals(0.8, prob[1], EPS);
  }

  @Test
  void closedCategoricalDomainIsItsOptions() {
    // Options x, y, z: n = 2 false values, so one vote at 0.8 counts ln(2 * 4) = ln 8 and
    // P(x) = 8 / (8 + 1 + 1) = 0.8.
    Case c =
        Case.builder()
            .addSources(Source.of("s1"))
            .addQuestions(Question.of("q", "q?", ValueDomain.categorical("x", "y", "z")))
            .addClaims(claim("s1", "q", Category.of("x")))
            .build();
    ClaimIndex index = ClaimIndex.of(c);
    double[] prob = new double[3];
    Accu.valueProbabilities(index, Accu.Domains.of(index, 100), new double[] {.8}, null, prob);
    assertArrayEquals(new double[] {0.8, 0.1, 0.1}, prob, EPS);
  }

  @Test
  void denialLowersTheDeniedValueOnly() {
    // s1 affirms a, s2 denies a, both at 0.8, n = 100: C(a) = ln 400 + ln(0.2 / 0.8) = ln 100.
    // a is the only candidate; the 100 unclaimed values keep C = 0: P(a) = 100 / 200.
    Case c =
        Case.builder()
            .addSources(Source.of("s1"), Source.of("s2"))
            .addQuestions(Question.of("q", "q?", ValueDomain.openCategorical()))
            .addClaims(claim("s1", "q", Category.of("a")))
            .addClaims(
                Claim.builder()
                    .source("s2")
                    .question("q")
                    .value(Category.of("a"))
                    .stance(Stance.DENIES)
                    .build())
            .build();
    ClaimIndex index = ClaimIndex.of(c);
    double[] prob = new double[1];
    double[] accuracy = {.8, .8};
    Accu.valueProbabilities(index, Accu.Domains.of(index, 100), accuracy, null, prob);
    assertEquals(0.5, prob[0], EPS);
    // The denial is right with probability 1 - P(a).
    Accu.updateAccuracy(index, prob, accuracy);
    assertArrayEquals(new double[] {0.5, 0.5}, accuracy, EPS);
  }

  @Test
  void accurateMinorityBeatsInaccurateMajority() {
    // On q1..q4, s1, s2 and s3 agree while s4 and s5 each give a value nobody else gives, so s4
    // and s5 end up with low accuracy. On q5, s1 says t and the two inaccurate sources say f:
    // majority vote takes f; Accu, whose vote counts grow with accuracy, takes t.
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int q = 1; q <= 4; q++) {
      b.add("s1", "q" + q, "a").add("s2", "q" + q, "a").add("s3", "q" + q, "a");
      b.add("s4", "q" + q, "x" + q).add("s5", "q" + q, "y" + q);
    }
    b.add("s1", "q5", "t").add("s4", "q5", "f").add("s5", "q5", "f");
    ClaimIndex index = b.build();
    Reconciliation accu = Accu.withDefaults().reconcile(index);
    Reconciliation majority = MajorityVote.withDefaults().reconcile(index);
    int q5 = index.questionNumber("q5");
    assertEquals("f", majority.leadingValue(q5).orElseThrow().canonical());
    assertEquals("t", accu.leadingValue(q5).orElseThrow().canonical());
    assertTrue(accu.provenance().converged());
    assertTrue(accu.trust(0) > 0.9, "s1 accurate");
    assertTrue(accu.trust(3) < 0.5, "s4 inaccurate");
    assertEquals(accu.trust(3), accu.trust(4), EPS);
  }

  @Test
  void accuraciesStayWithinTheBound() {
    // Unanimous sources drive every probability to 1; the accuracy stops at 1 - 1e-6, so every
    // vote count stays finite.
    ClaimIndex index =
        ClaimIndex.builder().add("s1", "q", "a").add("s2", "q", "a").add("s3", "q", "a").build();
    Estimate e = Accu.withDefaults().estimate(index);
    for (double t : e.trust) {
      assertTrue(t <= 1 - Accu.ACCURACY_BOUND && t > 0.99, "trust " + t);
    }
    for (double w : e.voteWeight) {
      assertTrue(Double.isFinite(w));
    }
    assertEquals(1.0, e.candProb[0], EPS);
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    Accu a = Accu.withDefaults().withFalseValues(10).withInitialAccuracy(0.7).withIterations(5);
    assertEquals("10", a.settings().get("falseValues"));
    assertEquals("0.7", a.settings().get("initialAccuracy"));
    assertEquals("5", a.settings().get("iterations"));
    assertEquals(
        a, Accu.withDefaults().withIterations(5).withInitialAccuracy(0.7).withFalseValues(10));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Accu.withDefaults().withFalseValues(0));
    assertEquals("accu: falseValues must be >= 1, got 0", bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Accu.withDefaults().withInitialAccuracy(1));
    assertThrows(IllegalArgumentException.class, () -> Accu.withDefaults().withTolerance(-1));
    assertEquals(Accu.withDefaults(), Reconcilers.byName("accu"));
  }

  /** D_Product (CrowdER product pairs): 8,315 binary tasks, 3 answers each, 176 workers. */
  @Test
  void productDataset() throws IOException {
    Path dir = DatasetDirs.require("zheng_d_jn-product");
    ClaimIndex.Builder b = ClaimIndex.builder();
    List<String> answers = Files.readAllLines(dir.resolve("answer.csv"), StandardCharsets.UTF_8);
    for (String line : answers.subList(1, answers.size())) {
      String[] f = line.split(",");
      b.add(f[1], f[0], f[2]);
    }
    ClaimIndex index = b.build();
    Map<String, String> truth = new HashMap<>();
    List<String> truths = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
    for (String line : truths.subList(1, truths.size())) {
      String[] f = line.split(",");
      truth.put(f[0], f[1]);
    }
    Reconciliation r = Accu.withDefaults().reconcile(index);
    double accuracy = accuracy(r, truth);
    MajorityVote firstSeen =
        MajorityVote.withDefaults().withTieBreak(MajorityVote.TieBreak.FIRST_SEEN);
    double majority = accuracy(firstSeen.reconcile(index), truth);
    System.out.printf(
        Locale.ROOT,
        "D_Product accuracy: accu %.4f (%d iterations, converged %s), majority-vote %.4f%n",
        accuracy, r.provenance().iterations(), r.provenance().converged(), majority);
    // Majority vote with first-seen ties: 0.8966 (dataset README, "Our MV").
    assertEquals(0.8966, majority, 5e-5);
    assertTrue(accuracy >= 0.8966 - 0.03, "accu accuracy " + accuracy);
  }

  private static double accuracy(Reconciliation r, Map<String, String> truth) {
    int right = 0;
    for (Map.Entry<String, String> t : truth.entrySet()) {
      int q = r.index().questionNumber(t.getKey());
      if (r.leadingValue(q).orElseThrow().canonical().equals(t.getValue())) {
        right++;
      }
    }
    return (double) right / truth.size();
  }

  private static Claim claim(String source, String question, io.github.rashomon.model.Value v) {
    return Claim.builder().source(source).question(question).value(v).build();
  }
}
