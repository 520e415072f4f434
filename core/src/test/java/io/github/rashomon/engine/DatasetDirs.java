package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the shared validation datasets, which live beside the repository and are not in it. */
final class DatasetDirs {
  private DatasetDirs() {}

  /**
   * The directory of one dataset under {@code ../shared/datasets} from the repository root;
   * skips the calling test when it is absent.
   */
  static Path require(String name) {
    Path root = repositoryRoot();
    Path dir = root == null ? null : root.resolve("..").resolve("shared").resolve("datasets")
        .resolve(name).normalize();
    assumeTrue(
        dir != null && Files.isDirectory(dir),
        "datasets not found at " + dir + ": skipping");
    return dir;
  }

  /** The nearest directory at or above the working directory holding pom.xml and core/. */
  private static Path repositoryRoot() {
    Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core"))) {
        return p;
      }
      p = p.getParent();
    }
    return null;
  }
}
