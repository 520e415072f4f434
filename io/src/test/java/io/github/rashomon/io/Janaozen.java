package io.github.rashomon.io;

import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.model.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The flagship example, read from the JSON file the examples module ships. */
final class Janaozen {
  private Janaozen() {}

  /** The repository's root: the nearest directory up from here with pom.xml, core/ and io/. */
  static Path repositoryRoot() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core"))
          && Files.isDirectory(d.resolve("io"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  static Path file() {
    return repositoryRoot().resolve("examples/src/main/resources/janaozen.json");
  }

  static Case build() {
    try {
      return JsonCaseReader.withDefaults().read(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Weighted vote over the analysts' priors, as the example runs it. */
  static Reconciliation reconcile() {
    return Reconcilers.byName("weighted-vote").reconcile(build());
  }
}
