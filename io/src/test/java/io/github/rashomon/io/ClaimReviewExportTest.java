package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.model.Case;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ClaimReview export against its published shape.
 *
 * <p>The shape is the one Google Search Central documents for fact checks ("ClaimReview (Fact
 * Check) structured data": required {@code claimReviewed}, {@code reviewRating} with {@code
 * alternateName}, and {@code url}; recommended {@code author}, {@code itemReviewed} as a {@code
 * Claim} with {@code author} and {@code appearance}, and a numeric rating with {@code
 * bestRating} and {@code worstRating}), over the schema.org vocabulary: only properties that
 * schema.org defines for each type (https://schema.org/ClaimReview, /Rating, /Claim,
 * /CreativeWork, /Person, /Organization), and only schema.org types.
 */
class ClaimReviewExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The schema.org properties (own and inherited) this export may use, per type. */
  private static final Map<String, Set<String>> PROPERTIES =
      Map.of(
          "ClaimReview",
          Set.of("@type", "url", "claimReviewed", "author", "datePublished", "reviewBody",
              "reviewRating", "itemReviewed"),
          "Rating",
          Set.of("@type", "ratingValue", "bestRating", "worstRating", "alternateName",
              "ratingExplanation"),
          "Claim", Set.of("@type", "name", "author", "appearance", "firstAppearance"),
          "CreativeWork", Set.of("@type", "name", "author", "datePublished", "text"),
          "Person", Set.of("@type", "name"),
          "Organization", Set.of("@type", "name"));

  /** schema.org subtypes used, mapped to the type whose properties they are checked against. */
  private static final Map<String, String> SUPERTYPE =
      Map.of(
          "MediaObject", "CreativeWork",
          "WebPage", "CreativeWork",
          "GovernmentOrganization", "Organization",
          "NewsMediaOrganization", "Organization");

  @Test
  void janaozenHasOneReviewPerVerdictInThePublishedShape() throws Exception {
    Reconciliation r = Janaozen.reconcile();
    JsonNode doc = JSON.readTree(ClaimReviewWriter.withDefaults().toJson(r));
    List<String> problems = validate(doc);
    assertTrue(problems.isEmpty(), problems.toString());
    // Every question of the case has claims, so every one has a review.
    assertEquals(13, doc.get("@graph").size());
  }

  @Test
  void aReviewSaysWhatWasFoundAndWhereTheClaimAppeared() throws Exception {
    JsonNode doc = JSON.readTree(ClaimReviewWriter.withDefaults().toJson(Janaozen.reconcile()));
    JsonNode fire = review(doc, "#verdict-fire-indiscriminate");
    assertEquals("Did the police fire indiscriminately? — true", fire.get("claimReviewed").asText());
    JsonNode rating = fire.get("reviewRating");
    assertEquals("Accepted", rating.get("alternateName").asText());
    // Weighted vote gives "true" 0.81 (witnesses C, footage B, against the police D):
    // 1 + round(4 × 0.81) = 4.
    assertEquals(4, rating.get("ratingValue").asInt());
    JsonNode claim = fire.get("itemReviewed");
    // The witnesses are the claim's author; the footage is no author but appeared in the report.
    assertEquals("Eyewitnesses in Janaozen", claim.get("author").get(0).get("name").asText());
    assertEquals(2, claim.get("appearance").size());
    JsonNode appearance = claim.get("appearance").get(1);
    assertEquals("IWPR report, January 2012", appearance.get("name").asText());
    assertEquals("NewsMediaOrganization", appearance.get("author").get("@type").asText());
    assertEquals("2012-01-12", appearance.get("datePublished").asText());
    assertEquals("Contested",
        review(doc, "#verdict-president-informed").get("reviewRating").get("alternateName")
            .asText());
  }

  @Test
  void urlAuthorAndDateAreConfigurable() throws Exception {
    ClaimReviewWriter w =
        ClaimReviewWriter.withDefaults()
            .withUrl("https://example.org/janaozen")
            .withAuthor("Example Fact Check")
            .withDatePublished(LocalDate.of(2012, 2, 1));
    JsonNode first = JSON.readTree(w.toJson(Janaozen.reconcile())).get("@graph").get(0);
    assertEquals("https://example.org/janaozen#verdict-shooting-start", first.get("url").asText());
    assertEquals("Example Fact Check", first.get("author").get("name").asText());
    assertEquals("2012-02-01", first.get("datePublished").asText());
    assertThrows(IllegalArgumentException.class, () -> w.withUrl("https://x.org/#a"));
    assertThrows(IllegalArgumentException.class, () -> w.withAuthor(" "));
  }

  @Test
  void everyGeneratedCaseGivesValidReviews() {
    qt().withFixedSeed(2012L).withExamples(150)
        .forAll(CaseGenerator.cases())
        .checkAssert(
            c -> {
              Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(c);
              try {
                JsonNode doc = JSON.readTree(ClaimReviewWriter.withDefaults().toJson(r));
                List<String> problems = validate(doc);
                assertTrue(problems.isEmpty(), problems.toString());
                StringWriter html = new StringWriter();
                ClaimReviewWriter.withDefaults().writeHtmlSafe(EvidenceGraph.of(r), html);
                assertFalse(html.toString().contains("<"), "'<' in HTML-embedded JSON-LD");
                assertEquals(doc, JSON.readTree(html.toString()));
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void aCaseWithoutClaimsHasNoReviews() throws Exception {
    Case empty = Case.builder().addSources(io.github.rashomon.model.Source.of("a")).build();
    JsonNode doc =
        JSON.readTree(
            ClaimReviewWriter.withDefaults()
                .toJson(Reconcilers.byName("majority-vote").reconcile(empty)));
    assertEquals(0, doc.get("@graph").size());
    assertTrue(validate(doc).isEmpty());
  }

  @Test
  void theRatingScaleRunsFromOneToFive() {
    assertEquals(1, ClaimReviewWriter.rating(0));
    assertEquals(3, ClaimReviewWriter.rating(0.5));
    assertEquals(5, ClaimReviewWriter.rating(1));
    assertEquals("verdict-a%20b%C3%BC", ClaimReviewWriter.anchor("a bü"));
  }

  private static JsonNode review(JsonNode doc, String url) {
    for (JsonNode n : doc.get("@graph")) {
      if (n.get("url").asText().equals(url)) {
        return n;
      }
    }
    throw new AssertionError("no review " + url);
  }

  /** Every problem with the document's shape. */
  static List<String> validate(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    if (!doc.path("@context").isTextual()
        || !doc.get("@context").asText().equals("https://schema.org")) {
      problems.add("@context must be \"https://schema.org\", got " + doc.get("@context"));
    }
    if (!doc.path("@graph").isArray()) {
      problems.add("@graph must be an array");
      return problems;
    }
    int i = 0;
    for (JsonNode review : doc.get("@graph")) {
      String at = "@graph[" + i++ + "]";
      node(review, at, "ClaimReview", problems);
      for (String required : List.of("claimReviewed", "reviewRating", "url", "author",
          "itemReviewed")) {
        if (!review.has(required)) {
          problems.add(at + ": missing " + required);
        }
      }
      text(review, "claimReviewed", at, problems);
      text(review, "url", at, problems);
      JsonNode rating = review.path("reviewRating");
      node(rating, at + ".reviewRating", "Rating", problems);
      for (String required : List.of("ratingValue", "bestRating", "worstRating",
          "alternateName")) {
        if (!rating.has(required)) {
          problems.add(at + ".reviewRating: missing " + required);
        }
      }
      double value = rating.path("ratingValue").asDouble(Double.NaN);
      if (!(value >= rating.path("worstRating").asDouble()
          && value <= rating.path("bestRating").asDouble())) {
        problems.add(at + ".reviewRating: ratingValue outside [worstRating, bestRating]");
      }
      text(rating, "alternateName", at + ".reviewRating", problems);
      agent(review.path("author"), at + ".author", problems);
      JsonNode claim = review.path("itemReviewed");
      node(claim, at + ".itemReviewed", "Claim", problems);
      if (!claim.path("appearance").isArray()) {
        problems.add(at + ".itemReviewed: appearance must be an array of CreativeWork");
      } else {
        int k = 0;
        for (JsonNode work : claim.get("appearance")) {
          String where = at + ".itemReviewed.appearance[" + k++ + "]";
          node(work, where, "CreativeWork", problems);
          text(work, "name", where, problems);
          if (work.has("author")) {
            agent(work.get("author"), where + ".author", problems);
          }
        }
      }
      if (claim.has("author")) {
        int k = 0;
        for (JsonNode a : claim.get("author")) {
          agent(a, at + ".itemReviewed.author[" + k++ + "]", problems);
        }
      }
    }
    return problems;
  }

  private static void agent(JsonNode n, String at, List<String> problems) {
    String type = n.path("@type").asText();
    String base = SUPERTYPE.getOrDefault(type, type);
    if (!base.equals("Person") && !base.equals("Organization")) {
      problems.add(at + ": author must be a Person or Organization, got " + type);
    }
    node(n, at, base, problems);
    text(n, "name", at, problems);
  }

  /** Checks the node is an object of the type (or a subtype) with only that type's properties. */
  private static void node(JsonNode n, String at, String type, List<String> problems) {
    if (!n.isObject()) {
      problems.add(at + ": expected a " + type + " object");
      return;
    }
    String actual = n.path("@type").asText();
    String base = SUPERTYPE.getOrDefault(actual, actual);
    if (!base.equals(type)) {
      problems.add(at + ": expected @type " + type + ", got " + actual);
      return;
    }
    Set<String> allowed = PROPERTIES.get(type);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problems.add(at + ": " + f + " is not a schema.org property of " + type);
      }
    }
  }

  private static void text(JsonNode n, String field, String at, List<String> problems) {
    if (!n.path(field).isTextual() || n.get(field).asText().isBlank()) {
      problems.add(at + ": " + field + " must be non-blank text");
    }
  }
}
