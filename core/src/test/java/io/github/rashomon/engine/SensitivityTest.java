package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import org.junit.jupiter.api.Test;

class SensitivityTest {

  /**
   * An NGO (credibility 0.8) says yes; two officials of one bloc (0.4 and 0.3) say no. The bloc's
   * two sources count 2 / (1 + 0.5) = 1.33 lines, so each weighs ×2/3: no gets (0.4 + 0.3) × 2/3
   * = 0.467 against yes 0.8, and yes leads.
   */
  private static Case dispute() {
    return Case.builder()
        .addSources(
            Source.builder().id("ngo").addAffiliations("rights").prior(Credibility.dogmatic(0.8))
                .build(),
            Source.builder().id("official1").addAffiliations("government")
                .prior(Credibility.dogmatic(0.4)).build(),
            Source.builder().id("official2").addAffiliations("government")
                .prior(Credibility.dogmatic(0.3)).build())
        .addQuestions(Question.of("abuse", "Were detainees abused?", ValueDomain.bool()))
        .addClaims(
            Claim.builder().source("ngo").question("abuse").value(Truth.TRUE).build(),
            Claim.builder().source("official1").question("abuse").value(Truth.FALSE).build(),
            Claim.builder().source("official2").question("abuse").value(Truth.FALSE).build())
        .build();
  }

  @Test
  void namesTheOneSourceAVerdictHangsOn() {
    SensitivityReport r = Sensitivity.of(WeightedVote.withDefaults()).analyse(dispute(), "abuse");
    assertEquals(Truth.TRUE, r.value().orElseThrow());
    // Without the NGO only the officials speak: false leads.
    assertEquals(ImmutableSortedMap.of("ngo", "false"), r.pivotalSources());
    assertEquals(ImmutableSortedMap.of("rights", "false"), r.pivotalBlocs());
    assertFalse(r.survivesEveryRemoval());
  }

  @Test
  void findsTheCredibilityThatFlipsIt() {
    SensitivityReport r = Sensitivity.of(WeightedVote.withDefaults()).analyse(dispute(), "abuse");
    // Yes holds while 0.8 is replaced by p > 0.467; official1 flips it above p with
    // (p + 0.3) × 2/3 = 0.8, p = 0.9; official2 above (0.4 + p) × 2/3 = 0.8, p = 0.8.
    assertEquals((0.4 + 0.3) * 2 / 3, r.credibilityToFlip().get("ngo"), 1e-4);
    assertEquals(0.9, r.credibilityToFlip().get("official1"), 1e-4);
    assertEquals(0.8, r.credibilityToFlip().get("official2"), 1e-4);
    assertTrue(r.robustTo().isEmpty());
  }

  @Test
  void majorityVoteIgnoresCredibility() {
    SensitivityReport r = Sensitivity.of(MajorityVote.withDefaults()).analyse(dispute(), "abuse");
    // Two (discounted) officials against one NGO: 1.33 lines against 1, false leads, and no prior
    // can change a vote that does not read priors.
    assertEquals(Truth.FALSE, r.value().orElseThrow());
    assertEquals(ImmutableList.of("ngo", "official1", "official2"), r.robustTo());
    assertTrue(r.credibilityToFlip().isEmpty());
    // Removing either official leaves one against one: a tie that canonical order gives to false.
    assertTrue(r.pivotalSources().isEmpty());
    assertEquals(ImmutableSortedMap.of("government", "true"), r.pivotalBlocs());
  }

  @Test
  void refusesAnUnknownQuestion() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> Sensitivity.of(MajorityVote.withDefaults()).analyse(dispute(), "nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }
}
