package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.model.Case;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Fuzz test of the JSON case reader: whatever the bytes, it returns a case or throws a {@link
 * JsonFormatException} naming the file, a line of it and a JSON path in one bounded line. A
 * case it returns compiles, and writing it and reading it back gives an equal case. The build
 * runs it on the committed inputs ({@code JsonCaseReaderFuzzTestInputs}).
 */
class JsonCaseReaderFuzzTest {
  private static final String FILE = "fuzz.json";

  @FuzzTest(maxDuration = "4m")
  void read(byte[] input) throws IOException {
    Case c;
    try {
      c = JsonCaseReader.withDefaults().read(new ByteArrayInputStream(input), FILE);
    } catch (JsonFormatException e) {
      Refusals.check(e, FILE, input);
      return;
    }
    assertEquals(c.claims().size(), ClaimIndex.of(c).claimCount());
    StringWriter json = new StringWriter();
    JsonCaseWriter.write(c, json);
    assertEquals(c, JsonCaseReader.withDefaults().read(json.toString(), "written.json"));
  }
}
