package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.ClaimReviewWriter;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the commands that publish results: sensitivity analysis and ClaimReview. */
final class AnalysisOptions {
  /** Cases up to this many claims get a sensitivity analysis unless told otherwise. */
  static final int AUTO_SENSITIVITY_CLAIMS = 500;

  /**
   * Whether to run the sensitivity analysis: true for any case, false never, null (neither
   * option given) for a case of up to {@link #AUTO_SENSITIVITY_CLAIMS} claims.
   */
  @Option(
      names = "--sensitivity",
      negatable = true,
      description =
          "Analyse what would change each verdict (--sensitivity), or not (--no-sensitivity);"
              + " without either, a case of up to "
              + AUTO_SENSITIVITY_CLAIMS
              + " claims is analysed. The analysis re-runs the algorithm without each source and"
              + " bloc and with each source's credibility varied, so it needs a case with"
              + " sources: a JSON case or a spreadsheet case.")
  Boolean sensitivity;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The URL the verdicts will be published at, for the ClaimReview urls"
              + " (URL#verdict-ID); default: relative to the page.")
  String url;

  @Option(
      names = "--author",
      paramLabel = "NAME",
      description = "The fact-checker named as the ClaimReviews' author (default: Rashomon).")
  String author;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The publication date of the ClaimReviews (default: none).")
  LocalDate date;

  /** The ClaimReview writer these options describe; a bad value is a usage error. */
  ClaimReviewWriter claimReviews(CommandLine cl) {
    ClaimReviewWriter w = ClaimReviewWriter.withDefaults();
    try {
      if (url != null) {
        w = w.withUrl(url);
      }
      if (author != null) {
        w = w.withAuthor(author);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage(), e);
    }
    return date == null ? w : w.withDatePublished(date);
  }

  /** Refuses --sensitivity for claims that are no case, before any work is done. */
  void check(CommandLine cl, ClaimIndex index) {
    if (Boolean.TRUE.equals(sensitivity) && index.origin().isEmpty()) {
      throw new ParameterException(
          cl,
          "--sensitivity needs a case with sources: a JSON case file, or CSV claims with"
              + " testimony columns, --sources or --questions");
    }
  }

  /**
   * Runs the sensitivity analysis when asked to and possible, with a progress bar per question.
   *
   * @return the reports, or empty when not run
   */
  List<SensitivityReport> analyse(CommandLine cl, Reconciler reconciler, ClaimIndex index) {
    check(cl, index);
    boolean run =
        index.origin().isPresent()
            && (sensitivity == null
                ? index.claimCount() <= AUTO_SENSITIVITY_CLAIMS
                : sensitivity);
    return run ? TerminalProgress.sensitivity(reconciler, index.origin().get()) : List.of();
  }
}
