package io.github.rashomon.benchmarks;

import java.util.Arrays;

/**
 * The entry point of {@code benchmarks.jar}: {@code scale …} runs the {@link ScaleHarness},
 * {@code csv …} writes a crowd-label file ({@link CrowdCsv}), {@code ingest …} times reading one
 * ({@link Ingest}), anything else goes to JMH's own command line ({@code -h} lists its options).
 */
public final class Main {
  private Main() {}

  /**
   * Dispatches to the scale harness or to JMH.
   *
   * @param args {@code scale}, {@code csv} or {@code ingest} with their options, or JMH options
   * @throws Exception whatever JMH throws
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("scale")) {
      ScaleHarness.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("csv")) {
      CrowdCsv.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("ingest")) {
      Ingest.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      org.openjdk.jmh.Main.main(args);
    }
  }
}
