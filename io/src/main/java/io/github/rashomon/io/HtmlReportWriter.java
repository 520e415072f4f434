package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.engine.CandidateScore;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.Corroboration;
import io.github.rashomon.engine.Provenance;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.engine.SourceAssessment;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.engine.VerdictPolicy;
import io.github.rashomon.engine.VerdictStatus;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a reconciliation as one self-contained HTML page: no scripts, no fonts, no images or
 * styles from elsewhere (a Content-Security-Policy of {@code default-src 'none'} holds the page to
 * that), readable on a phone and printable.
 *
 * <p>The page shows, for each question, the verdict, its status and reason, a bar chart of the
 * candidate values' probabilities, the corroboration, the sensitivity summary (when {@linkplain
 * #write(Reconciliation, Collection, Writer) given}) and the weighted claims behind it; for each
 * source its estimated trust with a 90% interval (the Beta distribution of its {@linkplain
 * SourceAssessment#credibility() credibility}); the evidence graph as inline SVG (sources on the
 * left, claims in the middle, questions on the right, blocs as lanes beside the sources); and
 * the provenance of the run. The verdicts are also embedded as schema.org {@code ClaimReview}
 * JSON-LD ({@link ClaimReviewWriter}), whose URLs point to each verdict's anchor, {@code
 * #verdict-ID}.
 *
 * <p>All text from the case is escaped. The markup is well-formed XML as well as HTML, and the
 * output is deterministic: the page holds no date or time.
 *
 * <pre>{@code
 * Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(myCase);
 * HtmlReportWriter.withDefaults()
 *     .withClaimReviews(ClaimReviewWriter.withDefaults().withUrl("https://example.org/case"))
 *     .write(r, List.of(), dir.resolve("report.html"));
 * }</pre>
 *
 * @since 0.1
 */
public final class HtmlReportWriter {
  /** The default largest number of claims for which the evidence graph is drawn. */
  public static final int DEFAULT_MAX_GRAPH_CLAIMS = 400;

  private static final HtmlReportWriter DEFAULTS =
      new HtmlReportWriter(DEFAULT_MAX_GRAPH_CLAIMS, ClaimReviewWriter.withDefaults());

  private final int maxGraphClaims;
  private final ClaimReviewWriter reviews;

  private HtmlReportWriter(int maxGraphClaims, ClaimReviewWriter reviews) {
    this.maxGraphClaims = maxGraphClaims;
    this.reviews = reviews;
  }

  /**
   * A writer with the default settings.
   *
   * @return the writer
   */
  public static HtmlReportWriter withDefaults() {
    return DEFAULTS;
  }

  /**
   * A writer that draws the evidence graph only for cases with at most {@code claims} claims
   * (larger graphs are unreadable on a page; the DOT export has them all).
   *
   * @param claims the largest number of claims to draw, at least 0
   * @return the writer
   */
  public HtmlReportWriter withMaxGraphClaims(int claims) {
    checkArgument(claims >= 0, "HtmlReportWriter.maxGraphClaims must be >= 0, got %s", claims);
    return new HtmlReportWriter(claims, reviews);
  }

  /**
   * A writer that embeds the verdicts as written by the given ClaimReview writer (to set the
   * published page's URL, the fact-checker's name or the date).
   *
   * @param writer the ClaimReview writer
   * @return the writer
   */
  public HtmlReportWriter withClaimReviews(ClaimReviewWriter writer) {
    return new HtmlReportWriter(maxGraphClaims, checkNotNull(writer, "writer"));
  }

  /**
   * Writes the report to a file, atomically.
   *
   * @param r the reconciliation
   * @param sensitivity sensitivity reports to show with their verdicts, possibly empty
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public void write(Reconciliation r, Collection<SensitivityReport> sensitivity, Path file)
      throws IOException {
    checkNotNull(r, "reconciliation");
    Map<String, SensitivityReport> byQuestion = Reports.byQuestion(sensitivity);
    CsvResultWriter.writeAtomically(file, w -> new Page(r, byQuestion, w).write());
  }

  /**
   * Writes the report to a character stream, which is left open.
   *
   * @param r the reconciliation
   * @param sensitivity sensitivity reports to show with their verdicts, possibly empty
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void write(Reconciliation r, Collection<SensitivityReport> sensitivity, Writer out)
      throws IOException {
    checkNotNull(r, "reconciliation");
    checkNotNull(out, "out");
    new Page(r, Reports.byQuestion(sensitivity), out).write();
  }

  /**
   * The report as HTML text.
   *
   * @param r the reconciliation
   * @param sensitivity sensitivity reports to show with their verdicts, possibly empty
   * @return the page
   */
  public String toHtml(Reconciliation r, Collection<SensitivityReport> sensitivity) {
    StringWriter w = new StringWriter();
    try {
      write(r, sensitivity, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static final String STYLE =
      String.join(
          "\n",
          ":root { color-scheme: light; --ink: #1d2330; --muted: #5b6474; --line: #d8dde6;",
          "  --accepted: #1b7837; --contested: #b35806; --undetermined: #6b7280;",
          "  --support: #1b7837; --conflict: #b2182b; --bar: #9aa5b8; --paper: #ffffff; }",
          "* { box-sizing: border-box; }",
          "body { margin: 0; background: #f4f6f9; color: var(--ink); line-height: 1.45;",
          "  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue',"
              + " Arial, sans-serif; }",
          "header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }",
          "header { padding-top: 1.5rem; }",
          "h1 { font-size: 1.6rem; margin: 0 0 .3rem; }",
          "h2 { font-size: 1.25rem; margin: 2rem 0 .8rem; border-bottom: 2px solid var(--line);"
              + " padding-bottom: .3rem; }",
          "h3 { font-size: 1.05rem; margin: 0 0 .4rem; }",
          "nav h2 { margin-top: 0; }",
          ".meta, .reason, figcaption, .note { color: var(--muted); font-size: .9rem; }",
          ".qid { font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;"
              + " color: var(--muted); display: block; }",
          "article.verdict, .panel { background: var(--paper); border: 1px solid var(--line);"
              + " border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }",
          "article.verdict { border-left: 6px solid var(--undetermined); }",
          "article.accepted { border-left-color: var(--accepted); }",
          "article.contested { border-left-color: var(--contested); }",
          ".answer { font-size: 1.05rem; margin: .2rem 0; }",
          ".badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem;"
              + " color: #fff; font-size: .8rem; font-weight: 600; vertical-align: .1rem;"
              + " background: var(--undetermined); }",
          ".badge.accepted { background: var(--accepted); }",
          ".badge.contested { background: var(--contested); }",
          "figure { margin: .6rem 0; }",
          "svg { display: block; max-width: 100%; height: auto; }",
          "svg text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial,"
              + " sans-serif; }",
          ".chart .track { fill: #eef1f5; }",
          ".chart .bar { fill: var(--bar); }",
          ".chart .bar.lead { fill: var(--undetermined); }",
          ".accepted .chart .bar.lead { fill: var(--accepted); }",
          ".contested .chart .bar.lead { fill: var(--contested); }",
          ".chart text { font-size: 13px; fill: var(--ink); }",
          "dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;"
              + " margin: .6rem 0; font-size: .92rem; }",
          "dl.facts dt { font-weight: 600; }",
          "dl.facts dd { margin: 0; }",
          ".scroll { overflow-x: auto; }",
          "table { border-collapse: collapse; width: 100%; font-size: .88rem; }",
          "th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line);"
              + " vertical-align: top; }",
          "th { font-weight: 600; color: var(--muted); }",
          "td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
          ".plus { color: var(--support); }",
          ".minus { color: var(--conflict); }",
          "nav table td a { color: inherit; }",
          ".trust .track { fill: #eef1f5; }",
          ".trust .interval { fill: #b8c4d6; }",
          ".trust .point { fill: var(--ink); }",
          "#evidence-graph .src rect { fill: #eef2f8; stroke: #7d8aa3; }",
          "#evidence-graph .clm rect { fill: #fff; stroke: var(--bar); }",
          "#evidence-graph .clm.supports rect { stroke: var(--support); }",
          "#evidence-graph .clm.conflicts rect { stroke: var(--conflict); }",
          "#evidence-graph .qst rect { fill: #fff; stroke: #7d8aa3; }",
          "#evidence-graph .qst .flag { stroke: none; fill: var(--undetermined); }",
          "#evidence-graph .qst.accepted .flag { fill: var(--accepted); }",
          "#evidence-graph .qst.contested .flag { fill: var(--contested); }",
          "#evidence-graph text { font-size: 11px; fill: var(--ink); }",
          "#evidence-graph .head { font-size: 12px; font-weight: 600; fill: var(--muted); }",
          "#evidence-graph path { fill: none; stroke: #98a2b3; }",
          "#evidence-graph path.denies { stroke-dasharray: 4 3; }",
          "#evidence-graph path.relay { stroke: #6a8fd0; stroke-dasharray: 2 3; }",
          "#evidence-graph path.supports { stroke: var(--support); }",
          "#evidence-graph path.conflicts { stroke: var(--conflict); }",
          "#evidence-graph .bloc line { stroke-width: 3; stroke-linecap: round; }",
          "dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }",
          "dl.prov dt { font-weight: 600; }",
          "dl.prov dd { margin: 0; font-variant-numeric: tabular-nums; }",
          "footer { padding: 1rem; color: var(--muted); font-size: .85rem; }",
          "@media (max-width: 40rem) { body { font-size: 14px; }"
              + " dl.facts, dl.prov { grid-template-columns: 1fr; }"
              + " dl.facts dd, dl.prov dd { margin-bottom: .3rem; } }",
          "@media print { body { background: #fff; font-size: 11pt; }"
              + " header, main, footer { max-width: none; }"
              + " article.verdict, .panel { break-inside: avoid; border-color: #999; }"
              + " nav { break-after: page; } h2 { break-after: avoid; } }");

  /** The palette of bloc lanes in the evidence graph. */
  private static final String[] BLOC_COLOURS = {
    "#8c510a", "#5e3c99", "#01665e", "#c51b7d", "#4d9221", "#2166ac", "#b35806", "#762a83"
  };

  /** One page being written. */
  private final class Page {
    private final Reconciliation r;
    private final Map<String, SensitivityReport> sensitivity;
    private final Writer out;
    private final EvidenceGraph graph;

    Page(Reconciliation r, Map<String, SensitivityReport> sensitivity, Writer out) {
      this.r = r;
      this.sensitivity = sensitivity;
      this.out = out;
      this.graph = EvidenceGraph.of(r);
    }

    void write() throws IOException {
      String title = graph.origin.map(c -> c.title()).orElse("Reconciliation");
      Provenance p = r.provenance();
      w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
      w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
      w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
          + " style-src 'unsafe-inline'; img-src data:\"/>\n");
      w("<meta name=\"generator\" content=\"Rashomon " + esc(p.libraryVersion()) + "\"/>\n");
      w("<title>" + esc(title) + " — Rashomon report</title>\n");
      w("<style>\n" + STYLE + "\n</style>\n");
      w("<script type=\"application/ld+json\">\n");
      reviews.writeHtmlSafe(graph, out);
      w("\n</script>\n</head>\n<body>\n");
      w("<header>\n<h1>" + esc(title) + "</h1>\n");
      w("<p class=\"meta\">" + esc(String.format(Locale.ROOT,
          "%d questions, %d sources, %d claims. Reconciled by %s; %s.",
          r.questionCount(), r.sourceCount(), r.index().claimCount(), p.algorithm(),
          run(p))) + "</p>\n</header>\n<main>\n");
      summary();
      w("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n");
      for (EvidenceGraph.QuestionNode q : graph.questions) {
        verdict(q);
      }
      w("</section>\n");
      sources();
      evidenceGraph();
      provenance(p);
      w("</main>\n<footer>Written by Rashomon " + esc(p.libraryVersion())
          + ". The verdicts are probabilities computed from the claims above under the stated"
          + " algorithm and policy; they are not findings of fact.</footer>\n");
      w("</body>\n</html>\n");
    }

    private void summary() throws IOException {
      w("<nav class=\"panel\" aria-label=\"Summary of verdicts\">\n<h2>Summary</h2>\n"
          + "<div class=\"scroll\"><table>\n<thead><tr><th>Question</th><th>Verdict</th>"
          + "<th>Status</th><th>Probability</th></tr></thead>\n<tbody>\n");
      for (EvidenceGraph.QuestionNode q : graph.questions) {
        Verdict v = q.verdict;
        w("<tr><td><a href=\"#" + esc(ClaimReviewWriter.anchor(q.id)) + "\">" + esc(q.text)
            + "</a></td><td>" + esc(v.value().map(x -> label(x.canonical())).orElse("—"))
            + "</td><td><span class=\"badge " + css(v.status()) + "\">" + status(v.status())
            + "</span></td><td class=\"num\">" + fixed(v.confidence()) + "</td></tr>\n");
      }
      w("</tbody></table></div>\n</nav>\n");
    }

    private void verdict(EvidenceGraph.QuestionNode q) throws IOException {
      Verdict v = q.verdict;
      w("<article class=\"verdict " + css(v.status()) + "\" id=\""
          + esc(ClaimReviewWriter.anchor(q.id)) + "\">\n");
      w("<h3><span class=\"qid\">" + esc(q.id) + "</span>" + esc(q.text) + "</h3>\n");
      w("<p class=\"answer\"><span class=\"badge " + css(v.status()) + "\">" + status(v.status())
          + "</span> ");
      if (v.value().isPresent()) {
        w("<strong>" + esc(label(v.value().get().canonical())) + "</strong> — probability "
            + fixed(v.confidence()));
      } else {
        w("no claims");
      }
      w("</p>\n<p class=\"reason\">" + esc(v.reason()) + "</p>\n");
      if (!v.candidates().isEmpty()) {
        chart(q, v);
      }
      w("<dl class=\"facts\">\n<dt>Corroboration</dt><dd>" + esc(corroboration(v)) + "</dd>\n");
      w("<dt>Sensitivity</dt><dd>" + sensitivity(sensitivity.get(q.id)) + "</dd>\n</dl>\n");
      if (!v.explanation().isEmpty()) {
        w("<div class=\"scroll\"><table class=\"explanation\">\n<caption class=\"note\">"
            + "The claims, heaviest first: weight for (+) or against (−) the verdict</caption>\n"
            + "<thead><tr><th>Weight</th><th>Source</th><th>Says</th><th>Weighed by</th></tr>"
            + "</thead>\n<tbody>\n");
        for (Contribution k : v.explanation()) {
          w("<tr><td class=\"num " + (k.weight() > 0 ? "plus" : "minus") + "\">"
              + String.format(Locale.ROOT, "%+.2f", k.weight()).replace('-', '−')
              + "</td><td>" + esc(graph.name(k.source())) + "</td><td>"
              + (k.stance() == Stance.DENIES ? "denies " : "") + esc(label(k.value().canonical()))
              + "</td><td>" + esc(String.join(", ", k.notes())) + "</td></tr>\n");
        }
        w("</tbody></table></div>\n");
      }
      w("</article>\n");
    }

    /** Horizontal bars, one per candidate value, most probable first. */
    private void chart(EvidenceGraph.QuestionNode q, Verdict v) throws IOException {
      List<CandidateScore> shown = v.candidates();
      int more = 0;
      if (shown.size() > 12) {
        more = shown.size() - 12;
        shown = shown.subList(0, 12);
      }
      int rowH = 26;
      int labelW = 230;
      int barW = 300;
      int width = labelW + barW + 60;
      int height = shown.size() * rowH + 6;
      String caption = "Probability of each candidate value for " + q.id;
      w("<figure>\n<svg class=\"chart\" viewBox=\"0 0 " + width + " " + height + "\" width=\""
          + width + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + esc(caption)
          + "\">\n");
      Optional<String> lead = v.value().map(x -> x.canonical());
      for (int i = 0; i < shown.size(); i++) {
        CandidateScore c = shown.get(i);
        int y = 3 + i * rowH;
        String text = label(c.value().canonical());
        boolean isLead = lead.isPresent() && c.value().canonical().equals(lead.get());
        w("<g><title>" + esc(text + ": " + fixed(c.probability()) + ", " + c.claims()
            + " affirming claim(s)") + "</title>");
        w("<text x=\"" + (labelW - 8) + "\" y=\"" + (y + 17) + "\" text-anchor=\"end\">"
            + esc(truncate(text, 32)) + "</text>");
        w("<rect class=\"track\" x=\"" + labelW + "\" y=\"" + (y + 3) + "\" width=\"" + barW
            + "\" height=\"" + (rowH - 8) + "\" rx=\"3\"/>");
        w("<rect class=\"bar" + (isLead ? " lead" : "") + "\" x=\"" + labelW + "\" y=\""
            + (y + 3) + "\" width=\"" + num(c.probability() * barW) + "\" height=\""
            + (rowH - 8) + "\" rx=\"3\"/>");
        w("<text x=\"" + (labelW + barW + 6) + "\" y=\"" + (y + 17) + "\">"
            + String.format(Locale.ROOT, "%.0f%%", 100 * c.probability()) + "</text></g>\n");
      }
      w("</svg>\n<figcaption>Probability of each candidate value"
          + (more > 0 ? "; " + more + " less probable value(s) not shown" : "")
          + ".</figcaption>\n</figure>\n");
    }

    private String corroboration(Verdict v) {
      Corroboration c = v.corroboration();
      if (v.value().isEmpty()) {
        return "no claims";
      }
      return String.format(Locale.ROOT,
          "%.2f independent line(s) from %d source(s) for%s; %.2f line(s) from %d source(s)"
              + " against%s.",
          c.linesFor(), c.sourcesFor(),
          c.blocsFor().isEmpty() ? "" : " (blocs: " + String.join(", ", c.blocsFor()) + ")",
          c.linesAgainst(), c.sourcesAgainst(),
          c.blocsAgainst().isEmpty() ? "" : " (blocs: " + String.join(", ", c.blocsAgainst())
              + ")");
    }

    private String sensitivity(SensitivityReport s) {
      if (s == null) {
        return "<span class=\"note\">not analysed</span>";
      }
      List<String> parts = new ArrayList<>();
      if (s.survivesEveryRemoval()) {
        parts.add("Holds if any one source, or any one bloc, is removed.");
      }
      for (Map.Entry<String, String> e : s.pivotalSources().entrySet()) {
        parts.add("Hangs on " + esc(graph.name(e.getKey())) + ": without it, "
            + (e.getValue().isEmpty() ? "no verdict" : "<strong>" + esc(label(e.getValue()))
                + "</strong>") + ".");
      }
      for (Map.Entry<String, String> e : s.pivotalBlocs().entrySet()) {
        parts.add("Hangs on the bloc " + esc(e.getKey()) + ": without it, "
            + (e.getValue().isEmpty() ? "no verdict" : "<strong>" + esc(label(e.getValue()))
                + "</strong>") + ".");
      }
      for (Map.Entry<String, Double> e : s.credibilityToFlip().entrySet()) {
        parts.add("Changes when " + esc(graph.name(e.getKey())) + " is believed "
            + String.format(Locale.ROOT, "%.2f", e.getValue()) + " (its credibility crosses"
            + " that point).");
      }
      if (!s.robustTo().isEmpty()) {
        parts.add("No credibility of "
            + esc(s.robustTo().stream().map(graph::name).collect(Collectors.joining(", ")))
            + " changes it.");
      }
      return String.join(" ", parts);
    }

    private void sources() throws IOException {
      w("<section id=\"sources\">\n<h2>Sources</h2>\n<div class=\"panel scroll\"><table>\n"
          + "<caption class=\"note\">Estimated trust with its 90% interval (from the claims"
          + " each source made).</caption>\n<thead><tr><th>Source</th><th>Kind</th><th>Blocs"
          + "</th><th>Claims</th><th>Trust</th></tr></thead>\n<tbody>\n");
      for (EvidenceGraph.SourceNode s : graph.sources) {
        SourceAssessment a = s.assessment;
        double[] i = Beta.interval(a.credibility(), 0.9);
        w("<tr><td>" + esc(s.name) + (s.name.equals(s.id) ? "" : "<span class=\"qid\">"
            + esc(s.id) + "</span>") + "</td><td>"
            + (s.kind == SourceKind.OTHER ? "" : esc(Json.name(s.kind).replace('-', ' ')))
            + "</td><td>" + esc(String.join(", ", s.affiliations)) + "</td><td class=\"num\">"
            + a.claims() + "</td><td class=\"num\">");
        w("<svg class=\"trust\" viewBox=\"0 0 124 14\" width=\"124\" height=\"14\" role=\"img\""
            + " aria-label=\"" + esc(String.format(Locale.ROOT,
                "trust %.2f, 90%% interval %.2f to %.2f", a.trust(), i[0], i[1])) + "\">");
        w("<rect class=\"track\" x=\"2\" y=\"4\" width=\"120\" height=\"6\" rx=\"3\"/>");
        w("<rect class=\"interval\" x=\"" + num(2 + 120 * i[0]) + "\" y=\"3\" width=\""
            + num(Math.max(1, 120 * (i[1] - i[0]))) + "\" height=\"8\" rx=\"3\"/>");
        w("<circle class=\"point\" cx=\"" + num(2 + 120 * a.trust()) + "\" cy=\"7\" r=\"4\"/>");
        w("</svg>" + String.format(Locale.ROOT, "%.2f <span class=\"note\">(%.2f–%.2f)</span>",
            a.trust(), i[0], i[1]) + "</td></tr>\n");
      }
      w("</tbody></table></div>\n</section>\n");
    }

    private void evidenceGraph() throws IOException {
      w("<section id=\"graph\">\n<h2>Evidence graph</h2>\n<div class=\"panel\">\n");
      if (graph.claims.size() > maxGraphClaims) {
        w("<p class=\"note\">The case has " + graph.claims.size() + " claims, more than the "
            + maxGraphClaims + " drawn on a page; export the graph as DOT to draw it.</p>\n");
      } else {
        new GraphLayout(graph).write(out);
        w("<p class=\"note\">Sources (left) make claims (middle) about questions (right)."
            + " Green: the claim supports the verdict; red: it conflicts with it, the thicker the"
            + " heavier; dashed grey: a denial; dotted blue: a relay that carried the claim;"
            + " coloured lanes at the left join the sources of one bloc.</p>\n");
      }
      w("</div>\n</section>\n");
    }

    private void provenance(Provenance p) throws IOException {
      VerdictPolicy policy = r.policy();
      w("<section id=\"provenance\">\n<h2>Provenance</h2>\n<div class=\"panel\">\n"
          + "<dl class=\"prov\">\n");
      fact("Algorithm", p.algorithm());
      fact("Settings", p.settings().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
          .collect(Collectors.joining(", ")));
      fact("Run", run(p));
      fact("Final change", String.format(Locale.ROOT, "%.3g", p.finalChange()));
      fact("Inputs", p.inputs().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
          .collect(Collectors.joining(", ")));
      fact("Verdict policy", String.format(Locale.ROOT,
          "accepted when the lead is at least %.2f; at least %d claim(s) weighing %.2f",
          policy.contestedMargin(), policy.minimumClaims(), policy.minimumWeight()));
      fact("Sensitivity", sensitivity.isEmpty() ? "not analysed"
          : sensitivity.size() + " question(s) analysed by removing each source and bloc and"
              + " varying each source's credibility");
      fact("Library", "Rashomon " + p.libraryVersion());
      w("</dl>\n</div>\n</section>\n");
    }

    private void fact(String name, String value) throws IOException {
      w("<dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd>\n");
    }

    private void w(String s) throws IOException {
      out.write(s);
    }
  }

  /** The evidence graph drawn as SVG with a fixed, deterministic layout. */
  private static final class GraphLayout {
    private static final int ROW = 24;
    private static final int TOP = 28;
    private static final int BOX_H = 18;
    private final EvidenceGraph g;
    private final int lanes;
    private final int srcX;
    private final int srcW = 180;
    private final int clmX;
    private final int clmW = 160;
    private final int qX;
    private final int qW = 230;
    private final int width;
    private final int height;
    private final Map<String, Double> sourceY = new HashMap<>();
    private final Map<String, Double> questionY = new HashMap<>();
    private final double[] claimY;
    private final double maxWeight;

    GraphLayout(EvidenceGraph g) {
      this.g = g;
      this.lanes = Math.min(g.blocs.size(), BLOC_COLOURS.length);
      this.srcX = 8 + 12 * lanes;
      this.clmX = srcX + srcW + 70;
      this.qX = clmX + clmW + 70;
      this.width = qX + qW + 8;
      int rows = Math.max(1, Math.max(g.sources.size(), Math.max(g.claims.size(),
          g.questions.size())));
      this.height = TOP + rows * ROW + 8;
      double span = rows * ROW;
      this.claimY = new double[g.claims.size()];
      for (int i = 0; i < claimY.length; i++) {
        claimY[i] = TOP + (i + 0.5) * span / claimY.length;
      }
      for (int i = 0; i < g.questions.size(); i++) {
        questionY.put(g.questions.get(i).id, TOP + (i + 0.5) * span / g.questions.size());
      }
      // Sources by the mean position of the claims they made or carried, to uncross edges;
      // sources without claims last, in case order.
      Map<String, double[]> sums = new HashMap<>();
      for (int i = 0; i < g.claims.size(); i++) {
        EvidenceGraph.ClaimNode c = g.claims.get(i);
        sums.computeIfAbsent(c.source, k -> new double[2]);
        sums.get(c.source)[0] += i;
        sums.get(c.source)[1]++;
        for (String relay : c.via) {
          sums.computeIfAbsent(relay, k -> new double[2]);
          sums.get(relay)[0] += i;
          sums.get(relay)[1]++;
        }
      }
      List<EvidenceGraph.SourceNode> order = new ArrayList<>(g.sources);
      Map<String, Integer> caseOrder = new HashMap<>();
      for (int i = 0; i < g.sources.size(); i++) {
        caseOrder.put(g.sources.get(i).id, i);
      }
      order.sort(
          java.util.Comparator.comparingDouble(
                  (EvidenceGraph.SourceNode s) -> {
                    double[] m = sums.get(s.id);
                    return m == null ? Double.MAX_VALUE : m[0] / m[1];
                  })
              .thenComparingInt(s -> caseOrder.get(s.id)));
      for (int i = 0; i < order.size(); i++) {
        sourceY.put(order.get(i).id, TOP + (i + 0.5) * span / order.size());
      }
      double max = 0;
      for (EvidenceGraph.ClaimNode c : g.claims) {
        if (!Double.isNaN(c.weight)) {
          max = Math.max(max, Math.abs(c.weight));
        }
      }
      this.maxWeight = max;
    }

    void write(Writer out) throws IOException {
      out.write("<svg id=\"evidence-graph\" viewBox=\"0 0 " + width + " " + height
          + "\" width=\"" + width + "\" height=\"" + height + "\" role=\"img\" aria-label=\""
          + esc("Evidence graph: " + g.sources.size() + " sources, " + g.claims.size()
              + " claims, " + g.questions.size() + " questions") + "\">\n");
      out.write("<text class=\"head\" x=\"" + srcX + "\" y=\"16\">Sources</text>"
          + "<text class=\"head\" x=\"" + clmX + "\" y=\"16\">Claims</text>"
          + "<text class=\"head\" x=\"" + qX + "\" y=\"16\">Questions</text>\n");
      int lane = 0;
      for (Map.Entry<String, List<String>> b : g.blocs.entrySet()) {
        if (lane == lanes) {
          break;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (String s : b.getValue()) {
          lo = Math.min(lo, sourceY.get(s));
          hi = Math.max(hi, sourceY.get(s));
        }
        int x = 6 + 12 * lane;
        String colour = BLOC_COLOURS[lane];
        out.write("<g class=\"bloc\"><title>" + esc("bloc " + b.getKey() + ": "
            + b.getValue().stream().map(g::name).collect(Collectors.joining(", ")))
            + "</title><line x1=\"" + x + "\" y1=\"" + num(lo) + "\" x2=\"" + x + "\" y2=\""
            + num(hi) + "\" stroke=\"" + colour + "\"/>");
        for (String s : b.getValue()) {
          out.write("<line x1=\"" + x + "\" y1=\"" + num(sourceY.get(s)) + "\" x2=\"" + srcX
              + "\" y2=\"" + num(sourceY.get(s)) + "\" stroke=\"" + colour
              + "\" stroke-width=\"1\" stroke-opacity=\"0.6\"/>");
        }
        out.write("</g>\n");
        lane++;
      }
      for (int i = 0; i < g.claims.size(); i++) {
        EvidenceGraph.ClaimNode c = g.claims.get(i);
        double y = claimY[i];
        edge(out, srcX + srcW, sourceY.get(c.source), clmX, y,
            c.stance == Stance.DENIES ? "denies" : "asserts", 1);
        for (String relay : c.via) {
          edge(out, srcX + srcW, sourceY.get(relay), clmX, y, "relay", 1);
        }
        String role = c.supports() ? "supports" : c.conflicts() ? "conflicts" : "neutral";
        double width = maxWeight > 0 && !Double.isNaN(c.weight)
            ? 1 + 3 * Math.abs(c.weight) / maxWeight : 1;
        edge(out, clmX + clmW, y, qX, questionY.get(c.question), role, width);
      }
      for (EvidenceGraph.SourceNode s : g.sources) {
        double y = sourceY.get(s.id);
        out.write("<g class=\"src\"><title>" + esc(s.name + " (" + s.id + "), trust "
            + fixed(s.assessment.trust())) + "</title>");
        box(out, srcX, y, srcW);
        out.write("<text x=\"" + (srcX + 6) + "\" y=\"" + num(y + 4) + "\">"
            + esc(truncate(s.name, 26)) + "</text></g>\n");
      }
      for (int i = 0; i < g.claims.size(); i++) {
        EvidenceGraph.ClaimNode c = g.claims.get(i);
        String role = c.supports() ? " supports" : c.conflicts() ? " conflicts" : "";
        String text = (c.stance == Stance.DENIES ? "not " : "") + label(c.value.canonical());
        out.write("<g class=\"clm" + role + "\"><title>" + esc(g.name(c.source) + ": " + text
            + c.note().map(n -> " — " + n).orElse("")) + "</title>");
        box(out, clmX, claimY[i], clmW);
        out.write("<text x=\"" + (clmX + 6) + "\" y=\"" + num(claimY[i] + 4) + "\">"
            + esc(truncate(text, 22)) + "</text></g>\n");
      }
      for (EvidenceGraph.QuestionNode q : g.questions) {
        double y = questionY.get(q.id);
        Verdict v = q.verdict;
        out.write("<g class=\"qst " + css(v.status()) + "\"><title>" + esc(q.text + " → "
            + v.value().map(x -> label(x.canonical())).orElse("no claims") + " ("
            + Json.name(v.status()) + ")") + "</title>");
        box(out, qX, y, qW);
        out.write("<rect class=\"flag\" x=\"" + qX + "\" y=\"" + num(y - BOX_H / 2.0)
            + "\" width=\"5\" height=\"" + BOX_H + "\"/>");
        out.write("<text x=\"" + (qX + 10) + "\" y=\"" + num(y + 4) + "\">"
            + esc(truncate(q.text, 33)) + "</text></g>\n");
      }
      out.write("</svg>\n");
    }

    private static void box(Writer out, int x, double y, int w) throws IOException {
      out.write("<rect x=\"" + x + "\" y=\"" + num(y - BOX_H / 2.0) + "\" width=\"" + w
          + "\" height=\"" + BOX_H + "\" rx=\"4\"/>");
    }

    private static void edge(Writer out, double x1, double y1, double x2, double y2, String cls,
        double width) throws IOException {
      double mid = (x1 + x2) / 2;
      out.write("<path class=\"" + cls + "\" d=\"M" + num(x1) + " " + num(y1) + " C" + num(mid)
          + " " + num(y1) + " " + num(mid) + " " + num(y2) + " " + num(x2) + " " + num(y2)
          + "\"" + (width != 1 ? " stroke-width=\"" + num(width) + "\"" : "") + "/>\n");
    }
  }

  private static String run(Provenance p) {
    return p.converged()
        ? String.format(Locale.ROOT, "converged after %d iteration%s", p.iterations(),
            p.iterations() == 1 ? "" : "s")
        : String.format(Locale.ROOT, "did not converge in %d iterations", p.iterations());
  }

  private static String status(VerdictStatus s) {
    String n = Json.name(s);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static String css(VerdictStatus s) {
    return Json.name(s);
  }

  /** How a value reads on the page: an empty set as "(none)". */
  private static String label(String canonical) {
    return canonical.isEmpty() ? "(none)" : canonical;
  }

  private static String fixed(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** A coordinate: at most two decimals, no exponent, no trailing zeros. */
  static String num(double x) {
    double r = Math.round(x * 100) / 100.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    return String.format(Locale.ROOT, "%.2f", r).replaceAll("0+$", "");
  }

  private static String truncate(String s, int max) {
    String one = s.replaceAll("\\s+", " ");
    if (one.codePointCount(0, one.length()) <= max) {
      return one;
    }
    return one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
  }

  /**
   * Escapes text for HTML content and attribute values (and XML): {@code & < > " '}; control
   * characters that XML forbids become U+FFFD.
   */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
      }
    }
    return b.toString();
  }
}
