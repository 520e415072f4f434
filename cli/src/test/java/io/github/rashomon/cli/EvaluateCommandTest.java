package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  private String stdout;
  private String stderr;

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    stdout = o.toString();
    stderr = e.toString();
    return status;
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void printsTheMetrics() throws IOException {
    // Three workers on two tasks: the majority is right on t1 (a) and wrong on t2 (truth b).
    Path claims = file("claims.csv", "task,worker,label\nt1,w1,a\nt1,w2,a\nt1,w3,b\n"
        + "t2,w1,a\nt2,w2,a\nt2,w3,b\n");
    Path truth = file("truth.csv", "task,truth\nt1,a\nt2,b\n");
    assertEquals(0, run("evaluate", "--input", claims.toString(), "--truth", truth.toString(),
        "--algorithm", "majority-vote"), stderr);
    assertTrue(stdout.contains("questions evaluated  2 (skipped 0, unanswered 0)"), stdout);
    assertTrue(stdout.contains("accuracy             0.5000 (1 correct)"), stdout);
    assertTrue(stdout.contains("mean absolute error  n/a"), stdout);
  }

  @Test
  void aBadTruthFileIsOneLineAndStatusTwo() throws IOException {
    Path claims = file("claims.csv", "task,worker,label\nt1,w1,a\n");
    Path truth = file("truth.csv", "task,answer\nt1,a\n");
    assertEquals(2, run("evaluate", "--input", claims.toString(), "--truth", truth.toString(),
        "--algorithm", "dawid-skene"));
    assertTrue(stderr.startsWith("rashomon: " + truth + ":1: "), stderr);
    assertEquals(1, stderr.strip().lines().count(), stderr);
    assertEquals("", stdout);
  }

  @Test
  void aMissingClaimsFileIsStatusTwo() {
    assertEquals(2, run("evaluate", "--input", dir.resolve("none.csv").toString(), "--truth",
        dir.resolve("none.csv").toString(), "--algorithm", "glad"));
    assertTrue(stderr.contains("no such file or directory"), stderr);
  }
}
