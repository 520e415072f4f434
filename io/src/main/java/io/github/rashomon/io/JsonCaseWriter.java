package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.common.collect.ImmutableMap;
import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.credibility.InformationCredibility;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.ValueDomain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Case} in the JSON case format, version {@value #VERSION}, which {@link
 * JsonCaseReader} reads back into an equal case. {@code docs/formats.md} describes the format.
 *
 * <p>Elements keep the case's order; a field is left out when it holds its default (a source's
 * name equal to its id, a claim's stance {@code affirms}, an empty list), so files stay short and
 * read like the case. Numbers are written with the shortest digits that read back to the same
 * {@code double}, the same on every Java version; text is UTF-8, two-space indented, LF line ends.
 * The same case therefore gives the same bytes.
 *
 * <pre>{@code
 * JsonCaseWriter.write(myCase, dir.resolve("case.json"));
 * String json = JsonCaseWriter.toJson(myCase); // the same text
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonCaseWriter {
  /** The value of the {@code format} field of a case file. */
  public static final String FORMAT = "rashomon-case";

  /** The version of the case format this class writes. */
  public static final int VERSION = 1;

  /**
   * The Admiralty grades by the exact credibility they stand for: a prior equal to one is written
   * as its code ({@code "D"}, {@code "B2"}), which reads back to the same credibility. Where two
   * codes give the same opinion the first in this order (letters, then letter-digit) is kept.
   */
  private static final ImmutableMap<Credibility, String> GRADES = grades();

  private JsonCaseWriter() {}

  private static ImmutableMap<Credibility, String> grades() {
    Map<Credibility, String> m = new LinkedHashMap<>();
    for (Reliability r : Reliability.values()) {
      m.putIfAbsent(r.credibility(), r.name());
    }
    for (Reliability r : Reliability.values()) {
      for (InformationCredibility i : InformationCredibility.values()) {
        AdmiraltyGrade g = AdmiraltyGrade.of(r, i);
        m.putIfAbsent(g.credibility(), r.name() + i.code());
      }
    }
    return ImmutableMap.copyOf(m);
  }

  /**
   * Writes a case to a file, atomically: readers see the old file or the complete new one.
   *
   * @param c the case
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public static void write(Case c, Path file) throws IOException {
    checkNotNull(c, "case");
    CsvResultWriter.writeAtomically(file, w -> write(c, w));
  }

  /**
   * Writes a case to a character stream, which is left open.
   *
   * @param c the case
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void write(Case c, Writer out) throws IOException {
    checkNotNull(c, "case");
    checkNotNull(out, "out");
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeStringField("title", c.title());
      g.writeArrayFieldStart("sources");
      for (Source s : c.sources()) {
        writeSource(g, s);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("questions");
      for (Question q : c.questions()) {
        writeQuestion(g, q);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("accounts");
      for (Account a : c.accounts()) {
        writeAccount(g, a);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("claims");
      for (Claim k : c.claims()) {
        writeClaim(g, k);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * The case as JSON text.
   *
   * @param c the case
   * @return the document, ending with a newline
   */
  public static String toJson(Case c) {
    StringWriter w = new StringWriter();
    try {
      write(c, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  private static void writeSource(JsonGenerator g, Source s) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    if (!s.name().equals(s.id())) {
      g.writeStringField("name", s.name());
    }
    if (s.kind() != SourceKind.OTHER) {
      g.writeStringField("kind", Json.name(s.kind()));
    }
    if (!s.affiliations().isEmpty()) {
      g.writeFieldName("affiliations");
      strings(g, s.affiliations());
    }
    if (s.prior().isPresent()) {
      Credibility prior = s.prior().get();
      String grade = GRADES.get(prior);
      if (grade != null) {
        g.writeStringField("prior", grade);
      } else {
        g.writeFieldName("prior");
        Json.writeCredibility(g, prior);
      }
    }
    g.writeEndObject();
  }

  private static void writeQuestion(JsonGenerator g, Question q) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", q.id());
    if (!q.text().equals(q.id())) {
      g.writeStringField("text", q.text());
    }
    g.writeFieldName("domain");
    writeDomain(g, q.domain());
    g.writeEndObject();
  }

  private static void writeDomain(JsonGenerator g, ValueDomain d) throws IOException {
    Json.inline(g);
    g.writeStartObject();
    g.writeStringField("type", Json.typeName(d.type()));
    if (!d.options().isEmpty()) {
      g.writeFieldName("options");
      strings(g, d.options());
    }
    if (d.unit().isPresent()) {
      g.writeStringField("unit", d.unit().get());
    }
    if (d.isIntegral()) {
      g.writeBooleanField("integral", true);
    }
    g.writeEndObject();
  }

  private static void writeAccount(JsonGenerator g, Account a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("source", a.source());
    if (!a.title().equals(a.id())) {
      g.writeStringField("title", a.title());
    }
    if (a.date().isPresent()) {
      g.writeStringField("date", a.date().get().canonical());
    }
    g.writeEndObject();
  }

  private static void writeClaim(JsonGenerator g, Claim k) throws IOException {
    g.writeStartObject();
    // The id first when it is not the one the claim would get anyway.
    Claim withDefaultId =
        Claim.builder()
            .source(k.source())
            .question(k.question())
            .value(k.value())
            .stance(k.stance())
            .addAllVia(k.via())
            .account(k.account())
            .build();
    if (!k.id().equals(withDefaultId.id())) {
      g.writeStringField("id", k.id());
    }
    g.writeStringField("source", k.source());
    g.writeStringField("question", k.question());
    g.writeFieldName("value");
    Json.writeValue(g, k.value());
    if (k.stance() != Stance.AFFIRMS) {
      g.writeStringField("stance", Json.name(k.stance()));
    }
    if (k.hedge() != Hedge.UNSPECIFIED) {
      g.writeStringField("hedge", Json.name(k.hedge()));
    }
    if (k.access() != Access.UNSPECIFIED) {
      g.writeStringField("access", Json.name(k.access()));
    }
    if (k.stake() != Stake.UNSPECIFIED) {
      g.writeStringField("stake", Json.name(k.stake()));
    }
    if (!k.circumstances().isEmpty()) {
      g.writeFieldName("circumstances");
      strings(g, k.circumstances());
    }
    if (!k.via().isEmpty()) {
      g.writeFieldName("via");
      strings(g, k.via());
    }
    if (k.account().isPresent()) {
      g.writeStringField("account", k.account().get());
    }
    if (k.statedAt().isPresent()) {
      g.writeStringField("statedAt", k.statedAt().get().canonical());
    }
    if (k.about().isPresent()) {
      g.writeStringField("about", k.about().get().canonical());
    }
    if (k.note().isPresent()) {
      g.writeStringField("note", k.note().get());
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, Iterable<String> items) throws IOException {
    Json.inline(g);
    g.writeStartArray();
    for (String s : items) {
      g.writeString(s);
    }
    g.writeEndArray();
  }
}
