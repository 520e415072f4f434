package io.github.rashomon.spark;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads claims for the Spark engine from CSV or Parquet, in the command line's two layouts:
 * claims {@code source,question,value} and crowd labels {@code task,worker,label} (with {@code
 * question} and {@code answer} accepted for {@code task} and {@code label}).
 *
 * @since 0.1
 */
public final class SparkClaims {
  private SparkClaims() {}

  /**
   * Reads claims, every column as a string.
   *
   * @param spark the session
   * @param path a file or directory (any path Spark reads: local, HDFS, S3, …)
   * @param format {@code "csv"} (with a header) or {@code "parquet"}
   * @return a dataset with the columns {@code source}, {@code question}, {@code value}
   * @throws IllegalArgumentException if the format is unknown or the columns fit neither layout
   */
  public static Dataset<Row> read(SparkSession spark, String path, String format) {
    Dataset<Row> raw;
    switch (format) {
      case "csv":
        // No schema inference: ids and values stay text, as the core reader keeps them.
        raw = spark.read().option("header", true).option("escape", "\"").csv(path);
        break;
      case "parquet":
        raw = spark.read().parquet(path);
        break;
      default:
        throw new IllegalArgumentException("input format must be csv or parquet, got " + format);
    }
    return normalise(raw);
  }

  /**
   * Renames the columns of either layout to {@code source}, {@code question}, {@code value}.
   *
   * @param raw claims in either layout
   * @return the claims as strings, further columns dropped
   */
  public static Dataset<Row> normalise(Dataset<Row> raw) {
    List<String> cols = Arrays.asList(raw.columns());
    String source;
    String question;
    String value;
    if (cols.contains("source") && cols.contains("question") && cols.contains("value")) {
      source = "source";
      question = "question";
      value = "value";
    } else if (cols.contains("worker")) {
      source = "worker";
      question = cols.contains("task") ? "task" : "question";
      value = cols.contains("label") ? "label" : "answer";
      checkArgument(cols.contains(question) && cols.contains(value),
          "crowd labels need task (or question), worker and label (or answer) columns, found %s",
          cols);
    } else {
      throw new IllegalArgumentException(
          "expected columns source,question,value or task,worker,label, found " + cols);
    }
    return raw.select(
        functions.col(source).cast("string").as("source"),
        functions.col(question).cast("string").as("question"),
        functions.col(value).cast("string").as("value"));
  }

  /**
   * The format of a path by its name: {@code parquet} for {@code .parquet} files and for
   * directories without a {@code .csv} name, {@code csv} otherwise.
   *
   * @param path the path
   * @return {@code "csv"} or {@code "parquet"}
   */
  public static String formatOf(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.endsWith(".parquet")) {
      return "parquet";
    }
    if (p.endsWith(".csv") || p.endsWith(".csv.gz")) {
      return "csv";
    }
    return java.nio.file.Files.isDirectory(java.nio.file.Paths.get(p)) ? "parquet" : "csv";
  }
}
