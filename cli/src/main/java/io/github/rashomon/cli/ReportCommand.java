package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.HtmlReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rashomon report}: a case in, one self-contained HTML page out. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    version = "rashomon " + Reconcilers.VERSION,
    sortOptions = false,
    usageHelpWidth = 100,
    defaultValueProvider = PublishDefaults.class,
    description = {
      "Reconciles a case and writes one self-contained HTML page (no scripts, fonts or images"
          + " from elsewhere; readable on a phone and printable): per question the verdict, a"
          + " chart of the candidate values' probabilities, status, corroboration and what would"
          + " change it; per source its trust with a 90%% interval; the evidence graph; the"
          + " provenance. The verdicts are embedded as schema.org ClaimReview JSON-LD.",
      "",
      "The input is a JSON case (a file named *.json, see docs/formats.md) or CSV claims as for"
          + " reconcile. --algorithm defaults to weighted-vote. The page is written completely"
          + " or not at all."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:report written",
      "1:the output could not be written, or an internal error",
      "2:a usage error, or an input file that cannot be read or is malformed"
          + " (one line on standard error: rashomon: FILE:LINE: problem)"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @CommandLine.Mixin EngineOptions engine;

  @CommandLine.Mixin AnalysisOptions analysis;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "The HTML file to write, such as report.html.")
  Path output;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    Reconciler reconciler = engine.configure(cl);
    HtmlReportWriter writer = HtmlReportWriter.withDefaults()
        .withClaimReviews(analysis.claimReviews(cl));
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
    analysis.check(cl, read.get());
    Reconciliation r = TerminalProgress.reconcile(reconciler, read.get());
    List<SensitivityReport> sensitivity = analysis.analyse(cl, reconciler, read.get());
    try {
      writer.write(r, sensitivity, output);
    } catch (IOException e) {
      err.println("rashomon: " + output + ": cannot write the report: "
          + EngineOptions.describe(e));
      return ReconcileCommand.OUTPUT_ERROR;
    }
    cl.getOut().println(String.format(Locale.ROOT, "%s; %s; wrote %s",
        Outputs.summary(r), sensitivity.isEmpty() ? "no sensitivity analysis"
            : "sensitivity of " + sensitivity.size() + " question(s)", output));
    return 0;
  }
}
