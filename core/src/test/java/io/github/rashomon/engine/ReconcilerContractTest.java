package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Reconciler} must honour, run against every algorithm that {@link
 * Reconcilers#names()} offers: determinism, invariance under input order and renaming, proper
 * probabilities, no NaN, unanimity, and the degenerate cases.
 */
class ReconcilerContractTest {

  static Stream<String> algorithms() {
    return Reconcilers.names().stream();
  }

  /** A seeded random case: categorical, boolean and quantity questions, sources of mixed skill. */
  static Case randomCase(long seed, int sources, int questions, int claimsPerQuestion) {
    Random r = new Random(seed);
    Case.Builder b = Case.builder().title("random-" + seed);
    double[] skill = new double[sources];
    for (int s = 0; s < sources; s++) {
      skill[s] = 0.3 + 0.65 * r.nextDouble();
      b.addSources(Source.of(String.format(Locale.ROOT, "s%03d", s)));
    }
    for (int q = 0; q < questions; q++) {
      String id = String.format(Locale.ROOT, "q%03d", q);
      int kind = q % 3;
      ValueDomain domain =
          kind == 0
              ? ValueDomain.categorical("a", "b", "c")
              : kind == 1 ? ValueDomain.bool() : ValueDomain.quantity();
      b.addQuestions(Question.of(id, id, domain));
      List<Integer> who = new ArrayList<>();
      for (int s = 0; s < sources; s++) {
        who.add(s);
      }
      Collections.shuffle(who, r);
      for (int k = 0; k < Math.min(claimsPerQuestion, sources); k++) {
        int s = who.get(k);
        boolean right = r.nextDouble() < skill[s];
        Value v;
        if (kind == 0) {
          v = Category.of(right ? "a" : (r.nextBoolean() ? "b" : "c"));
        } else if (kind == 1) {
          v = Truth.of(right);
        } else {
          v = Quantity.exactly(right ? 100 : 100 + 5 * (1 + r.nextInt(4)));
        }
        b.addClaims(
            Claim.builder()
                .source(String.format(Locale.ROOT, "s%03d", s))
                .question(id)
                .value(v)
                .build());
      }
    }
    return b.build();
  }

  /** Every number in a result, in a fixed text form: equal dumps mean byte-identical results. */
  static String dump(Reconciliation r) {
    StringBuilder s = new StringBuilder();
    for (Verdict v : r.verdicts()) {
      s.append(v.question()).append(' ').append(v.value().map(Value::canonical).orElse("-"))
          .append(' ').append(v.status()).append(' ').append(v.confidence());
      for (CandidateScore c : v.candidates()) {
        s.append(' ').append(c.value().canonical()).append('=').append(c.probability());
      }
      for (Contribution c : v.explanation()) {
        s.append(' ').append(c.source()).append(':').append(c.weight());
      }
      s.append('\n');
    }
    for (SourceAssessment a : r.assessments()) {
      s.append(a.source()).append(' ').append(a.trust()).append(' ')
          .append(a.credibility()).append('\n');
    }
    return s.append(r.provenance()).toString();
  }

  static void assertWellFormed(Reconciliation r) {
    for (Verdict v : r.verdicts()) {
      double sum = 0;
      for (CandidateScore c : v.candidates()) {
        assertTrue(
            c.probability() >= 0 && c.probability() <= 1,
            () -> v.question() + ": probability " + c.probability());
        sum += c.probability();
      }
      if (!v.candidates().isEmpty()) {
        assertEquals(1.0, sum, 1e-9, v.question() + ": probabilities sum");
      }
      assertTrue(Double.isFinite(v.confidence()) && v.confidence() >= 0 && v.confidence() <= 1);
      assertTrue(Double.isFinite(v.margin()) && v.margin() >= 0 && v.margin() <= 1);
      for (Contribution c : v.explanation()) {
        assertTrue(Double.isFinite(c.weight()), () -> v.question() + ": weight " + c.weight());
      }
    }
    for (SourceAssessment a : r.assessments()) {
      assertTrue(a.trust() >= 0 && a.trust() <= 1, () -> a.source() + ": trust " + a.trust());
      assertTrue(Double.isFinite(a.credibility().probability()));
    }
    assertTrue(Double.isFinite(r.provenance().finalChange()));
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void isDeterministic(String name) {
    Case c = randomCase(7, 12, 30, 5);
    String first = dump(Reconcilers.byName(name).reconcile(c));
    for (int i = 0; i < 3; i++) {
      assertEquals(first, dump(Reconcilers.byName(name).reconcile(c)));
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void ignoresInputOrder(String name) {
    Case c = randomCase(11, 10, 24, 6);
    List<Source> sources = new ArrayList<>(c.sources());
    List<Question> questions = new ArrayList<>(c.questions());
    List<Claim> claims = new ArrayList<>(c.claims());
    Random r = new Random(3);
    Collections.shuffle(sources, r);
    Collections.shuffle(questions, r);
    Collections.shuffle(claims, r);
    Case shuffled =
        Case.builder()
            .title(c.title())
            .addAllSources(sources)
            .addAllQuestions(questions)
            .addAllClaims(claims)
            .build();
    Reconciler a = Reconcilers.byName(name);
    assertEquals(dump(a.reconcile(c)), dump(a.reconcile(shuffled)));
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void ignoresNames(String name) {
    Case c = randomCase(13, 8, 18, 5);
    // Renaming that reverses the id order changes every internal number, not the answers.
    Case.Builder renamed = Case.builder().title(c.title());
    for (Source s : c.sources()) {
      renamed.addSources(Source.of("z" + (999 - Integer.parseInt(s.id().substring(1)))));
    }
    for (Question q : c.questions()) {
      renamed.addQuestions(
          Question.of("x" + (999 - Integer.parseInt(q.id().substring(1))), q.text(), q.domain()));
    }
    for (Claim k : c.claims()) {
      renamed.addClaims(
          Claim.builder()
              .source("z" + (999 - Integer.parseInt(k.source().substring(1))))
              .question("x" + (999 - Integer.parseInt(k.question().substring(1))))
              .value(k.value())
              .build());
    }
    Reconciler a = Reconcilers.byName(name);
    Reconciliation x = a.reconcile(c);
    Reconciliation y = a.reconcile(renamed.build());
    for (Question q : c.questions()) {
      Verdict vx = x.verdict(q.id());
      Verdict vy = y.verdict("x" + (999 - Integer.parseInt(q.id().substring(1))));
      assertEquals(vx.value(), vy.value(), q.id());
      assertEquals(vx.confidence(), vy.confidence(), 1e-9, q.id());
    }
    for (Source s : c.sources()) {
      assertEquals(
          x.assessment(s.id()).trust(),
          y.assessment("z" + (999 - Integer.parseInt(s.id().substring(1)))).trust(),
          1e-9,
          s.id());
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void givesProperProbabilities(String name) {
    for (long seed = 1; seed <= 5; seed++) {
      assertWellFormed(Reconcilers.byName(name).reconcile(randomCase(seed, 9, 21, 4)));
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void acceptsUnanimousEvidence(String name) {
    Case.Builder b = Case.builder();
    b.addQuestions(Question.of("q", "q", ValueDomain.categorical("yes", "no", "maybe")));
    for (int s = 0; s < 5; s++) {
      b.addSources(Source.of("s" + s));
      b.addClaims(
          Claim.builder().source("s" + s).question("q").value(Category.of("yes")).build());
    }
    Verdict v = Reconcilers.byName(name).reconcile(b.build()).verdict("q");
    assertEquals(Category.of("yes"), v.value().orElseThrow());
    assertEquals(VerdictStatus.ACCEPTED, v.status());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void handlesTheEmptyCase(String name) {
    Reconciliation r = Reconcilers.byName(name).reconcile(Case.builder().build());
    assertTrue(r.verdicts().isEmpty());
    assertTrue(r.assessments().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void handlesQuestionsAndSourcesWithoutClaims(String name) {
    Case c =
        Case.builder()
            .addSources(Source.of("talker"), Source.of("silent"))
            .addQuestions(
                Question.of("asked", "asked", ValueDomain.bool()),
                Question.of("open", "open", ValueDomain.openCategorical()),
                Question.of("closed", "closed", ValueDomain.categorical("x", "y")))
            .addClaims(Claim.builder().source("talker").question("asked").value(Truth.TRUE).build())
            .build();
    Reconciliation r = Reconcilers.byName(name).reconcile(c);
    assertWellFormed(r);
    assertEquals(Truth.TRUE, r.verdict("asked").value().orElseThrow());
    assertEquals(VerdictStatus.UNDETERMINED, r.verdict("open").status());
    assertFalse(r.verdict("open").value().isPresent());
    assertEquals(VerdictStatus.UNDETERMINED, r.verdict("closed").status());
    assertEquals(0, r.assessment("silent").claims());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void handlesASingleClaim(String name) {
    Case c =
        Case.builder()
            .addSources(Source.of("only"))
            .addQuestions(Question.of("q", "q", ValueDomain.openCategorical()))
            .addClaims(
                Claim.builder().source("only").question("q").value(Category.of("it")).build())
            .build();
    Reconciliation r = Reconcilers.byName(name).reconcile(c);
    assertWellFormed(r);
    Verdict v = r.verdict("q");
    assertEquals(Category.of("it"), v.value().orElseThrow());
    assertEquals(1.0, v.confidence(), 1e-9);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void handlesManySourcesWithOneClaimEach(String name) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    Random r = new Random(5);
    for (int s = 0; s < 10_000; s++) {
      b.add("w" + s, "t" + (s % 500), r.nextDouble() < 0.7 ? "1" : "0");
    }
    Reconciliation rec = Reconcilers.byName(name).reconcile(b.build());
    assertEquals(10_000, rec.sourceCount());
    for (int q = 0; q < rec.questionCount(); q++) {
      assertTrue(Double.isFinite(rec.confidence(q)));
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void handlesOneSourceWithAMillionClaims(String name) {
    ClaimIndex.Builder b = ClaimIndex.builder();
    for (int i = 0; i < 1_000_000; i++) {
      b.add("prolific", Integer.toString(i), (i % 3 == 0) ? "a" : "b");
    }
    ClaimIndex index = b.build();
    Reconciliation rec = Reconcilers.byName(name).reconcile(index);
    assertEquals(1_000_000, rec.questionCount());
    int q = index.questionNumber("999999");
    assertEquals(Category.of("a"), rec.leadingValue(q).orElseThrow());
    assertTrue(Double.isFinite(rec.trust(0)));
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void readsQuantityQuestions(String name) {
    ClaimIndex.Builder b = ClaimIndex.builder().question("n", ValueType.QUANTITY);
    b.add("a", "n", "16").add("b", "n", "16").add("c", "n", "17").add("d", "n", "16");
    Reconciliation r = Reconcilers.byName(name).reconcile(b.build());
    Value lead = r.leadingValue(0).orElseThrow();
    // Three of four say 16: a vote picks it, a mean lands between the claims.
    double x = ((Quantity) lead).representative();
    assertTrue(x >= 16 && x <= 17, () -> name + " led with " + lead);
    if (!name.equals("weighted-mean")) {
      assertTrue(lead.compatibleWith(Quantity.exactly(16)), () -> name + " led with " + lead);
    }
  }
}
