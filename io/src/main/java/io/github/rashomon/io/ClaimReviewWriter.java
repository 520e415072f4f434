package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.DateTime;
import io.github.rashomon.model.SourceKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one schema.org {@code ClaimReview} per verdict, as JSON-LD, so that fact-checkers can
 * publish Rashomon's results in the form search engines and fact-check aggregators read.
 *
 * <p>A verdict reviews the claim that its leading value answers its question: {@code
 * claimReviewed} is "question — value". The {@code reviewRating} is a {@code Rating} on a scale
 * of 1 ({@code worstRating}) to 5 ({@code bestRating}), {@code 1 + round(4 × confidence)}, with
 * the verdict's status as {@code alternateName} ("Accepted", "Contested", "Undetermined") and its
 * reason and probability as {@code ratingExplanation}. The {@code itemReviewed} is a schema.org
 * {@code Claim} whose {@code author}s are the sources that stand for the value and whose {@code
 * appearance}s are where each of their claims appeared: the account it was made in, or the
 * statement of whoever told it to us (the last relay), with that teller as the work's author and
 * the claim's note as its text. Questions without claims have no verdict to publish and are
 * skipped.
 *
 * <p>Every review has a {@code url}: {@link #withUrl(String) the page} the verdicts are published
 * on, with the fragment {@code #verdict-ID} that the HTML report gives each verdict (ID
 * percent-encoded). By default the page is the document itself (a relative URL), which is right
 * when the JSON-LD is embedded in the report. The review's {@code author} is {@link
 * #withAuthor(String) configurable} (default "Rashomon"); {@code datePublished} is written only
 * when {@link #withDatePublished(LocalDate) given}, since results carry no wall-clock time.
 *
 * <pre>{@code
 * ClaimReviewWriter.withDefaults()
 *     .withUrl("https://example.org/janaozen")
 *     .withAuthor("The investigations desk")
 *     .withDatePublished(LocalDate.of(2012, 1, 12))
 *     .write(result, dir.resolve("claim-review.json"));
 * }</pre>
 *
 * @since 0.1
 */
public final class ClaimReviewWriter {
  /** The JSON-LD context of schema.org. */
  public static final String CONTEXT = "https://schema.org";

  private static final ClaimReviewWriter DEFAULTS = new ClaimReviewWriter("", "Rashomon", null);

  private final String url;
  private final String author;
  private final LocalDate datePublished;

  private ClaimReviewWriter(String url, String author, LocalDate datePublished) {
    this.url = url;
    this.author = author;
    this.datePublished = datePublished;
  }

  /**
   * A writer with relative URLs, author "Rashomon" and no publication date.
   *
   * @return the writer
   */
  public static ClaimReviewWriter withDefaults() {
    return DEFAULTS;
  }

  /**
   * A writer whose reviews point into the given page.
   *
   * @param pageUrl the URL of the page publishing the verdicts, without a fragment; empty for the
   *     document itself
   * @return the writer
   * @throws IllegalArgumentException if the URL has a fragment or whitespace
   */
  public ClaimReviewWriter withUrl(String pageUrl) {
    checkNotNull(pageUrl, "pageUrl");
    checkArgument(
        pageUrl.indexOf('#') < 0 && pageUrl.chars().noneMatch(Character::isWhitespace),
        "ClaimReviewWriter.url must be a URL without a fragment or spaces, got '%s'",
        pageUrl);
    return new ClaimReviewWriter(pageUrl, author, datePublished);
  }

  /**
   * A writer that names the given organisation as the reviews' author.
   *
   * @param name the fact-checker's name, not blank
   * @return the writer
   */
  public ClaimReviewWriter withAuthor(String name) {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "ClaimReviewWriter.author must not be blank");
    return new ClaimReviewWriter(url, name, datePublished);
  }

  /**
   * A writer that dates the reviews.
   *
   * @param date the publication date
   * @return the writer
   */
  public ClaimReviewWriter withDatePublished(LocalDate date) {
    return new ClaimReviewWriter(url, author, checkNotNull(date, "date"));
  }

  /**
   * Writes the reviews to a file, atomically.
   *
   * @param r the reconciliation
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public void write(Reconciliation r, Path file) throws IOException {
    checkNotNull(r, "reconciliation");
    CsvResultWriter.writeAtomically(file, w -> write(r, w));
  }

  /**
   * Writes the reviews to a character stream, which is left open.
   *
   * @param r the reconciliation
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void write(Reconciliation r, Writer out) throws IOException {
    checkNotNull(r, "reconciliation");
    checkNotNull(out, "out");
    try (JsonGenerator g = Json.generator(out)) {
      write(EvidenceGraph.of(r), g);
    }
    out.write('\n');
  }

  /**
   * The reviews as JSON-LD text.
   *
   * @param r the reconciliation
   * @return the document
   */
  public String toJson(Reconciliation r) {
    StringWriter w = new StringWriter();
    try {
      write(r, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** For the HTML report: JSON that cannot end its script element. */
  void writeHtmlSafe(EvidenceGraph graph, Writer out) throws IOException {
    try (JsonGenerator g = Json.htmlSafeGenerator(out)) {
      write(graph, g);
    }
  }

  private void write(EvidenceGraph graph, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("@context", CONTEXT);
    g.writeArrayFieldStart("@graph");
    for (EvidenceGraph.QuestionNode q : graph.questions) {
      if (q.verdict.value().isPresent()) {
        review(graph, q, g);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void review(EvidenceGraph graph, EvidenceGraph.QuestionNode q, JsonGenerator g)
      throws IOException {
    Verdict v = q.verdict;
    g.writeStartObject();
    g.writeStringField("@type", "ClaimReview");
    g.writeStringField("url", url + "#" + anchor(q.id));
    g.writeStringField("claimReviewed", q.text + " — " + v.value().get().canonical());
    g.writeFieldName("author");
    Json.inline(g);
    g.writeStartObject();
    g.writeStringField("@type", "Organization");
    g.writeStringField("name", author);
    g.writeEndObject();
    if (datePublished != null) {
      g.writeStringField("datePublished", datePublished.toString());
    }
    g.writeStringField("reviewBody", v.reason());
    g.writeFieldName("reviewRating");
    g.writeStartObject();
    g.writeStringField("@type", "Rating");
    g.writeNumberField("ratingValue", rating(v.confidence()));
    g.writeNumberField("bestRating", 5);
    g.writeNumberField("worstRating", 1);
    g.writeStringField("alternateName", statusName(v));
    g.writeStringField(
        "ratingExplanation",
        String.format(
            Locale.ROOT, "%s; probability %.2f from %d claim(s), %.2f independent line(s) for it,"
                + " %.2f against (Rashomon %s)",
            v.reason(), v.confidence(), v.claims(), v.corroboration().linesFor(),
            v.corroboration().linesAgainst(), graph.reconciliation.provenance().algorithm()));
    g.writeEndObject();
    g.writeFieldName("itemReviewed");
    claim(graph, q, g);
    g.writeEndObject();
  }

  private static void claim(EvidenceGraph graph, EvidenceGraph.QuestionNode q, JsonGenerator g)
      throws IOException {
    List<EvidenceGraph.ClaimNode> supporting = new ArrayList<>();
    for (EvidenceGraph.ClaimNode c : graph.claims) {
      if (c.question.equals(q.id) && c.supports()) {
        supporting.add(c);
      }
    }
    g.writeStartObject();
    g.writeStringField("@type", "Claim");
    g.writeStringField("name", q.text + " — " + q.verdict.value().get().canonical());
    Set<String> authors = new LinkedHashSet<>();
    for (EvidenceGraph.ClaimNode c : supporting) {
      if (isAgent(graph.source(c.source).kind)) {
        authors.add(c.source);
      }
    }
    if (!authors.isEmpty()) {
      g.writeArrayFieldStart("author");
      for (String s : authors) {
        agent(graph, s, g);
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("appearance");
    for (EvidenceGraph.ClaimNode c : supporting) {
      appearance(graph, c, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void appearance(EvidenceGraph graph, EvidenceGraph.ClaimNode c, JsonGenerator g)
      throws IOException {
    Optional<Account> account =
        c.account().flatMap(a -> graph.origin.flatMap(k -> k.account(a)));
    String teller = account.map(Account::source).orElse(c.teller());
    SourceKind kind = graph.source(teller).kind;
    g.writeStartObject();
    g.writeStringField("@type", workType(kind));
    g.writeStringField(
        "name", account.map(Account::title).orElse(graph.name(teller)));
    if (isAgent(kind)) {
      g.writeFieldName("author");
      agent(graph, teller, g);
    }
    Optional<DateTime> date = c.statedAt().or(() -> account.flatMap(Account::date));
    if (date.isPresent()) {
      g.writeStringField("datePublished", date.get().canonical());
    }
    if (c.note().isPresent()) {
      g.writeStringField("text", c.note().get());
    }
    g.writeEndObject();
  }

  private static void agent(EvidenceGraph graph, String sourceId, JsonGenerator g)
      throws IOException {
    Json.inline(g);
    g.writeStartObject();
    g.writeStringField("@type", agentType(graph.source(sourceId).kind));
    g.writeStringField("name", graph.name(sourceId));
    g.writeEndObject();
  }

  /** Whether a source of this kind can be the author of a work: a person or an organisation. */
  private static boolean isAgent(SourceKind kind) {
    return kind != SourceKind.RECORDING && kind != SourceKind.WEB_SITE;
  }

  static String agentType(SourceKind kind) {
    switch (kind) {
      case PERSON:
      case CROWD_WORKER:
        return "Person";
      case STATE_BODY:
        return "GovernmentOrganization";
      case MEDIA_OUTLET:
        return "NewsMediaOrganization";
      default:
        return "Organization";
    }
  }

  private static String workType(SourceKind kind) {
    switch (kind) {
      case RECORDING:
        return "MediaObject";
      case WEB_SITE:
        return "WebPage";
      default:
        return "CreativeWork";
    }
  }

  static int rating(double confidence) {
    return 1 + (int) Math.round(4 * Math.max(0, Math.min(1, confidence)));
  }

  private static String statusName(Verdict v) {
    String s = Json.name(v.status());
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * The fragment of a verdict in the HTML report: {@code verdict-} and the question id with
   * every character but ASCII letters, digits, {@code -}, {@code .}, {@code _} and {@code ~}
   * percent-encoded as UTF-8.
   */
  static String anchor(String questionId) {
    StringBuilder b = new StringBuilder("verdict-");
    for (byte x : questionId.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }
}
