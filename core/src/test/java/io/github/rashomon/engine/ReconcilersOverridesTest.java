package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Reconcilers#byName(String, Map)}: settings from text, as the command line gives them. */
class ReconcilersOverridesTest {

  @Test
  void noOverridesIsTheDefault() {
    for (String name : Reconcilers.names()) {
      assertEquals(Reconcilers.byName(name), Reconcilers.byName(name, Map.of()));
    }
  }

  @Test
  void everyAlgorithmAcceptsIterationsAndTolerance() {
    for (String name : Reconcilers.names()) {
      AbstractReconciler r =
          (AbstractReconciler)
              Reconcilers.byName(name, Map.of("iterations", "7", "tolerance", "0.001"));
      assertEquals(name, r.name());
      if (Reconcilers.byName(name).settings().get("iterations").equals("1")) {
        // One-pass: the limits do not apply and the settings keep saying so.
        assertSame(Reconcilers.byName(name), r);
      } else {
        assertEquals(7, r.iterations());
        assertEquals(0.001, r.tolerance());
      }
    }
  }

  @Test
  void everyAlgorithmAcceptsThreadsAndTheThreadedOnesTakeThem() {
    int threaded = 0;
    for (String name : Reconcilers.names()) {
      Reconciler r = Reconcilers.byName(name, Map.of("threads", "3"));
      assertEquals(name, r.name());
      if (Reconcilers.byName(name) instanceof Threaded) {
        threaded++;
        assertEquals(3, ((Threaded) r).threads(), name);
        // The thread count never changes a result, so settings (and provenance) leave it out.
        assertEquals(Reconcilers.byName(name).settings(), r.settings(), name);
      } else {
        // Taken and ignored: the same algorithm with the same settings.
        assertEquals(Reconcilers.byName(name).getClass(), r.getClass(), name);
        assertEquals(Reconcilers.byName(name).settings(), r.settings(), name);
      }
    }
    // majority vote, TruthFinder, sums, average-log, investment, pooled investment, 2- and
    // 3-Estimates, Accu, Dawid-Skene, GLAD, CRH.
    assertEquals(12, threaded);
  }

  @Test
  void threadsAndLimitsTogether() {
    DawidSkene d = (DawidSkene) Reconcilers.byName("dawid-skene",
        Map.of("iterations", "9", "tolerance", "0.5", "threads", "2"));
    assertEquals(9, d.iterations());
    assertEquals(0.5, d.tolerance());
    assertEquals(2, d.threads());
  }

  @Test
  void badOverridesNameAlgorithmSettingAndValue() {
    assertMessage(
        "majority-vote: threads must be >= 0 (0 = all processors), got -1",
        Map.of("threads", "-1"));
    assertMessage(
        "majority-vote: threads must be an integer, got 'two'", Map.of("threads", "two"));
    // One-thread algorithms check the setting too, though they ignore it.
    IllegalArgumentException w =
        assertThrows(
            IllegalArgumentException.class,
            () -> Reconcilers.byName("weighted-vote", Map.of("threads", "-2")));
    assertEquals("weighted-vote: threads must be >= 0 (0 = all processors), got -2",
        w.getMessage());
    assertMessage(
        "majority-vote: iterations must be >= 1, got 0", Map.of("iterations", "0"));
    assertMessage(
        "majority-vote: iterations must be an integer, got 'many'", Map.of("iterations", "many"));
    assertMessage(
        "majority-vote: tolerance must be finite and >= 0, got NaN", Map.of("tolerance", "NaN"));
    assertMessage(
        "majority-vote: tolerance must be a number, got 'small'", Map.of("tolerance", "small"));
    assertMessage(
        "majority-vote: unknown setting 'speed'; known: iterations, tolerance, threads",
        Map.of("speed", "fast"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Reconcilers.byName("magic", Map.of()));
    assertEquals(
        "unknown algorithm 'magic'; known: " + String.join(", ", Reconcilers.names()),
        e.getMessage());
  }

  private static void assertMessage(String message, Map<String, String> overrides) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Reconcilers.byName("majority-vote", overrides));
    assertEquals(message, e.getMessage());
  }
}
