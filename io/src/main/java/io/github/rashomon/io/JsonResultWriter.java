package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rashomon.engine.CandidateScore;
import io.github.rashomon.engine.ConfusionMatrix;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.Corroboration;
import io.github.rashomon.engine.Provenance;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.engine.SourceAssessment;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.engine.VerdictPolicy;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Reconciliation} in the JSON result format, version {@value #VERSION}: the
 * provenance of the run, the verdict policy, every verdict with its candidates, corroboration,
 * explanation and (when given) sensitivity report, and every source's assessment. {@code
 * docs/formats.md} describes the fields.
 *
 * <p>Verdicts and sources come in the index's canonical order (ids sorted as strings); values are
 * written as in the case format; numbers with the shortest digits that read back to the same
 * {@code double}. The same reconciliation gives the same bytes on every machine.
 *
 * <pre>{@code
 * Reconciler algorithm = Reconcilers.byName("weighted-vote");
 * Reconciliation r = algorithm.reconcile(myCase);
 * List<SensitivityReport> sensitivity = new ArrayList<>();
 * for (Question q : myCase.questions()) {
 *   sensitivity.add(Sensitivity.of(algorithm).analyse(myCase, q.id()));
 * }
 * JsonResultWriter.write(r, sensitivity, dir.resolve("result.json"));
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonResultWriter {
  /** The value of the {@code format} field of a result file. */
  public static final String FORMAT = "rashomon-result";

  /** The version of the result format this class writes. */
  public static final int VERSION = 1;

  private JsonResultWriter() {}

  /**
   * Writes a result to a file, atomically.
   *
   * @param r the reconciliation
   * @param sensitivity sensitivity reports to include with their verdicts, possibly empty
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public static void write(Reconciliation r, Iterable<SensitivityReport> sensitivity, Path file)
      throws IOException {
    checkNotNull(r, "reconciliation");
    Map<String, SensitivityReport> byQuestion = Reports.byQuestion(sensitivity);
    CsvResultWriter.writeAtomically(file, w -> write(r, byQuestion, w));
  }

  /**
   * Writes a result to a character stream, which is left open.
   *
   * @param r the reconciliation
   * @param sensitivity sensitivity reports to include with their verdicts, possibly empty
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void write(Reconciliation r, Iterable<SensitivityReport> sensitivity, Writer out)
      throws IOException {
    checkNotNull(r, "reconciliation");
    write(r, Reports.byQuestion(sensitivity), checkNotNull(out, "out"));
  }

  /**
   * The result as JSON text, without sensitivity reports.
   *
   * @param r the reconciliation
   * @return the document, ending with a newline
   */
  public static String toJson(Reconciliation r) {
    StringWriter w = new StringWriter();
    try {
      write(r, List.of(), w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void write(Reconciliation r, Map<String, SensitivityReport> sensitivity, Writer out)
      throws IOException {
    Optional<Case> origin = r.index().origin();
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      if (origin.isPresent()) {
        g.writeStringField("case", origin.get().title());
      }
      g.writeFieldName("provenance");
      provenance(g, r.provenance());
      g.writeFieldName("policy");
      policy(g, r.policy());
      g.writeArrayFieldStart("verdicts");
      for (Verdict v : r.verdicts()) {
        Optional<Question> q = origin.flatMap(c -> c.question(v.question()));
        verdict(g, v, q, r.index().questionType(r.index().questionNumber(v.question())),
            sensitivity.get(v.question()));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sources");
      for (SourceAssessment a : r.assessments()) {
        assessment(g, a);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  static void provenance(JsonGenerator g, Provenance p) throws IOException {
    g.writeStartObject();
    g.writeStringField("algorithm", p.algorithm());
    g.writeFieldName("settings");
    Json.inline(g);
    g.writeStartObject();
    for (Map.Entry<String, String> e : p.settings().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("iterations", p.iterations());
    g.writeBooleanField("converged", p.converged());
    g.writeNumberField("finalChange", p.finalChange());
    g.writeStringField("libraryVersion", p.libraryVersion());
    g.writeFieldName("inputs");
    Json.inline(g);
    g.writeStartObject();
    for (Map.Entry<String, Integer> e : p.inputs().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void policy(JsonGenerator g, VerdictPolicy p) throws IOException {
    Json.inline(g);
    g.writeStartObject();
    g.writeNumberField("contestedMargin", p.contestedMargin());
    g.writeNumberField("minimumClaims", p.minimumClaims());
    g.writeNumberField("minimumWeight", p.minimumWeight());
    g.writeEndObject();
  }

  private static void verdict(
      JsonGenerator g, Verdict v, Optional<Question> q, ValueType type, SensitivityReport s)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("question", v.question());
    if (q.isPresent() && !q.get().text().equals(q.get().id())) {
      g.writeStringField("text", q.get().text());
    }
    g.writeStringField("type", Json.typeName(type));
    g.writeFieldName("value");
    value(g, v.value());
    g.writeStringField("status", Json.name(v.status()));
    g.writeStringField("reason", v.reason());
    g.writeNumberField("confidence", v.confidence());
    g.writeNumberField("margin", v.margin());
    g.writeNumberField("claims", v.claims());
    g.writeArrayFieldStart("candidates");
    for (CandidateScore c : v.candidates()) {
      Json.inline(g);
      g.writeStartObject();
      g.writeFieldName("value");
      Json.writeValue(g, c.value());
      g.writeNumberField("probability", c.probability());
      g.writeNumberField("claims", c.claims());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("corroboration");
    corroboration(g, v.corroboration());
    g.writeArrayFieldStart("explanation");
    for (Contribution k : v.explanation()) {
      Json.inline(g);
      g.writeStartObject();
      g.writeStringField("source", k.source());
      if (k.claim().isPresent()) {
        g.writeStringField("claim", k.claim().get());
      }
      g.writeStringField("stance", Json.name(k.stance()));
      g.writeFieldName("value");
      Json.writeValue(g, k.value());
      g.writeNumberField("weight", k.weight());
      if (!k.notes().isEmpty()) {
        g.writeArrayFieldStart("notes");
        for (String n : k.notes()) {
          g.writeString(n);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (s != null) {
      g.writeFieldName("sensitivity");
      sensitivity(g, s);
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Optional<Value> v) throws IOException {
    if (v.isPresent()) {
      Json.writeValue(g, v.get());
    } else {
      g.writeNull();
    }
  }

  private static void corroboration(JsonGenerator g, Corroboration c) throws IOException {
    Json.inline(g);
    g.writeStartObject();
    g.writeNumberField("linesFor", c.linesFor());
    g.writeNumberField("linesAgainst", c.linesAgainst());
    g.writeNumberField("sourcesFor", c.sourcesFor());
    g.writeNumberField("sourcesAgainst", c.sourcesAgainst());
    g.writeArrayFieldStart("blocsFor");
    for (String b : c.blocsFor()) {
      g.writeString(b);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("blocsAgainst");
    for (String b : c.blocsAgainst()) {
      g.writeString(b);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void sensitivity(JsonGenerator g, SensitivityReport s) throws IOException {
    g.writeStartObject();
    g.writeFieldName("pivotalSources");
    stringMap(g, s.pivotalSources());
    g.writeFieldName("pivotalBlocs");
    stringMap(g, s.pivotalBlocs());
    g.writeFieldName("credibilityToFlip");
    Json.inline(g);
    g.writeStartObject();
    for (Map.Entry<String, Double> e : s.credibilityToFlip().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeFieldName("robustTo");
    Json.inline(g);
    g.writeStartArray();
    for (String id : s.robustTo()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The value that would lead without the source or bloc; null for no verdict at all. */
  private static void stringMap(JsonGenerator g, Map<String, String> m) throws IOException {
    Json.inline(g);
    g.writeStartObject();
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (e.getValue().isEmpty()) {
        g.writeNullField(e.getKey());
      } else {
        g.writeStringField(e.getKey(), e.getValue());
      }
    }
    g.writeEndObject();
  }

  private static void assessment(JsonGenerator g, SourceAssessment a) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", a.source());
    g.writeNumberField("trust", a.trust());
    g.writeNumberField("claims", a.claims());
    g.writeFieldName("credibility");
    Json.writeCredibility(g, a.credibility());
    if (a.confusion().isPresent()) {
      ConfusionMatrix m = a.confusion().get();
      g.writeObjectFieldStart("confusion");
      g.writeFieldName("labels");
      Json.inline(g);
      g.writeStartArray();
      for (String l : m.labels()) {
        g.writeString(l);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rows");
      int k = m.labels().size();
      for (int t = 0; t < k; t++) {
        Json.inline(g);
        g.writeStartArray();
        for (int ans = 0; ans < k; ans++) {
          g.writeNumber(m.probability(t, ans));
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
