package io.github.rashomon.spark;

import org.apache.spark.api.java.JavaRDD;

/** An algorithm's raw result: per-question estimates (distributed) and per-source trust. */
final class Outcome {
  final JavaRDD<QuestionState> states;
  final double[] trust;
  final int iterations;
  final boolean converged;
  final double finalChange;

  Outcome(JavaRDD<QuestionState> states, double[] trust, int iterations, boolean converged,
      double finalChange) {
    this.states = states;
    this.trust = trust;
    this.iterations = iterations;
    this.converged = converged;
    this.finalChange = finalChange;
  }
}
