package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.io.JsonCaseReader;
import io.github.rashomon.io.JsonCaseWriter;
import io.github.rashomon.model.Case;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The Janaozen case ships as JSON ({@code src/main/resources/janaozen.json}, shown in {@code
 * docs/formats.md} and used by the report tests); this checks the file is the case {@link
 * Janaozen#build()} makes. Run with {@code -Drashomon.regenerate=true} to rewrite it after
 * changing the example.
 */
class JanaozenJsonTest {
  @Test
  void theCommittedFileIsTheCase() throws Exception {
    Case built = Janaozen.build();
    if (Boolean.getBoolean("rashomon.regenerate")) {
      // Surefire runs in the module directory.
      Path file = Paths.get("src", "main", "resources", "janaozen.json");
      Files.createDirectories(file.getParent());
      JsonCaseWriter.write(built, file);
    }
    try (InputStream in = Janaozen.class.getResourceAsStream("/janaozen.json")) {
      assertEquals(built, JsonCaseReader.withDefaults().read(in, "janaozen.json"));
    }
  }

  @Test
  void theFileIsWhatTheWriterWrites() throws Exception {
    try (InputStream in = Janaozen.class.getResourceAsStream("/janaozen.json")) {
      String committed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(JsonCaseWriter.toJson(Janaozen.build()), committed);
    }
  }
}
