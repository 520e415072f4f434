package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import org.junit.jupiter.api.Test;

class VoteTest {

  private static Case dispute(Credibility strong, Credibility weak) {
    Case.Builder b =
        Case.builder()
            .addQuestions(Question.of("q", "q", ValueDomain.categorical("x", "y", "z")));
    b.addSources(Source.builder().id("expert").prior(strong).build());
    b.addSources(Source.builder().id("novice1").prior(weak).build());
    b.addSources(Source.builder().id("novice2").prior(weak).build());
    b.addClaims(Claim.builder().source("expert").question("q").value(Category.of("x")).build());
    b.addClaims(Claim.builder().source("novice1").question("q").value(Category.of("y")).build());
    b.addClaims(Claim.builder().source("novice2").question("q").value(Category.of("y")).build());
    return b.build();
  }

  @Test
  void majorityVoteCountsHeads() {
    Verdict v = MajorityVote.withDefaults().reconcile(dispute(Credibility.dogmatic(0.95),
        Credibility.dogmatic(0.3))).verdict("q");
    // Two votes for y, one for x, none for z: 2/3, 1/3, 0.
    assertEquals(Category.of("y"), v.value().orElseThrow());
    assertEquals(2.0 / 3, v.confidence(), 1e-12);
    assertEquals(1.0 / 3, v.margin(), 1e-12);
    assertEquals(3, v.candidates().size());
    assertEquals(0.0, v.candidates().get(2).probability(), 0);
  }

  @Test
  void weightedVoteLetsCredibilityOutweighNumbers() {
    Verdict v = WeightedVote.withDefaults().reconcile(dispute(Credibility.dogmatic(0.95),
        Credibility.dogmatic(0.3))).verdict("q");
    // x: 0.95 against y: 0.3 + 0.3 = 0.6, so x gets 0.95 / 1.55.
    assertEquals(Category.of("x"), v.value().orElseThrow());
    assertEquals(0.95 / 1.55, v.confidence(), 1e-12);
    assertEquals(0.95, v.explanation().get(0).weight(), 1e-12);
    assertEquals("expert", v.explanation().get(0).source());
    assertTrue(v.explanation().get(1).weight() < 0);
  }

  @Test
  void aDenialOfABooleanIsAnAffirmationOfItsNegation() {
    Case c =
        Case.builder()
            .addSources(Source.of("a"), Source.of("b"), Source.of("c"))
            .addQuestions(Question.of("q", "q", ValueDomain.bool()))
            .addClaims(
                Claim.builder().source("a").question("q").value(Truth.TRUE).build(),
                Claim.builder().source("b").question("q").value(Truth.TRUE)
                    .stance(Stance.DENIES).build(),
                Claim.builder().source("c").question("q").value(Truth.FALSE).build())
            .build();
    Verdict v = MajorityVote.withDefaults().reconcile(c).verdict("q");
    assertEquals(Truth.FALSE, v.value().orElseThrow());
    assertEquals(2.0 / 3, v.confidence(), 1e-12);
    Contribution fromB =
        v.explanation().stream().filter(k -> k.source().equals("b")).findFirst().orElseThrow();
    assertEquals(Stance.DENIES, fromB.stance());
    assertEquals(Truth.TRUE, fromB.value());
    assertTrue(fromB.supports());
  }

  @Test
  void aCategoricalDenialSpreadsOverTheOtherOptions() {
    Case c =
        Case.builder()
            .addSources(Source.of("a"))
            .addQuestions(Question.of("q", "q", ValueDomain.categorical("x", "y", "z")))
            .addClaims(Claim.builder().source("a").question("q").value(Category.of("x"))
                .stance(Stance.DENIES).build())
            .build();
    Verdict v = MajorityVote.withDefaults().reconcile(c).verdict("q");
    assertEquals(0.5, v.candidates().get(0).probability(), 1e-12);
    assertEquals(0.5, v.candidates().get(1).probability(), 1e-12);
    assertEquals(VerdictStatus.CONTESTED, v.status());
  }

  @Test
  void firstSeenTieBreakFollowsInputOrder() {
    ClaimIndex.Builder b = ClaimIndex.builder();
    b.add("w1", "t", "b").add("w2", "t", "a");
    Reconciliation r =
        MajorityVote.withDefaults().withTieBreak(MajorityVote.TieBreak.FIRST_SEEN)
            .reconcile(b.build());
    assertEquals(Category.of("b"), r.leadingValue(0).orElseThrow());
    ClaimIndex.Builder b2 = ClaimIndex.builder();
    b2.add("w1", "t", "b").add("w2", "t", "a");
    assertEquals(
        Category.of("a"), MajorityVote.withDefaults().reconcile(b2.build()).leadingValue(0)
            .orElseThrow());
  }

  @Test
  void settingsAreValidatedAndRecorded() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedVote.withDefaults().withDefaultCredibility(1.5));
    assertTrue(e.getMessage().contains("defaultCredibility"), e.getMessage());
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    Reconciliation r = WeightedVote.withDefaults().withDefaultCredibility(0.7)
        .reconcile(Case.builder().build());
    assertEquals("0.7", r.provenance().settings().get("defaultCredibility"));
    assertEquals("weighted-vote", r.provenance().algorithm());
    assertEquals(Reconcilers.VERSION, r.provenance().libraryVersion());
  }

  @Test
  void unknownAlgorithmNamesAreRefusedWithTheKnownNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reconcilers.byName("oracle"));
    assertTrue(e.getMessage().contains("'oracle'"), e.getMessage());
    assertTrue(e.getMessage().contains("majority-vote"), e.getMessage());
  }
}
