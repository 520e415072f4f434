package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The PROV export against the PROV-JSON schema of the W3C Member Submission "PROV-JSON" (Huynh,
 * Jewell, Keshavarz, Michaelides, Yang, Moreau, 2013; schema at
 * https://www.w3.org/Submission/prov-json/schema), encoded below: the record kinds a document may
 * hold, the required fields of each relation, and the literal forms of attribute values. On top
 * of the schema it checks what a PROV consumer relies on: every prefix used is declared, and
 * every relation names records of the right kind (PROV-CONSTRAINTS typing).
 */
class ProvExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The schema's bundle properties: the relations, with their required fields (its "required"). */
  private static final Map<String, List<String>> RELATIONS =
      Map.ofEntries(
          Map.entry("wasGeneratedBy", List.of("prov:entity")),
          Map.entry("used", List.of("prov:activity")),
          Map.entry("wasStartedBy", List.of("prov:activity")),
          Map.entry("wasEndedBy", List.of("prov:activity")),
          Map.entry("wasInformedBy", List.of("prov:informed", "prov:informant")),
          Map.entry("wasInvalidatedBy", List.of("prov:entity")),
          Map.entry("wasDerivedFrom", List.of("prov:generatedEntity", "prov:usedEntity")),
          Map.entry("wasAttributedTo", List.of("prov:entity", "prov:agent")),
          Map.entry("wasAssociatedWith", List.of("prov:activity")),
          Map.entry("actedOnBehalfOf", List.of("prov:delegate", "prov:responsible")),
          Map.entry("wasInfluencedBy", List.of("prov:influencer", "prov:influencee")),
          Map.entry("specializationOf", List.of("prov:specificEntity", "prov:generalEntity")),
          Map.entry("alternateOf", List.of("prov:alternate1", "prov:alternate2")),
          Map.entry("hadMember", List.of("prov:collection", "prov:entity")),
          Map.entry("mentionOf",
              List.of("prov:specificEntity", "prov:generalEntity", "prov:bundle")));

  /** The record kinds each relation field must name (PROV-CONSTRAINTS, typing constraints). */
  private static final Map<String, String> FIELD_KIND =
      Map.ofEntries(
          Map.entry("prov:entity", "entity"),
          Map.entry("prov:activity", "activity"),
          Map.entry("prov:agent", "agent"),
          Map.entry("prov:generatedEntity", "entity"),
          Map.entry("prov:usedEntity", "entity"),
          Map.entry("prov:collection", "entity"),
          Map.entry("prov:plan", "entity"));

  @Test
  void janaozenIsValidProvJson() throws Exception {
    JsonNode doc = JSON.readTree(ProvWriter.withDefaults().toJson(Janaozen.reconcile()));
    List<String> problems = validate(doc);
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void theAttributionChainOfARelayedClaimIsRecorded() throws Exception {
    JsonNode doc = JSON.readTree(ProvWriter.withDefaults().toJson(Janaozen.reconcile()));
    // Commission members → Grishin → IWPR: three tellings, each attributed to its teller.
    String heard = "claim:" + ProvWriter.encode(
        "commission-members/detainees-mistreated/true@grishin-interview via grishin>iwpr");
    assertTrue(doc.get("entity").has(heard));
    assertEquals("source:commission-members", attributedTo(doc, heard + "/0"));
    assertEquals("source:grishin", attributedTo(doc, heard + "/1"));
    assertEquals("source:iwpr", attributedTo(doc, heard));
    assertEquals("prov:Quotation", derivationType(doc, heard + "/1", heard + "/0"));
    assertEquals("prov:Quotation", derivationType(doc, heard, heard + "/1"));
    assertEquals("prov:PrimarySource", derivationType(doc, heard, heard + "/0"));
    // The claim was made in Grishin's interview: its member is Grishin's telling.
    boolean member = false;
    for (JsonNode m : doc.get("hadMember")) {
      member |= m.get("prov:collection").asText().equals("account:grishin-interview")
          && m.get("prov:entity").asText().equals(heard + "/1");
    }
    assertTrue(member, "Grishin's interview has his telling as a member");
  }

  @Test
  void eachVerdictIsDerivedFromTheClaimsAboutItWithTheirWeights() throws Exception {
    JsonNode doc = JSON.readTree(ProvWriter.withDefaults().toJson(Janaozen.reconcile()));
    int supports = 0;
    int conflicts = 0;
    for (JsonNode d : doc.get("wasDerivedFrom")) {
      if (d.get("prov:generatedEntity").asText().equals("verdict:fire-indiscriminate")) {
        assertEquals("run:weighted-vote", d.get("prov:activity").asText());
        String role = d.get("rashomon:role").asText();
        double weight = d.get("rashomon:weight").asDouble();
        if (role.equals("supports")) {
          supports++;
          assertTrue(weight > 0);
        } else {
          conflicts++;
          assertTrue(weight < 0);
        }
      }
    }
    // Witnesses and footage for "true"; the police against.
    assertEquals(2, supports);
    assertEquals(1, conflicts);
    JsonNode run = doc.get("activity").get("run:weighted-vote");
    assertEquals("weighted-vote", run.get("rashomon:algorithm").asText());
    assertTrue(run.get("rashomon:converged").asBoolean());
  }

  @Test
  void everyGeneratedCaseGivesValidProvJson() {
    qt().withFixedSeed(2013L).withExamples(150)
        .forAll(CaseGenerator.cases())
        .checkAssert(
            c -> {
              Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(c);
              try {
                List<String> problems =
                    validate(JSON.readTree(ProvWriter.withDefaults().toJson(r)));
                assertTrue(problems.isEmpty(), problems.toString());
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void rawTriplesGiveValidProvJsonToo() throws Exception {
    Reconciliation r =
        Reconcilers.byName("majority-vote")
            .reconcile(
                CsvClaimReader.withDefaults()
                    .read(new ByteArrayInputStream(
                        "source,question,value\na,q,x\nb,q,y\nc,q,x\n"
                            .getBytes(StandardCharsets.UTF_8)), "claims.csv"));
    JsonNode doc = JSON.readTree(ProvWriter.withDefaults().toJson(r));
    assertTrue(validate(doc).isEmpty(), validate(doc).toString());
    assertTrue(doc.get("entity").has("claim:a%2Fq%2Fx"));
  }

  @Test
  void theNamespaceIsConfigurable() throws Exception {
    JsonNode doc =
        JSON.readTree(
            ProvWriter.withDefaults().withNamespace("https://example.org/case/")
                .toJson(Janaozen.reconcile()));
    assertEquals("https://example.org/case/source/", doc.get("prefix").get("source").asText());
    assertThrows(
        IllegalArgumentException.class, () -> ProvWriter.withDefaults().withNamespace("x"));
  }

  private static String attributedTo(JsonNode doc, String entity) {
    for (JsonNode a : doc.get("wasAttributedTo")) {
      if (a.get("prov:entity").asText().equals(entity)) {
        return a.get("prov:agent").asText();
      }
    }
    throw new AssertionError("no attribution of " + entity);
  }

  private static String derivationType(JsonNode doc, String generated, String used) {
    for (JsonNode d : doc.get("wasDerivedFrom")) {
      if (d.get("prov:generatedEntity").asText().equals(generated)
          && d.get("prov:usedEntity").asText().equals(used) && d.has("prov:type")) {
        return d.get("prov:type").get("$").asText();
      }
    }
    throw new AssertionError("no typed derivation of " + generated + " from " + used);
  }

  /** Every way the document departs from the PROV-JSON schema and PROV's typing. */
  static List<String> validate(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    Set<String> prefixes = new HashSet<>(Set.of("prov", "xsd"));
    JsonNode prefix = doc.path("prefix");
    for (Map.Entry<String, JsonNode> e : prefix.properties()) {
      if (!e.getKey().matches("^[a-zA-Z0-9_\\-]+$")) {
        problems.add("prefix '" + e.getKey() + "' does not match ^[a-zA-Z0-9_\\-]+$");
      }
      if (!e.getValue().isTextual() || !e.getValue().asText().matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
        problems.add("prefix '" + e.getKey() + "' is not bound to an absolute URI");
      }
      prefixes.add(e.getKey());
    }
    Map<String, String> kinds = new HashMap<>();
    for (String kind : List.of("entity", "agent", "activity")) {
      for (Map.Entry<String, JsonNode> e : doc.path(kind).properties()) {
        qualified(e.getKey(), kind + " id", prefixes, problems);
        if (kinds.put(e.getKey(), kind) != null) {
          problems.add("'" + e.getKey() + "' is declared twice");
        }
        if (!e.getValue().isObject()) {
          problems.add(kind + " '" + e.getKey() + "' is not an object");
          continue;
        }
        for (Map.Entry<String, JsonNode> attr : e.getValue().properties()) {
          qualified(attr.getKey(), "attribute of " + e.getKey(), prefixes, problems);
          literal(attr.getValue(), e.getKey() + "." + attr.getKey(), prefixes, problems);
        }
      }
    }
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equals("prefix") || key.equals("entity") || key.equals("agent")
          || key.equals("activity") || key.equals("bundle")) {
        continue;
      }
      List<String> required = RELATIONS.get(key);
      if (required == null) {
        problems.add("'" + key + "' is not a PROV-JSON record kind");
        continue;
      }
      for (Map.Entry<String, JsonNode> rel : doc.get(key).properties()) {
        String at = key + " '" + rel.getKey() + "'";
        for (String field : required) {
          if (!rel.getValue().has(field)) {
            problems.add(at + ": missing " + field);
          }
        }
        for (Map.Entry<String, JsonNode> field : rel.getValue().properties()) {
          String expected = FIELD_KIND.get(field.getKey());
          if (expected != null) {
            String target = field.getValue().asText();
            if (!expected.equals(kinds.get(target))) {
              problems.add(at + ": " + field.getKey() + " '" + target + "' is not a declared "
                  + expected);
            }
          } else {
            qualified(field.getKey(), "attribute of " + at, prefixes, problems);
            literal(field.getValue(), at + "." + field.getKey(), prefixes, problems);
          }
        }
      }
    }
    return problems;
  }

  /** A literal: string, number or boolean, a typed literal {"$", "type"}, or an array of those. */
  private static void literal(JsonNode v, String at, Set<String> prefixes, List<String> problems) {
    if (v.isArray()) {
      for (JsonNode item : v) {
        if (item.isArray()) {
          problems.add(at + ": nested arrays are not literals");
        } else {
          literal(item, at, prefixes, problems);
        }
      }
    } else if (v.isObject()) {
      Set<String> keys = new HashSet<>();
      v.fieldNames().forEachRemaining(keys::add);
      keys.remove("lang");
      if (!keys.equals(Set.of("$", "type")) || !v.get("type").isTextual()) {
        problems.add(at + ": a typed literal has exactly '$' and 'type'");
      } else if (v.get("type").asText().equals("prov:QUALIFIED_NAME")) {
        qualified(v.get("$").asText(), at, prefixes, problems);
      }
    } else if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
      problems.add(at + ": not a literal: " + v);
    }
  }

  private static void qualified(String name, String at, Set<String> prefixes,
      List<String> problems) {
    int colon = name.indexOf(':');
    if (colon <= 0 || !prefixes.contains(name.substring(0, colon))) {
      if (!name.startsWith("_:")) {
        problems.add(at + ": '" + name + "' has no declared prefix");
      }
    }
  }
}
