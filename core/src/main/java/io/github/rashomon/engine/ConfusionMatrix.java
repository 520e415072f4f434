package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * A source's estimated confusion matrix over a fixed list of labels: entry {@code (i, j)} is the
 * probability that the source answers label {@code j} when the truth is label {@code i}, as
 * estimated by Dawid–Skene and related models.
 *
 * @since 0.1
 */
public final class ConfusionMatrix {
  private final ImmutableList<String> labels;
  private final double[] cells;

  ConfusionMatrix(ImmutableList<String> labels, double[] cells) {
    checkArgument(cells.length == labels.size() * labels.size(), "cells length");
    this.labels = labels;
    this.cells = cells.clone();
  }

  /**
   * The labels indexing rows (truth) and columns (answer).
   *
   * @return the labels, in canonical order
   */
  public ImmutableList<String> labels() {
    return labels;
  }

  /**
   * The probability of answering {@code answer} when the truth is {@code truth}.
   *
   * @param truth row index
   * @param answer column index
   * @return a probability; each row sums to 1
   */
  public double probability(int truth, int answer) {
    checkElementIndex(truth, labels.size(), "truth");
    checkElementIndex(answer, labels.size(), "answer");
    return cells[truth * labels.size() + answer];
  }

  /**
   * Equal when labels and cells are equal.
   *
   * @param o the other object
   * @return whether {@code o} is an equal matrix
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix
        && ((ConfusionMatrix) o).labels.equals(labels)
        && Arrays.equals(((ConfusionMatrix) o).cells, cells);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.hashCode(cells);
  }

  /**
   * The matrix row by row.
   *
   * @return a human-readable form
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ConfusionMatrix").append(labels).append('[');
    int k = labels.size();
    for (int i = 0; i < k; i++) {
      s.append(i == 0 ? "" : ", ").append(Arrays.toString(Arrays.copyOfRange(cells, i * k, i * k + k)));
    }
    return s.append(']').toString();
  }
}
