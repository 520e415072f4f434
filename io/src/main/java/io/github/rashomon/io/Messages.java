package io.github.rashomon.io;

import java.util.Locale;

/**
 * Error messages as one line of bounded length, whatever text from a file they quote: a value
 * with a line break would otherwise split a {@code FILE:LINE: problem} line, a terminal escape
 * would act on the terminal, and a megabyte field would be a megabyte of message.
 */
final class Messages {
  private Messages() {}

  /** Longest problem text kept whole; a longer one keeps its start and end. */
  static final int MAX_PROBLEM_CHARS = 1000;

  /** Longest JSON path kept whole: a field name may be a thousand escaped characters. */
  static final int MAX_PATH_CHARS = 200;

  /**
   * Escapes control characters and line separators: {@code \n}, {@code \r}, {@code \t}, and
   * the others as a backslash, {@code u} and four hexadecimal digits.
   */
  static String escape(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String e = escape(c);
      if (e != null && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        if (e != null) {
          b.append(e);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
          return String.format(Locale.ROOT, "\\u%04X", (int) c);
        }
        return null;
    }
  }

  /** The problem escaped, and shortened in the middle if longer than {@link #MAX_PROBLEM_CHARS}. */
  static String problem(String problem) {
    return shorten(escape(problem), MAX_PROBLEM_CHARS, 700, 200);
  }

  /** A JSON path escaped, and shortened in the middle if longer than {@link #MAX_PATH_CHARS}. */
  static String path(String path) {
    return shorten(escape(path), MAX_PATH_CHARS, 100, 60);
  }

  /** The text if at most {@code max} chars long, else its first and last chars around a note. */
  private static String shorten(String p, int max, int keepHead, int keepTail) {
    if (p.length() <= max) {
      return p;
    }
    int head = keepHead;
    if (Character.isLowSurrogate(p.charAt(head))) {
      head--;
    }
    int tail = p.length() - keepTail;
    if (Character.isLowSurrogate(p.charAt(tail))) {
      tail++;
    }
    return p.substring(0, head) + " [... " + (tail - head) + " characters left out ...] "
        + p.substring(tail);
  }
}
