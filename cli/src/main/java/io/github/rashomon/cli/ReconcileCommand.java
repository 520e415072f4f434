package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Provenance;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.CsvResultWriter;
import io.github.rashomon.model.Case;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
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
          + " (question,value,confidence,status, then the corroboration lines_for,lines_against,"
          + "blocs_for,blocs_against and the sensitivity pivotal_sources,pivotal_blocs) and"
          + " DIR/sources.csv (source,trust).",
      "",
      "The input is UTF-8 CSV (RFC 4180) with a header: claims 'source,question,value' or crowd"
          + " labels 'task,worker,label' ('question' and 'answer' are accepted for 'task' and"
          + " 'label'); further columns are ignored. A claims file with any of the columns stance,"
          + " via, access, stake, circumstances, hedge or account, or given with --sources or"
          + " --questions, is a spreadsheet case: every claim is weighed by how it was made and"
          + " how it reached us (see docs/formats.md). Both output files are written completely"
          + " or not at all, and DIR is created if missing. A summary line goes to standard"
          + " output.",
      "",
      "A file named *.json is read as a whole case in the JSON case format (docs/formats.md)."
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

  @CommandLine.Mixin EngineOptions engine;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "The directory for verdicts.csv and sources.csv (created if missing).")
  Path output;

  @Option(
      names = "--sensitivity",
      description =
          "Also find, for every question, the sources and blocs without which the leading value"
              + " would change (columns pivotal_sources and pivotal_blocs, empty without this"
              + " option). Reads the input as a case and re-runs the algorithm many times per"
              + " question: meant for investigations, not for crowd data at scale.")
  boolean sensitivity;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "core",
      description =
          "core (default) or spark: run the algorithm as an Apache Spark job (see docs/spark.md);"
              + " Spark comes from the class path or SPARK_HOME.")
  String engineName;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "With --engine spark: the Spark master (default: local mode, local[*]).")
  String master;

  @Override
  public Integer call() {
    Reconciler reconciler = engine.configure(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!engineName.equals("core") && !engineName.equals("spark")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--engine': core or spark, got " + engineName);
    }
    if (master != null && !engineName.equals("spark")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--master applies to --engine spark only");
    }
    if (engineName.equals("spark")) {
      // The Spark entry point checks that the algorithm reads this value type.
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
          "reconcile", "--engine", "spark", "--input", engine.input.toString(),
          "--algorithm", reconciler.name(), "--output", output.toString(),
          "--value-type", engine.valueType.name().toLowerCase(Locale.ROOT)));
      if (engine.iterations != null) {
        args.add("--iterations");
        args.add(engine.iterations.toString());
      }
      if (engine.tolerance != null) {
        args.add("--tolerance");
        args.add(engine.tolerance.toString());
      }
      if (master != null) {
        args.add("--master");
        args.add(master);
      }
      return SparkEngine.run(args, out, err);
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      err.println("rashomon: " + output + ": exists and is not a directory");
      return OUTPUT_ERROR;
    }
    Optional<Case> kase = Optional.empty();
    Optional<ClaimIndex> read;
    if (sensitivity) {
      kase = engine.readCase(err);
      read = kase.map(ClaimIndex::of);
    } else {
      read = engine.readClaims(err);
    }
    if (read.isEmpty()) {
      return INPUT_ERROR;
    }
    ClaimIndex index = read.get();
    Reconciliation result = TerminalProgress.reconcile(reconciler, index);
    List<SensitivityReport> reports = new ArrayList<>();
    if (kase.isPresent()) {
      reports = TerminalProgress.sensitivity(reconciler, kase.get());
    }
    try {
      write(result, reports);
    } catch (IOException e) {
      err.println("rashomon: " + output + ": cannot write the results: " + describeWithFile(e));
      return OUTPUT_ERROR;
    }
    out.println(summary(result, index));
    return 0;
  }

  /** Writes both files, creating the directory; on failure removes a directory it created. */
  private void write(Reconciliation result, List<SensitivityReport> reports) throws IOException {
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
      CsvResultWriter.write(result, reports, dir);
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

  /** The reason for an I/O error, and the file it concerns if the exception names one. */
  private static String describeWithFile(IOException e) {
    String reason = EngineOptions.describe(e);
    if (e instanceof FileSystemException && ((FileSystemException) e).getFile() != null) {
      return reason + " (" + ((FileSystemException) e).getFile() + ")";
    }
    return reason;
  }

}
