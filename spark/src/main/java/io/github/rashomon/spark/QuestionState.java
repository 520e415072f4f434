package io.github.rashomon.spark;

import java.io.Serializable;

/**
 * A question's claims with the algorithm's current estimate for each of its candidates, and an
 * optional second per-candidate array for algorithms that keep two (a belief and a score, say).
 */
final class QuestionState implements Serializable {
  private static final long serialVersionUID = 1L;

  final QuestionBlock block;
  /** Per candidate: the estimate the verdict is read from. */
  final double[] prob;
  /** Per candidate (or per claim, as the algorithm documents), or null. */
  final double[] aux;
  /** Per candidate: an algorithm-specific number (a label, say), or null. */
  final int[] tag;
  /**
   * A quantity question's point estimate (a median or mean, its leading value), or NaN when the
   * verdict is the most probable candidate.
   */
  final double point;
  /** The scale of the kernel around {@link #point} (the spread of the claimed values). */
  final double scale;

  QuestionState(QuestionBlock block, double[] prob, double[] aux, int[] tag) {
    this(block, prob, aux, tag, Double.NaN, 0);
  }

  QuestionState(QuestionBlock block, double[] prob, double[] aux, int[] tag, double point,
      double scale) {
    this.block = block;
    this.prob = prob;
    this.aux = aux;
    this.tag = tag;
    this.point = point;
    this.scale = scale;
  }
}
