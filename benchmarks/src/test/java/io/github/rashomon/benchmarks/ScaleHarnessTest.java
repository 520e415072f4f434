package io.github.rashomon.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A tiny run of the harness: it reports every figure (no timing is asserted). */
class ScaleHarnessTest {
  @Test
  void reportsEveryFigure() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScaleHarness.Options o =
        ScaleHarness.Options.parse(new String[] {
          "--claims", "1e4", "--algorithm", "majority-vote,dawid-skene", "--iterations", "3",
          "--threads", "2", "--sources", "50"
        });
    ScaleHarness.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("claims 10000"), out);
    assertTrue(out.contains("bytes/claim"), out);
    assertTrue(out.contains("floor:"), out);
    assertTrue(out.contains("x_floor") && out.contains("peak_heap"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("dawid-skene")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("majority-vote")), out);
  }
}
