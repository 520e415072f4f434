package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.ClaimReviewWriter;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the commands that publish results: sensitivity analysis and ClaimReview. */
final class AnalysisOptions {
  /** Cases up to this many claims get a sensitivity analysis unless told otherwise. */
  static final int AUTO_SENSITIVITY_CLAIMS = 500;

  /** When to run the sensitivity analysis. */
  enum When {
    AUTO,
    ALL,
    NONE
  }

  @Option(
      names = "--sensitivity",
      paramLabel = "WHEN",
      defaultValue = "auto",
      converter = WhenConverter.class,
      description =
          "Whether to analyse what would change each verdict: auto (for a case of up to "
              + AUTO_SENSITIVITY_CLAIMS
              + " claims), all or none (default: ${DEFAULT-VALUE}). It re-runs the algorithm"
              + " without each source and bloc and with each source's credibility varied, so it"
              + " needs a case with sources (a JSON case or a spreadsheet case).")
  When sensitivity;

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

  /** Refuses --sensitivity all for claims that are no case, before any work is done. */
  void check(CommandLine cl, ClaimIndex index) {
    if (sensitivity == When.ALL && index.origin().isEmpty()) {
      throw new ParameterException(
          cl,
          "--sensitivity all needs a case with sources: a JSON case file, or CSV claims with"
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
    Optional<Case> c = index.origin();
    if (sensitivity == When.NONE
        || (sensitivity == When.AUTO
            && (c.isEmpty() || index.claimCount() > AUTO_SENSITIVITY_CLAIMS))) {
      return List.of();
    }
    Sensitivity s = Sensitivity.of(reconciler);
    List<SensitivityReport> out = new ArrayList<>();
    List<Question> questions = c.get().questions();
    try (TerminalProgress p = TerminalProgress.start("sensitivity")) {
      for (int i = 0; i < questions.size(); i++) {
        p.step(i + 1, questions.size(), "question");
        String id = questions.get(i).id();
        out.add(p.run(() -> s.analyse(c.get(), id)));
      }
    }
    return out;
  }

  /** Reads auto, all or none. */
  static final class WhenConverter implements CommandLine.ITypeConverter<When> {
    @Override
    public When convert(String text) {
      try {
        return When.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected auto, all or none, got '" + text + "'");
      }
    }
  }
}
