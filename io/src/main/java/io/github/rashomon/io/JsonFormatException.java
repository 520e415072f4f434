package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;

/**
 * A JSON file is not a valid document of the format it was read as: malformed JSON, a missing or
 * unknown field, a value of the wrong type, a reference to an unknown element, or input beyond a
 * configured limit.
 *
 * <p>The message has the form {@code FILE:LINE: PATH: problem}, for example {@code
 * case.json:42: $.claims[3].stance: expected one of affirms, denies, got 'maybe'}: the file and
 * line as compilers and linters print them, and the JSON path of the offending value ({@code $}
 * is the document, {@code .name} a field, {@code [i]} an array element counted from 0). {@link
 * #file()}, {@link #line()}, {@link #path()} and {@link #problem()} give the parts. As for {@link
 * CsvFormatException}, the message is one line of bounded length (control characters escaped, a
 * path over 200 characters or a problem over 1000 shortened in the middle); the parts are as
 * they were.
 *
 * @since 0.1
 */
public final class JsonFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file name, as the caller gave it. */
  private final String file;

  /** The line, from 1. */
  private final long line;

  /** The JSON path of the offending value. */
  private final String path;

  /** What is wrong. */
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the file name as the caller gave it
   * @param line the line, from 1
   * @param path the JSON path of the offending value, such as {@code $.claims[3].value}
   * @param problem what is wrong, without the file, line and path
   * @param cause the underlying error, or null
   */
  public JsonFormatException(
      String file, long line, String path, String problem, Throwable cause) {
    super(
        Messages.escape(checkNotNull(file, "file"))
            + ":"
            + line
            + ": "
            + Messages.path(checkNotNull(path, "path"))
            + ": "
            + Messages.problem(checkNotNull(problem, "problem")),
        cause);
    checkArgument(line >= 1, "line must be >= 1, got %s", line);
    this.file = file;
    this.line = line;
    this.path = path;
    this.problem = problem;
  }

  /**
   * The file name, as the caller gave it when reading.
   *
   * @return the file name
   */
  public String file() {
    return file;
  }

  /**
   * The line the problem is on, from 1.
   *
   * @return the line number
   */
  public long line() {
    return line;
  }

  /**
   * The JSON path of the offending value: {@code $} for the document, {@code .name} for a field,
   * {@code [i]} for an array element counted from 0.
   *
   * @return the path, such as {@code $.claims[3].value}
   */
  public String path() {
    return path;
  }

  /**
   * What is wrong, without the file, line and path.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
