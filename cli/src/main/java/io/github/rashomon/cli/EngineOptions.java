package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.io.CsvClaimReader;
import io.github.rashomon.io.CsvFormatException;
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

  /**
   * Reads the claims file; on a malformed or unreadable file prints one line to {@code err} and
   * returns empty.
   */
  Optional<ClaimIndex> readClaims(PrintWriter err) {
    if (JsonCaseInput.isJson(input)) {
      // A whole case: its questions carry their own types, so --value-type does not apply.
      return JsonCaseInput.read(input, err).map(ClaimIndex::of);
    }
    try {
      return Optional.of(CsvClaimReader.withDefaults().withValueType(valueType).read(input));
    } catch (CsvFormatException e) {
      err.println("rashomon: " + e.getMessage());
    } catch (IOException e) {
      err.println("rashomon: " + input + ": " + describe(e));
    }
    return Optional.empty();
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
