package io.github.rashomon.engine;

import static io.github.rashomon.engine.ReconcilerContractTest.assertWellFormed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extreme inputs through every algorithm: credibility 0 and 1, perfectly adversarial sources,
 * sources that all disagree, a hundred classes, numbers near the ends of the double range. Each
 * test says what a sensible answer is; none may throw or produce NaN or infinity (checked by
 * {@link ReconcilerContractTest#assertWellFormed}).
 */
class NumericalRobustnessTest {

  static Stream<Named<Reconciler>> algorithms() {
    return ReconcilerContractTest.algorithms();
  }

  private static Claim claim(String source, String question, Value v) {
    return Claim.builder().source(source).question(question).value(v).build();
  }

  private static Source source(String id, Credibility prior) {
    return Source.builder().id(id).prior(prior).build();
  }

  // ---------------------------------------------------------------------------------------------
  // Extreme priors

  private static final Credibility BELIEF_ONE = Credibility.dogmatic(1);
  private static final Credibility DISBELIEF_ONE = Credibility.dogmatic(0);
  private static final Credibility A1 = AdmiraltyGrade.parse("A1").credibility();
  private static final Credibility F6 = AdmiraltyGrade.parse("F6").credibility();

  /**
   * Sources at the extremes of credibility (belief 1, disbelief 1, Admiralty A1 and F6, vacuous)
   * disagreeing on questions of every kind, and agreeing on one.
   */
  private static Case extremePriors() {
    Case.Builder b =
        Case.builder()
            .addSources(
                source("believed", BELIEF_ONE), source("disbelieved", DISBELIEF_ONE),
                source("a1", A1), source("f6", F6), source("f6b", F6),
                source("vacuous", Credibility.vacuous()))
            .addQuestions(
                Question.of("cat", "cat", ValueDomain.categorical("x", "y", "z")),
                Question.of("bool", "bool", ValueDomain.bool()),
                Question.of("n", "n", ValueDomain.quantity()),
                Question.of("agreed", "agreed", ValueDomain.openCategorical()),
                Question.of("admiralty", "admiralty", ValueDomain.openCategorical()),
                Question.of("zero", "zero", ValueDomain.openCategorical()));
    b.addClaims(
        claim("believed", "cat", Category.of("x")), claim("disbelieved", "cat", Category.of("y")),
        claim("f6", "cat", Category.of("y")), claim("vacuous", "cat", Category.of("z")),
        claim("believed", "bool", Truth.TRUE), claim("disbelieved", "bool", Truth.FALSE),
        claim("believed", "n", Quantity.exactly(10)),
        claim("disbelieved", "n", Quantity.exactly(1000)),
        claim("a1", "admiralty", Category.of("a")), claim("f6", "admiralty", Category.of("b")),
        claim("f6b", "admiralty", Category.of("b")),
        claim("disbelieved", "zero", Category.of("p")));
    for (String s : List.of("believed", "disbelieved", "a1", "f6", "vacuous")) {
      b.addClaims(claim(s, "agreed", Category.of("it")));
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void extremePriorsGiveWellFormedResults(Reconciler algorithm) {
    Reconciliation r = algorithm.reconcile(extremePriors());
    assertWellFormed(r);
    // Unanimity is accepted whatever the priors of the sources.
    Verdict agreed = r.verdict("agreed");
    assertEquals(Category.of("it"), agreed.value().orElseThrow());
    assertEquals(VerdictStatus.ACCEPTED, agreed.status());
    // A lone claim by a source of credibility 0 still names the only candidate.
    assertEquals(Category.of("p"), r.verdict("zero").value().orElseThrow());
  }

  @Test
  void weightedVoteAndMeanFollowCredibilityToItsEnds() {
    Reconciliation wv = WeightedVote.withDefaults().reconcile(extremePriors());
    // x: 1; y: 0 + p(F6); z: 0.5 (the vacuous source's projected probability).
    assertEquals(Category.of("x"), wv.verdict("cat").value().orElseThrow());
    assertEquals(1 / (1.5 + F6.probability()), wv.verdict("cat").confidence(), 1e-12);
    // Belief 1 against disbelief 1: certainty, accepted.
    assertEquals(Truth.TRUE, wv.verdict("bool").value().orElseThrow());
    assertEquals(1.0, wv.verdict("bool").confidence(), 1e-12);
    assertEquals(VerdictStatus.ACCEPTED, wv.verdict("bool").status());
    // A1 against two F6: each counts with its projected probability.
    double a = A1.probability();
    double f = F6.probability();
    Verdict admiralty = wv.verdict("admiralty");
    assertEquals(a > 2 * f ? Category.of("a") : Category.of("b"), admiralty.value().orElseThrow());
    assertEquals(Math.max(a, 2 * f) / (a + 2 * f), admiralty.confidence(), 1e-12);
    // The credibility-weighted mean of 10 (weight 1) and 1000 (weight 0) is 10, exactly.
    Reconciliation wm = WeightedMean.withDefaults().reconcile(extremePriors());
    assertEquals(Quantity.exactly(10), wm.verdict("n").value().orElseThrow());
    assertEquals(VerdictStatus.ACCEPTED, wm.verdict("n").status());
  }

  @Test
  void withCredibilityZeroEverywhereWeightedVoteFallsBackToTheVote() {
    // Zero weight for every source says nothing about whom to believe; the vote shares decide
    // (Votes.normalise), so the verdicts are majority vote's.
    Case c = ReconcilerContractTest.randomCase(3, 6, 12, 4);
    Case.Builder b = Case.builder();
    for (Source s : c.sources()) {
      b.addSources(source(s.id(), DISBELIEF_ONE));
    }
    Case zero = b.addAllQuestions(c.questions()).addAllClaims(c.claims()).build();
    Reconciliation wv = WeightedVote.withDefaults().reconcile(zero);
    Reconciliation mv = MajorityVote.withDefaults().reconcile(zero);
    assertWellFormed(wv);
    for (int q = 0; q < wv.questionCount(); q++) {
      assertEquals(mv.leadingValue(q), wv.leadingValue(q));
      assertEquals(mv.status(q), wv.status(q));
      assertEquals(mv.confidence(q), wv.confidence(q), 1e-12);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Adversarial sources

  /**
   * Thirty yes/no questions with alternating truth: {@code honest} sources always right, {@code
   * liars} sources always wrong.
   */
  static Case liars(int honest, int liars) {
    Case.Builder b = Case.builder();
    for (int s = 0; s < honest; s++) {
      b.addSources(Source.of("honest" + s));
    }
    for (int s = 0; s < liars; s++) {
      b.addSources(Source.of("liar" + s));
    }
    for (int q = 0; q < 30; q++) {
      String id = String.format(java.util.Locale.ROOT, "q%02d", q);
      b.addQuestions(Question.of(id, id, ValueDomain.bool()));
      for (int s = 0; s < honest; s++) {
        b.addClaims(claim("honest" + s, id, Truth.of(q % 2 == 0)));
      }
      for (int s = 0; s < liars; s++) {
        b.addClaims(claim("liar" + s, id, Truth.of(q % 2 != 0)));
      }
    }
    return b.build();
  }

  /**
   * What every algorithm must do when the truth is on one side: never accept a falsehood, and
   * never rank one above the truth (up to rounding). Accepting the truth is not required:
   * TruthFinder's normalised confidences keep every rival at s ≥ 1/2, so its margins stay below
   * the contested threshold here, and PooledInvestment ties (below).
   */
  private static void assertTruthNeverLoses(Reconciliation r, Verdict v, Value truth) {
    assertTrue(v.status() != VerdictStatus.UNDETERMINED, v.question());
    if (v.status() == VerdictStatus.ACCEPTED) {
      assertEquals(truth, v.value().orElseThrow(), v.question() + ": a falsehood accepted");
    }
    double top = v.candidates().get(0).probability();
    double ofTruth =
        v.candidates().stream().filter(c -> c.value().equals(truth)).findFirst().orElseThrow()
            .probability();
    assertEquals(top, ofTruth, 1e-9, v.question() + ": the truth ranked below " + v.value());
  }

  /**
   * Algorithms that do not rank three honest sources above two perfect liars. PooledInvestment
   * (Pasternack & Roth): sources earn back a share of a claim's belief in proportion to their
   * stake, so the smaller group of liars earns more per claim; from the second iteration their
   * trust (1 against 2/3) exactly offsets the honest majority and every question ties, which
   * the verdicts report as contested. Plain DEPEN fixes every source's accuracy at 1 - ε.
   */
  static final java.util.Set<String> NO_TRUST_ORDER = java.util.Set.of("pooled-investment");

  @ParameterizedTest
  @MethodSource("algorithms")
  void aMinorityOfPerfectLiarsNeverWins(Reconciler algorithm) {
    Reconciliation r = algorithm.reconcile(liars(3, 2));
    assertWellFormed(r);
    for (int q = 0; q < 30; q++) {
      assertTruthNeverLoses(r, r.verdict(q), Truth.of(q % 2 == 0));
    }
    boolean fixedTrust = algorithm.equals(Depen.withDefaults().withAccuracyAware(false));
    if (NO_TRUST_ORDER.contains(algorithm.name()) || fixedTrust) {
      return;
    }
    for (int h = 0; h < 3; h++) {
      for (int l = 0; l < 2; l++) {
        assertTrue(
            r.assessment("honest" + h).trust() > r.assessment("liar" + l).trust(),
            "honest" + h + " vs liar" + l);
      }
    }
    // Everyone but the cautious TruthFinder accepts the truth: a three-to-two vote is 60/40.
    if (!algorithm.name().equals("truthfinder")) {
      for (int q = 0; q < 30; q++) {
        assertEquals(VerdictStatus.ACCEPTED, r.verdict(q).status(), r.verdict(q).question());
      }
    }
  }

  @Test
  void pooledInvestmentTiesThreeHonestSourcesWithTwoPerfectLiars() {
    Reconciliation r = PooledInvestment.withDefaults().reconcile(liars(3, 2));
    for (int q = 0; q < 30; q++) {
      Verdict v = r.verdict(q);
      assertEquals(0.5, v.confidence(), 1e-12, v.question());
      assertEquals(VerdictStatus.CONTESTED, v.status(), v.question());
    }
    assertEquals(1.0, r.assessment("liar0").trust(), 1e-12);
    assertEquals(2.0 / 3, r.assessment("honest0").trust(), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aMajorityOfLiarsWhoDisagreeAmongThemselvesNeverWins(Reconciler algorithm) {
    // Three sources always wrong, each in its own way (four options), against two that always
    // tell the truth: the truth has two votes, every falsehood one.
    Case.Builder b = Case.builder();
    for (String s : List.of("h0", "h1", "l0", "l1", "l2")) {
      b.addSources(Source.of(s));
    }
    String[] options = {"a", "b", "c", "d"};
    for (int q = 0; q < 24; q++) {
      String id = "q" + q;
      int truth = q % 4;
      b.addQuestions(Question.of(id, id, ValueDomain.categorical(options)));
      b.addClaims(claim("h0", id, Category.of(options[truth])),
          claim("h1", id, Category.of(options[truth])));
      for (int l = 0; l < 3; l++) {
        b.addClaims(claim("l" + l, id, Category.of(options[(truth + 1 + l) % 4])));
      }
    }
    Reconciliation r = algorithm.reconcile(b.build());
    assertWellFormed(r);
    for (int q = 0; q < 24; q++) {
      Verdict v = r.verdict("q" + q);
      assertTruthNeverLoses(r, v, Category.of(options[q % 4]));
      if (!NO_TRUST_ORDER.contains(algorithm.name())) {
        assertTrue(v.candidates().get(0).probability() > v.candidates().get(1).probability(),
            v.question() + ": the truth does not lead");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aPerfectLiarMajorityIsAtLeastWellFormed(Reconciler algorithm) {
    // Three consistent liars against two honest sources cannot be told apart from the reverse
    // without the truth: every algorithm here is unsupervised and follows the consistent
    // majority. Sensible: well-formed, the same answer on every question of the same truth.
    Reconciliation r = algorithm.reconcile(liars(2, 3));
    assertWellFormed(r);
    for (int q = 2; q < 30; q++) {
      assertEquals(r.verdict(q - 2).value(), r.verdict(q).value(), r.verdict(q).question());
      assertEquals(r.verdict(q - 2).status(), r.verdict(q).status(), r.verdict(q).question());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sources that all disagree

  /**
   * A Latin square: k sources and 5k questions of k options; source s answers option (s + q)
   * mod k on question q, so every option of every question is claimed once and every source is
   * in the same position as every other.
   */
  private static Case allDisagree(int k) {
    Case.Builder b = Case.builder();
    String[] options = new String[k];
    for (int i = 0; i < k; i++) {
      options[i] = "o" + i;
      b.addSources(Source.of("s" + i));
    }
    for (int q = 0; q < 5 * k; q++) {
      b.addQuestions(Question.of("q" + q, "q" + q, ValueDomain.categorical(options)));
      for (int s = 0; s < k; s++) {
        b.addClaims(claim("s" + s, "q" + q, Category.of(options[(s + q) % k])));
      }
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void sourcesThatAllDisagreeLeaveEveryQuestionContested(Reconciler algorithm) {
    // Sensible: nothing to prefer one claim over another, so every option keeps 1/k and every
    // verdict is contested; none is accepted, with high confidence or at all.
    for (int k : new int[] {2, 5}) {
      Reconciliation r = algorithm.reconcile(allDisagree(k));
      assertWellFormed(r);
      for (Verdict v : r.verdicts()) {
        assertEquals(VerdictStatus.CONTESTED, v.status(), k + " " + v.question());
        for (CandidateScore c : v.candidates()) {
          assertEquals(1.0 / k, c.probability(), 1e-9, k + " " + v.question());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void sourcesThatAllGiveDifferentNumbersGiveNoMajority(Reconciler algorithm) {
    // Five sources say 10, 20, 30, 40 and 50 in turn on five questions. Algorithms that read
    // numbers as labels leave each 1/5 (contested). The numeric estimators (median, mean, CRH)
    // put their estimate at the middle, 30, whose kernel share is the largest but no majority:
    // sensible here is that no value gets more than half the probability.
    Case.Builder b = Case.builder();
    for (int s = 0; s < 5; s++) {
      b.addSources(Source.of("s" + s));
    }
    for (int q = 0; q < 5; q++) {
      b.addQuestions(Question.of("q" + q, "q" + q, ValueDomain.quantity()));
      for (int s = 0; s < 5; s++) {
        b.addClaims(claim("s" + s, "q" + q, Quantity.exactly(10 * (1 + (s + q) % 5))));
      }
    }
    Reconciliation r = algorithm.reconcile(b.build());
    assertWellFormed(r);
    for (Verdict v : r.verdicts()) {
      assertTrue(v.confidence() < 0.5, () -> v.question() + ": " + v.confidence());
      if (r.estimate().pointEstimate == null) {
        assertEquals(VerdictStatus.CONTESTED, v.status(), v.question());
      } else {
        assertEquals(Quantity.exactly(30), v.value().orElseThrow(), v.question());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // A hundred classes

  /**
   * Algorithms that need far more data than {@link #aHundredClasses} gives to separate 100
   * classes, and show it only by being wrong. Dawid–Skene estimates 10⁴ confusion cells per
   * source from a dozen or two answers: each row is fitted to one or two questions and explains
   * any label there perfectly, so the posteriors follow the label prior (with twice these
   * questions, the five-of-seven majority led on 25 of 60 clear questions, and 45 of the 60
   * scattered ones were accepted, up to certainty); smoothing makes every answer uninformative
   * instead. Sums, AverageLog, Investment and PooledInvestment concentrate trust on a few sources
   * (the principal eigenvector, the amplified returns), which then decide questions alone.
   * 2-Estimates reads each answer as one vote for its class and 99 against the others, and after
   * its rounding normalisation loses the majority on a few clear questions.
   */
  static final java.util.Set<String> MANY_CLASSES_UNRELIABLE =
      java.util.Set.of("dawid-skene", "sums", "average-log", "investment", "pooled-investment",
          "two-estimates");

  @ParameterizedTest
  @MethodSource("algorithms")
  void aHundredClasses(Reconciler algorithm) {
    // Sixty questions of 100 classes answered by 7 of 30 sources: on the clear ones five agree
    // and two name other classes, on the scattered ones all seven differ; sources take turns on
    // either side. Sensible: the clear majority leads; an answer given by one of seven sources
    // is never accepted with the confidence of a 60/40 majority. Accepting the clear majority is not
    // required: TruthFinder keeps each of the 98 unclaimed classes at confidence 1/2, so no
    // candidate reaches a large share, and the 2-Estimates normalisation likewise.
    Random random = new Random(100);
    String[] classes = new String[100];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = String.format(java.util.Locale.ROOT, "c%02d", i);
    }
    Case.Builder b = Case.builder();
    for (int s = 0; s < 30; s++) {
      b.addSources(Source.of("s" + s));
    }
    for (int q = 0; q < 60; q++) {
      b.addQuestions(Question.of("q" + q, "q" + q, ValueDomain.categorical(classes)));
      int first = random.nextInt(30);
      int truth = random.nextInt(100);
      for (int k = 0; k < 7; k++) {
        // Seven sources in a row, seven classes in a row: distinct sources, distinct classes.
        int v = q % 2 == 0 && k < 5 ? truth : (truth + k) % 100;
        b.addClaims(claim("s" + (first + k) % 30, "q" + q, Category.of(classes[v])));
      }
    }
    Reconciliation r = algorithm.reconcile(b.build());
    assertWellFormed(r);
    for (int q = 0; q < 60; q++) {
      Verdict v = r.verdict("q" + q);
      assertEquals(100, v.candidates().size());
      assertEquals(7, v.candidates().stream().mapToInt(CandidateScore::claims).sum());
    }
    if (MANY_CLASSES_UNRELIABLE.contains(algorithm.name())) {
      return;
    }
    for (int q = 0; q < 60; q++) {
      Verdict v = r.verdict("q" + q);
      if (q % 2 == 0) {
        assertEquals(5, v.candidates().get(0).claims(), v.question() + ": " + v.value());
      } else {
        assertTrue(v.status() != VerdictStatus.ACCEPTED || v.confidence() < 0.6,
            () -> v.question() + ": " + v.status() + " at " + v.confidence());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Huge and tiny numbers

  private static Case extremeNumbers() {
    Case.Builder b = Case.builder();
    for (String q : List.of("huge", "tiny", "zero", "max", "split", "ranges", "weighted")) {
      b.addQuestions(Question.of(q, q, ValueDomain.quantity()));
    }
    Quantity[] ranges = {
      Quantity.between(1e300, Double.MAX_VALUE), Quantity.about(1e300, 1e299),
      Quantity.atLeast(1e-300), Quantity.moreThan(1e308), Quantity.between(-Double.MAX_VALUE,
          Double.MAX_VALUE)
    };
    for (int s = 0; s < 5; s++) {
      String id = "s" + s;
      b.addSources(source(id, Credibility.dogmatic(new double[] {0.95, 0.5, 0.35, 0.8, 0.1}[s])));
      b.addClaims(
          claim(id, "huge", Quantity.exactly(1e300)),
          claim(id, "tiny", Quantity.exactly(1e-300)),
          // Negative zero is zero: one candidate, not two.
          claim(id, "zero", Quantity.exactly(s % 2 == 0 ? -0.0 : 0.0)),
          claim(id, "max", Quantity.exactly(s % 2 == 0 ? Double.MAX_VALUE : -Double.MAX_VALUE)),
          claim(id, "ranges", ranges[s]),
          Claim.builder().source(id).question("weighted").value(Quantity.exactly(100))
              .hedge(Hedge.values()[s % Hedge.values().length]).build());
      if (s < 4) {
        b.addClaims(claim(id, "split", Quantity.exactly(s % 2 == 0 ? 1e300 : -1e300)));
      }
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void hugeAndTinyNumbers(Reconciler algorithm) {
    Reconciliation r = algorithm.reconcile(extremeNumbers());
    // Sensible: no NaN or infinity anywhere (a range up to Double.MAX_VALUE has a finite
    // midpoint), and unanimous numbers, however large, small, signed or differently weighted,
    // are accepted as they were stated, with certainty.
    assertWellFormed(r);
    Map<String, Double> unanimous = Map.of("huge", 1e300, "tiny", 1e-300, "zero", 0.0,
        "weighted", 100.0);
    for (Map.Entry<String, Double> e : unanimous.entrySet()) {
      Verdict v = r.verdict(e.getKey());
      assertEquals(Quantity.exactly(e.getValue()), v.value().orElseThrow(), e.getKey());
      assertEquals(1, v.candidates().size(), e.getKey());
      assertEquals(1.0, v.confidence(), 1e-12, e.getKey());
      assertEquals(VerdictStatus.ACCEPTED, v.status(), e.getKey());
    }
    // Two against two at opposite ends: the candidates stay apart and no estimate overflows.
    Verdict split = r.verdict("split");
    assertEquals(2, split.candidates().size());
    int q = r.index().questionNumber("split");
    if (r.estimate().pointEstimate != null && r.estimate().pointEstimate[q] != null) {
      double x = ((Quantity) split.value().orElseThrow()).representative();
      assertTrue(x >= -1e300 && x <= 1e300, "estimate " + x);
    }
    for (CandidateScore c : r.verdict("ranges").candidates()) {
      assertTrue(Double.isFinite(((Quantity) c.value()).representative()), c.value().canonical());
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void unanimousNumbersWithUnequalCredibilityStayExact(Reconciler algorithm) {
    // Weights 0.95, 0.5 and 0.35 on 100: Σ w·100 / Σ w is 100.00000000000001 in doubles, which
    // no source said and which is compatible with no candidate (confidence 0, contested).
    Case.Builder b = Case.builder().addQuestions(Question.of("n", "n", ValueDomain.quantity()));
    List<Double> priors = new ArrayList<>(List.of(0.95, 0.5, 0.35));
    for (int s = 0; s < priors.size(); s++) {
      b.addSources(source("s" + s, Credibility.dogmatic(priors.get(s))));
      b.addClaims(claim("s" + s, "n", Quantity.exactly(100)));
    }
    Verdict v = algorithm.reconcile(b.build()).verdict("n");
    assertEquals(Quantity.exactly(100), v.value().orElseThrow());
    assertEquals(1.0, v.confidence(), 1e-12);
    assertEquals(VerdictStatus.ACCEPTED, v.status());
  }
}
