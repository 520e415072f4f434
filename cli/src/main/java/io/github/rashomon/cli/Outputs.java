package io.github.rashomon.cli;

import io.github.rashomon.engine.Provenance;
import io.github.rashomon.engine.Reconciliation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Checks and summaries shared by the commands that write one file. */
final class Outputs {
  private Outputs() {}

  /** Why the file cannot be written, checked before any work is done. */
  static Optional<String> problem(Path file) {
    if (Files.isDirectory(file)) {
      return Optional.of("is a directory");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      return Optional.of("no such directory: " + parent);
    }
    return Optional.empty();
  }

  /** "ALGORITHM: N claims, N questions, N sources; converged after N iterations". */
  static String summary(Reconciliation r) {
    Provenance p = r.provenance();
    String run =
        p.converged()
            ? String.format(Locale.ROOT, "converged after %d iteration%s", p.iterations(),
                p.iterations() == 1 ? "" : "s")
            : String.format(Locale.ROOT, "did not converge in %d iterations (last change %s)",
                p.iterations(), p.finalChange());
    return String.format(Locale.ROOT, "%s: %d claims, %d questions, %d sources; %s",
        p.algorithm(), r.index().claimCount(), r.questionCount(), r.sourceCount(), run);
  }
}
