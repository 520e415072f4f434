package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.github.rashomon.engine.Reconcilers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOT export: the edges it promises, escaping, and that Graphviz reads it. */
class DotExportTest {
  @Test
  void janaozenHasSupportConflictRelayAndDependenceEdges() {
    String dot = DotWriter.toDot(Janaozen.reconcile());
    assertTrue(dot.startsWith("digraph evidence {\n"), dot);
    assertTrue(dot.endsWith("}\n"));
    // 18 sources, 13 questions, 22 claims.
    assertEquals(18, count(dot, "shape=box"));
    assertEquals(13, count(dot, "shape=octagon"));
    assertEquals(22, count(dot, "shape=note"));
    assertTrue(dot.contains("label=\"denies\""), "the police deny the fire was indiscriminate");
    assertTrue(dot.contains("label=\"relayed 2\""), "commission members -> grishin -> iwpr");
    assertTrue(dot.contains("color=\"#1b7837\""), "support edges");
    assertTrue(dot.contains("color=\"#b2182b\""), "conflict edges");
    // The government bloc (8 sources) is chained: 7 dependence edges.
    assertEquals(7, count(dot, "label=\"government\", constraint=false"));
  }

  @Test
  void textIsQuotedSafely() {
    assertEquals("\"a \\\"b\\\" \\\\N\\nc\"", DotWriter.quote("a \"b\" \\N\nc"));
    assertEquals("\"x y\"", DotWriter.quote("x\u0001y"));
  }

  @Test
  void graphvizReadsEveryGeneratedGraph(@TempDir Path dir) {
    Path dot = Paths.get("/usr/bin/dot");
    Assumptions.assumeTrue(
        Files.isExecutable(dot), "Graphviz (/usr/bin/dot) is not installed: skipping");
    qt().withFixedSeed(2011L).withExamples(25)
        .forAll(CaseGenerator.cases())
        .checkAssert(
            c -> {
              try {
                Path file = dir.resolve("g.dot");
                Files.writeString(
                    file, DotWriter.toDot(Reconcilers.byName("weighted-vote").reconcile(c)),
                    StandardCharsets.UTF_8);
                Process p = new ProcessBuilder(dot.toString(), "-Tsvg", "-o",
                    dir.resolve("g.svg").toString(), file.toString())
                    .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot timed out");
                assertEquals(0, p.exitValue(), out + "\n" + Files.readString(file));
                assertTrue(out.isBlank(), out);
              } catch (IOException e) {
                throw new AssertionError(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
              }
            });
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
