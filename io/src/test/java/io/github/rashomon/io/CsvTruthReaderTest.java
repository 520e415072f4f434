package io.github.rashomon.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTruthReaderTest {
  private static final CsvTruthReader READER = CsvTruthReader.withDefaults();

  @Test
  void questionTruthInFileOrder() throws IOException {
    ImmutableMap<String, Value> truth = read(READER, "question,truth\nb,1\na,0\n");
    assertEquals(List.of("b", "a"), truth.keySet().asList());
    assertEquals(Category.of("1"), truth.get("b"));
  }

  @Test
  void taskTruthWithExtraColumns() throws IOException {
    ImmutableMap<String, Value> truth = read(READER, "truth,note,task\nyes,x,t1\n");
    assertEquals(ImmutableMap.of("t1", Category.of("yes")), truth);
  }

  @Test
  void quantities() throws IOException {
    ImmutableMap<String, Value> truth =
        read(READER.withValueType(ValueType.QUANTITY), "question,truth\nn,16\n");
    assertEquals(Quantity.exactly(16), truth.get("n"));
  }

  @Test
  void eachQuestionInItsOwnType() throws IOException {
    // As the questions of a case: a boolean, a quantity, the rest categorical.
    CsvTruthReader r =
        READER.withValueTypes(
            q -> q.equals("fire") ? ValueType.BOOLEAN
                : q.equals("killed") ? ValueType.QUANTITY : ValueType.CATEGORICAL);
    ImmutableMap<String, Value> truth =
        read(r, "question,truth\nfire,yes\nkilled,16\nstart,police\n");
    assertEquals(
        ImmutableMap.of(
            "fire", Truth.TRUE, "killed", Quantity.exactly(16), "start", Category.of("police")),
        truth);
    assertFails(r, "question,truth\nfire,maybe\n",
        "t.csv:2: bad value in column 'truth': Truth must be true/false, yes/no or 1/0, got"
            + " 'maybe'");
    // A single type again replaces the function.
    assertEquals(Category.of("yes"),
        read(r.withValueType(ValueType.CATEGORICAL), "question,truth\nfire,yes\n").get("fire"));
  }

  @Test
  void namedColumns() throws IOException {
    ImmutableMap<String, Value> truth =
        read(READER.withColumns("url", "gold"), "url,gold\nhttp://a,G\n");
    assertEquals(Category.of("G"), truth.get("http://a"));
  }

  @Test
  void malformed() {
    assertFails(READER, "", "t.csv:1: empty file: expected a header line");
    assertFails(
        READER,
        "question,answer\nq,1\n",
        "t.csv:1: the header has no truth column ('truth'); header: question,answer");
    assertFails(
        READER,
        "question,task,truth\n",
        "t.csv:1: the header has both 'question' and 'task' for the question; keep one");
    assertFails(READER, "question,truth\nq,1\nr\n",
        "t.csv:3: expected 2 fields, as the header has, but found 1");
    assertFails(READER, "question,truth\nq,1\nq,0\n",
        "t.csv:3: question 'q' already has a truth on line 2");
    assertFails(READER, "question,truth\nq,\n", "t.csv:2: empty truth in column 'truth'");
    assertFails(READER, "question,truth\nq ,1\n", "t.csv:2: question 'q ' in column 'question'"
        + " begins or ends with whitespace, which ids must not");
    assertFails(
        READER.withValueType(ValueType.QUANTITY),
        "question,truth\nq,1e999\n",
        "t.csv:2: bad value in column 'truth': Quantity '1e999': '1e999' is not a finite number");
  }

  private static ImmutableMap<String, Value> read(CsvTruthReader r, String csv)
      throws IOException {
    return r.read(new ByteArrayInputStream(csv.getBytes(UTF_8)), "t.csv");
  }

  private static void assertFails(CsvTruthReader r, String csv, String message) {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(r, csv));
    assertEquals(message, e.getMessage());
  }
}
