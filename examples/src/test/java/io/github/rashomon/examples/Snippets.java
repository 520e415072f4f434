package io.github.rashomon.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** A file of the repository, by its path from the root. */
  static String read(String path) throws IOException {
    return Files.readString(repositoryRoot().resolve(path), StandardCharsets.UTF_8);
  }

  /**
   * The blocks a pattern marks in a text, by the pattern's first group (a name), each the
   * dedented second group; a name marked twice keeps its last block.
   */
  static Map<String, String> marked(String text, Pattern pattern) {
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      blocks.put(m.group(1), dedent(m.group(2)));
    }
    return blocks;
  }
}
