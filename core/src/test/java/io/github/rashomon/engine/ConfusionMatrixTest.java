package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  private static final ImmutableList<String> LABELS = ImmutableList.of("0", "1", "2");
  private static final double[] CELLS = {0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0, 0.25, 0.75};

  @Test
  void cellsAreReadRowByRow() {
    ConfusionMatrix m = new ConfusionMatrix(LABELS, CELLS);
    assertEquals(LABELS, m.labels());
    assertEquals(0.8, m.probability(0, 0));
    assertEquals(0.1, m.probability(0, 2));
    assertEquals(0.2, m.probability(1, 0));
    assertEquals(0.25, m.probability(2, 1));
    assertEquals(0.75, m.probability(2, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> m.probability(3, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> m.probability(0, -1));
    assertThrows(IllegalArgumentException.class,
        () -> new ConfusionMatrix(LABELS, new double[8]));
  }

  @Test
  void keepsItsOwnCopyOfTheCells() {
    double[] cells = CELLS.clone();
    ConfusionMatrix m = new ConfusionMatrix(LABELS, cells);
    cells[0] = 0;
    assertEquals(0.8, m.probability(0, 0));
  }

  @Test
  void equalityHashAndText() {
    ConfusionMatrix m = new ConfusionMatrix(LABELS, CELLS);
    ConfusionMatrix same = new ConfusionMatrix(ImmutableList.of("0", "1", "2"), CELLS.clone());
    double[] other = CELLS.clone();
    other[4] = 0.6;
    assertEquals(m, same);
    assertEquals(m.hashCode(), same.hashCode());
    assertNotEquals(m, new ConfusionMatrix(LABELS, other));
    assertNotEquals(m.hashCode(), new ConfusionMatrix(LABELS, other).hashCode());
    assertNotEquals(m, new ConfusionMatrix(ImmutableList.of("a", "b", "c"), CELLS));
    assertNotEquals(m, "matrix");
    assertEquals(
        "ConfusionMatrix[0, 1, 2][[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.0, 0.25, 0.75]]",
        m.toString());
  }
}
