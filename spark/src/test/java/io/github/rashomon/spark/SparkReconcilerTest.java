package io.github.rashomon.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.Crh;
import io.github.rashomon.engine.DawidSkene;
import io.github.rashomon.engine.Glad;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
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

  /** Tab-separated columns {@code sourceCol, questionCol, valueCol} of a file in a dataset. */
  static List<String[]> tsv(String name, String file, Charset charset, int sourceCol,
      int questionCol, int valueCol) throws IOException {
    Path path = datasets().resolve(name).resolve(file);
    Assumptions.assumeTrue(Files.isRegularFile(path), path + " not found: skipping");
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(path, charset)) {
      String[] f = line.split("\t", -1);
      if (f.length > Math.max(sourceCol, Math.max(questionCol, valueCol))) {
        add(out, f[sourceCol], f[questionCol], f[valueCol]);
      }
    }
    return out;
  }

  /**
   * The book-author claims of {@code dafna_books/claim1.txt} (quoted CSV: claim, remove, object,
   * property, value, source, time), values stripped of surrounding blanks.
   */
  static List<String[]> books() throws IOException {
    Path path = datasets().resolve("dafna_books").resolve("claim1.txt");
    Assumptions.assumeTrue(Files.isRegularFile(path), path + " not found: skipping");
    List<String[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch == '"') {
          quoted = !quoted;
        } else if (ch == ',' && !quoted) {
          f.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(ch);
        }
      }
      f.add(cur.toString());
      if (f.size() >= 6) {
        add(out, f.get(5), f.get(2), f.get(4));
      }
    }
    return out;
  }

  /** Adds a claim with its ids and value stripped; blank ones are left out, as core refuses them. */
  private static void add(List<String[]> out, String source, String question, String value) {
    String s = source.strip();
    String q = question.strip();
    String v = value.strip();
    if (!s.isEmpty() && !q.isEmpty() && !v.isEmpty()) {
      out.add(new String[] {s, q, v});
    }
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

  /** Every dataset in {@code ../shared/datasets}, as the command line reads it by default. */
  static final List<String> DATASETS =
      List.of("zheng_d_Duck", "zheng_d_jn-product", "zheng_s4_Dog", "zheng_s4_Face",
          "zheng_f201_Emotion", "gal_CopyrightInfringement", "gal_AdultContent2", "dafna_books",
          "population_pasternack");

  private static final Map<String, List<String[]>> LOADED = new HashMap<>();

  /**
   * A dataset's claims, values as text: crowd answers (Zheng et al.'s answer.csv, Ipeirotis et
   * al.'s labels.txt), book authors, city populations.
   */
  static synchronized List<String[]> load(String name) throws IOException {
    List<String[]> claims = LOADED.get(name);
    if (claims == null) {
      switch (name) {
        case "dafna_books":
          claims = books();
          break;
        case "population_pasternack":
          claims = tsv(name, "population-new.txt", StandardCharsets.ISO_8859_1, 1, 0, 2);
          break;
        case "gal_CopyrightInfringement":
        case "gal_AdultContent2":
          claims = tsv(name, "labels.txt", StandardCharsets.UTF_8, 0, 1, 2);
          break;
        default:
          claims = crowd(name);
      }
      LOADED.put(name, claims);
    }
    return claims;
  }

  /**
   * GLAD's iterations where it is compared after a fixed number of them: on Spark each of its
   * gradient steps is a pass over the claims, 25 of them an iteration, and running all six
   * larger datasets to convergence (25 to 88 iterations) would take most of the build. Both
   * engines run the same iterations from the same start; Face, Emotion and Dog, which converge
   * in 6 to 14, and the generated cases run to convergence.
   */
  static final int GLAD_ITERATIONS = 5;

  private static final Set<String> GLAD_BOUNDED =
      Set.of("zheng_d_Duck", "zheng_d_jn-product", "gal_CopyrightInfringement",
          "gal_AdultContent2", "dafna_books", "population_pasternack");

  static Reconciler onDataset(String algorithm, String dataset) {
    if (algorithm.equals("glad") && GLAD_BOUNDED.contains(dataset)) {
      return Glad.withDefaults().withIterations(GLAD_ITERATIONS);
    }
    return Reconcilers.byName(algorithm);
  }

  /**
   * Every algorithm on every dataset. On the book authors and populations every distinct value
   * is a label (thousands), so Dawid–Skene runs there on sparse confusion matrices, on the crowd
   * datasets on dense ones.
   */
  @ParameterizedTest
  @MethodSource("algorithms")
  void everyDatasetAsCore(String algorithm) throws IOException {
    for (String name : DATASETS) {
      SameAsCore.check(name, onDataset(algorithm, name), load(name));
    }
  }

  /** The two representations of Dawid–Skene's confusion matrices give the same numbers. */
  @Test
  void sparseConfusionMatricesOnCrowdDataAsCore() throws IOException {
    for (String name : List.of("zheng_s4_Dog", "zheng_s4_Face")) {
      SameAsCore.check(name + " sparse",
          SparkReconciler.of(DawidSkene.withDefaults()).withDenseCells(0), load(name), Map.of());
    }
    SameAsCore.check("generated sparse",
        SparkReconciler.of(DawidSkene.withDefaults().withSmoothing(0.5)).withDenseCells(0),
        generated(8, 20, 120, 5), Map.of());
  }

  /** The quantity estimators, reading values as numbers, on the numeric datasets. */
  @ParameterizedTest
  @ValueSource(strings = {"median", "weighted-mean", "crh", "crh-squared"})
  void quantityDatasetsAsCore(String algorithm) throws IOException {
    SparkReconciler engine = quantityEngine(algorithm);
    String loss = algorithm.equals("crh-squared") ? ", squared loss" : "";
    SameAsCore.check("zheng_f201_Emotion" + loss, engine, load("zheng_f201_Emotion"), Map.of());
    SameAsCore.check("population_pasternack" + loss, engine, load("population_pasternack"),
        Map.of());
    SameAsCore.check("population_pasternack preprocessed" + loss, engine,
        tsv("population_pasternack", "population-new-new.txt", StandardCharsets.ISO_8859_1, 1, 0,
            2), Map.of());
    SameAsCore.check("generated quantities" + loss, engine, generatedQuantities(9, 15, 120),
        Map.of());
  }

  static SparkReconciler quantityEngine(String algorithm) {
    Reconciler r = algorithm.equals("crh-squared")
        ? Crh.withDefaults().withQuantityLoss(Crh.QuantityLoss.NORMALISED_SQUARED)
        : Reconcilers.byName(algorithm);
    return SparkReconciler.of(r).withValueType(ValueType.QUANTITY);
  }

  /** Algorithms that would take every number for a label refuse quantities. */
  @Test
  void onlyTheQuantityEstimatorsReadQuantities() {
    for (String name : SparkReconciler.ALGORITHMS) {
      SparkReconciler engine = SparkReconciler.named(name);
      if (SparkReconciler.QUANTITY_ALGORITHMS.contains(name)) {
        assertEquals(ValueType.QUANTITY, engine.withValueType(ValueType.QUANTITY).valueType());
      } else {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> engine.withValueType(ValueType.QUANTITY));
        assertTrue(e.getMessage().startsWith(name + " does not read quantity values"),
            e.getMessage());
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> SparkReconciler.named("median").withValueType(ValueType.DATE_TIME));
  }

  /**
   * A seeded numeric case: true values around 1000, sources of varied spread claiming numbers
   * (some repeated, so that medians fall on midpoints and ties), ranges, bounds and
   * approximations.
   */
  static List<String[]> generatedQuantities(long seed, int sources, int questions) {
    Random r = new Random(seed);
    List<String[]> out = new ArrayList<>();
    for (int q = 0; q < questions; q++) {
      int truth = 500 + r.nextInt(1000);
      for (int s = 0; s < sources; s++) {
        if (r.nextDouble() >= 0.35 && !(s == 0 && q % 5 == 0)) {
          continue;
        }
        int x = truth + (int) Math.round(r.nextGaussian() * (5 + 20 * s));
        String v;
        switch (r.nextInt(7)) {
          case 0:
            v = (x - 10) + ".." + (x + 10);
            break;
          case 1:
            v = ">" + (x - 50);
            break;
          case 2:
            v = "~" + x + "+-" + 25;
            break;
          case 3:
            v = (x / 10 * 10) + ".5";
            break;
          default:
            v = Integer.toString(x / 10 * 10);
        }
        out.add(new String[] {"s" + s, "q" + q, v});
      }
    }
    return out;
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

  /** Weighted vote and weighted mean read priors; majority vote must ignore them. */
  @ParameterizedTest
  @ValueSource(strings = {"majority-vote", "weighted-vote", "weighted-mean"})
  void priorsAsCore(String algorithm) {
    Map<String, Double> priors = new TreeMap<>();
    for (int s = 0; s < 12; s += 2) {
      priors.put("s" + s, 0.2 + 0.06 * s);
    }
    SameAsCore.check("with priors", SparkReconciler.named(algorithm), generated(4, 12, 100, 3),
        priors);
  }
}
