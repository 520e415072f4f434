/**
 * The reconciliation algorithms as Apache Spark jobs, for claims too many for one machine or
 * already on a cluster, with the core engine's answers.
 *
 * <p>{@link io.github.rashomon.spark.SparkClaims} reads claims from CSV or Parquet in the command
 * line's layouts; {@link io.github.rashomon.spark.SparkReconciler} runs one of its {@link
 * io.github.rashomon.spark.SparkReconciler#ALGORITHMS algorithms} over them, and the {@link
 * io.github.rashomon.spark.SparkReconciliation} it returns holds the verdicts and source trust as
 * datasets; {@link io.github.rashomon.spark.Main} is the entry point for {@code spark-submit}.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[*]").getOrCreate();
 * Dataset<Row> claims = SparkClaims.read(spark, "hdfs:///data/claims.parquet", "parquet");
 * try (SparkReconciliation r = SparkReconciler.named("dawid-skene").reconcile(claims)) {
 *   r.write("hdfs:///data/rashomon-out", "parquet"); // verdicts/ and sources/
 * }
 * }</pre>
 *
 * <p>{@code docs/spark.md} gives the settings that matter on a cluster and the limits of the
 * equality with the core engine.
 *
 * @since 0.1
 */
package io.github.rashomon.spark;
