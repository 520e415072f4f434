package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.github.rashomon.model.Case;
import io.github.rashomon.model.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;

/** Case → JSON → case gives an equal case, on generated cases that use the whole model. */
class JsonCaseRoundTripTest {
  /** Fixed, so that a failure is reproducible. */
  private static final long SEED = 20120112L;

  private static QuickTheory theory() {
    return qt().withFixedSeed(SEED).withExamples(500);
  }

  @Test
  void readingWhatWasWrittenGivesAnEqualCase() {
    theory()
        .forAll(CaseGenerator.cases())
        .checkAssert(
            c -> {
              String json = JsonCaseWriter.toJson(c);
              Case back = read(json);
              assertEquals(c, back, json);
            });
  }

  @Test
  void writingWhatWasReadGivesTheSameBytes() {
    theory()
        .forAll(CaseGenerator.cases())
        .checkAssert(
            c -> {
              String json = JsonCaseWriter.toJson(c);
              assertEquals(json, JsonCaseWriter.toJson(read(json)));
            });
  }

  @Test
  void theGeneratorCoversEveryValueType() {
    Set<ValueType> seen = EnumSet.noneOf(ValueType.class);
    for (long seed = 0; seed < 200; seed++) {
      seen.addAll(CaseGenerator.typesIn(CaseGenerator.randomCase(seed)));
    }
    assertEquals(EnumSet.allOf(ValueType.class), seen);
  }

  @Test
  void aFileRoundTripsToo(@TempDir Path dir) throws Exception {
    Case c = CaseGenerator.randomCase(7);
    Path file = dir.resolve("case.json");
    JsonCaseWriter.write(c, file);
    assertEquals(c, JsonCaseReader.withDefaults().read(file));
    assertTrue(Files.readString(file).endsWith("}\n"));
  }

  private static Case read(String json) {
    try {
      return JsonCaseReader.withDefaults().read(json, "generated.json");
    } catch (JsonFormatException e) {
      throw new AssertionError(e.getMessage() + "\n" + json, e);
    }
  }
}
