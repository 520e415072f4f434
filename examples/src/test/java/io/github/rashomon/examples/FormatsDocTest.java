package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.ClaimReviewWriter;
import io.github.rashomon.io.JsonCaseWriter;
import io.github.rashomon.io.JsonResultWriter;
import io.github.rashomon.io.ProvWriter;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/formats.md} shows what the writers write: the complete Janaozen case, and excerpts
 * of the result, ClaimReview and PROV documents of its weighted-vote reconciliation. This checks
 * the page has not drifted from the code.
 */
class FormatsDocTest {
  private static String doc() throws Exception {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path f = d.resolve("docs/formats.md");
      if (Files.isRegularFile(f)) {
        return Files.readString(f, StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("docs/formats.md not found above " + dir);
  }

  /** The JSON code blocks of the page, in order. */
  private static List<String> blocks(String doc) {
    List<String> out = new ArrayList<>();
    for (int i = doc.indexOf("```json\n"); i >= 0; i = doc.indexOf("```json\n", i + 1)) {
      int from = i + "```json\n".length();
      out.add(doc.substring(from, doc.indexOf("```", from)));
    }
    return out;
  }

  @Test
  void theCompleteExampleIsTheJanaozenCase() throws Exception {
    String doc = doc();
    int begin = doc.indexOf("<!-- janaozen.json: begin -->\n```json\n");
    assertTrue(begin >= 0, "the Janaozen block is marked");
    String block = blocks(doc.substring(begin)).get(0);
    assertEquals(JsonCaseWriter.toJson(Janaozen.build()), block);
  }

  @Test
  void theExcerptsAreWhatTheWritersWrite() throws Exception {
    Case c = Janaozen.build();
    Reconciler weighted = Reconcilers.byName("weighted-vote");
    Reconciliation r = weighted.reconcile(c);
    List<SensitivityReport> sensitivity = new ArrayList<>();
    for (Question q : c.questions()) {
      sensitivity.add(Sensitivity.of(weighted).analyse(c, q.id()));
    }
    StringWriter result = new StringWriter();
    JsonResultWriter.write(r, sensitivity, result);
    String reviews = ClaimReviewWriter.withDefaults().toJson(r);
    String prov = ProvWriter.withDefaults().toJson(r);
    int checked = 0;
    for (String block : blocks(doc())) {
      String against;
      if (block.contains("\"rashomon-case\"")) {
        continue;
      } else if (block.contains("\"rashomon-result\"")) {
        against = result.toString();
      } else if (block.contains("\"ClaimReview\"")) {
        against = reviews;
      } else {
        against = prov;
      }
      for (String line : block.split("\n")) {
        String l = line.strip();
        if (l.endsWith(",")) {
          l = l.substring(0, l.length() - 1);
        }
        assertTrue(against.contains(l), "not in the output: " + l);
      }
      checked++;
    }
    assertEquals(3, checked);
  }
}
