package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import org.junit.jupiter.api.Test;

/**
 * Worked scenarios of the testimony model, each with its expected outcome derived by hand in the
 * comments. Majority vote is used throughout so that only the testimony model's weights differ.
 */
class TestimonyScenariosTest {
  private static final Reconciler VOTE = MajorityVote.withDefaults();

  private static Claim claim(String source, String question, io.github.rashomon.model.Value v) {
    return Claim.builder().source(source).question(question).value(v).build();
  }

  @Test
  void anEchoChamberIsOneLineOfEvidence() {
    // Ten outlets repeat one police statement; three witnesses saw for themselves.
    Case.Builder b =
        Case.builder()
            .addSources(Source.builder().id("police").kind(SourceKind.STATE_BODY).build())
            .addQuestions(
                Question.of("start", "How did it start?",
                    ValueDomain.categorical("police fired first", "self-defence")));
    for (int i = 0; i < 10; i++) {
      b.addSources(Source.of("outlet" + i));
      b.addClaims(Claim.builder().source("police").question("start")
          .value(Category.of("self-defence")).addVia("outlet" + i).build());
    }
    for (int i = 0; i < 3; i++) {
      b.addSources(Source.of("witness" + i));
      b.addClaims(claim("witness" + i, "start", Category.of("police fired first")));
    }
    Case c = b.build();

    // With the model: each relayed copy is discounted by its outlet (no prior: 0.5) and the ten
    // copies share the police's one weight (×1/10), so the police weigh 0.5 against 3 witnesses.
    Verdict v = VOTE.reconcile(ClaimIndex.of(c)).verdict("start");
    assertEquals(Category.of("police fired first"), v.value().orElseThrow());
    assertEquals(3.0 / 3.5, v.confidence(), 1e-12);
    assertEquals(3.0, v.corroboration().linesFor(), 1e-12);
    assertEquals(1.0, v.corroboration().linesAgainst(), 1e-12);
    assertEquals(1, v.corroboration().sourcesAgainst());

    // Counted naively, ten repetitions outvote three witnesses.
    Verdict naive = VOTE.reconcile(ClaimIndex.of(c, TestimonyModel.neutral())).verdict("start");
    assertEquals(Category.of("self-defence"), naive.value().orElseThrow());
  }

  @Test
  void aLoyalBlocCorroboratesLessThanIndependentCommissions() {
    Case.Builder b =
        Case.builder()
            .addQuestions(Question.of("cause", "What caused it?",
                ValueDomain.categorical("provocateurs", "police")));
    for (int i = 0; i < 4; i++) {
      b.addSources(Source.builder().id("loyal" + i).addAffiliations("government").build());
      b.addClaims(claim("loyal" + i, "cause", Category.of("provocateurs")));
    }
    for (int i = 0; i < 3; i++) {
      b.addSources(Source.builder().id("independent" + i).addAffiliations("independent" + i)
          .build());
      b.addClaims(claim("independent" + i, "cause", Category.of("police")));
    }
    Case c = b.build();
    // With ρ = 0.5, four loyal commissions count 4 / (1 + 3 × 0.5) = 1.6 lines; the three
    // independent ones (no shared bloc) count 3. Votes: police 3 against provocateurs 1.6.
    Verdict v = VOTE.reconcile(c).verdict("cause");
    assertEquals(Category.of("police"), v.value().orElseThrow());
    assertEquals(3.0 / 4.6, v.confidence(), 1e-12);
    assertEquals(3.0, v.corroboration().linesFor(), 1e-12);
    assertEquals(1.6, v.corroboration().linesAgainst(), 1e-12);
    assertEquals(ImmutableSortedSet.of("government"), v.corroboration().blocsAgainst());
    // A bloc speaking with one voice (ρ = 1) counts once.
    Verdict oneVoice =
        VOTE.reconcile(ClaimIndex.of(c, TestimonyModel.defaults().withBlocCorrelation(1)))
            .verdict("cause");
    assertEquals(1.0, oneVoice.corroboration().linesAgainst(), 1e-12);
    assertEquals(3.0 / 4.0, oneVoice.confidence(), 1e-12);
  }

  @Test
  void aStatementAgainstInterestOutweighsASelfServingOne() {
    Case c =
        Case.builder()
            .addSources(Source.of("minister"), Source.of("police-chief"))
            .addQuestions(Question.of("abuse", "Were detainees abused?", ValueDomain.bool()))
            .addClaims(
                Claim.builder().source("minister").question("abuse").value(Truth.TRUE)
                    .stake(Stake.AGAINST_INTEREST).build(),
                Claim.builder().source("police-chief").question("abuse").value(Truth.FALSE)
                    .stake(Stake.SELF_SERVING).build())
            .build();
    // 1.5 against 0.6: TRUE gets 1.5 / 2.1 = 0.714, a lead of 0.43.
    Verdict v = VOTE.reconcile(c).verdict("abuse");
    assertEquals(Truth.TRUE, v.value().orElseThrow());
    assertEquals(1.5 / 2.1, v.confidence(), 1e-12);
    assertEquals(VerdictStatus.ACCEPTED, v.status());
    Contribution minister = v.explanation().get(0);
    assertEquals("minister", minister.source());
    assertTrue(minister.notes().contains("stake against-interest ×1.50"), minister.notes()
        .toString());
    // Without the model it is one word against another.
    assertEquals(
        VerdictStatus.CONTESTED,
        VOTE.reconcile(ClaimIndex.of(c, TestimonyModel.neutral())).verdict("abuse").status());
  }

  @Test
  void compatibleRangesAndBoundsCorroborateAnExactCount() {
    Case c =
        Case.builder()
            .addSources(Source.of("a"), Source.of("b"), Source.of("c"), Source.of("d"),
                Source.of("e"))
            .addQuestions(Question.of("killed", "How many were killed?",
                ValueDomain.integerQuantity("people")))
            .addClaims(
                claim("a", "killed", Quantity.exactly(16)),
                claim("b", "killed", Quantity.exactly(16)),
                claim("c", "killed", Quantity.between(15, 20)),
                claim("d", "killed", Quantity.atLeast(15)),
                claim("e", "killed", Quantity.about(70, 10)))
            .build();
    Verdict v = VOTE.reconcile(c).verdict("killed");
    // "16" has two of five votes and leads; the range 15..20 and the bound >=15 admit 16 and
    // so stand with it, while ~70+-10 (60..80) excludes it.
    assertEquals(Quantity.exactly(16), v.value().orElseThrow());
    assertEquals(4, v.corroboration().sourcesFor());
    assertEquals(1, v.corroboration().sourcesAgainst());
    Contribution fromE =
        v.explanation().stream().filter(k -> k.source().equals("e")).findFirst().orElseThrow();
    assertTrue(fromE.weight() < 0);
  }

  @Test
  void aBalancedDisputeIsContestedAndSaysWhy() {
    Case c =
        Case.builder()
            .addSources(Source.of("left"), Source.of("right"))
            .addQuestions(Question.of("q", "q", ValueDomain.bool()))
            .addClaims(claim("left", "q", Truth.TRUE), claim("right", "q", Truth.FALSE))
            .build();
    Verdict v = VOTE.reconcile(c).verdict("q");
    assertEquals(VerdictStatus.CONTESTED, v.status());
    assertEquals(0.0, v.margin(), 0);
    assertTrue(v.reason().startsWith("contested"), v.reason());
    assertTrue(v.accepted().isEmpty());
  }

  @Test
  void aLoneWeakClaimLeavesTheQuestionUndetermined() {
    Case c =
        Case.builder()
            .addSources(Source.of("adviser"), Source.of("relay"))
            .addQuestions(Question.of("who", "Who instigated it?", ValueDomain.openCategorical()))
            .addClaims(Claim.builder().source("adviser").question("who")
                .value(Category.of("foreigners")).stake(Stake.SELF_SERVING).addVia("relay")
                .build())
            .build();
    // 0.6 (self-serving) × 0.5 (relay without a prior) = 0.3 < 0.5.
    Verdict v = VOTE.reconcile(c).verdict("who");
    assertEquals(VerdictStatus.UNDETERMINED, v.status());
    assertTrue(v.reason().contains("too little evidence"), v.reason());
    assertEquals(Category.of("foreigners"), v.value().orElseThrow());
  }

  @Test
  void theBulkCorroborationIsTheVerdicts() {
    Case c =
        Case.builder()
            .addSources(
                Source.builder().id("a").addAffiliations("government").build(),
                Source.builder().id("b").addAffiliations("government").build(),
                Source.of("c"))
            .addQuestions(
                Question.of("q", "Q?", ValueDomain.openCategorical()),
                Question.of("empty", "Nothing said?", ValueDomain.bool()))
            .addClaims(
                claim("a", "q", Category.of("x")),
                claim("b", "q", Category.of("x")),
                claim("c", "q", Category.of("y")))
            .build();
    Reconciliation r = VOTE.reconcile(c);
    for (int q = 0; q < r.questionCount(); q++) {
      assertEquals(r.verdict(q).corroboration(), r.corroboration(q));
    }
    assertEquals(4.0 / 3, r.corroboration(r.index().questionNumber("q")).linesFor(), 1e-12);
    // Without a case there are no blocs: every source is a line of its own.
    Reconciliation raw =
        VOTE.reconcile(ClaimIndex.builder().add("a", "q", "x").add("b", "q", "x")
            .add("c", "q", "y").build());
    assertEquals(raw.verdict(0).corroboration(), raw.corroboration(0));
    assertEquals(2.0, raw.corroboration(0).linesFor(), 0);
    assertThrows(IndexOutOfBoundsException.class, () -> raw.corroboration(1));
  }

  @Test
  void modelSettingsAreValidated() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> TestimonyModel.defaults().withStake(Stake.SELF_SERVING, -1));
    assertTrue(e.getMessage().contains("stake[SELF_SERVING]"), e.getMessage());
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TestimonyModel.defaults().withBlocCorrelation(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> TestimonyModel.defaults().withCircumstance("under-pressure", Double.NaN));
    assertEquals("0.3", TestimonyModel.defaults().withCircumstance("under-pressure", 0.3)
        .settings().get("circumstance.under-pressure"));
    assertEquals(TestimonyModel.defaults(), TestimonyModel.defaults().withBlocCorrelation(0.5));
  }
}
