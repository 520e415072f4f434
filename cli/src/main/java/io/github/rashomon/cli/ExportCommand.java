package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.DotWriter;
import io.github.rashomon.io.JsonResultWriter;
import io.github.rashomon.io.ProvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rashomon export}: a case in, the result in one of the publishing formats out. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    version = "rashomon " + Reconcilers.VERSION,
    sortOptions = false,
    usageHelpWidth = 100,
    defaultValueProvider = PublishDefaults.class,
    description = {
      "Reconciles a case and writes the result in one format: result-json (Rashomon's result"
          + " format, with sensitivity reports), claim-review (schema.org ClaimReview JSON-LD,"
          + " one per verdict), prov (W3C PROV-JSON: attribution chains and how each verdict was"
          + " derived) or dot (the evidence graph for Graphviz). docs/formats.md describes them.",
      "",
      "The input is a JSON case (*.json) or CSV claims as for reconcile. --algorithm defaults to"
          + " weighted-vote. The file is written completely or not at all."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:file written",
      "1:the output could not be written, or an internal error",
      "2:a usage error, or an input file that cannot be read or is malformed"
          + " (one line on standard error: rashomon: FILE:LINE: problem)"
    })
final class ExportCommand implements Callable<Integer> {
  /** The formats, as named on the command line. */
  static final List<String> FORMATS = List.of("result-json", "claim-review", "prov", "dot");

  @Spec CommandSpec spec;

  @CommandLine.Mixin EngineOptions engine;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      completionCandidates = Formats.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  String format;

  @CommandLine.Mixin AnalysisOptions analysis;

  @Option(
      names = "--namespace",
      paramLabel = "URI",
      description =
          "For prov: the namespace of the identifiers, an absolute URI ending in /, # or :"
              + " (default: " + ProvWriter.DEFAULT_NAMESPACE + ").")
  String namespace;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "The file to write.")
  Path output;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    Reconciler reconciler = engine.configure(cl);
    if (!FORMATS.contains(format)) {
      throw new ParameterException(cl, "Invalid value for option '--format': unknown format '"
          + format + "'; known: " + String.join(", ", FORMATS));
    }
    ProvWriter prov = ProvWriter.withDefaults();
    if (namespace != null) {
      try {
        prov = prov.withNamespace(namespace);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, e.getMessage(), e);
      }
    }
    var reviews = analysis.claimReviews(cl);
    PrintWriter err = cl.getErr();
    Optional<String> bad = Outputs.problem(output);
    if (bad.isPresent()) {
      err.println("rashomon: " + output + ": " + bad.get());
      return ReconcileCommand.OUTPUT_ERROR;
    }
    Optional<ClaimIndex> read = engine.readClaims(err);
    if (read.isEmpty()) {
      return ReconcileCommand.INPUT_ERROR;
    }
    if (format.equals("result-json")) {
      analysis.check(cl, read.get());
    }
    Reconciliation r = TerminalProgress.reconcile(reconciler, read.get());
    List<SensitivityReport> sensitivity =
        format.equals("result-json") ? analysis.analyse(cl, reconciler, read.get()) : List.of();
    try {
      switch (format) {
        case "result-json":
          JsonResultWriter.write(r, sensitivity, output);
          break;
        case "claim-review":
          reviews.write(r, output);
          break;
        case "prov":
          prov.write(r, output);
          break;
        default:
          DotWriter.write(r, output);
      }
    } catch (IOException e) {
      err.println("rashomon: " + output + ": cannot write the " + format + " file: "
          + EngineOptions.describe(e));
      return ReconcileCommand.OUTPUT_ERROR;
    }
    cl.getOut().println(String.format(Locale.ROOT, "%s; wrote %s (%s)", Outputs.summary(r),
        output, format));
    return 0;
  }

  /** The format names, for the help text and shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FORMATS.iterator();
    }
  }
}
