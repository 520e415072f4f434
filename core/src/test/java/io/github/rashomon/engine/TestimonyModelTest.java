package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Circumstances;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Stake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The testimony model's factors, one by one and multiplied, as its class comment states them. */
class TestimonyModelTest {
  private static final Map<String, Source> RELAYS =
      Map.of(
          "trusted", Source.builder().id("trusted").prior(Credibility.dogmatic(0.8)).build(),
          "unknown", Source.of("unknown"));
  private static final Function<String, Optional<Source>> LOOKUP =
      id -> Optional.ofNullable(RELAYS.get(id));

  private static Claim.Builder claim() {
    return Claim.builder().source("s").question("q").value(Category.of("x"));
  }

  private static double weight(TestimonyModel m, Claim c, List<String> notes) {
    return m.qualifierWeight(c, LOOKUP, notes);
  }

  @Test
  void eachQualifierMultipliesTheWeightAndLeavesANote() {
    TestimonyModel m = TestimonyModel.defaults();
    List<String> notes = new ArrayList<>();
    assertEquals(1.0, weight(m, claim().build(), notes));
    assertTrue(notes.isEmpty(), notes.toString());
    // Hearsay 0.5 × against interest 1.5 × possible 0.5 × under pressure 0.5 × anonymous 0.7
    // × via a relay of credibility 0.8 × via an unknown relay (vacuous: 0.5).
    Claim c =
        claim()
            .access(Access.HEARSAY)
            .stake(Stake.AGAINST_INTEREST)
            .hedge(Hedge.POSSIBLE)
            .addCircumstances(Circumstances.UNDER_PRESSURE, Circumstances.ANONYMOUS, "on-tv")
            .addVia("trusted", "unknown")
            .build();
    assertEquals(0.5 * 1.5 * 0.5 * 0.5 * 0.7 * 0.8 * 0.5, weight(m, c, notes), 1e-15);
    assertEquals(
        List.of("access hearsay ×0.50", "stake against-interest ×1.50", "hedge possible ×0.50",
            Circumstances.UNDER_PRESSURE + " ×0.50", Circumstances.ANONYMOUS + " ×0.70",
            "via trusted ×0.80", "via unknown ×0.50"),
        notes);
  }

  @Test
  void theDefaultFactorsAreTheDocumentedOnes() {
    TestimonyModel m = TestimonyModel.defaults();
    double[][] expected = {{1.0, 0.9, 0.5, 1.0}, {0.6, 1.5, 1.0, 1.0}, {1.0, 0.75, 0.5, 0.25, 1.0}};
    for (int i = 0; i < Access.values().length; i++) {
      assertEquals(expected[0][i], weight(m, claim().access(Access.values()[i]).build(),
          new ArrayList<>()), Access.values()[i].name());
    }
    for (int i = 0; i < Stake.values().length; i++) {
      assertEquals(expected[1][i], weight(m, claim().stake(Stake.values()[i]).build(),
          new ArrayList<>()), Stake.values()[i].name());
    }
    for (int i = 0; i < Hedge.values().length; i++) {
      assertEquals(expected[2][i], weight(m, claim().hedge(Hedge.values()[i]).build(),
          new ArrayList<>()), Hedge.values()[i].name());
    }
    assertEquals(0.5, weight(m, claim().addCircumstances(Circumstances.IN_DETENTION).build(),
        new ArrayList<>()));
    assertEquals(0.6, weight(m, claim().addCircumstances(Circumstances.AFTER_INDUCEMENT).build(),
        new ArrayList<>()));
    assertTrue(m.discountsRelays());
    assertTrue(m.mergesOrigins());
    assertEquals(0.5, m.blocCorrelation());
  }

  @Test
  void theNeutralModelChangesNothing() {
    TestimonyModel m = TestimonyModel.neutral();
    Claim c =
        claim().access(Access.HEARSAY).stake(Stake.SELF_SERVING).hedge(Hedge.DOUBTFUL)
            .addCircumstances(Circumstances.UNDER_PRESSURE).addVia("unknown").build();
    List<String> notes = new ArrayList<>();
    assertEquals(1.0, weight(m, c, notes));
    assertTrue(notes.isEmpty());
    assertFalse(m.discountsRelays());
    assertFalse(m.mergesOrigins());
    assertEquals(0.0, m.blocCorrelation());
  }

  @Test
  void everyWitherChangesItsOwnFactorOnly() {
    TestimonyModel d = TestimonyModel.defaults();
    Claim hearsay = claim().access(Access.HEARSAY).build();
    Claim self = claim().stake(Stake.SELF_SERVING).build();
    Claim doubtful = claim().hedge(Hedge.DOUBTFUL).build();
    Claim relayed = claim().addVia("unknown").build();
    List<String> n = new ArrayList<>();
    assertEquals(0.2, weight(d.withAccess(Access.HEARSAY, 0.2), hearsay, n));
    assertEquals(0.6, weight(d.withAccess(Access.HEARSAY, 0.2), self, n));
    assertEquals(0.3, weight(d.withStake(Stake.SELF_SERVING, 0.3), self, n));
    assertEquals(0.5, weight(d.withStake(Stake.SELF_SERVING, 0.3), hearsay, n));
    assertEquals(0.1, weight(d.withHedge(Hedge.DOUBTFUL, 0.1), doubtful, n));
    assertEquals(0.25, weight(d.withHedge(Hedge.PROBABLE, 0.1), doubtful, n));
    assertEquals(1.0, weight(d.withRelayDiscounting(false), relayed, n));
    assertEquals(0.5, weight(d.withRelayDiscounting(true), relayed, n));
    assertFalse(d.withRelayDiscounting(false).discountsRelays());
    assertFalse(d.withOriginMerging(false).mergesOrigins());
    assertTrue(TestimonyModel.neutral().withOriginMerging(true).mergesOrigins());
    assertEquals(0.0, d.withBlocCorrelation(0).blocCorrelation());
    assertEquals(1.0, d.withBlocCorrelation(1).blocCorrelation());
    // A configured circumstance replaces its old factor and keeps the others.
    TestimonyModel c = d.withCircumstance(Circumstances.UNDER_PRESSURE, 0.9)
        .withCircumstance("on-tv", 0.4);
    assertEquals(0.9, weight(c, claim().addCircumstances(Circumstances.UNDER_PRESSURE).build(), n));
    assertEquals(0.4, weight(c, claim().addCircumstances("on-tv").build(), n));
    assertEquals(0.5, weight(c, claim().addCircumstances(Circumstances.IN_DETENTION).build(), n));
    assertEquals("0.9", c.settings().get("circumstance." + Circumstances.UNDER_PRESSURE));
    assertEquals("0.5", c.settings().get("circumstance." + Circumstances.IN_DETENTION));
  }

  @Test
  void factorsAreValidatedNamingTheField() {
    TestimonyModel d = TestimonyModel.defaults();
    // Zero is a factor (the claim counts for nothing); negative and non-finite are not.
    assertEquals(0.0, weight(d.withAccess(Access.HEARSAY, 0), claim().access(Access.HEARSAY)
        .build(), new ArrayList<>()));
    for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> d.withAccess(Access.HEARSAY, bad));
      assertTrue(e.getMessage().contains("access[HEARSAY]"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> d.withHedge(Hedge.POSSIBLE, bad));
      assertTrue(e.getMessage().contains("hedge[POSSIBLE]"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> d.withStake(Stake.NEUTRAL, bad));
      assertTrue(e.getMessage().contains("stake[NEUTRAL]"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> d.withBlocCorrelation(-0.01));
    assertThrows(IllegalArgumentException.class, () -> d.withBlocCorrelation(1.01));
    assertThrows(NullPointerException.class, () -> d.withAccess(null, 1));
    assertThrows(NullPointerException.class, () -> d.withCircumstance(null, 1));
  }

  @Test
  void settingsEqualityAndText() {
    TestimonyModel d = TestimonyModel.defaults();
    Map<String, String> s = d.settings();
    assertEquals("0.9", s.get("access.documentary"));
    assertEquals("1.5", s.get("stake.against-interest"));
    assertEquals("0.75", s.get("hedge.probable"));
    assertEquals("0.7", s.get("circumstance." + Circumstances.ANONYMOUS));
    assertEquals("true", s.get("relayDiscounting"));
    assertEquals("true", s.get("originMerging"));
    assertEquals("0.5", s.get("blocCorrelation"));
    assertEquals(4 + 4 + 5 + 4 + 3, s.size());
    assertEquals(d, TestimonyModel.defaults().withHedge(Hedge.PROBABLE, 0.75));
    assertEquals(
        d.hashCode(), TestimonyModel.defaults().withHedge(Hedge.PROBABLE, 0.75).hashCode());
    assertNotEquals(d, d.withHedge(Hedge.PROBABLE, 0.7));
    assertNotEquals(d, TestimonyModel.neutral());
    assertNotEquals(d, "defaults");
    assertEquals("TestimonyModel" + s, d.toString());
  }
}
