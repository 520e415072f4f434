package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every iterative algorithm reports its iterations; a listener changes nothing. */
class ProgressListenerTest {
  static List<String> algorithms() {
    return List.copyOf(Reconcilers.names());
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void reportsEachIterationAndChangesNothing(String name) {
    ClaimIndex index =
        name.equals("crh") || name.equals("median") || name.equals("weighted-mean")
            ? SmallCases.quantities("a q 1", "b q 2", "c q 2", "a p 5", "b p 7", "c p 5")
            : SmallCases.reliableMinority();
    Reconciler r = Reconcilers.byName(name);
    List<int[]> calls = new ArrayList<>();
    Reconciliation heard =
        ProgressListener.during((it, max) -> calls.add(new int[] {it, max}), () -> r.reconcile(index));
    Reconciliation quiet = r.reconcile(index);
    assertEquals(Canonical.of(quiet), Canonical.of(heard));
    int iterations = heard.provenance().iterations();
    if (calls.isEmpty()) {
      // A one-pass algorithm.
      assertEquals(1, iterations, name);
      return;
    }
    assertEquals(iterations, calls.size(), name);
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(i + 1, calls.get(i)[0], name);
      assertTrue(calls.get(i)[1] >= calls.get(i)[0], name);
    }
  }

  @Test
  void listenersNestAndAreRemovedAfterwards() {
    List<String> seen = new ArrayList<>();
    Reconciler truthFinder = Reconcilers.byName("truthfinder");
    ProgressListener.during(
        (it, max) -> seen.add("outer"),
        () -> {
          ProgressListener.during((it, max) -> seen.add("inner"),
              () -> truthFinder.reconcile(SmallCases.reliableMinority()));
          return truthFinder.reconcile(SmallCases.reliableMinority());
        });
    assertTrue(seen.indexOf("outer") > seen.lastIndexOf("inner"));
    int before = seen.size();
    truthFinder.reconcile(SmallCases.reliableMinority());
    assertEquals(before, seen.size());
    assertThrows(NullPointerException.class, () -> ProgressListener.during(null, () -> 1));
  }
}
