package io.github.rashomon.cli;

import io.github.rashomon.spark.JavaOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code reconcile --engine spark} through the spark module's entry point. Spark is not in
 * the command's jar: it is taken from the class path, or else from {@code $SPARK_HOME/jars}, in a
 * JVM started with the {@code --add-opens} flags Spark needs on Java 17.
 */
final class SparkEngine {
  static final String MAIN = "io.github.rashomon.spark.Main";

  private SparkEngine() {}

  static int run(List<String> args, PrintWriter out, PrintWriter err) {
    out.flush();
    err.flush();
    List<String> classPath = new ArrayList<>();
    classPath.add(System.getProperty("java.class.path"));
    if (!JavaOptions.sparkPresent()) {
      String home = System.getenv("SPARK_HOME");
      Path jars = home == null ? null : Paths.get(home, "jars");
      if (jars == null || !Files.isDirectory(jars)) {
        err.println("rashomon: --engine spark needs Apache Spark 4.1: set SPARK_HOME to a Spark"
            + " distribution, or submit spark/target/rashomon-spark.jar with spark-submit"
            + " (see docs/spark.md)");
        return ReconcileCommand.INPUT_ERROR;
      }
      classPath.add(jars.resolve("*").toString());
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(JavaOptions.FLAGS);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classPath));
    cmd.add(MAIN);
    cmd.addAll(args);
    try {
      return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    } catch (IOException e) {
      err.println("rashomon: cannot start Spark: " + e.getMessage());
      return ReconcileCommand.OUTPUT_ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ReconcileCommand.OUTPUT_ERROR;
    }
  }
}
