package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads known true values (a gold standard) from a CSV file with the header {@code
 * question,truth} or {@code task,truth}, one row per question.
 *
 * <p>The dialect and the strictness are those of {@link CsvClaimReader}: UTF-8, RFC 4180, a
 * header, further columns ignored, ids checked, and every problem a {@link CsvFormatException}
 * naming file and line. A question listed twice is an error too.
 *
 * <pre>{@code
 * ImmutableMap<String, Value> truth = CsvTruthReader.withDefaults().read(dir.resolve("truth.csv"));
 * }</pre>
 *
 * @since 0.1
 */
public final class CsvTruthReader {
  private static final CsvTruthReader DEFAULTS =
      new CsvTruthReader(ValueType.CATEGORICAL, null, null, null);

  private final ValueType valueType;
  /** The type of each question's truth, by question id; null when all are {@link #valueType}. */
  private final Function<String, ValueType> typeOfQuestion;
  private final String questionColumn;
  private final String truthColumn;

  private CsvTruthReader(
      ValueType valueType,
      Function<String, ValueType> typeOfQuestion,
      String questionColumn,
      String truthColumn) {
    this.valueType = valueType;
    this.typeOfQuestion = typeOfQuestion;
    this.questionColumn = questionColumn;
    this.truthColumn = truthColumn;
  }

  /**
   * A reader of categorical truths from {@code question,truth} or {@code task,truth} files.
   *
   * @return the reader
   */
  public static CsvTruthReader withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a reader that reads truths as the given type.
   *
   * @param type the type of every truth in the file
   * @return the reader
   */
  public CsvTruthReader withValueType(ValueType type) {
    return new CsvTruthReader(checkNotNull(type, "valueType"), null, questionColumn, truthColumn);
  }

  /**
   * Returns a reader that reads each question's truth as the type the function gives for the
   * question's id, such as the question's type in a case whose questions differ in type. It
   * replaces the single {@linkplain #withValueType value type}.
   *
   * @param typeOfQuestion the value type of a question, by id; must not return null
   * @return the reader
   */
  public CsvTruthReader withValueTypes(Function<String, ValueType> typeOfQuestion) {
    return new CsvTruthReader(
        valueType, checkNotNull(typeOfQuestion, "typeOfQuestion"), questionColumn, truthColumn);
  }

  /**
   * Returns a reader that takes the question and the truth from the named columns.
   *
   * @param question the name of the question column
   * @param truth the name of the truth column
   * @return the reader
   * @throws IllegalArgumentException if a name is empty or both are the same
   */
  public CsvTruthReader withColumns(String question, String truth) {
    checkNotNull(question, "question");
    checkNotNull(truth, "truth");
    checkArgument(
        !question.isEmpty() && !truth.isEmpty() && !question.equalsIgnoreCase(truth),
        "CsvTruthReader: column names must be non-empty and differ, got '%s', '%s'",
        question,
        truth);
    return new CsvTruthReader(valueType, typeOfQuestion, question, truth);
  }

  /**
   * The type truths are read as, unless {@link #withValueTypes} gave each question its own.
   *
   * @return the value type
   */
  public ValueType valueType() {
    return valueType;
  }

  /**
   * Reads a truth file.
   *
   * @param file the file
   * @return question id to true value, in the order of the file
   * @throws CsvFormatException if the file is not valid; the message names file and line
   * @throws IOException if the file cannot be read
   */
  public ImmutableMap<String, Value> read(Path file) throws IOException {
    checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a truth file from a stream, which is read to its end and not closed.
   *
   * @param in the bytes of a CSV file
   * @param name the name used for the file in error messages
   * @return question id to true value, in the order of the file
   * @throws CsvFormatException if the content is not valid; the message names {@code name} and
   *     the line
   * @throws IOException if the stream cannot be read
   */
  public ImmutableMap<String, Value> read(InputStream in, String name) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    CsvScanner sc = new CsvScanner(in, name);
    Header h = Header.read(sc);
    int qi;
    int ti;
    if (questionColumn != null) {
      qi = h.require("question", questionColumn);
      ti = h.require("truth", truthColumn);
    } else {
      qi = h.require("question", "question", "task");
      ti = h.require("truth", "truth");
    }
    Map<String, Long> seen = new HashMap<>();
    ImmutableMap.Builder<String, Value> truths = ImmutableMap.builder();
    while (sc.next()) {
      h.checkRow(sc);
      if (sc.length(qi) == 0) {
        throw sc.error("empty question in column '" + h.name(qi) + "'");
      }
      if (sc.length(ti) == 0) {
        throw sc.error("empty truth in column '" + h.name(ti) + "'");
      }
      String question = sc.text(qi);
      String bad = CsvClaimReader.idProblem(question, "question", h.name(qi));
      if (bad != null) {
        throw sc.error(bad);
      }
      Long before = seen.putIfAbsent(question, sc.recordLine());
      if (before != null) {
        throw sc.error("question '" + question + "' already has a truth on line " + before);
      }
      Value truth;
      try {
        ValueType type =
            typeOfQuestion == null
                ? valueType
                : checkNotNull(typeOfQuestion.apply(question), "type of question %s", question);
        truth = Value.parse(type, sc.text(ti));
      } catch (IllegalArgumentException e) {
        throw sc.error("bad value in column '" + h.name(ti) + "': " + e.getMessage(), e);
      }
      truths.put(question, truth);
    }
    return truths.buildOrThrow();
  }
}
