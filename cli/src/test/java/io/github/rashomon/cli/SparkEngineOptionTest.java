package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile --engine spark}: the option's checks, and the message when Spark cannot be
 * found (the module's own tests, which have Spark, run the engine itself).
 */
class SparkEngineOptionTest {
  @TempDir Path dir;
  private Path input;
  private String stderr;

  @BeforeEach
  void writeInput() throws IOException {
    input = dir.resolve("labels.csv");
    Files.writeString(input, "task,worker,label\nt1,w1,cat\nt1,w2,dog\n");
  }

  private int run(String... extra) {
    String[] base = {
      "reconcile", "--input", input.toString(), "--algorithm", "dawid-skene",
      "--output", dir.resolve("out").toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    StringWriter e = new StringWriter();
    int status =
        Main.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true))
            .execute(args);
    stderr = e.toString();
    return status;
  }

  @Test
  void withoutSparkTheCommandSaysWhereToGetIt() {
    Assumptions.assumeTrue(System.getenv("SPARK_HOME") == null, "SPARK_HOME is set: skipping");
    assertEquals(ReconcileCommand.INPUT_ERROR, run("--engine", "spark"));
    assertTrue(stderr.contains("needs Apache Spark"), stderr);
    assertTrue(stderr.contains("SPARK_HOME"), stderr);
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void unknownEngineAndStrayMasterAreUsageErrors() {
    assertEquals(ReconcileCommand.INPUT_ERROR, run("--engine", "hadoop"));
    assertTrue(stderr.contains("core or spark"), stderr);
    assertEquals(ReconcileCommand.INPUT_ERROR, run("--master", "local[2]"));
    assertTrue(stderr.contains("--engine spark only"), stderr);
  }
}
