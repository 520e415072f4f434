package io.github.rashomon.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A strict RFC 4180 record reader over UTF-8 bytes that reuses its buffers: the fields of the
 * current record are unescaped into one char array and read in place, so a record costs no
 * allocation.
 *
 * <p>Records end at CRLF, LF or a lone CR; the last record may lack a terminator. A UTF-8 byte
 * order mark at the start is skipped. Errors (invalid UTF-8, a UTF-16 byte order mark, a NUL
 * character, a quote inside an unquoted field, text after a closing quote, an unterminated quote,
 * a record over {@link #MAX_RECORD_CHARS} chars or {@link #MAX_FIELDS} fields) are {@link
 * CsvFormatException}s naming the file and line, thrown as soon as the problem is read: memory
 * stays bounded by the limits whatever the input.
 */
final class CsvScanner {
  /** Longest record accepted, in chars: stops an unterminated quote from eating the heap. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  /** Most fields in one record: the widest sheet Excel and LibreOffice save. */
  static final int MAX_FIELDS = 16_384;

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final String file;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] bytes;
  private final ByteBuffer bb;
  private final char[] chars;
  private final CharBuffer cb;
  private int pos;
  private int lim;
  private boolean eof;
  private boolean drained;
  private boolean started;
  /** A decoding error found after chars that precede it still wait to be parsed. */
  private CoderResult pendingError;
  private int pendingByte;
  private boolean utf16Mark;

  private char[] rec = new char[256];
  private int recLen;
  private int[] fieldStart = new int[8];
  private int[] fieldEnd = new int[8];
  private int fields;
  private boolean anyQuoted;
  private long line = 1;
  private long recordLine;

  CsvScanner(InputStream in, String file) {
    this(in, file, BUFFER);
  }

  /** With a given buffer size (tests use tiny ones to split records at every position). */
  CsvScanner(InputStream in, String file, int bufferSize) {
    this.in = in;
    this.file = file;
    // Four bytes hold any UTF-8 sequence, two chars any surrogate pair.
    int size = Math.max(4, bufferSize);
    bytes = new byte[size];
    bb = ByteBuffer.wrap(bytes);
    bb.limit(0);
    chars = new char[size];
    cb = CharBuffer.wrap(chars);
  }

  /** The file name used in messages. */
  String file() {
    return file;
  }

  /** The line the current record starts on. */
  long recordLine() {
    return recordLine;
  }

  /** The number of fields in the current record. */
  int fieldCount() {
    return fields;
  }

  /** Whether the current record is an empty line (one empty, unquoted field). */
  boolean blank() {
    return fields == 1 && recLen == 0 && !anyQuoted;
  }

  /** The chars of the current record; field {@code i} is [start(i), end(i)). */
  char[] chars() {
    return rec;
  }

  int start(int i) {
    return fieldStart[i];
  }

  int end(int i) {
    return fieldEnd[i];
  }

  int length(int i) {
    return fieldEnd[i] - fieldStart[i];
  }

  /** Field {@code i} as a new string (for headers and messages, not for the per-row path). */
  String text(int i) {
    return new String(rec, fieldStart[i], fieldEnd[i] - fieldStart[i]);
  }

  /** An error at the current record's line. */
  CsvFormatException error(String problem) {
    return new CsvFormatException(file, Math.max(1, recordLine), problem, null);
  }

  /** An error at the current record's line, with its cause. */
  CsvFormatException error(String problem, Throwable cause) {
    return new CsvFormatException(file, Math.max(1, recordLine), problem, cause);
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    if (pos == lim && !fill()) {
      return false;
    }
    recordLine = line;
    recLen = 0;
    fields = 0;
    anyQuoted = false;
    while (true) {
      int from = recLen;
      int c;
      if (pos == lim && !fill()) {
        c = -1;
      } else if (chars[pos] == '"') {
        pos++;
        anyQuoted = true;
        c = quoted();
      } else {
        c = unquoted();
      }
      addField(from, recLen);
      if (c == ',') {
        continue;
      }
      if (c == '\r') {
        if ((pos < lim || fill()) && chars[pos] == '\n') {
          pos++;
        }
        line++;
      } else if (c == '\n') {
        line++;
      }
      return true;
    }
  }

  /** Reads an unquoted field up to and including its delimiter; returns the delimiter or -1. */
  private int unquoted() throws IOException {
    while (true) {
      if (pos == lim && !fill()) {
        return -1;
      }
      int i = pos;
      int stop = lim;
      char[] a = chars;
      while (i < stop) {
        char ch = a[i];
        // Three comparisons for an ordinary char, as before NUL was checked.
        if (ch <= '\r' ? ch == '\n' || ch == '\r' || ch == 0 : ch == ',' || ch == '"') {
          break;
        }
        i++;
      }
      append(a, pos, i - pos);
      pos = i;
      if (i < stop) {
        char ch = a[i];
        if (ch == '"') {
          throw new CsvFormatException(
              file,
              line,
              "a quote inside an unquoted field; quote the whole field and double the quotes in it",
              null);
        }
        if (ch == 0) {
          throw nul();
        }
        pos++;
        return ch;
      }
    }
  }

  /**
   * Reads a quoted field after its opening quote, up to and including the delimiter after the
   * closing quote; returns that delimiter or -1.
   */
  private int quoted() throws IOException {
    long opened = line;
    boolean afterCr = false;
    while (true) {
      if (pos == lim && !fill()) {
        throw new CsvFormatException(
            file, opened, "a quoted field opened on this line is never closed", null);
      }
      int i = pos;
      int stop = lim;
      char[] a = chars;
      while (i < stop) {
        char ch = a[i];
        if (ch == '"' || ch == 0) {
          break;
        }
        // CR, LF and CRLF each end one line.
        if (ch == '\r' || (ch == '\n' && !afterCr)) {
          line++;
        }
        afterCr = ch == '\r';
        i++;
      }
      appendQuoted(a, pos, i - pos, opened);
      pos = i;
      if (i == stop) {
        continue;
      }
      if (a[i] == 0) {
        throw nul();
      }
      pos++; // the quote
      afterCr = false;
      if (pos == lim && !fill()) {
        return -1;
      }
      char after = chars[pos];
      if (after == '"') {
        appendQuoted(chars, pos, 1, opened);
        pos++;
        continue;
      }
      if (after == ',' || after == '\n' || after == '\r') {
        pos++;
        return after;
      }
      throw new CsvFormatException(
          file,
          line,
          "text after the closing quote of a quoted field: '"
              + after
              + "'; double a quote that belongs in the field",
          null);
    }
  }

  private void append(char[] a, int from, int len) throws CsvFormatException {
    if (recLen + len > MAX_RECORD_CHARS) {
      throw error("a record longer than the limit of " + MAX_RECORD_CHARS + " characters");
    }
    copy(a, from, len);
  }

  /** Appends chars of a quoted field, whose quote opened on line {@code opened}. */
  private void appendQuoted(char[] a, int from, int len, long opened) throws CsvFormatException {
    if (recLen + len > MAX_RECORD_CHARS) {
      throw error("a record longer than the limit of " + MAX_RECORD_CHARS + " characters"
          + " (is the quote opened on line " + opened + " ever closed?)");
    }
    copy(a, from, len);
  }

  private void copy(char[] a, int from, int len) {
    if (len == 0) {
      return;
    }
    int need = recLen + len;
    if (need > rec.length) {
      rec = Arrays.copyOf(rec, Math.min(MAX_RECORD_CHARS, Math.max(need, rec.length * 2)));
    }
    System.arraycopy(a, from, rec, recLen, len);
    recLen = need;
  }

  private void addField(int from, int to) throws CsvFormatException {
    if (fields == fieldStart.length) {
      if (fields == MAX_FIELDS) {
        throw error("a record with more than the limit of " + MAX_FIELDS + " fields");
      }
      fieldStart = Arrays.copyOf(fieldStart, Math.min(MAX_FIELDS, fields * 2));
      fieldEnd = Arrays.copyOf(fieldEnd, Math.min(MAX_FIELDS, fields * 2));
    }
    fieldStart[fields] = from;
    fieldEnd[fields] = to;
    fields++;
  }

  /**
   * Decodes more chars into the buffer (all previous ones having been consumed).
   *
   * @return false at the end of the input
   */
  private boolean fill() throws IOException {
    while (true) {
      if (pendingError != null) {
        throw malformed();
      }
      if (drained) {
        return false;
      }
      cb.clear();
      while (true) {
        CoderResult r = decoder.decode(bb, cb, eof);
        if (r.isError()) {
          pendingError = r;
          pendingByte = bytes[bb.position()] & 0xFF;
          // FF FE or FE FF before anything was decoded: a UTF-16 byte order mark.
          utf16Mark = !started && cb.position() == 0 && bb.position() == 0 && bb.remaining() >= 2
              && (pendingByte == 0xFF || pendingByte == 0xFE)
              && (bytes[1] & 0xFF) == (pendingByte ^ 0x01);
          break;
        }
        if (r.isOverflow()) {
          break;
        }
        if (eof) {
          decoder.flush(cb); // a no-op for UTF-8, which keeps no state between calls
          drained = true;
          break;
        }
        if (cb.position() > 0) {
          break; // parse what there is before reading more
        }
        bb.compact();
        int n = in.read(bytes, bb.position(), bb.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bb.position(bb.position() + n);
        }
        bb.flip();
      }
      pos = 0;
      lim = cb.position();
      if (!started && lim > 0) {
        started = true;
        if (chars[0] == '\uFEFF') {
          pos = 1;
        }
      }
      if (pos < lim) {
        return true;
      }
    }
  }

  private CsvFormatException malformed() {
    String problem;
    if (utf16Mark) {
      problem = String.format(Locale.ROOT, "the file starts with the UTF-16 byte order mark %s;"
          + " CSV files must be UTF-8 (save the file as UTF-8)",
          pendingByte == 0xFF ? "FF FE" : "FE FF");
    } else if (pendingError.isMalformed()) {
      problem = String.format(
          Locale.ROOT, "invalid UTF-8: malformed byte sequence starting with byte 0x%02X",
          pendingByte);
    } else {
      problem = "invalid UTF-8: unmappable character";
    }
    return new CsvFormatException(file, line, problem, null);
  }

  private CsvFormatException nul() {
    return new CsvFormatException(file, line, "a NUL character (U+0000): CSV files are UTF-8"
        + " text, and this looks like a binary file or UTF-16 text", null);
  }
}
