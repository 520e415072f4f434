package io.github.rashomon.spark;

import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * What one reconciliation job shares: the Spark context, the sorted source ids (the only
 * per-source data on the driver besides the algorithm's per-source parameters), the cached
 * question blocks, and the caching and checkpointing of iteration states.
 */
final class Run {
  final JavaSparkContext jsc;
  final String[] sourceIds;
  final JavaRDD<QuestionBlock> blocks;
  final int checkpointInterval;
  /** Source id -> prior probability, for the algorithms that read priors. */
  final Map<String, Double> priors;
  private final Chain main = new Chain();

  Run(JavaSparkContext jsc, String[] sourceIds, JavaRDD<QuestionBlock> blocks,
      int checkpointInterval, Map<String, Double> priors) {
    this.jsc = jsc;
    this.sourceIds = sourceIds;
    this.blocks = blocks;
    this.checkpointInterval = checkpointInterval;
    this.priors = priors;
  }

  int sources() {
    return sourceIds.length;
  }

  /** {@link Chain#keep} on the job's chain of states. */
  <T> JavaRDD<T> keep(JavaRDD<T> state, int iteration) {
    return main.keep(state, iteration);
  }

  /** {@link Chain#advanced} on the job's chain of states. */
  void advanced(JavaRDD<?> previous, JavaRDD<?> next) {
    main.advanced(previous, next);
  }

  /**
   * Another chain of states, for a job that iterates two datasets computed from each other (as
   * sparse Dawid–Skene does its questions and its confusion cells): each chain cuts its own
   * lineage.
   */
  Chain chain() {
    return new Chain();
  }

  /** A sequence of iteration states, each computed from the one before. */
  final class Chain {
    private JavaRDD<?> marked;
    private JavaRDD<?> checkpoint;

    /**
     * Caches the state of iteration {@code iteration} and, every {@link #checkpointInterval}
     * iterations, marks it for checkpointing, which cuts its lineage at the next action: a long
     * iteration then never builds a plan that grows with the number of iterations. Checkpoints go
     * to the context's checkpoint directory when one is set, and to the executors' local storage
     * otherwise.
     */
    <T> JavaRDD<T> keep(JavaRDD<T> state, int iteration) {
      state.persist(StorageLevel.MEMORY_AND_DISK());
      if (checkpointInterval > 0 && iteration > 0 && iteration % checkpointInterval == 0) {
        if (jsc.getCheckpointDir().isPresent()) {
          state.checkpoint();
        } else {
          state.rdd().localCheckpoint();
        }
        marked = state;
      }
      return state;
    }

    /**
     * Called once an action has materialised {@code next}: drops the cached state {@code
     * previous} it was computed from. A local checkpoint lives in the cache, so the latest one is
     * kept until a newer one is materialised: later states may still need it to be recomputed.
     */
    void advanced(JavaRDD<?> previous, JavaRDD<?> next) {
      if (marked != null && marked != checkpoint && marked.isCheckpointed()) {
        if (checkpoint != null) {
          checkpoint.unpersist(false);
        }
        checkpoint = marked;
      }
      if (previous != null && previous != checkpoint && previous != marked) {
        previous.unpersist(false);
      }
    }
  }
}
