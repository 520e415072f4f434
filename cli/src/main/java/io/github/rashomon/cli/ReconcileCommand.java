package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Provenance;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.io.CsvClaimReader;
import io.github.rashomon.io.CsvFormatException;
import io.github.rashomon.io.CsvResultWriter;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rashomon reconcile}: claims in, verdicts and source trust out. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    version = "rashomon " + Reconcilers.VERSION,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Reconciles the claims in a CSV file and writes DIR/verdicts.csv"
          + " (question,value,confidence,status) and DIR/sources.csv (source,trust).",
      "",
      "The input is UTF-8 CSV (RFC 4180) with a header: claims 'source,question,value' or crowd"
          + " labels 'task,worker,label' ('question' and 'answer' are accepted for 'task' and"
          + " 'label'); further columns are ignored. Both output files are written completely or"
          + " not at all, and DIR is created if missing. A summary line goes to standard output."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:verdicts written",
      "1:the output could not be written, or an internal error",
      "2:a usage error, or an input file that cannot be read or is malformed"
          + " (one line on standard error: rashomon: FILE:LINE: problem)"
    })
final class ReconcileCommand implements Callable<Integer> {
  static final int OUTPUT_ERROR = 1;
  static final int INPUT_ERROR = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "The claims: a CSV file as described above.")
  Path input;

  @Option(
      names = "--algorithm",
      required = true,
      paramLabel = "NAME",
      completionCandidates = AlgorithmNames.class,
      description = "The algorithm, one of: ${COMPLETION-CANDIDATES}.")
  String algorithm;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "The directory for verdicts.csv and sources.csv (created if missing).")
  Path output;

  @Option(
      names = "--value-type",
      paramLabel = "TYPE",
      defaultValue = "categorical",
      converter = ValueTypeConverter.class,
      completionCandidates = ValueTypeConverter.Names.class,
      description =
          "How values are read: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Quantities"
              + " are numbers or ranges: 16, 15..20, >100, ~70+-10.")
  ValueType valueType;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description =
          "The most iterations an iterative algorithm runs (default: the algorithm's own)."
              + " One-pass algorithms ignore it.")
  Integer iterations;

  @Option(
      names = "--tolerance",
      paramLabel = "X",
      description =
          "Stop iterating when estimates change by less than X, a number >= 0 (default: the"
              + " algorithm's own). One-pass algorithms ignore it.")
  Double tolerance;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Threads to use, >= 1 (default: ${DEFAULT-VALUE}). Accepted and checked, but the engine"
              + " runs on a single thread for now, so it does not change anything yet.")
  int threads;

  @Override
  public Integer call() {
    Reconciler reconciler = configure();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (Files.exists(output) && !Files.isDirectory(output)) {
      err.println("rashomon: " + output + ": exists and is not a directory");
      return OUTPUT_ERROR;
    }
    ClaimIndex index;
    try {
      index = CsvClaimReader.withDefaults().withValueType(valueType).read(input);
    } catch (CsvFormatException e) {
      err.println("rashomon: " + e.getMessage());
      return INPUT_ERROR;
    } catch (IOException e) {
      err.println("rashomon: " + input + ": " + describe(e));
      return INPUT_ERROR;
    }
    Reconciliation result = reconciler.reconcile(index);
    try {
      write(result);
    } catch (IOException e) {
      err.println("rashomon: " + output + ": cannot write the results: " + describeWithFile(e));
      return OUTPUT_ERROR;
    }
    out.println(summary(result, index));
    return 0;
  }

  /** Checks the options and builds the algorithm; a bad option is a usage error. */
  private Reconciler configure() {
    CommandLine cl = spec.commandLine();
    if (!Reconcilers.names().contains(algorithm)) {
      throw new ParameterException(
          cl,
          "Invalid value for option '--algorithm': unknown algorithm '"
              + algorithm
              + "'; known: "
              + String.join(", ", Reconcilers.names()));
    }
    if (threads < 1) {
      throw new ParameterException(
          cl, "Invalid value for option '--threads': must be >= 1, got " + threads);
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    if (iterations != null) {
      if (iterations < 1) {
        throw new ParameterException(
            cl, "Invalid value for option '--iterations': must be >= 1, got " + iterations);
      }
      overrides.put("iterations", Integer.toString(iterations));
    }
    if (tolerance != null) {
      if (!(tolerance >= 0) || tolerance.isInfinite()) {
        throw new ParameterException(
            cl,
            "Invalid value for option '--tolerance': must be a finite number >= 0, got "
                + tolerance);
      }
      overrides.put("tolerance", Double.toString(tolerance));
    }
    try {
      return Reconcilers.byName(algorithm, overrides);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage(), e);
    }
  }

  /** Writes both files, creating the directory; on failure removes a directory it created. */
  private void write(Reconciliation result) throws IOException {
    Path dir = output.toAbsolutePath();
    Path created = null;
    if (!Files.isDirectory(dir)) {
      // Remember the topmost directory that is new, to remove it again on failure.
      Path top = dir;
      while (top.getParent() != null && !Files.exists(top.getParent())) {
        top = top.getParent();
      }
      Files.createDirectories(dir);
      created = top;
    }
    try {
      CsvResultWriter.write(result, dir);
    } catch (IOException | RuntimeException e) {
      if (created != null) {
        removeEmpty(dir, created, e);
      }
      throw e;
    }
  }

  /** Removes the empty directories from {@code dir} up to {@code top}. */
  private static void removeEmpty(Path dir, Path top, Throwable primary) {
    try {
      for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  private String summary(Reconciliation r, ClaimIndex index) {
    Provenance p = r.provenance();
    String run =
        p.converged()
            ? String.format(Locale.ROOT, "converged after %d iteration%s", p.iterations(),
                p.iterations() == 1 ? "" : "s")
            : String.format(
                Locale.ROOT,
                "did not converge in %d iterations (last change %s)",
                p.iterations(),
                p.finalChange());
    return String.format(
        Locale.ROOT,
        "%s: %d claims, %d questions, %d sources; %s; wrote %s and %s",
        p.algorithm(),
        index.claimCount(),
        index.questionCount(),
        index.sourceCount(),
        run,
        output.resolve(CsvResultWriter.VERDICTS),
        output.resolve(CsvResultWriter.SOURCES));
  }

  /** The reason for an I/O error, without the file name. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** The reason for an I/O error, and the file it concerns if the exception names one. */
  private static String describeWithFile(IOException e) {
    String reason = describe(e);
    if (e instanceof FileSystemException && ((FileSystemException) e).getFile() != null) {
      return reason + " (" + ((FileSystemException) e).getFile() + ")";
    }
    return reason;
  }

  /** The algorithm names, for the help text and shell completion. */
  static final class AlgorithmNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Reconcilers.names().iterator();
    }
  }
}
