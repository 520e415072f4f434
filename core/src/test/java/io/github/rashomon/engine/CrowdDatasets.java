package io.github.rashomon.engine;

import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The crowdsourcing datasets with known truth under {@code ../shared/datasets} (see each
 * dataset's README.txt), read into a {@link ClaimIndex} in file order.
 */
final class CrowdDatasets {
  /** The four datasets of Zheng et al., PVLDB 10(5) 2017, used by the accuracy tests. */
  static final String PRODUCT = "zheng_d_jn-product";

  static final String DUCK = "zheng_d_Duck";
  static final String DOG = "zheng_s4_Dog";
  static final String FACE = "zheng_s4_Face";

  private CrowdDatasets() {}

  /** One dataset: the claims and the truth (question id -> canonical label). */
  static final class Dataset {
    final String name;
    final ClaimIndex index;
    final ImmutableMap<String, String> truth;

    Dataset(String name, ClaimIndex index, ImmutableMap<String, String> truth) {
      this.name = name;
      this.index = index;
      this.truth = truth;
    }
  }

  /**
   * The datasets folder: {@code ../shared/datasets} from the repository root, found by walking
   * up from the working directory to the folder holding {@code pom.xml} and {@code core/}.
   */
  static Path root() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core"))) {
        return p.resolve("..").resolve("shared").resolve("datasets").normalize();
      }
    }
    return dir.resolve("..").resolve("..").resolve("shared").resolve("datasets").normalize();
  }

  static boolean available(String name) {
    Path d = root().resolve(name);
    return Files.isRegularFile(d.resolve("answer.csv")) && Files.isRegularFile(d.resolve("truth.csv"));
  }

  /** Reads answer.csv (question,worker,answer) in file order and truth.csv (question,truth). */
  static Dataset load(String name) {
    Path d = root().resolve(name);
    ClaimIndex.Builder b = ClaimIndex.builder();
    Map<String, String> truth = new LinkedHashMap<>();
    try {
      try (BufferedReader r = Files.newBufferedReader(d.resolve("answer.csv"), StandardCharsets.UTF_8)) {
        String line = r.readLine(); // header
        int n = 1;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.split(",", -1);
          if (f.length != 3) {
            throw new IllegalStateException(name + "/answer.csv line " + n + ": " + line);
          }
          b.add(f[1].strip(), f[0].strip(), f[2].strip());
        }
      }
      try (BufferedReader r = Files.newBufferedReader(d.resolve("truth.csv"), StandardCharsets.UTF_8)) {
        String line = r.readLine();
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.split(",", -1);
          truth.put(f[0].strip(), f[1].strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Dataset(name, b.build(), ImmutableMap.copyOf(truth));
  }
}
