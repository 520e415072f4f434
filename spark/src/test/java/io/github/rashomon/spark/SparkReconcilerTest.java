package io.github.rashomon.spark;

import io.github.rashomon.engine.Reconcilers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark engine gives the core engine's answers, on the shared datasets and on generated
 * cases, for every algorithm it runs.
 */
class SparkReconcilerTest {

  static List<String> algorithms() {
    return new ArrayList<>(SparkReconciler.ALGORITHMS);
  }

  /** The repository's {@code ../shared/datasets}, found by walking up from the working dir. */
  static Path datasets() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null
        && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core")))) {
      dir = dir.getParent();
    }
    Path found = dir == null ? Paths.get("..", "shared", "datasets") : dir.resolve("..")
        .resolve("shared").resolve("datasets").normalize();
    Assumptions.assumeTrue(Files.isDirectory(found), "datasets not found at " + found + ": skipping");
    return found;
  }

  /** A crowd dataset's {@code answer.csv} (question,worker,answer) as (source, question, value). */
  static List<String[]> crowd(String name) throws IOException {
    Path file = datasets().resolve(name).resolve("answer.csv");
    Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found: skipping");
    List<String[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      out.add(new String[] {f[1], f[0], f[2]});
    }
    return out;
  }

  /**
   * A seeded case: sources of varied accuracy label questions with one of {@code labels} values,
   * each answering a random subset.
   */
  static List<String[]> generated(long seed, int sources, int questions, int labels) {
    Random r = new Random(seed);
    double[] accuracy = new double[sources];
    for (int s = 0; s < sources; s++) {
      accuracy[s] = 0.3 + 0.65 * r.nextDouble();
    }
    List<String[]> out = new ArrayList<>();
    for (int q = 0; q < questions; q++) {
      int truth = r.nextInt(labels);
      for (int s = 0; s < sources; s++) {
        if (r.nextDouble() < 0.4) {
          int v = r.nextDouble() < accuracy[s] ? truth : r.nextInt(labels);
          out.add(new String[] {"s" + s, "q" + q, "v" + v});
        }
      }
      if (q % 7 == 0) {
        // Every question needs a claim; some get only one.
        out.add(new String[] {"s" + r.nextInt(sources), "q" + q, "v" + r.nextInt(labels)});
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void crowdDatasetsAsCore(String algorithm) throws IOException {
    // GLAD runs thousands of small Spark jobs (a pass per step of its line search): on the two
    // smaller datasets only, to keep the suite short.
    String[] names = algorithm.equals("glad")
        ? new String[] {"zheng_d_Duck", "zheng_s4_Face"}
        : new String[] {"zheng_d_Duck", "zheng_d_jn-product", "zheng_s4_Dog", "zheng_s4_Face"};
    for (String name : names) {
      SameAsCore.check(name, Reconcilers.byName(algorithm), crowd(name));
    }
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void generatedCasesAsCore(String algorithm) {
    SameAsCore.check("generated 1", Reconcilers.byName(algorithm), generated(1, 12, 150, 2));
    if (!algorithm.equals("glad")) {
      // GLAD's many passes make this one slow; it has the other two.
      SameAsCore.check("generated 2", Reconcilers.byName(algorithm), generated(2, 30, 200, 4));
    }
    SameAsCore.check("generated 3", Reconcilers.byName(algorithm), generated(3, 5, 40, 3));
  }

  /** Of the algorithms here only weighted vote reads priors; majority vote must ignore them. */
  @ParameterizedTest
  @ValueSource(strings = {"majority-vote", "weighted-vote"})
  void priorsAsCore(String algorithm) {
    Map<String, Double> priors = new TreeMap<>();
    for (int s = 0; s < 12; s += 2) {
      priors.put("s" + s, 0.2 + 0.06 * s);
    }
    SameAsCore.check("with priors", SparkReconciler.named(algorithm), generated(4, 12, 100, 3),
        priors);
  }
}
