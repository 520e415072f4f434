package io.github.rashomon.cli;

import io.github.rashomon.io.JsonCaseReader;
import io.github.rashomon.io.JsonFormatException;
import io.github.rashomon.model.Case;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Input files in the JSON case format: recognised by the name ending in {@code .json}. */
final class JsonCaseInput {
  private JsonCaseInput() {}

  /** Whether the input is a JSON case rather than CSV claims. */
  static boolean isJson(Path input) {
    Path name = input.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * Reads a JSON case; on a malformed or unreadable file prints one line to {@code err}, {@code
   * rashomon: FILE:LINE: PATH: problem}, and returns empty.
   */
  static Optional<Case> read(Path input, PrintWriter err) {
    try {
      return Optional.of(JsonCaseReader.withDefaults().read(input));
    } catch (JsonFormatException e) {
      err.println("rashomon: " + e.getMessage());
    } catch (IOException e) {
      err.println("rashomon: " + input + ": " + EngineOptions.describe(e));
    }
    return Optional.empty();
  }
}
