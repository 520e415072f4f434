package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.Corroboration;
import io.github.rashomon.engine.DawidSkene;
import io.github.rashomon.engine.Evaluation;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.engine.SourceAssessment;
import io.github.rashomon.engine.Synthetic;
import io.github.rashomon.engine.TestimonyModel;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.engine.VerdictPolicy;
import io.github.rashomon.engine.VerdictStatus;
import io.github.rashomon.io.CsvClaimReader;
import io.github.rashomon.io.CsvResultWriter;
import io.github.rashomon.io.CsvTruthReader;
import io.github.rashomon.io.HtmlReportWriter;
import io.github.rashomon.io.JsonCaseReader;
import io.github.rashomon.io.JsonResultWriter;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs every code snippet of {@code docs/user-guide.md} and {@code README.md}: each
 * snippet there is the text between {@code // snippet NAME} and {@code // end} here, and {@link
 * #snippetsMatch()} checks that the two have not drifted apart.
 */
class UserGuideTest {

  @Test
  void buildingACase() {
    // snippet build-case
    Case c = Case.builder()
        .title("Janaozen, 16 December 2011")
        .addSources(
            Source.builder().id("police").kind(SourceKind.STATE_BODY)
                .addAffiliations("government").prior(Reliability.D.credibility()).build(),
            Source.builder().id("witnesses").kind(SourceKind.PERSON)
                .prior(Reliability.C.credibility()).build(),
            Source.builder().id("footage").kind(SourceKind.RECORDING)
                .prior(Reliability.B.credibility()).build(),
            Source.of("iwpr"))
        .addQuestions(
            Question.of("indiscriminate", "Did police fire indiscriminately?", ValueDomain.bool()),
            Question.of("killed", "How many were killed?", ValueDomain.integerQuantity("people")))
        .addClaims(
            Claim.builder().source("witnesses").question("indiscriminate").value(Truth.TRUE)
                .access(Access.DIRECT).build(),
            Claim.builder().source("footage").question("indiscriminate").value(Truth.TRUE)
                .hedge(Hedge.POSSIBLE).build(),
            Claim.builder().source("police").question("indiscriminate").value(Truth.TRUE)
                .stance(Stance.DENIES).stake(Stake.SELF_SERVING).addVia("iwpr").build(),
            Claim.builder().source("iwpr").question("killed").value(Quantity.exactly(16))
                .build())
        .build();
    // end
    assertEquals(4, c.claims().size());

    // snippet reconcile
    Reconciler algorithm = Reconcilers.byName("weighted-vote");
    Reconciliation result = algorithm.reconcile(c);
    Verdict v = result.verdict("indiscriminate");
    System.out.printf("%s %s %.2f%n", v.value().orElseThrow(), v.status(), v.confidence());
    for (Contribution reason : v.explanation()) {
      System.out.printf("  %+.2f %s %s%n", reason.weight(), reason.source(), reason.notes());
    }
    // end
    assertEquals(Truth.TRUE, v.value().orElseThrow());
    assertEquals(VerdictStatus.ACCEPTED, v.status());

    // snippet corroboration
    Corroboration k = v.corroboration();
    System.out.printf("%.1f lines for (blocs %s), %.1f against (blocs %s)%n",
        k.linesFor(), k.blocsFor(), k.linesAgainst(), k.blocsAgainst());
    // end
    assertEquals(2.0, k.linesFor(), 1e-12);

    // snippet sensitivity
    SensitivityReport what = Sensitivity.of(algorithm).analyse(c, "indiscriminate");
    System.out.println("hangs on: " + what.pivotalSources());
    System.out.println("flips if credibility becomes: " + what.credibilityToFlip());
    // end
    // Witnesses (0.65) and hedged footage (0.8 × 0.5) against a self-serving, relayed police
    // denial (0.4 × 0.6 × 0.5): no single removal or credibility in [0.01, 0.99] flips it.
    assertTrue(what.survivesEveryRemoval());
    assertEquals(List.of("footage", "iwpr", "police", "witnesses"), what.robustTo());

    // snippet policy
    Reconciliation strict =
        result.withPolicy(VerdictPolicy.defaults().withContestedMargin(0.5).withMinimumWeight(2));
    // end
    assertEquals(VerdictStatus.UNDETERMINED, strict.verdict("killed").status());

    // snippet testimony-model
    TestimonyModel model = TestimonyModel.defaults()
        .withStake(Stake.SELF_SERVING, 0.3)
        .withBlocCorrelation(0.8);
    Reconciliation sceptical = algorithm.reconcile(ClaimIndex.of(c, model));
    // end
    assertTrue(sceptical.verdict("indiscriminate").confidence() > v.confidence());
  }

  @Test
  void gradingSources() {
    // snippet admiralty
    Credibility b2 = AdmiraltyGrade.parse("B2").credibility();
    Credibility fromCounts = Credibility.fromEvidence(8, 2, 0.5); // 8 right, 2 wrong
    Credibility relayed = b2.discountedBy(Reliability.C.credibility());
    Credibility both = b2.fuse(fromCounts);
    Reliability nearest = Reliability.nearest(both);
    // end
    assertEquals(0.75, fromCounts.probability(), 1e-12); // (8 + 0.5 × 2) / 12
    assertTrue(relayed.uncertainty() > b2.uncertainty());
    assertTrue(both.uncertainty() < fromCounts.uncertainty());
    assertEquals(Reliability.B, nearest);
  }

  @Test
  void rawClaimsAtScale() {
    // snippet raw-index
    ClaimIndex.Builder b = ClaimIndex.builder();
    b.add("worker-7", "task-1", "cat").add("worker-9", "task-1", "dog");
    b.add("worker-7", "task-2", "dog").add("worker-9", "task-2", "dog");
    Reconciliation crowd = Reconcilers.byName("dawid-skene").reconcile(b.build());
    for (int q = 0; q < crowd.questionCount(); q++) {
      System.out.println(crowd.index().questionId(q) + " -> " + crowd.leadingValue(q).orElseThrow());
    }
    // end
    assertEquals(2, crowd.questionCount());
  }

  @Test
  void choosingAnAlgorithmAndFindingCopiers() {
    // snippet compare-algorithms
    Synthetic.Data data = Synthetic.withDefaults().withSeed(7).withQuestions(500)
        .withSources(20).withClasses(10).withClaimsPerQuestion(10).withAccuracy(0.4, 0.9)
        .withCopiers(4, 0.9).generate();
    for (String name : List.of("majority-vote", "accu", "depen", "dawid-skene")) {
      Reconciliation r = Reconcilers.byName(name).reconcile(data.index());
      Evaluation e = Evaluation.of(r, data.truths());
      System.out.printf("%-14s accuracy %.3f, calibration error %.3f%n",
          name, e.accuracy(), e.expectedCalibrationError());
    }
    // end
    double majority =
        Evaluation.of(Reconcilers.byName("majority-vote").reconcile(data.index()), data.truths())
            .accuracy();
    double dawidSkene =
        Evaluation.of(Reconcilers.byName("dawid-skene").reconcile(data.index()), data.truths())
            .accuracy();
    assertTrue(dawidSkene > majority, dawidSkene + " vs " + majority);

    // snippet copying
    Reconciliation depen = Reconcilers.byName("depen").reconcile(data.index());
    for (SourceAssessment s : depen.assessments()) {
      if (!s.dependence().isEmpty()) {
        System.out.println(s.source() + " depends on " + s.dependence());
      }
    }
    // end
    // Exactly the generated copiers and their originals, each pair seen from both sides.
    Map<String, String> found = new TreeMap<>();
    Map<String, String> generated = new TreeMap<>();
    for (int s = 0; s < data.index().sourceCount(); s++) {
      SourceAssessment a = depen.assessment(s);
      assertTrue(a.dependence().size() <= 1, a.toString());
      a.dependence().keySet().forEach(o -> found.put(a.source(), o));
      final int copier = s;
      data.original(s).ifPresent(o -> {
        generated.put(data.index().sourceId(copier), data.index().sourceId(o));
        generated.put(data.index().sourceId(o), data.index().sourceId(copier));
      });
    }
    assertEquals(8, generated.size());
    assertEquals(generated, found);
  }

  @Test
  void gradesOnSources() {
    // snippet grades
    Source analyst = Source.builder().id("informant-7").kind(SourceKind.PERSON)
        .prior(AdmiraltyGrade.parse("C3").credibility()).build();
    System.out.printf("C3: probability %.3f, uncertainty %.3f, nearest reliability %s%n",
        analyst.prior().orElseThrow().probability(), analyst.prior().orElseThrow().uncertainty(),
        Reliability.nearest(analyst.prior().orElseThrow()));
    // end
    // Information 3 (0.50) discounted by a fairly reliable source (C, 0.65): below both.
    assertTrue(analyst.prior().orElseThrow().probability() < Reliability.C.credibility()
        .probability());
  }

  @Test
  void filesInAndOut(@TempDir Path dir) throws IOException {
    try (InputStream in = Janaozen.class.getResourceAsStream("/janaozen.json")) {
      Files.write(dir.resolve("janaozen.json"), in.readAllBytes());
    }
    Files.writeString(dir.resolve("answers.csv"),
        "question,worker,answer\nq1,w1,cat\nq1,w2,cat\nq1,w3,dog\nq2,w1,dog\nq2,w2,dog\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("truth.csv"), "question,truth\nq1,cat\nq2,dog\n",
        StandardCharsets.UTF_8);
    // snippet formats
    Case janaozen = JsonCaseReader.withDefaults().read(dir.resolve("janaozen.json"));
    Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(janaozen);
    CsvResultWriter.write(r, dir);                       // verdicts.csv and sources.csv
    JsonResultWriter.write(r, List.of(), dir.resolve("result.json"));
    HtmlReportWriter.withDefaults().write(r, List.of(), dir.resolve("report.html"));

    ClaimIndex labels = CsvClaimReader.withDefaults().read(dir.resolve("answers.csv"));
    Map<String, Value> truth = CsvTruthReader.withDefaults().read(dir.resolve("truth.csv"));
    Evaluation e = Evaluation.of(Reconcilers.byName("dawid-skene").reconcile(labels), truth);
    // end
    assertEquals(Janaozen.build(), janaozen);
    assertTrue(Files.readString(dir.resolve("verdicts.csv"), StandardCharsets.UTF_8)
        .contains("fire-indiscriminate,true,"));
    assertTrue(Files.isRegularFile(dir.resolve("sources.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("result.json")));
    assertTrue(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)
        .startsWith("<!DOCTYPE html>"));
    assertEquals(1.0, e.accuracy(), 1e-12);
  }

  @Test
  void warmStartOnGrowingCrowdData() {
    // snippet threads-warm-start
    Synthetic crowd = Synthetic.withDefaults().withSeed(21).withSources(200);
    DawidSkene ds = DawidSkene.withDefaults().withThreads(0); // 0: every processor
    Reconciliation yesterday = ds.reconcile(crowd.withQuestions(20_000).generate().index());
    ClaimIndex today = crowd.withQuestions(20_200).generate().index(); // 1% more questions
    Reconciliation warm = ds.reconcile(today, yesterday);
    System.out.println(warm.provenance().iterations() + " iterations from yesterday's result");
    // end
    Reconciliation cold = ds.reconcile(today);
    assertTrue(warm.provenance().iterations() < cold.provenance().iterations(),
        warm.provenance() + " vs " + cold.provenance());
    int differ = 0;
    for (int q = 0; q < today.questionCount(); q++) {
      if (!warm.leadingValue(q).equals(cold.leadingValue(q))) {
        differ++;
      }
    }
    // docs/performance.md: at most 0.1% of the leading values differ from a cold run's.
    assertTrue(differ <= today.questionCount() / 1000, differ + " leading values differ");
    // The thread count never changes the result.
    assertEquals(cold.verdicts(), DawidSkene.withDefaults().withThreads(1).reconcile(today)
        .verdicts());
  }

  @Test
  void theReadmeExamples() {
    // snippet readme-embedding
    Case c = Case.builder()
        .addSources(Source.of("police"), Source.of("witnesses"), Source.of("footage"))
        .addQuestions(Question.of("indiscriminate", "Did police fire indiscriminately?", ValueDomain.bool()))
        .addClaims(
            Claim.builder().source("witnesses").question("indiscriminate").value(Truth.TRUE).build(),
            Claim.builder().source("footage").question("indiscriminate").value(Truth.TRUE)
                .hedge(Hedge.POSSIBLE).build(),
            Claim.builder().source("police").question("indiscriminate").value(Truth.TRUE)
                .stance(Stance.DENIES).stake(Stake.SELF_SERVING).build())
        .build();
    Verdict v = Reconcilers.byName("weighted-vote").reconcile(c).verdict("indiscriminate");
    System.out.println(v.value().orElseThrow() + " " + v.status() + " " + v.confidence());
    // end
    assertEquals(Truth.TRUE, v.value().orElseThrow());
    assertEquals(VerdictStatus.ACCEPTED, v.status());
    // As the README says: witnesses 1 and hedged footage 0.5 against a self-serving denial 0.6.
    assertEquals(1.5 / 2.1, v.confidence(), 1e-12);
    assertEquals("0.7142857142857143", Double.toString(v.confidence()));

    int workers = 3;
    int tasks = 2;
    int[] worker = {0, 1, 2, 0, 1, 2};
    int[] task = {0, 0, 0, 1, 1, 1};
    int[] label = {1, 1, 0, 0, 0, 0};
    // snippet readme-at-scale
    ClaimIndex index = ClaimIndex.ofLabels(workers, tasks, List.of("0", "1"), worker, task, label);
    Reconciliation r = DawidSkene.withDefaults().withThreads(0).reconcile(index);
    // end
    assertEquals("1", r.leadingValue(0).orElseThrow().canonical());
    assertEquals("0", r.leadingValue(1).orElseThrow().canonical());
  }

  private static final Pattern SNIPPET =
      Pattern.compile("(?s)// snippet ([a-z-]+)\\n(.*?)\\n\\s*// end");
  private static final Pattern DOC_SNIPPET =
      Pattern.compile("(?s)<!-- snippet ([a-z-]+) -->\\s*```java\\n(.*?)\\n```");

  @Test
  void snippetsMatch() throws IOException {
    assertTrue(checkSnippets("docs/user-guide.md") >= 13);
    assertTrue(checkSnippets("README.md") >= 2);
  }

  /** Checks every snippet of a page against this file; returns how many there are. */
  private static int checkSnippets(String page) throws IOException {
    Map<String, String> code = Snippets.marked(
        Snippets.read("examples/src/test/java/io/github/rashomon/examples/UserGuideTest.java"),
        SNIPPET);
    Map<String, String> doc = Snippets.marked(Snippets.read(page), DOC_SNIPPET);
    for (Map.Entry<String, String> d : doc.entrySet()) {
      assertTrue(code.containsKey(d.getKey()),
          "no snippet '" + d.getKey() + "' of " + page + " in UserGuideTest");
      assertEquals(code.get(d.getKey()), d.getValue(),
          "snippet '" + d.getKey() + "' of " + page + " drifted");
    }
    return doc.size();
  }
}
