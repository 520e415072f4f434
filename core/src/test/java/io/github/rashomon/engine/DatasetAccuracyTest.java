package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

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

  private static Evaluation evaluate(String name, Reconciler algorithm) {
    CrowdDatasets.Dataset d = dataset(name);
    Reconciliation r = algorithm.reconcile(d.index);
    assertTrue(r.provenance().iterations() >= 1);
    return Evaluation.ofCanonical(r, d.truth);
  }

  private static void assertNear(double expected, double tolerance, Evaluation ev) {
    assertEquals(expected, ev.accuracy(), tolerance, ev.toString());
    assertEquals(0, ev.skipped(), ev.toString());
  }

  private static final Reconciler FIRST_SEEN_MAJORITY =
      MajorityVote.withDefaults().withTieBreak(MajorityVote.TieBreak.FIRST_SEEN);

  // Majority vote, ties to the label seen first in answer.csv: each README's "Our MV (ties ->
  // first seen)" line. Exact to the four decimals quoted.

  @Test
  void majorityVoteProduct() {
    assertNear(0.8966, 5e-5, evaluate(CrowdDatasets.PRODUCT, FIRST_SEEN_MAJORITY));
  }

  @Test
  void majorityVoteDuck() {
    assertNear(0.7593, 5e-5, evaluate(CrowdDatasets.DUCK, FIRST_SEEN_MAJORITY));
  }

  @Test
  void majorityVoteDog() {
    assertNear(0.8166, 5e-5, evaluate(CrowdDatasets.DOG, FIRST_SEEN_MAJORITY));
  }

  @Test
  void majorityVoteFace() {
    assertNear(0.6387, 5e-5, evaluate(CrowdDatasets.FACE, FIRST_SEEN_MAJORITY));
  }

  // Dawid–Skene with defaults, within half a point of the published accuracy.

  @Test
  void dawidSkeneProduct() {
    Evaluation ev = evaluate(CrowdDatasets.PRODUCT, DawidSkene.withDefaults());
    // Ustalov et al., "Learning from Crowds with Crowd-Kit", JOSS 2024, categorical table: DS 0.940.
    assertNear(0.940, 0.005, ev);
    // Zheng et al.'s own run (crowd_truth_infer output/exp-3, 0% golden; dataset README): 0.9366.
    assertNear(0.9366, 0.005, ev);
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
  void dawidSkeneDog() {
    // Zheng et al.'s run (dataset README): D&S 0.8426.
    assertNear(0.8426, 0.005, evaluate(CrowdDatasets.DOG, DawidSkene.withDefaults()));
  }

  @Test
  void dawidSkeneFace() {
    // Zheng et al.'s run (dataset README): D&S 0.6404.
    assertNear(0.6404, 0.005, evaluate(CrowdDatasets.FACE, DawidSkene.withDefaults()));
  }

  // GLAD with defaults, within one point of the published accuracy.

  @Test
  void gladProduct() {
    Evaluation ev = evaluate(CrowdDatasets.PRODUCT, Glad.withDefaults());
    // Ustalov et al., JOSS 2024, categorical table: GLAD 0.928.
    assertNear(0.928, 0.01, ev);
    // Zheng et al.'s run (dataset README): GLAD 0.9223.
    assertNear(0.9223, 0.01, ev);
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

  @Test
  void gladDog() {
    // Zheng et al.'s run (dataset README): GLAD 0.8352.
    assertNear(0.8352, 0.01, evaluate(CrowdDatasets.DOG, Glad.withDefaults()));
  }

  @Test
  void gladFace() {
    // Zheng et al.'s run (dataset README): GLAD 0.6301.
    assertNear(0.6301, 0.01, evaluate(CrowdDatasets.FACE, Glad.withDefaults()));
  }
}
