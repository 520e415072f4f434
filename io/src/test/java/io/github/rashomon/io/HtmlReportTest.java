package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report without a browser: structure, self-containment, escaping, determinism. */
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<SensitivityReport> sensitivity(Reconciler reconciler, Case c) {
    List<SensitivityReport> out = new ArrayList<>();
    for (Question q : c.questions()) {
      out.add(Sensitivity.of(reconciler).analyse(c, q.id()));
    }
    return out;
  }

  static String janaozenReport() {
    Case c = Janaozen.build();
    Reconciler weighted = Reconcilers.byName("weighted-vote");
    return HtmlReportWriter.withDefaults()
        .toHtml(weighted.reconcile(c), sensitivity(weighted, c));
  }

  @Test
  void janaozenHasEveryPart() throws Exception {
    String html = janaozenReport();
    parse(html);
    // One article per question, each with its bar chart (every question has claims).
    List<String> articles = elements(html, "article");
    assertEquals(13, articles.size());
    assertEquals(13, count(html, "<svg class=\"chart\""));
    assertEquals(
        "<article class=\"verdict accepted\" id=\"verdict-fire-indiscriminate\">",
        articles.get(1));
    assertTrue(html.contains("id=\"evidence-graph\""));
    // A trust bar per source, with its interval.
    assertEquals(18, count(html, "<svg class=\"trust\""));
    assertTrue(html.contains("<section id=\"provenance\">"));
    assertTrue(html.contains("13 question(s) analysed"));
    // The sensitivity summary: the shooting's verdict hangs on the eyewitnesses.
    assertTrue(html.contains("Hangs on Eyewitnesses in Janaozen: without it, <strong>police fired"
        + " in self-defence</strong>."), html);
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    String html = janaozenReport();
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
        + " 'none'; style-src 'unsafe-inline'; img-src data:\"/>"));
    assertFalse(html.contains(" src="), "no src attributes");
    assertFalse(html.contains("<link"), "no linked resources");
    assertFalse(html.contains("@import"), "no imported styles");
    assertFalse(html.contains("url("), "no URLs in styles");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertTrue(href.group(1).startsWith("#"), "only links within the page: " + href.group(1));
    }
    // The only script is data: the ClaimReview JSON-LD.
    assertEquals(1, count(html, "<script"));
    assertTrue(html.contains("<script type=\"application/ld+json\">"));
  }

  @Test
  void theEmbeddedClaimReviewsAreValidAndPointIntoThePage() throws Exception {
    String html = janaozenReport();
    int from = html.indexOf("<script type=\"application/ld+json\">") + 35;
    JsonNode reviews = JSON.readTree(html.substring(from, html.indexOf("</script>", from)));
    assertTrue(ClaimReviewExportTest.validate(reviews).isEmpty());
    for (JsonNode review : reviews.get("@graph")) {
      String anchor = review.get("url").asText().substring(1);
      assertTrue(html.contains("id=\"" + anchor + "\""), anchor);
    }
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertEquals(janaozenReport(), janaozenReport());
  }

  @Test
  void everyGeneratedCaseGivesWellFormedEscapedMarkup() {
    qt().withFixedSeed(2014L).withExamples(100)
        .forAll(CaseGenerator.cases())
        .checkAssert(
            c -> {
              Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(c);
              String html = HtmlReportWriter.withDefaults().toHtml(r, List.of());
              try {
                parse(html);
              } catch (Exception e) {
                throw new AssertionError(e.getMessage() + "\n" + html, e);
              }
              // CaseGenerator.NAMES holds "<script>alert(1)</script>": never as markup.
              assertFalse(html.contains("<script>"), "unescaped markup from the case");
              assertEquals(1, count(html, "<script"));
            });
  }

  @Test
  void aBigGraphIsLeftToTheDotExport() {
    Reconciliation r = Janaozen.reconcile();
    String html = HtmlReportWriter.withDefaults().withMaxGraphClaims(10).toHtml(r, List.of());
    assertFalse(html.contains("id=\"evidence-graph\""));
    assertTrue(html.contains("more than the 10 drawn on a page"));
    assertTrue(html.contains("not analysed"));
    assertThrows(
        IllegalArgumentException.class, () -> HtmlReportWriter.withDefaults().withMaxGraphClaims(-1));
  }

  @Test
  void rawTriplesGiveAReportToo() throws Exception {
    Reconciliation r =
        Reconcilers.byName("majority-vote")
            .reconcile(
                CsvClaimReader.withDefaults()
                    .read(new ByteArrayInputStream(
                        "source,question,value\na,q,x\nb,q,y\nc,q,x\na,p,1\n"
                            .getBytes(StandardCharsets.UTF_8)), "claims.csv"));
    String html = HtmlReportWriter.withDefaults().toHtml(r, List.of());
    parse(html);
    assertEquals(2, count(html, "<svg class=\"chart\""));
    assertTrue(html.contains("<title>Reconciliation — Rashomon report</title>"));
  }

  @Test
  void writesAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReportWriter.withDefaults().write(Janaozen.reconcile(), List.of(), file);
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void theWellFormednessCheckCatchesBrokenMarkup() {
    parse("<!DOCTYPE html>\n<html><p a=\"x&amp;y\">t &lt; u</p><br/></html>\n");
    for (String bad : new String[] {"<html><p></html>", "<html>a & b</html>",
        "<html><p a=\"<\"></p></html>", "<html></html><html></html>", "<html><p a=x></p></html>"}) {
      assertThrows(IllegalArgumentException.class, () -> parse(bad), bad);
    }
  }

  @Test
  void escapingCoversMarkupAndQuotes() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;\uFFFD", HtmlReportWriter.esc("<a href=\"x\">&'\u0001"));
    assertEquals("12.5", HtmlReportWriter.num(12.5));
    assertEquals("3", HtmlReportWriter.num(3.0001));
  }

  /** Checks the page is well-formed: the writer promises markup that is XML too. */
  static void parse(String html) {
    Markup.checkWellFormed(html);
  }

  /** The start tags of one element name, in document order, with their attributes. */
  private static List<String> elements(String html, String tag) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "(\\s[^>]*)?>").matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
