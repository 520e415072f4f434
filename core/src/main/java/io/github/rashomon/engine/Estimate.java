package io.github.rashomon.engine;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.model.Value;
import java.util.List;

/**
 * The raw arrays an algorithm produces, before they are mapped back to verdicts and
 * assessments. Package-private: the algorithms fill it, {@link Reconciliation} reads it.
 */
final class Estimate {
  /** Per candidate: probability; each question's candidates sum to 1. */
  final double[] candProb;
  /** Per source: trust in [0, 1]. */
  final double[] trust;
  /** Per source: how much one claim of the source counted, for the explanation. */
  final double[] voteWeight;
  /** Per source: confusion matrix, or null. */
  ConfusionMatrix[] confusion;
  /** Per question: a leading value that is not a candidate (quantity estimators), or null. */
  Value[] pointEstimate;

  /**
   * Per candidate: rank used to order candidates of equal probability (lower first), or null for
   * canonical value order.
   */
  int[] tieRank;

  /**
   * Per source: the other sources it depends on, with the probability, for algorithms that detect
   * copying (Depen); null otherwise.
   */
  List<ImmutableSortedMap<String, Double>> dependence;

  /**
   * Per question: the probability that the truth is a value no candidate holds (after
   * calibration), or null when every question's candidates sum to 1.
   */
  double[] unclaimed;

  int iterations = 1;
  boolean converged = true;
  double finalChange;

  /**
   * What the algorithm needs to resume from this estimate in a warm start (its own type, such as
   * {@link DawidSkene.State}), or null.
   */
  Object resume;

  Estimate(ClaimIndex index) {
    this(index, new double[index.candidateCount()]);
  }

  /** An estimate whose probabilities are {@code candProb}, taken over (not copied). */
  Estimate(ClaimIndex index, double[] candProb) {
    this.candProb = candProb;
    trust = new double[index.sourceCount()];
    voteWeight = new double[index.sourceCount()];
  }
}
