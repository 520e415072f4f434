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
  void badOverridesNameAlgorithmSettingAndValue() {
    assertMessage(
        "majority-vote: iterations must be >= 1, got 0", Map.of("iterations", "0"));
    assertMessage(
        "majority-vote: iterations must be an integer, got 'many'", Map.of("iterations", "many"));
    assertMessage(
        "majority-vote: tolerance must be finite and >= 0, got NaN", Map.of("tolerance", "NaN"));
    assertMessage(
        "majority-vote: tolerance must be a number, got 'small'", Map.of("tolerance", "small"));
    assertMessage(
        "majority-vote: unknown setting 'speed'; known: iterations, tolerance",
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
