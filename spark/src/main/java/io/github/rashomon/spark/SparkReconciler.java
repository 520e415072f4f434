package io.github.rashomon.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.rashomon.engine.Accu;
import io.github.rashomon.engine.AverageLog;
import io.github.rashomon.engine.Crh;
import io.github.rashomon.engine.DawidSkene;
import io.github.rashomon.engine.Glad;
import io.github.rashomon.engine.Investment;
import io.github.rashomon.engine.PooledInvestment;
import io.github.rashomon.engine.Sums;
import io.github.rashomon.engine.TruthFinder;
import io.github.rashomon.engine.MajorityVote;
import io.github.rashomon.engine.Median;
import io.github.rashomon.engine.WeightedMean;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.WeightedVote;
import io.github.rashomon.model.ValueType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a core reconciliation algorithm as a Spark job over a {@link Dataset} of claims with the
 * string columns {@code source}, {@code question} and {@code value} (categorical values, or
 * quantities: see {@link #withValueType}).
 *
 * <p>The claims are grouped by question into blocks laid out as the core engine lays out a
 * question (candidates in canonical order, claims by source then candidate), and the blocks are
 * cached. Each iteration of an algorithm is then one pass over the blocks with the per-source
 * parameters broadcast, plus per-source sums brought back to the driver: the driver only ever
 * holds per-source and per-label arrays, never the claims. Iteration states are cached and
 * checkpointed every {@link #checkpointInterval()} iterations, so a plan never grows with the
 * number of iterations.
 *
 * <p>The results equal those of the core engine on the same claims: the same leading value of
 * every question, probabilities and trust equal up to the order of floating-point additions over
 * sources (within 1e-9).
 *
 * @since 0.1
 */
public final class SparkReconciler {
  /** The algorithms this engine runs, by their command-line names. */
  public static final Set<String> ALGORITHMS =
      ImmutableSet.of(
          "majority-vote",
          "weighted-vote",
          "truthfinder",
          "sums",
          "average-log",
          "investment",
          "pooled-investment",
          "accu",
          "dawid-skene",
          "glad",
          "crh",
          "median",
          "weighted-mean");

  /**
   * The algorithms this engine runs on quantity values: those that read numbers as numbers. The
   * others would take every distinct number for a label of its own.
   */
  public static final Set<String> QUANTITY_ALGORITHMS =
      ImmutableSet.of("median", "weighted-mean", "crh");

  private final Reconciler algorithm;
  private final int checkpointInterval;
  private final ImmutableMap<String, Double> priors;
  private final long denseCells;
  private final ValueType valueType;

  private SparkReconciler(Reconciler algorithm, int checkpointInterval,
      ImmutableMap<String, Double> priors, long denseCells, ValueType valueType) {
    this.algorithm = algorithm;
    this.checkpointInterval = checkpointInterval;
    this.priors = priors;
    this.denseCells = denseCells;
    this.valueType = valueType;
  }

  /**
   * The Spark engine for a configured core algorithm, checkpointing every 10 iterations.
   *
   * @param algorithm the algorithm and its settings, one of {@link #ALGORITHMS}
   * @return the engine
   * @throws IllegalArgumentException if the Spark engine does not run this algorithm
   */
  public static SparkReconciler of(Reconciler algorithm) {
    checkNotNull(algorithm, "algorithm");
    checkArgument(
        ALGORITHMS.contains(algorithm.name()),
        "the Spark engine does not run %s; it runs %s",
        algorithm.name(),
        ALGORITHMS);
    return new SparkReconciler(algorithm, 10, ImmutableMap.of(), DawidSkeneJob.DENSE_CELLS,
        ValueType.CATEGORICAL);
  }

  /**
   * The Spark engine for an algorithm by name, with its default settings.
   *
   * @param name a command-line name, one of {@link #ALGORITHMS}
   * @return the engine
   * @throws IllegalArgumentException if there is no such algorithm on this engine
   */
  public static SparkReconciler named(String name) {
    return of(Reconcilers.byName(name));
  }

  /**
   * Returns this engine checkpointing iteration states every {@code interval} iterations.
   *
   * @param interval the interval, at least 1
   * @return the engine
   */
  public SparkReconciler withCheckpointInterval(int interval) {
    checkArgument(interval >= 1, "spark: checkpointInterval must be >= 1, got %s", interval);
    return new SparkReconciler(algorithm, interval, priors, denseCells, valueType);
  }

  /**
   * Returns this engine reading the values as the given type, as the command line's {@code
   * --value-type} does: {@link ValueType#CATEGORICAL} (the default), or {@link
   * ValueType#QUANTITY} for numbers and intervals ({@code 16}, {@code 15..20}, {@code >100}),
   * which only the algorithms in {@link #QUANTITY_ALGORITHMS} read.
   *
   * @param type the type of every value
   * @return the engine
   * @throws IllegalArgumentException if the type is neither, or the algorithm does not read
   *     quantities
   */
  public SparkReconciler withValueType(ValueType type) {
    checkNotNull(type, "valueType");
    checkArgument(type == ValueType.CATEGORICAL || type == ValueType.QUANTITY,
        "the Spark engine reads categorical or quantity values, not %s",
        type.name().toLowerCase(Locale.ROOT));
    checkArgument(type == ValueType.CATEGORICAL || QUANTITY_ALGORITHMS.contains(algorithm.name()),
        "%s does not read quantity values on the Spark engine: it would take every distinct "
            + "number for a label; use %s",
        algorithm.name(), String.join(", ", QUANTITY_ALGORITHMS));
    return new SparkReconciler(algorithm, checkpointInterval, priors, denseCells, type);
  }

  /**
   * The type the values are read as.
   *
   * @return {@link ValueType#CATEGORICAL} unless set
   */
  public ValueType valueType() {
    return valueType;
  }

  /**
   * Returns this engine with prior probabilities of sources being right, read by weighted vote
   * and weighted mean (the core's {@code Credibility#probability()} of each source's prior).
   *
   * @param sourcePriors source id to probability in (0, 1]
   * @return the engine
   */
  public SparkReconciler withSourcePriors(Map<String, Double> sourcePriors) {
    for (Map.Entry<String, Double> e : sourcePriors.entrySet()) {
      checkArgument(
          e.getValue() != null && e.getValue() > 0 && e.getValue() <= 1,
          "spark: the prior of source '%s' must be in (0, 1], got %s",
          e.getKey(),
          e.getValue());
    }
    return new SparkReconciler(algorithm, checkpointInterval, ImmutableMap.copyOf(sourcePriors),
        denseCells, valueType);
  }

  /**
   * Returns this engine holding Dawid–Skene's confusion matrices densely up to {@code cells}
   * cells ({@code sources × labels²}) and sparsely beyond: for tests of both representations.
   */
  SparkReconciler withDenseCells(long cells) {
    return new SparkReconciler(algorithm, checkpointInterval, priors, cells, valueType);
  }

  /**
   * The iterations between checkpoints of the iteration state.
   *
   * @return the interval
   */
  public int checkpointInterval() {
    return checkpointInterval;
  }

  /**
   * The algorithm this engine runs.
   *
   * @return the algorithm and its settings
   */
  public Reconciler algorithm() {
    return algorithm;
  }

  /**
   * Reconciles the claims. The question blocks and the final state stay cached until the result
   * is {@linkplain SparkReconciliation#close() closed}.
   *
   * @param claims a dataset with string columns {@code source}, {@code question}, {@code value}
   * @return the result: verdicts, source assessments and how the run went
   */
  public SparkReconciliation reconcile(Dataset<Row> claims) {
    checkNotNull(claims, "claims");
    List<String> columns = Arrays.asList(claims.columns());
    for (String c : new String[] {"source", "question", "value"}) {
      checkArgument(columns.contains(c), "spark: the claims have no column '%s': %s", c, columns);
    }
    SparkSession spark = claims.sparkSession();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> typed =
        claims.select(
            functions.col("source").cast("string").as("source"),
            functions.col("question").cast("string").as("question"),
            functions.col("value").cast("string").as("value"));
    // Sorted as Java sorts strings, the core's source order (Spark sorts UTF-8 bytes).
    String[] sourceIds =
        typed.select("source").distinct().as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList().toArray(new String[0]);
    for (String s : sourceIds) {
      checkArgument(s != null && !s.isEmpty(), "source id must not be empty");
    }
    Arrays.sort(sourceIds);
    Map<String, Integer> rank = new HashMap<>();
    for (int s = 0; s < sourceIds.length; s++) {
      rank.put(sourceIds[s], s);
    }
    Broadcast<Map<String, Integer>> ranks = jsc.broadcast(rank);
    Dataset<Row> grouped =
        typed
            .groupBy("question")
            .agg(functions.collect_list(functions.struct("source", "value")).as("claims"))
            // A fixed order within partitions keeps per-partition sums the same run to run.
            .sortWithinPartitions("question");
    ValueType type = valueType;
    JavaRDD<QuestionBlock> blocks =
        grouped.javaRDD().map(row -> QuestionBlock.of(row, ranks.value(), type));
    blocks.persist(StorageLevel.MEMORY_AND_DISK());
    Run run = new Run(jsc, sourceIds, blocks, checkpointInterval, priors);
    Outcome outcome = dispatch(run);
    ranks.unpersist(false);
    return new SparkReconciliation(spark, algorithm, sourceIds, blocks, outcome);
  }

  private Outcome dispatch(Run run) {
    switch (algorithm.name()) {
      case "majority-vote":
        return VoteJobs.majority(run, (MajorityVote) algorithm);
      case "weighted-vote":
        return VoteJobs.weighted(run, (WeightedVote) algorithm);
      case "truthfinder":
        return TruthFinderJob.run(run, (TruthFinder) algorithm);
      case "sums":
        return FactFinderJob.sums(run, (Sums) algorithm);
      case "average-log":
        return FactFinderJob.averageLog(run, (AverageLog) algorithm);
      case "investment":
        return FactFinderJob.investment(run, (Investment) algorithm);
      case "pooled-investment":
        return FactFinderJob.pooledInvestment(run, (PooledInvestment) algorithm);
      case "accu":
        return AccuJob.run(run, (Accu) algorithm);
      case "dawid-skene":
        return DawidSkeneJob.run(run, (DawidSkene) algorithm, denseCells);
      case "glad":
        return GladJob.run(run, (Glad) algorithm);
      case "crh":
        return CrhJob.run(run, (Crh) algorithm);
      case "median":
        return QuantityJobs.median(run, (Median) algorithm);
      case "weighted-mean":
        return QuantityJobs.weightedMean(run, (WeightedMean) algorithm);
      default:
        throw new IllegalArgumentException("the Spark engine does not run " + algorithm.name());
    }
  }
}
