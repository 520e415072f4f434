package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property of a reader's refusal that the fuzz tests check: the file as it was named, a
 * line that is in the input, a problem that says something, and a message of one bounded line.
 */
final class Refusals {
  private Refusals() {}

  /** Longest message after the file name: line, a path of 200 and a problem of 1000 chars. */
  private static final int MAX_MESSAGE = 1300;

  static void check(CsvFormatException e, String file, byte[] input) {
    check(e.getMessage(), e.file(), e.line(), e.problem(), file, input);
    assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": "), e.getMessage());
  }

  static void check(JsonFormatException e, String file, byte[] input) {
    check(e.getMessage(), e.file(), e.line(), e.problem(), file, input);
    assertTrue(e.path().startsWith("$"), e.path());
    assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": $"), e.getMessage());
  }

  private static void check(String message, String named, long line, String problem,
      String file, byte[] input) {
    assertEquals(file, named);
    assertTrue(line >= 1 && line <= lines(input), "line " + line + " of " + lines(input));
    assertFalse(problem.isBlank(), message);
    assertTrue(message.length() <= file.length() + MAX_MESSAGE,
        "message of " + message.length() + " chars");
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      assertFalse(c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029',
          "control character " + (int) c + " in " + message);
    }
  }

  /** The lines of the input: CR, LF and CRLF each end one, as the readers count them. */
  static long lines(byte[] input) {
    long n = 1;
    for (int i = 0; i < input.length; i++) {
      if (input[i] == '\r' || (input[i] == '\n' && (i == 0 || input[i - 1] != '\r'))) {
        n++;
      }
    }
    return n;
  }
}
