package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.collect.ImmutableMap;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz tests of the CSV readers: whatever the bytes, a reader returns a valid result or throws a
 * {@link CsvFormatException} that names the file and a line of it in one bounded line (see
 * {@link Refusals}); any other exception, an {@link Error} such as a stack overflow or an
 * exhausted heap, or a hang is a finding. The build runs them on the committed inputs
 * ({@code CsvReadersFuzzTestInputs}); {@code docs/quality.md} says how to fuzz.
 */
class CsvReadersFuzzTest {
  private static final String FILE = "fuzz.csv";

  /** The scanner alone: the same records, or the same error, whatever its buffer size. */
  @FuzzTest(maxDuration = "4m")
  void scanner(byte[] input) throws IOException {
    Object small = records(input, 4);
    Object large = records(input, 1 << 16);
    assertEquals(large, small);
  }

  /** The records of the input as lists of fields, or the message of the error. */
  private static Object records(byte[] input, int buffer) throws IOException {
    CsvScanner sc = new CsvScanner(new ByteArrayInputStream(input), FILE, buffer);
    List<List<String>> records = new ArrayList<>();
    try {
      while (sc.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < sc.fieldCount(); i++) {
          fields.add(sc.text(i));
        }
        fields.add("@" + sc.recordLine());
        records.add(fields);
      }
    } catch (CsvFormatException e) {
      Refusals.check(e, FILE, input);
      return e.getMessage();
    }
    return records;
  }

  /** Plain claims and crowd labels, in every value type. */
  @FuzzTest(maxDuration = "4m")
  void claimReader(byte[] input) throws IOException {
    for (ValueType type : ValueType.values()) {
      try {
        ClaimIndex index = CsvClaimReader.withDefaults().withValueType(type)
            .read(new ByteArrayInputStream(input), FILE);
        for (int s = 0; s < index.sourceCount(); s++) {
          assertNull(CsvClaimReader.idProblem(index.sourceId(s), "source", "-"));
        }
        for (int q = 0; q < index.questionCount(); q++) {
          assertNull(CsvClaimReader.idProblem(index.questionId(q), "question", "-"));
          assertEquals(type, index.questionType(q));
        }
      } catch (CsvFormatException e) {
        Refusals.check(e, FILE, input);
      }
    }
  }

  /** Known truth, each question in a type of its own. */
  @FuzzTest(maxDuration = "4m")
  void truthReader(byte[] input) throws IOException {
    ValueType[] types = ValueType.values();
    try {
      ImmutableMap<String, Value> truth = CsvTruthReader.withDefaults()
          .withValueTypes(id -> types[Math.floorMod(id.hashCode(), types.length)])
          .read(new ByteArrayInputStream(input), FILE);
      truth.forEach((q, v) ->
          assertEquals(types[Math.floorMod(q.hashCode(), types.length)], v.type()));
    } catch (CsvFormatException e) {
      Refusals.check(e, FILE, input);
    }
  }

  /**
   * A spreadsheet case: the input is the claims file, then optionally the sources and the
   * questions files, separated by a byte 0xFF (never in UTF-8). A case that is read compiles.
   */
  @FuzzTest(maxDuration = "4m")
  void caseReader(byte[] input) throws IOException {
    byte[][] parts = split(input);
    String[] names = {FILE, "sources.csv", "questions.csv"};
    CsvCaseReader reader = CsvCaseReader.withDefaults();
    int reading = 1;
    try {
      List<Source> sources = parts.length > 1
          ? reader.readSources(new ByteArrayInputStream(parts[1]), names[1]) : List.of();
      reading = 2;
      List<Question> questions = parts.length > 2
          ? reader.readQuestions(new ByteArrayInputStream(parts[2]), names[2]) : List.of();
      reading = 0;
      Case c = reader.read(new ByteArrayInputStream(parts[0]), names[0], sources, questions);
      assertEquals(c.claims().size(), ClaimIndex.of(c).claimCount());
    } catch (CsvFormatException e) {
      Refusals.check(e, names[reading], parts[reading]);
    }
  }

  /** The input cut at its first two bytes 0xFF. */
  private static byte[][] split(byte[] input) {
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < input.length && parts.size() < 2; i++) {
      if (input[i] == (byte) 0xFF) {
        parts.add(Arrays.copyOfRange(input, from, i));
        from = i + 1;
      }
    }
    parts.add(Arrays.copyOfRange(input, from, input.length));
    assertTrue(parts.size() <= 3);
    return parts.toArray(new byte[0][]);
  }
}
