package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy on the crowdsourcing datasets of Zheng, Li, Li, Shan, Cheng, "Truth Inference in
 * Crowdsourcing: Is the Problem Solved?", PVLDB 10(5), 2017, against published figures. Each
 * dataset's README.txt under {@code ../shared/datasets} gives the figures quoted here; the tests
 * skip when the datasets are absent.
 */
class DatasetAccuracyTest {
  private static final Map<String, CrowdDatasets.Dataset> LOADED = new HashMap<>();

  private static synchronized CrowdDatasets.Dataset dataset(String name) {
    Assumptions.assumeTrue(
        CrowdDatasets.available(name),
        "datasets not found at " + CrowdDatasets.root().resolve(name) + ": skipping");
    return LOADED.computeIfAbsent(name, CrowdDatasets::load);
  }

  private static final Map<String, Evaluation> EVALUATED = new HashMap<>();

  /** Runs each configured algorithm once per dataset: a run may be checked against two figures. */
  private static synchronized Evaluation evaluate(String name, Reconciler algorithm) {
    return EVALUATED.computeIfAbsent(
        name + " " + algorithm,
        k -> {
          CrowdDatasets.Dataset d = dataset(name);
          Reconciliation r = algorithm.reconcile(d.index);
          assertTrue(r.provenance().iterations() >= 1);
          return Evaluation.ofCanonical(r, d.truth);
        });
  }

  private static void assertNear(double expected, double tolerance, Evaluation ev) {
    assertEquals(expected, ev.accuracy(), tolerance, ev.toString());
    assertEquals(0, ev.skipped(), ev.toString());
  }

  // Majority vote, ties to the label seen first in answer.csv: each README's "Our MV (ties ->
  // first seen)" line. Exact to the four decimals quoted.

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "zheng_d_jn-product, 0.8966",
    "zheng_d_Duck,       0.7593",
    "zheng_s4_Dog,       0.8166",
    "zheng_s4_Face,      0.6387",
  })
  void majorityVote(String dataset, double published) {
    Reconciler firstSeen =
        MajorityVote.withDefaults().withTieBreak(MajorityVote.TieBreak.FIRST_SEEN);
    assertNear(published, 5e-5, evaluate(dataset, firstSeen));
  }

  // Dawid–Skene and GLAD with defaults, within half a point (Dawid–Skene) or one point (GLAD) of
  // Zheng et al.'s own runs (crowd_truth_infer output/exp-3, 0% golden): each dataset README's
  // "D&S" and "GLAD" lines. Duck, where we do not meet them, is below.

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "dawid-skene, zheng_d_jn-product, 0.9366, 0.005",
    "dawid-skene, zheng_s4_Dog,       0.8426, 0.005",
    "dawid-skene, zheng_s4_Face,      0.6404, 0.005",
    "glad,        zheng_d_jn-product, 0.9223, 0.01",
    "glad,        zheng_s4_Dog,       0.8352, 0.01",
    "glad,        zheng_s4_Face,      0.6301, 0.01",
  })
  void zhengRuns(String algorithm, String dataset, double published, double tolerance) {
    assertNear(published, tolerance, evaluate(dataset, Reconcilers.byName(algorithm)));
  }

  @Test
  void crowdKitProduct() {
    // Ustalov et al., "Learning from Crowds with Crowd-Kit", JOSS 2024, categorical table:
    // DS 0.940, GLAD 0.928.
    assertNear(0.940, 0.005, evaluate(CrowdDatasets.PRODUCT, DawidSkene.withDefaults()));
    assertNear(0.928, 0.01, evaluate(CrowdDatasets.PRODUCT, Glad.withDefaults()));
  }

  @Test
  void dawidSkeneDuck() {
    Evaluation ev = evaluate(CrowdDatasets.DUCK, DawidSkene.withDefaults());
    // Published (Zheng et al.'s run, dataset README): D&S 0.8796 = 95/108. Gap, not met: we
    // converge (15 iterations) to 97/108 = 0.8981. Their method.py stops after 20 EM iterations
    // from a uniform prior and 0.7-diagonal matrices, before reaching that fixed point; a port of
    // it gives 0.8796 at 20 iterations and 0.8981 at 100. One question is 0.93 points here.
    assertEquals(97, ev.correct(), ev.toString());
    assertNear(0.8796, 0.02, ev);
  }

  @Test
  void gladDuck() {
    Evaluation ev = evaluate(CrowdDatasets.DUCK, Glad.withDefaults());
    // Published (Zheng et al.'s run, dataset README): GLAD 0.7685 = 83/108. Gap, not met: we get
    // 78/108 = 0.7222. In their method.py the prior means alias the parameters
    // (self.alpha = self.prioralpha), so the N(1, 1) priors on α and log β never act; with the
    // priors in force, as in Whitehill et al.'s code and Crowd-Kit, a port of their code (and one
    // of Crowd-Kit's loop) also ends at 0.7222, while their code as written gives 0.7593 in a port,
    // not 0.7685 (their accuracy script breaks ties at random). GLAD on these 108 questions
    // swings by several points with such details.
    assertEquals(78, ev.correct(), ev.toString());
  }
}
