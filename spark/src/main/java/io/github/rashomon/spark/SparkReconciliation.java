package io.github.rashomon.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.VerdictPolicy;
import io.github.rashomon.engine.VerdictStatus;
import io.github.rashomon.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The result of a Spark reconciliation: verdicts and source assessments as datasets with the
 * command line's columns, and how the iteration went.
 *
 * <p>{@link #verdicts()} has one row per question: {@code question}, {@code value} (the leading
 * value), {@code confidence} (its probability) and {@code status} ({@code ACCEPTED}, {@code
 * CONTESTED} or {@code UNDETERMINED}, under {@link VerdictPolicy#defaults()}). {@link #sources()}
 * has {@code source} and {@code trust}. Close the result to drop its cached data.
 *
 * @since 0.1
 */
public final class SparkReconciliation implements AutoCloseable {
  /** The columns of {@link #verdicts()}. */
  public static final StructType VERDICTS =
      new StructType()
          .add("question", DataTypes.StringType, false)
          .add("value", DataTypes.StringType, true)
          .add("confidence", DataTypes.DoubleType, false)
          .add("status", DataTypes.StringType, false);

  /** The columns of {@link #sources()}. */
  public static final StructType SOURCES =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("trust", DataTypes.DoubleType, false);

  private final SparkSession spark;
  private final Reconciler algorithm;
  private final String[] sourceIds;
  private final JavaRDD<QuestionBlock> blocks;
  private final Outcome outcome;

  SparkReconciliation(SparkSession spark, Reconciler algorithm, String[] sourceIds,
      JavaRDD<QuestionBlock> blocks, Outcome outcome) {
    this.spark = spark;
    this.algorithm = algorithm;
    this.sourceIds = sourceIds;
    this.blocks = blocks;
    this.outcome = outcome;
    for (int s = 0; s < outcome.trust.length; s++) {
      checkArgument(outcome.trust[s] >= 0 && outcome.trust[s] <= 1,
          "%s produced trust %s for source '%s'", algorithm.name(), outcome.trust[s],
          sourceIds[s]);
    }
  }

  /**
   * The algorithm and settings that produced this result.
   *
   * @return the algorithm
   */
  public Reconciler algorithm() {
    return algorithm;
  }

  /**
   * The iterations run.
   *
   * @return the count, 1 for one-pass algorithms
   */
  public int iterations() {
    return outcome.iterations;
  }

  /**
   * Whether the iteration converged within its tolerance.
   *
   * @return true if converged (always for one-pass algorithms)
   */
  public boolean converged() {
    return outcome.converged;
  }

  /**
   * The largest change of an estimate in the last iteration.
   *
   * @return the change, 0 for one-pass algorithms
   */
  public double finalChange() {
    return Double.isFinite(outcome.finalChange) ? outcome.finalChange : 0;
  }

  /**
   * The number of sources.
   *
   * @return the source count
   */
  public int sourceCount() {
    return sourceIds.length;
  }

  /**
   * The verdict on every question, unordered (sort by {@code question} for id order).
   *
   * @return a dataset with the columns {@link #VERDICTS}
   */
  public Dataset<Row> verdicts() {
    String name = algorithm.name();
    VerdictPolicy policy = VerdictPolicy.defaults();
    double margin = policy.contestedMargin();
    int minClaims = policy.minimumClaims();
    double minWeight = policy.minimumWeight();
    JavaRDD<Row> rows =
        outcome.states.map(st -> verdict(st, name, margin, minClaims, minWeight));
    return spark.createDataFrame(rows, VERDICTS);
  }

  /**
   * Every source's trust, in source-id order.
   *
   * @return a dataset with the columns {@link #SOURCES}
   */
  public Dataset<Row> sources() {
    List<Row> rows = new ArrayList<>(sourceIds.length);
    for (int s = 0; s < sourceIds.length; s++) {
      rows.add(RowFactory.create(sourceIds[s], outcome.trust[s]));
    }
    return spark.createDataFrame(rows, SOURCES);
  }

  /**
   * Writes {@code DIR/verdicts} and {@code DIR/sources}, in question and source order, as Parquet
   * ({@code confidence} and {@code trust} as doubles) or as CSV with a header (numbers with 6
   * decimals, as the command line writes them). Spark writes each as a directory of part files.
   *
   * @param dir the output directory (a path or URI Spark can write to)
   * @param format {@code "parquet"} or {@code "csv"}
   */
  public void write(String dir, String format) {
    checkNotNull(dir, "dir");
    checkArgument(format.equals("parquet") || format.equals("csv"),
        "output format must be parquet or csv, got %s", format);
    Dataset<Row> v = verdicts().orderBy("question");
    Dataset<Row> s = sources().orderBy("source");
    if (format.equals("csv")) {
      spark.udf().register("decimal6", (Double x) -> decimal(x), DataTypes.StringType);
      v = v.withColumn("confidence", functions.callUDF("decimal6", functions.col("confidence")));
      s = s.withColumn("trust", functions.callUDF("decimal6", functions.col("trust")));
      v.write().mode(SaveMode.Overwrite).option("header", true).option("escape", "\"")
          .csv(dir + "/verdicts");
      s.coalesce(1).write().mode(SaveMode.Overwrite).option("header", true)
          .option("escape", "\"").csv(dir + "/sources");
    } else {
      v.write().mode(SaveMode.Overwrite).parquet(dir + "/verdicts");
      s.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir + "/sources");
    }
  }

  /** The command line's number format: 6 decimals, half-even. */
  static String decimal(double x) {
    return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The depth of the final state's lineage, in RDDs (for tests of checkpointing). */
  int lineageDepth() {
    return outcome.states.toDebugString().split("\n").length;
  }

  /** Drops the cached question blocks and final state. */
  @Override
  public void close() {
    outcome.states.unpersist(false);
    blocks.unpersist(false);
  }

  /**
   * One verdict row, as the core {@code Reconciliation} reads an estimate: the most probable
   * candidate leads, or a quantity question's point estimate.
   */
  static Row verdict(QuestionState st, String algorithm, double contestedMargin, int minClaims,
      double minWeight) {
    QuestionBlock b = st.block;
    int k = b.candidates();
    double[] p = new double[k];
    double sum = 0;
    for (int c = 0; c < k; c++) {
      double x = st.prob[c];
      if (!(x >= 0 && Double.isFinite(x))) {
        throw new IllegalStateException(
            algorithm + " produced probability " + x + " for question '" + b.question + "'");
      }
      sum += x;
    }
    for (int c = 0; c < k; c++) {
      p[c] = sum > 0 ? st.prob[c] / sum : 1.0 / k;
    }
    int best = VoteJobs.leader(p);
    String value = b.cand[best];
    double confidence = p[best];
    boolean[] rival = new boolean[k];
    Arrays.fill(rival, true);
    rival[best] = false;
    if (!Double.isNaN(st.point)) {
      // A point estimate leads, with the probability of the candidates compatible with it.
      Quantity lead = Quantity.exactly(st.point);
      value = lead.canonical();
      confidence = 0;
      for (int c = 0; c < k; c++) {
        rival[c] = !Quantity.parse(b.cand[c]).compatibleWith(lead);
        if (!rival[c]) {
          confidence += p[c];
        }
      }
      confidence = Math.min(1, confidence);
    }
    double second = 0;
    for (int c = 0; c < k; c++) {
      if (rival[c]) {
        second = Math.max(second, p[c]);
      }
    }
    double margin = Math.max(0, confidence - second);
    double weight = 0;
    for (int i = 0; i < b.claims(); i++) {
      weight += 1.0;
    }
    VerdictStatus status;
    // As core's VerdictPolicy: within 1e-12 of a threshold counts as reaching it (3/5 - 2/5 is
    // 0.19999999999999996, and a 60/40 split is accepted).
    if (b.claims() < minClaims || weight < minWeight - 1e-12) {
      status = VerdictStatus.UNDETERMINED;
    } else if (margin < contestedMargin - 1e-12) {
      status = VerdictStatus.CONTESTED;
    } else {
      status = VerdictStatus.ACCEPTED;
    }
    return RowFactory.create(b.question, value, confidence, status.name());
  }
}
