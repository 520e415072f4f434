package io.github.rashomon.io;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The column names of a CSV file, matched without regard to ASCII case. */
final class Header {
  private final String[] names;
  private final String file;

  private Header(String[] names, String file) {
    this.names = names;
    this.file = file;
  }

  /**
   * Reads the first record as the header.
   *
   * @throws CsvFormatException if the file is empty, or names a column twice
   */
  static Header read(CsvScanner sc) throws IOException {
    if (!sc.next()) {
      throw new CsvFormatException(sc.file(), 1, "empty file: expected a header line", null);
    }
    if (sc.blank()) {
      throw sc.error("empty header line");
    }
    String[] names = new String[sc.fieldCount()];
    // A hash set, not pairwise comparison: a header may have thousands of columns.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.length; i++) {
      names[i] = sc.text(i);
      if (!seen.add(foldCase(names[i]))) {
        throw sc.error("column '" + names[i] + "' appears twice in the header");
      }
    }
    return new Header(names, sc.file());
  }

  /** A key equal for two names exactly when {@link String#equalsIgnoreCase} holds. */
  private static String foldCase(String name) {
    char[] a = name.toCharArray();
    for (int i = 0; i < a.length; i++) {
      a[i] = Character.toLowerCase(Character.toUpperCase(a[i]));
    }
    return new String(a);
  }

  /** The header as written, names joined by commas. */
  String text() {
    return String.join(",", names);
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  /** The position of a column with the given name, or -1. */
  int find(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The position of the one column that has one of the given names.
   *
   * @throws CsvFormatException if none or several of the names are present
   */
  int require(String what, String... alternatives) throws CsvFormatException {
    int found = -1;
    for (String a : alternatives) {
      int i = find(a);
      if (i >= 0) {
        if (found >= 0) {
          throw error(
              "the header has both '" + names[found] + "' and '" + names[i] + "' for the " + what
                  + "; keep one");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw error(
          "the header has no "
              + what
              + " column ("
              + quoteAll(alternatives)
              + "); header: "
              + text());
    }
    return found;
  }

  /**
   * Checks that the current record has as many fields as the header.
   *
   * @throws CsvFormatException if not
   */
  void checkRow(CsvScanner sc) throws CsvFormatException {
    int width = names.length;
    if (sc.fieldCount() != width) {
      if (sc.blank()) {
        throw sc.error("blank line; every row needs " + width + " fields, as the header has");
      }
      throw sc.error(
          "expected " + width + " fields, as the header has, but found " + sc.fieldCount());
    }
  }

  CsvFormatException error(String problem) {
    return new CsvFormatException(file, 1, problem, null);
  }

  private static String quoteAll(String[] names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        b.append(i == names.length - 1 ? " or " : ", ");
      }
      b.append('\'').append(names[i].toLowerCase(Locale.ROOT)).append('\'');
    }
    return b.toString();
  }
}
