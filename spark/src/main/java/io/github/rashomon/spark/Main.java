package io.github.rashomon.spark;

import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code reconcile --engine spark}: the command line's reconcile on Spark, and the main class of
 * the jar given to {@code spark-submit}.
 *
 * <pre>
 * reconcile --input PATH --algorithm NAME --output DIR [--input-format csv|parquet]
 *     [--output-format csv|parquet] [--value-type categorical|quantity] [--iterations N]
 *     [--tolerance X] [--master URL] [--checkpoint-dir DIR] [--checkpoint-interval N]
 * </pre>
 *
 * <p>Under {@code spark-submit} the master and the cluster settings come from {@code
 * spark-submit}; run directly, the job runs in local mode ({@code local[*]}) unless {@code
 * --master} says otherwise. Run directly on Java 17 without the {@code --add-opens} flags Spark
 * needs, it starts itself again in a JVM that has them, so the user never sees Spark's
 * access errors.
 *
 * @since 0.1
 */
public final class Main {
  /** Exit status of a usage error or unreadable input, as the command line's. */
  static final int USAGE = 2;

  private Main() {}

  /**
   * Runs the command and exits with its status.
   *
   * @param args the arguments, optionally starting with {@code reconcile}
   * @throws Exception if the relaunched JVM cannot be started
   */
  public static void main(String[] args) throws Exception {
    if (!opened()) {
      System.exit(relaunch(args));
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Whether this JVM already opens java.base to the class path as Spark needs. */
  static boolean opened() {
    return JavaOptions.opened();
  }

  /** Starts this command again in a JVM with {@link JavaOptions#FLAGS}; returns its exit status. */
  static int relaunch(String[] args) throws IOException, InterruptedException {
    String launcher = ProcessHandle.current().info().command().orElse(Paths.java());
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher);
    cmd.addAll(JavaOptions.FLAGS);
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("--add-opens") && !a.startsWith("-agentlib")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(Arrays.asList(args));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  /** The java launcher of this JVM. */
  private static final class Paths {
    static String java() {
      return java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  /**
   * Runs the command.
   *
   * @param args the arguments
   * @param out where the summary goes
   * @param err where errors go
   * @return the exit status: 0 done, 1 output error, 2 usage or input error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> o = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    if (!rest.isEmpty() && rest.get(0).equals("reconcile")) {
      rest.remove(0);
    }
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE_TEXT);
        return 0;
      }
      int eq = a.indexOf('=');
      String key = eq > 0 ? a.substring(0, eq) : a;
      if (!OPTIONS.contains(key)) {
        err.println("rashomon: unknown option " + a);
        err.println(USAGE_TEXT);
        return USAGE;
      }
      if (key.equals("--engine")) {
        String v = eq > 0 ? a.substring(eq + 1) : (i + 1 < rest.size() ? rest.get(++i) : "");
        if (!v.equals("spark")) {
          err.println("rashomon: this entry point runs --engine spark only, got " + v);
          return USAGE;
        }
        continue;
      }
      if (eq > 0) {
        o.put(key, a.substring(eq + 1));
      } else if (i + 1 < rest.size()) {
        o.put(key, rest.get(++i));
      } else {
        err.println("rashomon: " + a + " needs a value");
        return USAGE;
      }
    }
    for (String required : new String[] {"--input", "--algorithm", "--output"}) {
      if (!o.containsKey(required)) {
        err.println("rashomon: missing " + required);
        err.println(USAGE_TEXT);
        return USAGE;
      }
    }
    Reconciler algorithm;
    SparkReconciler engine;
    try {
      Map<String, String> overrides = new LinkedHashMap<>();
      if (o.containsKey("--iterations")) {
        overrides.put("iterations", o.get("--iterations"));
      }
      if (o.containsKey("--tolerance")) {
        overrides.put("tolerance", o.get("--tolerance"));
      }
      algorithm = Reconcilers.byName(o.get("--algorithm"), overrides);
      engine = SparkReconciler.of(algorithm);
      if (o.containsKey("--checkpoint-interval")) {
        engine = engine.withCheckpointInterval(Integer.parseInt(o.get("--checkpoint-interval")));
      }
      String type = o.getOrDefault("--value-type", "categorical");
      if (!type.equals("categorical") && !type.equals("quantity")) {
        err.println("rashomon: --value-type must be categorical or quantity, got " + type);
        return USAGE;
      }
      engine = engine.withValueType(type.equals("quantity") ? ValueType.QUANTITY
          : ValueType.CATEGORICAL);
    } catch (IllegalArgumentException e) {
      err.println("rashomon: " + e.getMessage());
      return USAGE;
    }
    String input = o.get("--input");
    String inputFormat = o.getOrDefault("--input-format", SparkClaims.formatOf(input));
    String outputFormat = o.getOrDefault("--output-format", "csv");
    if (!outputFormat.equals("csv") && !outputFormat.equals("parquet")) {
      err.println("rashomon: --output-format must be csv or parquet, got " + outputFormat);
      return USAGE;
    }
    // spark-submit passes its settings, the master among them, as system properties.
    boolean submitted = System.getProperty("spark.master") != null && !o.containsKey("--master");
    if (!submitted) {
      // A command, not a cluster job: its messages are one line each, which Spark's logging
      // (its start, a failed task's stack trace) would bury. Log4j's default root level, read
      // when it starts; one other than ERROR also keeps Spark from installing its own profile.
      System.setProperty("org.apache.logging.log4j.level", "FATAL");
    }
    SparkConf conf = new SparkConf().setAppName("rashomon " + algorithm.name());
    if (o.containsKey("--master")) {
      conf.setMaster(o.get("--master"));
    } else if (!conf.contains("spark.master")) {
      // Not under spark-submit: local mode on every core.
      conf.setMaster("local[*]");
    }
    if (!submitted && conf.get("spark.master").startsWith("local")) {
      // A command in local mode opens no web UI.
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    // A session that was there before (a notebook's, a test's) is used and left running.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    try {
      if (o.containsKey("--checkpoint-dir")) {
        spark.sparkContext().setCheckpointDir(o.get("--checkpoint-dir"));
      }
      long start = System.nanoTime();
      try (SparkReconciliation r =
          engine.reconcile(SparkClaims.read(spark, input, inputFormat))) {
        r.write(o.get("--output"), outputFormat);
        out.println(String.format(Locale.ROOT,
            "%s on spark (%s): %d sources, %d iterations, %s (final change %.3g), %.1f s",
            algorithm.name(), spark.sparkContext().master(), r.sourceCount(), r.iterations(),
            r.converged() ? "converged" : "not converged", r.finalChange(),
            (System.nanoTime() - start) / 1e9));
      }
      return 0;
    } catch (Exception e) {
      // Spark reports a missing path as AnalysisException, bad data as a wrapped
      // IllegalArgumentException from a task.
      Throwable cause = e;
      while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null
          && cause != cause.getCause()) {
        cause = cause.getCause();
      }
      if (cause instanceof IllegalArgumentException
          || e instanceof org.apache.spark.sql.AnalysisException) {
        err.println("rashomon: " + input + ": " + cause.getMessage());
        return USAGE;
      }
      err.println("rashomon: " + e);
      return 1;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  private static final List<String> OPTIONS =
      List.of("--input", "--algorithm", "--output", "--input-format", "--output-format",
          "--iterations", "--tolerance", "--master", "--checkpoint-dir", "--checkpoint-interval",
          "--engine", "--value-type");

  private static final String USAGE_TEXT =
      "Usage: reconcile --engine spark --input PATH --algorithm NAME --output DIR\n"
          + "         [--input-format csv|parquet] [--output-format csv|parquet]\n"
          + "         [--value-type categorical|quantity]\n"
          + "         [--iterations N] [--tolerance X] [--master URL]\n"
          + "         [--checkpoint-dir DIR] [--checkpoint-interval N]\n"
          + "Algorithms on spark: " + String.join(", ", SparkReconciler.ALGORITHMS) + "\n"
          + "On quantity values: " + String.join(", ", SparkReconciler.QUANTITY_ALGORITHMS);
}
