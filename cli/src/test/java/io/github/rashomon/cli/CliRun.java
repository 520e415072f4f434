package io.github.rashomon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs the command line in-process and keeps what it printed. */
final class CliRun {
  final int status;
  final String stdout;
  final String stderr;

  private CliRun(int status, String stdout, String stderr) {
    this.status = status;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static CliRun of(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    return new CliRun(status, o.toString(), e.toString());
  }

  /** The flagship example's case file, shipped by the examples module. */
  static Path janaozen() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path f = d.resolve("examples/src/main/resources/janaozen.json");
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("janaozen.json not found above " + dir);
  }

  @Override
  public String toString() {
    return "status " + status + "\nstdout: " + stdout + "\nstderr: " + stderr;
  }
}
