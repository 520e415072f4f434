package io.github.rashomon.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The record reader against a reference writer, with buffers split at every position. */
class CsvScannerTest {

  /** Random records, written as RFC 4180 with mixed terminators, read back field by field. */
  @ParameterizedTest
  @ValueSource(ints = {4, 5, 7, 13, 64, 65536})
  void readsBackWhatWasWritten(int bufferSize) throws IOException {
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      List<List<String>> records = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      long line = 1;
      int n = 1 + rnd.nextInt(30);
      for (int r = 0; r < n; r++) {
        lines.add(line);
        List<String> fields = new ArrayList<>();
        int width = 1 + rnd.nextInt(4);
        for (int f = 0; f < width; f++) {
          String field = randomField(rnd);
          fields.add(field);
          if (f > 0) {
            text.append(',');
          }
          boolean mustQuote =
              field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                  || (width == 1 && field.isEmpty()); // else it would read as a blank line
          if (mustQuote || rnd.nextInt(4) == 0) {
            text.append('"').append(field.replace("\"", "\"\"")).append('"');
          } else {
            text.append(field);
          }
          line += lineBreaks(field);
        }
        records.add(fields);
        boolean last = r == n - 1;
        if (!last || rnd.nextBoolean()) {
          String[] terminators = {"\n", "\r\n", "\r"};
          text.append(terminators[rnd.nextInt(3)]);
          line++;
        }
      }
      String content = (rnd.nextBoolean() ? "\uFEFF" : "") + text;
      for (boolean trickle : new boolean[] {false, true}) {
        InputStream in = new ByteArrayInputStream(content.getBytes(UTF_8));
        CsvScanner sc = new CsvScanner(trickle ? new Trickle(in) : in, "t.csv", bufferSize);
        for (int r = 0; r < n; r++) {
          assertTrue(sc.next(), "seed " + seed + " record " + r);
          assertEquals(lines.get(r), sc.recordLine(), "seed " + seed + " line of record " + r);
          List<String> got = new ArrayList<>();
          for (int f = 0; f < sc.fieldCount(); f++) {
            got.add(sc.text(f));
          }
          assertEquals(records.get(r), got, "seed " + seed + " record " + r);
        }
        assertFalse(sc.next(), "seed " + seed + ": no more records");
      }
    }
  }

  @Test
  void byteOrderMarkOnlyAtTheStartIsSkipped() throws IOException {
    CsvScanner sc = scanner("\uFEFFa,\uFEFFb\n");
    assertTrue(sc.next());
    assertEquals("a", sc.text(0));
    assertEquals("\uFEFFb", sc.text(1));
  }

  @Test
  void invalidUtf8IsReportedAtItsLineWithSmallBuffers() throws IOException {
    byte[] good = "a,b\nc,d\n".getBytes(UTF_8);
    byte[] bytes = new byte[good.length + 3];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = 'e';
    bytes[good.length + 1] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
    bytes[good.length + 2] = 'f';
    CsvScanner sc = new CsvScanner(new ByteArrayInputStream(bytes), "t.csv", 4);
    assertTrue(sc.next());
    assertTrue(sc.next());
    CsvFormatException e = assertThrows(CsvFormatException.class, sc::next);
    assertEquals(3, e.line());
    assertEquals("t.csv:3: invalid UTF-8: malformed byte sequence starting with byte 0xC3",
        e.getMessage());
  }

  @Test
  void anOverLongRecordIsAnErrorNotAHeapExhaustion() {
    String huge = "\"" + "x".repeat(CsvScanner.MAX_RECORD_CHARS + 10);
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> scanner(huge).next());
    assertEquals(1, e.line());
    assertEquals("a record longer than the limit of 1048576 characters (is the quote opened on"
        + " line 1 ever closed?)", e.problem());
    // Unquoted, there is no quote to blame.
    CsvFormatException plain = assertThrows(CsvFormatException.class,
        () -> drain(scanner("a,b\nc," + "y".repeat(CsvScanner.MAX_RECORD_CHARS))));
    assertEquals("t.csv:2: a record longer than the limit of 1048576 characters",
        plain.getMessage());
  }

  @Test
  void aRecordAtTheLimitIsRead() throws IOException {
    CsvScanner sc = scanner("x".repeat(CsvScanner.MAX_RECORD_CHARS) + "\n"
        + ",".repeat(CsvScanner.MAX_FIELDS - 1));
    assertTrue(sc.next());
    assertEquals(CsvScanner.MAX_RECORD_CHARS, sc.length(0));
    assertTrue(sc.next());
    assertEquals(CsvScanner.MAX_FIELDS, sc.fieldCount());
  }

  @Test
  void tooManyFieldsIsAnErrorAtTheirLine() {
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> drain(scanner("a\n\"b\nc\"," + ",".repeat(CsvScanner.MAX_FIELDS))));
    assertEquals("t.csv:2: a record with more than the limit of 16384 fields", e.getMessage());
  }

  /** Endless input is refused once past a limit, having read no more than the limit needs. */
  @Test
  void endlessInputIsCutOffAtTheLimits() {
    Endless field = new Endless("h\n", 'x');
    assertThrows(CsvFormatException.class, () -> drain(new CsvScanner(field, "t.csv")));
    assertTrue(field.read <= CsvScanner.MAX_RECORD_CHARS + (1 << 17), "read " + field.read);
    Endless commas = new Endless("", ',');
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> drain(new CsvScanner(commas, "t.csv")));
    assertTrue(e.problem().contains("16384 fields"), e.getMessage());
    assertTrue(commas.read <= CsvScanner.MAX_FIELDS + (1 << 17), "read " + commas.read);
    Endless quoted = new Endless("a,\"", '\n');
    e = assertThrows(CsvFormatException.class, () -> drain(new CsvScanner(quoted, "t.csv")));
    assertEquals(1, e.line());
  }

  @Test
  void nulIsAnErrorAtItsLine() {
    for (String text : List.of("a,b\nc,d\u0000\n", "a,b\n\"c\",\"\u0000\"\n",
        "a,b\n\"c\n\u0000\"\n")) {
      CsvFormatException e = assertThrows(CsvFormatException.class, () -> drain(scanner(text)));
      assertEquals(text.indexOf("\"c\n") >= 0 ? 3 : 2, e.line(), text);
      assertTrue(e.problem().startsWith("a NUL character (U+0000)"), e.getMessage());
    }
  }

  @Test
  void aUtf16ByteOrderMarkIsNamed() {
    for (byte[] mark : List.of(new byte[] {(byte) 0xFF, (byte) 0xFE},
        new byte[] {(byte) 0xFE, (byte) 0xFF})) {
      byte[] bytes = new byte[] {mark[0], mark[1], 'a', 0};
      CsvFormatException e = assertThrows(CsvFormatException.class,
          () -> drain(new CsvScanner(new ByteArrayInputStream(bytes), "t.csv")));
      assertEquals(1, e.line());
      assertTrue(e.problem().startsWith("the file starts with the UTF-16 byte order mark "
          + String.format(java.util.Locale.ROOT, "%02X %02X", mark[0] & 0xFF, mark[1] & 0xFF)),
          e.problem());
    }
    // Further into the file the same bytes are just invalid UTF-8.
    byte[] later = {'a', '\n', (byte) 0xFF, (byte) 0xFE};
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> drain(new CsvScanner(new ByteArrayInputStream(later), "t.csv")));
    assertEquals("t.csv:2: invalid UTF-8: malformed byte sequence starting with byte 0xFF",
        e.getMessage());
  }

  private static void drain(CsvScanner sc) throws IOException {
    while (sc.next()) {
      // read every record
    }
  }

  /** A head, then one char repeated without end; counts the bytes read. */
  private static final class Endless extends InputStream {
    private final byte[] head;
    private final byte fill;
    long read;

    Endless(String head, char fill) {
      this.head = head.getBytes(UTF_8);
      this.fill = (byte) fill;
    }

    @Override
    public int read() {
      long i = read++;
      return i < head.length ? head[(int) i] : fill;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }

  private static CsvScanner scanner(String text) {
    return new CsvScanner(new ByteArrayInputStream(text.getBytes(UTF_8)), "t.csv");
  }

  private static String randomField(Random rnd) {
    String[] atoms = {"a", "b", "7", " ", ",", "\"", "\r", "\n", "\r\n", "é", "\uD83D\uDE00", ""};
    StringBuilder b = new StringBuilder();
    int len = rnd.nextInt(6);
    for (int i = 0; i < len; i++) {
      b.append(atoms[rnd.nextInt(atoms.length)]);
    }
    return b.toString();
  }

  /** Line breaks in a field: CRLF, CR and LF each count one. */
  private static int lineBreaks(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || (c == '\n' && (i == 0 || s.charAt(i - 1) != '\r'))) {
        n++;
      }
    }
    return n;
  }

  /** Hands out one byte per read, as a slow pipe might. */
  private static final class Trickle extends InputStream {
    private final InputStream in;

    Trickle(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return len == 0 ? 0 : in.read(b, off, 1);
    }
  }
}
