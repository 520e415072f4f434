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

  QuestionState(QuestionBlock block, double[] prob, double[] aux, int[] tag) {
    this.block = block;
    this.prob = prob;
    this.aux = aux;
    this.tag = tag;
  }
}
