package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.io.CsvCaseReader;
import io.github.rashomon.io.CsvClaimReader;
import io.github.rashomon.io.CsvFormatException;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.InvalidCaseException;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every command that runs an algorithm over a claims file shares. */
final class EngineOptions {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "The claims: a CSV file as described above, or a JSON case (*.json).")
  Path input;

  @Option(
      names = "--algorithm",
      required = true,
      paramLabel = "NAME",
      completionCandidates = AlgorithmNames.class,
      description = "The algorithm, one of: ${COMPLETION-CANDIDATES}.")
  String algorithm;

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
      names = "--sources",
      paramLabel = "FILE",
      description =
          "The sources of a spreadsheet case: a CSV with a column source and optionally name,"
              + " kind, affiliation (blocs, ';'-separated) and reliability (Admiralty A-F).")
  Path sources;

  @Option(
      names = "--questions",
      paramLabel = "FILE",
      description =
          "The questions of a spreadsheet case: a CSV with a column question and optionally"
              + " type, unit, text and options. Questions not listed take --value-type.")
  Path questions;

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
      defaultValue = "0",
      description =
          "Threads an algorithm's iterations use, >= 0 (default: ${DEFAULT-VALUE}, every"
              + " processor). The results are the same, byte for byte, whatever the count.")
  int threads;

  /** Checks the options and builds the algorithm; a bad option is a usage error. */
  Reconciler configure(CommandLine cl) {
    if (!Reconcilers.names().contains(algorithm)) {
      throw new ParameterException(
          cl,
          "Invalid value for option '--algorithm': unknown algorithm '"
              + algorithm
              + "'; known: "
              + String.join(", ", Reconcilers.names()));
    }
    if (threads < 0) {
      throw new ParameterException(
          cl, "Invalid value for option '--threads': must be >= 0, got " + threads);
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("threads", Integer.toString(threads));
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

  /**
   * Reads the claims file; on a malformed or unreadable file prints one line to {@code err} and
   * returns empty.
   */
  Optional<ClaimIndex> readClaims(PrintWriter err) {
    if (JsonCaseInput.isJson(input)) {
      return readJsonCase(err).map(ClaimIndex::of);
    }
    try {
      if (readsCase()) {
        return readCase(err).map(ClaimIndex::of);
      }
      return Optional.of(CsvClaimReader.withDefaults().withValueType(valueType).read(input));
    } catch (CsvFormatException e) {
      err.println("rashomon: " + e.getMessage());
    } catch (IOException e) {
      err.println("rashomon: " + input + ": " + describe(e));
    }
    return Optional.empty();
  }

  // Spreadsheet cases: a claims file with testimony columns (stance, via, ...), or one given
  // with --sources or --questions, is read whole as a Case and compiled with the testimony model.

  /** Whether the input is a spreadsheet case rather than plain claims. */
  private boolean readsCase() throws IOException {
    return sources != null || questions != null || CsvCaseReader.hasTestimonyColumns(input);
  }

  /**
   * Reads the claims file, with the sources and questions files if given, as a case; on a
   * malformed or unreadable file prints one line to {@code err} and returns empty.
   */
  Optional<Case> readCase(PrintWriter err) {
    if (JsonCaseInput.isJson(input)) {
      return readJsonCase(err);
    }
    CsvCaseReader reader = CsvCaseReader.withDefaults().withDefaultDomain(defaultDomain());
    Path reading = sources;
    try {
      List<Source> s = sources == null ? List.of() : reader.readSources(sources);
      reading = questions;
      List<Question> q = questions == null ? List.of() : reader.readQuestions(questions);
      reading = input;
      return Optional.of(reader.read(input, s, q));
    } catch (CsvFormatException e) {
      err.println("rashomon: " + e.getMessage());
    } catch (InvalidCaseException e) {
      err.println("rashomon: " + reading + ": " + e.getMessage());
    } catch (IOException e) {
      err.println("rashomon: " + reading + ": " + describe(e));
    }
    return Optional.empty();
  }

  /**
   * Reads a JSON case: a whole case, whose questions carry their own types (--value-type does
   * not apply) and which lists its own sources and questions.
   */
  private Optional<Case> readJsonCase(PrintWriter err) {
    if (sources != null || questions != null) {
      err.println("rashomon: " + input + ": a JSON case lists its own sources and questions;"
          + " --sources and --questions are for CSV claims");
      return Optional.empty();
    }
    return JsonCaseInput.read(input, err);
  }

  /** The domain of the questions a case's files do not describe: that of --value-type. */
  private ValueDomain defaultDomain() {
    switch (valueType) {
      case QUANTITY:
        return ValueDomain.quantity();
      case BOOLEAN:
        return ValueDomain.bool();
      case DATE_TIME:
        return ValueDomain.dateTime();
      case SET:
        return ValueDomain.openSet();
      default:
        return ValueDomain.openCategorical();
    }
  }

  /** The reason for an I/O error, without the file name. */
  static String describe(IOException e) {
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

  /** The algorithm names, for the help text and shell completion. */
  static final class AlgorithmNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Reconcilers.names().iterator();
    }
  }
}
