package io.github.rashomon.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the public datasets with known truth, which live in {@code ../shared/datasets} beside the
 * repository and are never copied into it.
 */
final class Datasets {
  private Datasets() {}

  /**
   * The folder of one dataset: {@code ../shared/datasets/NAME} from the repository root, the
   * nearest directory at or above the working directory that holds {@code pom.xml} and {@code
   * core/} (Maven may run an example from the root or from {@code examples/}).
   *
   * @param name the dataset's folder name
   * @return the folder, which may not exist
   */
  static Path folder(String name) {
    Path dir = Paths.get("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core"))) {
        return d.resolveSibling("shared").resolve("datasets").resolve(name);
      }
    }
    return dir.resolve("..").resolve("shared").resolve("datasets").resolve(name).normalize();
  }

  /**
   * Whether a dataset folder is missing; if so, says so on standard error, for an example to skip
   * its run.
   *
   * @param dir the folder
   * @return true when there is no such folder
   */
  static boolean absent(Path dir) {
    if (Files.isDirectory(dir)) {
      return false;
    }
    System.err.println("rashomon: no dataset at " + dir
        + " (the datasets live in ../shared/datasets beside the repository); skipping");
    return true;
  }
}
