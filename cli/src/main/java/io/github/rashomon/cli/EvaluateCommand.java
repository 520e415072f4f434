package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Evaluation;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.io.CsvFormatException;
import io.github.rashomon.io.CsvTruthReader;
import io.github.rashomon.model.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rashomon evaluate}: claims and known truth in, accuracy and calibration out. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    version = "rashomon " + Reconcilers.VERSION,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Reconciles the claims in a CSV file and compares the verdicts with known truth: accuracy,"
          + " F1 (binary questions), mean absolute error (quantities), expected calibration error"
          + " (10 bins) and the rank correlation of estimated source trust with true source"
          + " accuracy. The truth file is a CSV 'question,truth' (or 'task,truth')."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:metrics printed",
      "1:an internal error",
      "2:a usage error, or an input file that cannot be read or is malformed"
          + " (one line on standard error: rashomon: FILE:LINE: problem)"
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @CommandLine.Mixin EngineOptions engine;

  @Option(
      names = "--truth",
      required = true,
      paramLabel = "FILE",
      description = "The known truth: a CSV with columns question,truth (or task,truth).")
  Path truth;

  @Override
  public Integer call() {
    Reconciler reconciler = engine.configure(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Optional<ClaimIndex> index = engine.readClaims(err);
    if (index.isEmpty()) {
      return ReconcileCommand.INPUT_ERROR;
    }
    Map<String, Value> known;
    try {
      ClaimIndex claims = index.get();
      // In a case, questions differ in type: read each truth as its question's.
      known =
          CsvTruthReader.withDefaults()
              .withValueTypes(
                  id -> {
                    int q = claims.questionNumber(id);
                    return q < 0 ? engine.valueType : claims.questionType(q);
                  })
              .read(truth);
    } catch (CsvFormatException e) {
      err.println("rashomon: " + e.getMessage());
      return ReconcileCommand.INPUT_ERROR;
    } catch (IOException e) {
      err.println("rashomon: " + truth + ": " + EngineOptions.describe(e));
      return ReconcileCommand.INPUT_ERROR;
    }
    Reconciliation r = TerminalProgress.reconcile(reconciler, index.get());
    Evaluation e =
        Evaluation.of(
            r,
            known,
            Evaluation.Options.defaults()
                .withSourceAccuracy(Evaluation.sourceAccuracy(index.get(), known)));
    out.printf(Locale.ROOT, "algorithm            %s%n", e.algorithm());
    out.printf(Locale.ROOT, "questions evaluated  %d (skipped %d, unanswered %d)%n",
        e.evaluated(), e.skipped(), e.unanswered());
    out.printf(Locale.ROOT, "accuracy             %.4f (%d correct)%n", e.accuracy(), e.correct());
    out.printf(Locale.ROOT, "F1                   %s%n", format(e.f1()));
    out.printf(Locale.ROOT, "mean absolute error  %s%n", format(e.meanAbsoluteError()));
    out.printf(Locale.ROOT, "calibration error    %.4f (expected, 10 bins)%n",
        e.expectedCalibrationError());
    out.printf(Locale.ROOT, "trust rank ρ         %s%n", format(e.trustRankCorrelation()));
    return 0;
  }

  private static String format(OptionalDouble x) {
    return x.isPresent() ? String.format(Locale.ROOT, "%.4f", x.getAsDouble()) : "n/a";
  }
}
