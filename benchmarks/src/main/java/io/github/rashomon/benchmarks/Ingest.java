package io.github.rashomon.benchmarks;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.io.CsvClaimReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Measures reading a claims CSV file into an index with {@link CsvClaimReader} on one thread:
 *
 * <pre>
 * java -Xmx8g -jar benchmarks/target/benchmarks.jar ingest --input labels.csv --repeat 3
 * </pre>
 *
 * <p>Prints, per read, the wall and thread cpu time and the megabytes per second of each (the
 * first read includes the JIT's warm-up), and the load average before and after.
 */
final class Ingest {
  private Ingest() {}

  static void main(String[] args) throws IOException {
    Path input = null;
    int repeat = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--input":
          input = Paths.get(args[i + 1]);
          break;
        case "--repeat":
          repeat = Integer.parseInt(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (input == null || (args.length % 2) != 0) {
      throw new IllegalArgumentException("usage: ingest --input FILE [--repeat N]");
    }
    double mb = Files.size(input) / 1e6;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf(Locale.ROOT, "%s: %.1f MB, load %s%n", input, mb, ScaleHarness.loadAverage());
    for (int r = 0; r < repeat; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      ClaimIndex ix = CsvClaimReader.withDefaults().read(input);
      double wall = (System.nanoTime() - t) / 1e9;
      double used = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf(Locale.ROOT,
          "read %d claims, %d questions, %d sources: %.2f s wall (%.0f MB/s), %.2f s cpu"
              + " (%.0f MB/s)%n",
          ix.claimCount(), ix.questionCount(), ix.sourceCount(), wall, mb / wall, used,
          mb / used);
    }
    System.out.printf(Locale.ROOT, "load at the end: %s%n", ScaleHarness.loadAverage());
  }
}
