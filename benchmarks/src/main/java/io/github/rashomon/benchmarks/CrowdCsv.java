package io.github.rashomon.benchmarks;

import io.github.rashomon.engine.BenchmarkAccess;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Synthetic;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes generated crowd labels as a {@code task,worker,label} CSV file, the input of the
 * end-to-end and ingestion measurements:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar csv --claims 1e7 --order random --out labels.csv
 * </pre>
 *
 * <p>The labels are those of {@link Synthetic} with the scale harness's defaults (seed 1, 1,000
 * workers, 2 classes, 5 labels per task). {@code --order task} writes the rows grouped by task,
 * as the generator makes them; {@code --order random} (the default) in a seeded random order, as
 * a file collected over time would be.
 */
final class CrowdCsv {
  private CrowdCsv() {}

  static void main(String[] args) throws IOException {
    long claims = 10_000_000;
    String order = "random";
    Path out = null;
    long seed = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--claims":
          claims = (long) Double.parseDouble(args[i + 1]);
          break;
        case "--order":
          order = args[i + 1];
          break;
        case "--out":
          out = Paths.get(args[i + 1]);
          break;
        case "--seed":
          seed = Long.parseLong(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null || (args.length % 2) != 0) {
      throw new IllegalArgumentException(
          "usage: csv --claims N [--order random|task] [--seed S] --out FILE");
    }
    if (!order.equals("random") && !order.equals("task")) {
      throw new IllegalArgumentException("--order must be random or task, got " + order);
    }
    Synthetic gen = Synthetic.withDefaults().withSeed(seed).withSources(1000).withClaims(claims);
    ClaimIndex ix = gen.generate().index();
    int n = ix.claimCount();
    int[] question = BenchmarkAccess.claimQuestions(ix);
    int[] row = new int[n];
    for (int i = 0; i < n; i++) {
      row[i] = i;
    }
    if (order.equals("random")) {
      SplittableRandom rnd = new SplittableRandom(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = row[i];
        row[i] = row[j];
        row[j] = t;
      }
    }
    long bytes = 0;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      byte[] header = "task,worker,label\n".getBytes(StandardCharsets.UTF_8);
      os.write(header);
      bytes += header.length;
      StringBuilder sb = new StringBuilder(64);
      for (int r = 0; r < n; r++) {
        int i = row[r];
        int q = question[i];
        sb.setLength(0);
        BenchmarkAccess.row(ix, i, q, sb);
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        os.write(b);
        bytes += b.length;
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d labels, %d tasks, %d workers, %.1f MB, order %s%n",
        out, n, ix.questionCount(), ix.sourceCount(), bytes / 1e6, order);
  }
}
