package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.engine.Calibrator;
import io.github.rashomon.engine.CandidateScore;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.DawidSkene;
import io.github.rashomon.engine.Evaluation;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.engine.SourceAssessment;
import io.github.rashomon.engine.Synthetic;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.io.ClaimReviewWriter;
import io.github.rashomon.io.CsvCaseReader;
import io.github.rashomon.io.CsvClaimReader;
import io.github.rashomon.io.CsvResultWriter;
import io.github.rashomon.io.CsvTruthReader;
import io.github.rashomon.io.DotWriter;
import io.github.rashomon.io.HtmlReportWriter;
import io.github.rashomon.io.JsonCaseReader;
import io.github.rashomon.io.JsonCaseWriter;
import io.github.rashomon.io.JsonFormatException;
import io.github.rashomon.io.JsonResultWriter;
import io.github.rashomon.io.ProvWriter;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the usage example in the javadoc of each main type: each is the text between
 * {@code // javadoc FILE} and {@code // end} here, and {@link #examplesMatchTheJavadoc()} checks
 * that FILE's javadoc holds it unchanged. The examples' free variables ({@code myCase}, {@code
 * result}, {@code index}, {@code dir}, …) are set up around them.
 */
class ApiExamplesTest {
  /** The types whose javadoc must carry a usage example mirrored here. */
  private static final Set<String> MAIN_TYPES = Set.of(
      "core/src/main/java/io/github/rashomon/model/Case.java",
      "core/src/main/java/io/github/rashomon/model/Claim.java",
      "core/src/main/java/io/github/rashomon/model/Source.java",
      "core/src/main/java/io/github/rashomon/model/Question.java",
      "core/src/main/java/io/github/rashomon/engine/Reconciler.java",
      "core/src/main/java/io/github/rashomon/engine/Reconcilers.java",
      "core/src/main/java/io/github/rashomon/engine/Reconciliation.java",
      "core/src/main/java/io/github/rashomon/engine/Verdict.java",
      "core/src/main/java/io/github/rashomon/credibility/Credibility.java",
      "core/src/main/java/io/github/rashomon/engine/Sensitivity.java",
      "core/src/main/java/io/github/rashomon/engine/ClaimIndex.java",
      "core/src/main/java/io/github/rashomon/engine/package-info.java",
      "io/src/main/java/io/github/rashomon/io/CsvClaimReader.java",
      "io/src/main/java/io/github/rashomon/io/CsvCaseReader.java",
      "io/src/main/java/io/github/rashomon/io/CsvTruthReader.java",
      "io/src/main/java/io/github/rashomon/io/CsvResultWriter.java",
      "io/src/main/java/io/github/rashomon/io/JsonCaseReader.java",
      "io/src/main/java/io/github/rashomon/io/JsonCaseWriter.java",
      "io/src/main/java/io/github/rashomon/io/JsonResultWriter.java",
      "io/src/main/java/io/github/rashomon/io/HtmlReportWriter.java",
      "io/src/main/java/io/github/rashomon/io/ClaimReviewWriter.java",
      "io/src/main/java/io/github/rashomon/io/ProvWriter.java",
      "io/src/main/java/io/github/rashomon/io/DotWriter.java");

  private final Case myCase = Janaozen.build();
  private final Reconciliation result = Reconcilers.byName("weighted-vote").reconcile(myCase);
  private final ClaimIndex index =
      Synthetic.withDefaults().withSeed(3).withQuestions(200).withSources(20).generate().index();

  @Test
  void model() {
    // javadoc core/src/main/java/io/github/rashomon/model/Case.java
    Case c = Case.builder()
        .title("Janaozen, 16 December 2011")
        .addSources(Source.of("police"), Source.of("witnesses"))
        .addQuestions(Question.of("fire", "Did police fire indiscriminately?", ValueDomain.bool()))
        .addClaims(
            Claim.builder().source("witnesses").question("fire").value(Truth.TRUE).build(),
            Claim.builder().source("police").question("fire").value(Truth.FALSE).build())
        .build();
    // end
    assertEquals(2, c.claims().size());
    // javadoc core/src/main/java/io/github/rashomon/model/Claim.java
    // Commission members told Grishin, who told IWPR, that they saw bruises on a detainee.
    Claim bruises = Claim.builder()
        .source("commission-members")
        .question("detainees-mistreated")
        .value(Truth.TRUE)
        .access(Access.DIRECT)
        .addVia("grishin", "iwpr")
        .build();
    // end
    assertEquals(List.of("grishin", "iwpr"), bruises.via());
    // javadoc core/src/main/java/io/github/rashomon/model/Source.java
    Source police = Source.builder()
        .id("police")
        .name("Police in Janaozen")
        .kind(SourceKind.STATE_BODY)
        .addAffiliations("government")
        .build();
    // end
    assertEquals(Set.of("government"), police.affiliations());
    // javadoc core/src/main/java/io/github/rashomon/model/Question.java
    Question deaths = Question.of("deaths", "How many demonstrators were killed on 16 December?",
        ValueDomain.integerQuantity("people"));
    // end
    assertTrue(deaths.domain().isIntegral());
  }

  @Test
  void engine() {
    // javadoc core/src/main/java/io/github/rashomon/engine/Reconciler.java
    Reconciliation r = Reconcilers.byName("dawid-skene").reconcile(myCase);
    for (Verdict v : r.verdicts()) {
      System.out.println(v.question() + ": " + v.value().orElse(null) + " " + v.status());
    }
    // end
    assertEquals(myCase.questions().size(), r.verdicts().size());
    // javadoc core/src/main/java/io/github/rashomon/engine/Reconcilers.java
    Reconciler ds = Reconcilers.byName("dawid-skene");
    Reconciler capped = Reconcilers.byName("dawid-skene", Map.of("iterations", "20"));
    Set<String> all = Reconcilers.names();
    // end
    assertEquals("20", capped.settings().get("iterations"));
    assertTrue(all.contains(ds.name()));
  }

  @Test
  void enginePackage() {
    // javadoc core/src/main/java/io/github/rashomon/engine/package-info.java
    Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(myCase);
    Verdict v = r.verdict("fire-indiscriminate");
    System.out.println(v.value().orElse(null) + " " + v.status() + ", " + v.corroboration());
    // end
    assertEquals(Truth.TRUE, v.value().orElseThrow());
  }

  @Test
  void results() {
    Reconciliation weighted;
    {
      // javadoc core/src/main/java/io/github/rashomon/engine/Reconciliation.java
      Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(myCase);
      Verdict fire = r.verdict("fire-indiscriminate");
      SourceAssessment police = r.assessment("police");
      System.out.println(r.provenance().algorithm() + ", converged: " + r.provenance().converged());
      // At scale, read the arrays instead of building a verdict per question.
      for (int q = 0; q < r.questionCount(); q++) {
        System.out.println(r.index().questionId(q) + " " + r.leadingValue(q).orElse(null)
            + " " + r.confidence(q) + " " + r.status(q));
      }
      // end
      assertEquals(Truth.TRUE, fire.value().orElseThrow());
      assertEquals("police", police.source());
      weighted = r;
    }
    // javadoc core/src/main/java/io/github/rashomon/engine/Verdict.java
    Verdict v = result.verdict("fire-indiscriminate");
    System.out.println(v.value().orElse(null) + " " + v.status() + ": " + v.reason());
    for (CandidateScore c : v.candidates()) {
      System.out.printf("  %s %.2f%n", c.value(), c.probability());
    }
    for (Contribution why : v.explanation()) {
      System.out.printf("  %+.2f %s %s%n", why.weight(), why.source(), why.notes());
    }
    // end
    assertEquals(weighted.verdict("fire-indiscriminate"), v);
    // javadoc core/src/main/java/io/github/rashomon/engine/Sensitivity.java
    SensitivityReport s = Sensitivity.of(Reconcilers.byName("weighted-vote"))
        .analyse(myCase, "fire-indiscriminate");
    if (!s.survivesEveryRemoval()) {
      System.out.println("changes without " + s.pivotalSources().keySet());
    }
    System.out.println("flips at credibility " + s.credibilityToFlip());
    // end
    assertEquals("fire-indiscriminate", s.question());
  }

  @Test
  void evaluationAndCalibration() {
    Map<String, String> gold = new java.util.TreeMap<>();
    for (int q = 0; q < index.questionCount(); q++) {
      gold.put(index.questionId(q), q % 2 == 0 ? "0" : "1");
    }
    {
      ClaimIndex index = ClaimIndex.builder().add("w1", "q1", "1").add("w2", "q1", "1")
          .add("w3", "q1", "0").add("w1", "q2", "0").add("w2", "q2", "0").build();
      // javadoc core/src/main/java/io/github/rashomon/engine/Evaluation.java
      Reconciliation r = Reconcilers.byName("dawid-skene").reconcile(index);
      Evaluation ev = Evaluation.ofCanonical(r, Map.of("q1", "1", "q2", "0"));
      System.out.println(ev); // Evaluation{dawid-skene n=2 skipped=0 accuracy=1.0000 ...}
      // end
      assertEquals(2, ev.evaluated());
      assertEquals(1.0, ev.accuracy(), 1e-12);
      assertTrue(ev.toString().startsWith("Evaluation{dawid-skene n=2 skipped=0 accuracy=1.0000"),
          ev.toString());
    }
    // javadoc core/src/main/java/io/github/rashomon/engine/Calibrator.java
    Reconciliation raw = DawidSkene.withDefaults().reconcile(index);
    Calibrator cal = Calibrator.fitCanonical(Calibrator.Method.ISOTONIC, raw, gold);
    Reconciliation calibrated = cal.apply(raw);             // same leading values
    // An honest estimate of the calibration error: every gold question calibrated by a map
    // fitted on the other folds only.
    Reconciliation cv = Calibrator.crossValidateCanonical(Calibrator.Method.ISOTONIC, raw, gold, 10);
    double ece = Evaluation.ofCanonical(cv, gold).expectedCalibrationError();
    // end
    assertEquals(raw.leadingValue(0), calibrated.leadingValue(0));
    assertTrue(ece >= 0 && ece <= 1);
  }

  @Test
  void credibility() {
    // javadoc core/src/main/java/io/github/rashomon/credibility/Credibility.java
    // Belief 0.6, disbelief 0.1, uncertainty 0.3, base rate 0.5: probability 0.75.
    Credibility witness = Credibility.of(0.6, 0.1, 0.3, 0.5);
    Credibility history = Credibility.fromEvidence(8, 2, 0.5); // 8 claims right, 2 wrong
    Credibility heard = witness.discountedBy(Credibility.ofProbability(0.8, 0.1)); // via a relay
    Credibility both = witness.fuse(history); // independent evidence: less uncertain
    System.out.printf("%.2f, uncertainty %.2f%n", both.probability(), both.uncertainty());
    // end
    assertEquals(0.75, witness.probability(), 1e-12);
    assertTrue(heard.uncertainty() > witness.uncertainty());
    assertTrue(both.uncertainty() < witness.uncertainty());
    assertTrue(both.uncertainty() < history.uncertainty());
  }

  @Test
  void claimIndex() {
    // javadoc core/src/main/java/io/github/rashomon/engine/ClaimIndex.java
    ClaimIndex weighed = ClaimIndex.of(myCase); // every claim weighed by the testimony model
    ClaimIndex raw = ClaimIndex.builder()
        .add("worker-1", "task-1", "cat").add("worker-2", "task-1", "dog")
        .add("worker-1", "task-2", "dog").build();
    int q = raw.questionNumber("task-1");
    System.out.println(raw.candidates(q) + " from " + raw.sourceCount() + " sources");
    // Two workers give label "1" to one task, from arrays of numbers.
    ClaimIndex labels = ClaimIndex.ofLabels(2, 1, List.of("0", "1"),
        new int[] {0, 1}, new int[] {0, 0}, new int[] {1, 1});
    // end
    assertEquals(myCase.claims().size(), weighed.claimCount());
    assertEquals("[cat, dog]", raw.candidates(q).toString());
    assertEquals(2, labels.claimCount());
  }

  @Test
  void readers(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("answer.csv"),
        "question,worker,answer\nq1,w1,1\nq1,w2,1\nq2,w1,0\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("pop.csv"),
        "source,question,value\nwiki,berlin,3.6e6\natlas,berlin,3500000..3700000\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("truth.csv"), "question,truth\nq1,1\nq2,0\n",
        StandardCharsets.UTF_8);
    Path spreadsheets = Snippets.repositoryRoot().resolve("docs/examples/janaozen");
    for (String f : List.of("claims.csv", "sources.csv", "questions.csv")) {
      Files.copy(spreadsheets.resolve(f), dir.resolve(f));
    }
    // javadoc io/src/main/java/io/github/rashomon/io/CsvClaimReader.java
    ClaimIndex claims = CsvClaimReader.withDefaults().read(dir.resolve("answer.csv"));
    ClaimIndex amounts = CsvClaimReader.withDefaults().withValueType(ValueType.QUANTITY)
        .read(dir.resolve("pop.csv"));
    // end
    assertEquals(3, claims.claimCount());
    assertEquals(ValueType.QUANTITY, amounts.questionType(0));
    // javadoc io/src/main/java/io/github/rashomon/io/CsvTruthReader.java
    ImmutableMap<String, Value> truth = CsvTruthReader.withDefaults().read(dir.resolve("truth.csv"));
    // end
    assertEquals(2, truth.size());
    Reconciliation spreadsheet;
    {
      // javadoc io/src/main/java/io/github/rashomon/io/CsvCaseReader.java
      CsvCaseReader reader = CsvCaseReader.withDefaults();
      Case c = reader.read(
          dir.resolve("claims.csv"),
          reader.readSources(dir.resolve("sources.csv")),
          reader.readQuestions(dir.resolve("questions.csv")));
      Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(ClaimIndex.of(c));
      // end
      spreadsheet = r;
    }
    assertEquals(result.verdict("fire-indiscriminate").value(),
        spreadsheet.verdict("fire-indiscriminate").value());
    Files.writeString(dir.resolve("case.json"), "{\"format\": \"rashomon-case\", \"version\": 1,\n"
        + "\"claims\": [{\"stance\": \"maybe\"}]}", StandardCharsets.UTF_8);
    // javadoc io/src/main/java/io/github/rashomon/io/JsonCaseReader.java
    try {
      Case c = JsonCaseReader.withDefaults().read(dir.resolve("case.json"));
    } catch (JsonFormatException e) {
      System.err.println(e.getMessage()); // case.json:5: $.claims[0].stance: expected one of ...
    }
    // end
    JsonFormatException x = org.junit.jupiter.api.Assertions.assertThrows(
        JsonFormatException.class, () -> JsonCaseReader.withDefaults().read(dir.resolve("case.json")));
    assertTrue(x.getMessage().endsWith(
        "case.json:2: $.claims[0].stance: expected one of affirms, denies, got 'maybe'"),
        x.getMessage());
  }

  @Test
  void writers(@TempDir Path dir) throws IOException {
    {
      // javadoc io/src/main/java/io/github/rashomon/io/CsvResultWriter.java
      Reconciliation r = Reconcilers.byName("dawid-skene").reconcile(index);
      CsvResultWriter.write(r, dir); // dir/verdicts.csv and dir/sources.csv, both or neither
      // end
    }
    assertTrue(Files.isRegularFile(dir.resolve("verdicts.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("sources.csv")));
    // javadoc io/src/main/java/io/github/rashomon/io/JsonCaseWriter.java
    JsonCaseWriter.write(myCase, dir.resolve("case.json"));
    String json = JsonCaseWriter.toJson(myCase); // the same text
    // end
    assertEquals(json, Files.readString(dir.resolve("case.json"), StandardCharsets.UTF_8));
    {
      // javadoc io/src/main/java/io/github/rashomon/io/JsonResultWriter.java
      Reconciler algorithm = Reconcilers.byName("weighted-vote");
      Reconciliation r = algorithm.reconcile(myCase);
      List<SensitivityReport> sensitivity = new ArrayList<>();
      for (Question q : myCase.questions()) {
        sensitivity.add(Sensitivity.of(algorithm).analyse(myCase, q.id()));
      }
      JsonResultWriter.write(r, sensitivity, dir.resolve("result.json"));
      // end
    }
    assertTrue(Files.size(dir.resolve("result.json")) > 0);
    {
      // javadoc io/src/main/java/io/github/rashomon/io/HtmlReportWriter.java
      Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(myCase);
      HtmlReportWriter.withDefaults()
          .withClaimReviews(ClaimReviewWriter.withDefaults().withUrl("https://example.org/case"))
          .write(r, List.of(), dir.resolve("report.html"));
      // end
    }
    assertTrue(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)
        .contains("https://example.org/case"));
    // javadoc io/src/main/java/io/github/rashomon/io/ClaimReviewWriter.java
    ClaimReviewWriter.withDefaults()
        .withUrl("https://example.org/janaozen")
        .withAuthor("The investigations desk")
        .withDatePublished(LocalDate.of(2012, 1, 12))
        .write(result, dir.resolve("claim-review.json"));
    // end
    assertTrue(Files.readString(dir.resolve("claim-review.json"), StandardCharsets.UTF_8)
        .contains("The investigations desk"));
    // javadoc io/src/main/java/io/github/rashomon/io/ProvWriter.java
    ProvWriter.withDefaults()
        .withNamespace("https://example.org/janaozen#")
        .write(result, dir.resolve("provenance.json"));
    // end
    assertTrue(Files.readString(dir.resolve("provenance.json"), StandardCharsets.UTF_8)
        .contains("https://example.org/janaozen#"));
    // javadoc io/src/main/java/io/github/rashomon/io/DotWriter.java
    DotWriter.write(result, dir.resolve("evidence.dot")); // then: dot -Tsvg evidence.dot
    // end
    assertTrue(Files.readString(dir.resolve("evidence.dot"), StandardCharsets.UTF_8)
        .startsWith("digraph"));
  }

  private static final Pattern EXAMPLE =
      Pattern.compile("(?s)// javadoc (\\S+)\\n(.*?)\\n\\s*// end");
  private static final Pattern JAVADOC_CODE =
      Pattern.compile("(?s)<pre>\\{@code\\n(.*?)\\n\\s*\\* }</pre>");

  @Test
  void examplesMatchTheJavadoc() throws IOException {
    Map<String, String> examples = Snippets.marked(
        Snippets.read("examples/src/test/java/io/github/rashomon/examples/ApiExamplesTest.java"),
        EXAMPLE);
    for (Map.Entry<String, String> e : examples.entrySet()) {
      List<String> blocks = new ArrayList<>();
      Matcher b = JAVADOC_CODE.matcher(Snippets.read(e.getKey()));
      while (b.find()) {
        blocks.add(Snippets.dedent(b.group(1).replaceAll("(?m)^\\s*\\* ?", "")));
      }
      assertTrue(blocks.contains(e.getValue()),
          e.getKey() + " has no javadoc example equal to the one here; its examples: " + blocks);
    }
    assertTrue(examples.keySet().containsAll(MAIN_TYPES),
        "not mirrored: " + difference(examples.keySet()));
  }

  private static Set<String> difference(Set<String> mirrored) {
    Set<String> missing = new TreeSet<>(MAIN_TYPES);
    missing.removeAll(mirrored);
    return missing;
  }
}
