package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.Evaluation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CrowdLabelsTest {
  @Test
  void dawidSkeneBeatsTheMajorityOnProductMatching() {
    Path product = Datasets.folder("zheng_d_jn-product");
    Assumptions.assumeTrue(Files.isDirectory(product), "datasets not found at " + product
        + ": skipping");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Evaluation> e =
        CrowdLabels.compare(product, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    // Figures of docs/accuracy.md for D_Product: majority vote 0.8966, Dawid–Skene 0.9366,
    // GLAD 0.9278 (published: 0.897, 0.940, 0.928 in Ustalov et al., JOSS 2024).
    assertEquals(0.8966, e.get(0).accuracy(), 5e-5);
    assertEquals(0.9366, e.get(1).accuracy(), 5e-5);
    assertEquals(0.9278, e.get(2).accuracy(), 5e-5);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("24945 answers from 176 workers on 8315 questions"), out);
  }
}
