package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;

/**
 * A file is not in the format it was read as: a malformed CSV record, invalid UTF-8, a missing
 * column, or a value that is not valid for its type.
 *
 * <p>The message has the form {@code FILE:LINE: problem}, the convention of compilers and
 * linters, so that editors can jump to the place; {@link #file()}, {@link #line()} and {@link
 * #problem()} give the three parts. Lines are numbered from 1 and count physical lines, so a
 * quoted field that spans lines advances the count; a record is reported at the line it starts
 * on, an unterminated quote at the line the quote opens on.
 *
 * <p>The message is always one line of bounded length: control characters from the file are
 * escaped (a line break as {@code \n}, others by their code point), and a problem longer than 1000 characters, such as one
 * quoting a huge field, keeps its start and end; {@link #problem()} gives it as it was.
 *
 * <p>It is an {@link IOException} because it is one of the ways reading a file fails: callers
 * that already handle I/O errors handle it, and callers that want to tell a user "your file is
 * wrong" from "the disk failed" catch it first.
 *
 * @since 0.1
 */
public final class CsvFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file name, as the caller gave it. */
  private final String file;

  /** The line, from 1. */
  private final long line;

  /** What is wrong. */
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the file name as the caller gave it
   * @param line the line, from 1
   * @param problem what is wrong, without the file and line
   * @param cause the underlying error, or null
   */
  public CsvFormatException(String file, long line, String problem, Throwable cause) {
    super(
        Messages.escape(checkNotNull(file, "file"))
            + ":"
            + line
            + ": "
            + Messages.problem(checkNotNull(problem, "problem")),
        cause);
    checkArgument(line >= 1, "line must be >= 1, got %s", line);
    this.file = file;
    this.line = line;
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
   * What is wrong, without the file and line.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
