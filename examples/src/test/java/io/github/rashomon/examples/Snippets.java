package io.github.rashomon.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** What the tests that keep documentation and code in step share. */
final class Snippets {
  private Snippets() {}

  /** The repository root: the nearest directory at or above this one with pom.xml and core/. */
  static Path repositoryRoot() {
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core"))) {
        return d;
      }
    }
    throw new IllegalStateException("repository root not found above " + Paths.get("")
        .toAbsolutePath());
  }

  /** A block of code without its common indentation and surrounding blank lines. */
  static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent =
        lines.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder s = new StringBuilder();
    for (String l : lines) {
      s.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
    }
    return s.toString().strip();
  }
}
