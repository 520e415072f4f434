package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads claims from a CSV file straight into a {@link ClaimIndex}, one row per claim, without
 * building a domain object per row.
 *
 * <p>The file is UTF-8 (a byte order mark at the start is skipped) in the RFC 4180 dialect:
 * comma-separated, fields optionally in double quotes, a quote inside a quoted field doubled,
 * records ended by CRLF or LF. The first record is a header, and its column names (matched
 * without regard to ASCII case) choose the layout:
 *
 * <ul>
 *   <li><b>claims</b> {@code source,question,value}: {@code source} asserts {@code value} as the
 *       answer to {@code question}, as in truth-discovery data;
 *   <li><b>crowd labels</b> {@code task,worker,label}: {@code worker} gave {@code label} to {@code
 *       task}, as in crowdsourcing data. The task becomes the question and the worker the source.
 *       {@code question} is accepted for {@code task} and {@code answer} for {@code label}, so the
 *       {@code question,worker,answer} files of Zheng et al. (PVLDB 2017) read as they are.
 * </ul>
 *
 * <p>A header with a {@code worker} column is crowd labels, one with a {@code source} column is
 * claims; {@link #withColumns} names the three columns of any other header. Columns may come in
 * any order, and further columns are allowed and ignored, except those that qualify claims
 * ({@code stance}, {@code via}, {@code access}, {@code stake}, {@code circumstances}, {@code
 * hedge}, {@code account}): a file with any of them is a case, for {@link CsvCaseReader}, and
 * this reader refuses it rather than misread it. Values are read by {@link
 * Value#parse(ValueType, String)} in the reader's {@linkplain #withValueType value type}
 * (categorical unless set), so a quantity file holds {@code 16}, {@code 15..20}, {@code >100}.
 *
 * <p>Reading is strict, and every failure is a {@link CsvFormatException} whose message names the
 * file, the line and the problem: an empty file, a header without the needed columns or with a
 * column twice, a row with more or fewer fields than the header (a blank line included), a
 * quote inside an unquoted field, text after a closing quote, a quote never closed, bytes that
 * are not UTF-8, a NUL character, an empty or blank id or value, an id or label with whitespace
 * around it, a value not valid for the type (such as {@code NaN} or {@code 1e999} for a
 * quantity), a record of more than 1,048,576 characters or 16,384 fields (limits that keep
 * memory bounded whatever the file). A file with a header and no rows is valid and has no
 * claims.
 *
 * <pre>{@code
 * ClaimIndex claims = CsvClaimReader.withDefaults().read(dir.resolve("answer.csv"));
 * ClaimIndex amounts = CsvClaimReader.withDefaults().withValueType(ValueType.QUANTITY)
 *     .read(dir.resolve("pop.csv"));
 * }</pre>
 *
 * <p>A reader is an immutable value and can be shared between threads; each read is
 * independent.
 *
 * @implNote One pass over the bytes with fixed-size buffers. Ids and values are interned as they
 *     are read, so only the first occurrence of a text allocates a string (and a value is parsed
 *     once per distinct text); {@link #read} keeps each row as three ints until the index is
 *     compiled, so memory is that of the index plus one string per distinct text.
 * @since 0.1
 */
public final class CsvClaimReader {
  private static final CsvClaimReader DEFAULTS =
      new CsvClaimReader(ValueType.CATEGORICAL, null, null, null);

  /** Flag on an interned text: declared to the builder as a question. */
  private static final int DECLARED = 1;

  /** Flag on an interned text: checked as an id (not blank, no surrounding whitespace). */
  private static final int ID_CHECKED = 2;

  private final ValueType valueType;
  private final String sourceColumn;
  private final String questionColumn;
  private final String valueColumn;

  private CsvClaimReader(
      ValueType valueType, String sourceColumn, String questionColumn, String valueColumn) {
    this.valueType = valueType;
    this.sourceColumn = sourceColumn;
    this.questionColumn = questionColumn;
    this.valueColumn = valueColumn;
  }

  /**
   * A reader of categorical values that tells the layout from the header.
   *
   * @return the reader
   */
  public static CsvClaimReader withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a reader that reads values as the given type.
   *
   * @param type the type of every value in the file
   * @return the reader
   */
  public CsvClaimReader withValueType(ValueType type) {
    return new CsvClaimReader(
        checkNotNull(type, "valueType"), sourceColumn, questionColumn, valueColumn);
  }

  /**
   * Returns a reader that takes the source, question and value from the named columns, whatever
   * the rest of the header says.
   *
   * @param source the name of the source column
   * @param question the name of the question column
   * @param value the name of the value column
   * @return the reader
   * @throws IllegalArgumentException if a name is empty or two names are the same
   */
  public CsvClaimReader withColumns(String source, String question, String value) {
    checkNotNull(source, "source");
    checkNotNull(question, "question");
    checkNotNull(value, "value");
    checkArgument(
        !source.isEmpty() && !question.isEmpty() && !value.isEmpty(),
        "CsvClaimReader: column names must not be empty, got '%s', '%s', '%s'",
        source,
        question,
        value);
    checkArgument(
        !source.equalsIgnoreCase(question)
            && !source.equalsIgnoreCase(value)
            && !question.equalsIgnoreCase(value),
        "CsvClaimReader: column names must differ, got '%s', '%s', '%s'",
        source,
        question,
        value);
    return new CsvClaimReader(valueType, source, question, value);
  }

  /**
   * The type values are read as.
   *
   * @return the value type
   */
  public ValueType valueType() {
    return valueType;
  }

  /**
   * Reads a file into a new index.
   *
   * @param file the file
   * @return the index
   * @throws CsvFormatException if the file is not valid; the message names file and line
   * @throws IOException if the file cannot be read
   */
  public ClaimIndex read(Path file) throws IOException {
    checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return readNew(in, file.toString(), Files.size(file));
    }
  }

  /**
   * Reads a stream into a new index. The stream is read to its end and not closed.
   *
   * @param in the bytes of a CSV file
   * @param name the name used for the file in error messages
   * @return the index
   * @throws CsvFormatException if the content is not valid; the message names {@code name} and
   *     the line
   * @throws IOException if the stream cannot be read
   */
  public ClaimIndex read(InputStream in, String name) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    return readNew(in, name, 0);
  }

  /**
   * Adds the claims of a file to a builder, which may already hold sources, priors and claims.
   * After a failure the builder holds the rows before the bad one and should be discarded.
   *
   * @param file the file
   * @param builder the builder to fill
   * @return the number of claims read
   * @throws CsvFormatException if the file is not valid, or a question in it was declared to the
   *     builder with another type; the message names file and line
   * @throws IOException if the file cannot be read
   */
  public long readInto(Path file, ClaimIndex.Builder builder) throws IOException {
    checkNotNull(file, "file");
    checkNotNull(builder, "builder");
    try (InputStream in = Files.newInputStream(file)) {
      return readInto(in, file.toString(), builder);
    }
  }

  /**
   * Adds the claims of a stream to a builder. The stream is read to its end and not closed.
   * After a failure the builder holds the rows before the bad one and should be discarded.
   *
   * @param in the bytes of a CSV file
   * @param name the name used for the file in error messages
   * @param builder the builder to fill
   * @return the number of claims read
   * @throws CsvFormatException if the content is not valid; the message names {@code name} and
   *     the line
   * @throws IOException if the stream cannot be read
   */
  public long readInto(InputStream in, String name, ClaimIndex.Builder builder)
      throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    checkNotNull(builder, "builder");
    CsvScanner sc = new CsvScanner(in, name);
    Header h = Header.read(sc);
    int[] columns = columns(h);
    int si = columns[0];
    int qi = columns[1];
    int vi = columns[2];
    Interner ids = new Interner();
    // Files are often grouped by task or worker: a field equal to the one above it skips the
    // interner's hash table.
    String question = null;
    String source = null;
    String value = null;
    long rows = 0;
    while (sc.next()) {
      h.checkRow(sc);
      char[] a = sc.chars();
      checkNotEmpty(sc, h, qi, "question");
      checkNotEmpty(sc, h, si, "source");
      checkNotEmpty(sc, h, vi, "value");
      if (!same(question, a, sc.start(qi), sc.length(qi))) {
        int slot = ids.intern(a, sc.start(qi), sc.length(qi));
        question = ids.key(slot);
        checkId(sc, h, qi, "question", ids, slot);
        try {
          if (!ids.has(slot, DECLARED)) {
            ids.set(slot, DECLARED);
            builder.question(question, valueType);
          }
        } catch (IllegalArgumentException e) {
          throw sc.error(e.getMessage(), e);
        }
      }
      if (!same(source, a, sc.start(si), sc.length(si))) {
        int slot = ids.intern(a, sc.start(si), sc.length(si));
        source = ids.key(slot);
        checkId(sc, h, si, "source", ids, slot);
      }
      if (!same(value, a, sc.start(vi), sc.length(vi))) {
        value = ids.key(ids.intern(a, sc.start(vi), sc.length(vi)));
      }
      try {
        builder.add(source, question, value);
      } catch (IllegalArgumentException e) {
        throw sc.error("bad value in column '" + h.name(vi) + "': " + e.getMessage(), e);
      }
      rows++;
    }
    return rows;
  }

  /**
   * Reads a whole file into a new index without a builder: ids and value texts are interned per
   * column and numbered as first seen, each distinct value text is parsed once, and the claims
   * are kept as three int arrays until {@link ClaimIndex#ofInterned} compiles them, so no object
   * is made per row. The index, and every error, is the one {@link #readInto} with a new builder
   * gives.
   */
  private ClaimIndex readNew(InputStream in, String name, long bytes) throws IOException {
    CsvScanner sc = new CsvScanner(in, name);
    Header h = Header.read(sc);
    int[] columns = columns(h);
    int si = columns[0];
    int qi = columns[1];
    int vi = columns[2];
    Interner questions = new Interner();
    Interner sources = new Interner();
    Interner texts = new Interner();
    List<Value> values = new ArrayList<>();
    // Room for the rows a file of this size likely holds (a crowd label is about 16 bytes).
    Rows rows = new Rows(questions, (int) Math.min(1 << 28, Math.max(1 << 10, bytes / 16)));
    while (sc.next()) {
      h.checkRow(sc);
      char[] a = sc.chars();
      checkNotEmpty(sc, h, qi, "question");
      checkNotEmpty(sc, h, si, "source");
      checkNotEmpty(sc, h, vi, "value");
      checkIdEnds(sc, h, qi, "question");
      checkIdEnds(sc, h, si, "source");
      // One interner per column keeps the small ones (workers, labels) in the cache.
      int s = sources.intern(a, sc.start(si), sc.length(si));
      int v = texts.intern(a, sc.start(vi), sc.length(vi));
      if (v == values.size()) {
        try {
          values.add(Value.parse(valueType, texts.key(v)));
        } catch (IllegalArgumentException e) {
          throw sc.error("bad value in column '" + h.name(vi) + "': " + e.getMessage(), e);
        }
      }
      if (rows.size() == Integer.MAX_VALUE - 8) {
        throw sc.error("more than " + (Integer.MAX_VALUE - 8) + " claims");
      }
      rows.add(s, a, sc.start(qi), sc.length(qi), v);
    }
    rows.flush();
    return ClaimIndex.ofInterned(sources.keys(), questions.keys(), valueType, values, rows.src,
        rows.qst, rows.val, rows.size());
  }

  /**
   * The rows read so far, as three int arrays. Questions are interned a batch of rows at a time:
   * their slots in the (large) table are read for the whole batch first, so that the memory
   * reads overlap, then the texts are interned in row order, which numbers them as first seen.
   */
  private static final class Rows {
    private static final int BATCH = 64;

    final Interner questions;
    int[] src;
    int[] qst;
    int[] val;
    private int n;
    private char[] text = new char[BATCH * 16];
    private final int[] textStart = new int[BATCH + 1];
    private final int[] hash = new int[BATCH];
    private int pending;

    Rows(Interner questions, int capacity) {
      this.questions = questions;
      src = new int[capacity];
      qst = new int[capacity];
      val = new int[capacity];
    }

    int size() {
      return n + pending;
    }

    void add(int s, char[] a, int from, int len, int v) {
      int at = textStart[pending];
      if (at + len > text.length) {
        text = Arrays.copyOf(text, Math.max(at + len, 2 * text.length));
      }
      System.arraycopy(a, from, text, at, len);
      textStart[pending + 1] = at + len;
      if (n + pending == src.length) {
        int grown = (int) Math.min(Integer.MAX_VALUE - 8L, src.length + (src.length >> 1));
        src = Arrays.copyOf(src, grown);
        qst = Arrays.copyOf(qst, grown);
        val = Arrays.copyOf(val, grown);
      }
      src[n + pending] = s;
      val[n + pending] = v;
      if (++pending == BATCH) {
        flush();
      }
    }

    void flush() {
      for (int j = 0; j < pending; j++) {
        hash[j] = Interner.hash(text, textStart[j], textStart[j + 1] - textStart[j]);
        questions.touch(hash[j]);
      }
      for (int j = 0; j < pending; j++) {
        qst[n + j] = questions.intern(text, textStart[j], textStart[j + 1] - textStart[j],
            hash[j]);
      }
      n += pending;
      pending = 0;
    }
  }

  /**
   * The source, question and value columns of a header: those named by {@link #withColumns}, or
   * the layout the header's names tell; refuses testimony columns.
   */
  private int[] columns(Header h) throws CsvFormatException {
    String testimony = CsvCaseReader.testimonyColumn(h);
    if (testimony != null) {
      // Ignoring it would read a denial as an affirmation, a hearsay claim as first-hand.
      throw h.error("column '" + testimony + "' qualifies the claims, which this reader would"
          + " ignore: read the file with CsvCaseReader");
    }
    int si;
    int qi;
    int vi;
    if (sourceColumn != null) {
      si = h.require("source", sourceColumn);
      qi = h.require("question", questionColumn);
      vi = h.require("value", valueColumn);
    } else {
      boolean crowd = h.find("worker") >= 0;
      boolean claims = h.find("source") >= 0;
      if (crowd && claims) {
        throw h.error(
            "the header has both 'source' and 'worker': cannot tell claims (source,question,value)"
                + " from crowd labels (task,worker,label)");
      } else if (crowd) {
        si = h.require("worker", "worker");
        qi = h.require("task", "task", "question");
        vi = h.require("label", "label", "answer");
      } else if (claims) {
        si = h.require("source", "source");
        qi = h.require("question", "question");
        vi = h.require("value", "value");
      } else {
        throw h.error(
            "cannot tell the layout from the header '"
                + h.text()
                + "': expected claims (source,question,value) or crowd labels (task,worker,label)");
      }
    }
    return new int[] {si, qi, vi};
  }

  /** Whether {@code text} is the string {@code a[from, from + len)}. */
  private static boolean same(String text, char[] a, int from, int len) {
    if (text == null || text.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (text.charAt(i) != a[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static void checkNotEmpty(CsvScanner sc, Header h, int column, String what)
      throws CsvFormatException {
    if (sc.length(column) == 0) {
      throw sc.error("empty " + what + " in column '" + h.name(column) + "'");
    }
  }

  /**
   * Checks an id the first time it is seen, as the model checks ids: read plainly, {@code "
   * alice"} would be a second source beside {@code "alice"}.
   */
  private static void checkId(CsvScanner sc, Header h, int column, String what, Interner ids,
      int slot) throws CsvFormatException {
    if (ids.has(slot, ID_CHECKED)) {
      return;
    }
    String problem = idProblem(ids.key(slot), what, h.name(column));
    if (problem != null) {
      throw sc.error(problem);
    }
    ids.set(slot, ID_CHECKED);
  }

  /**
   * Checks an id field in place, as {@link #checkId} does once per id: only its first and last
   * characters decide, so the check costs the same for every row and needs no string.
   */
  private static void checkIdEnds(CsvScanner sc, Header h, int column, String what)
      throws CsvFormatException {
    char[] a = sc.chars();
    int from = sc.start(column);
    int last = from + sc.length(column) - 1;
    if (Character.isWhitespace(a[from]) || Character.isWhitespace(a[last])) {
      throw sc.error(idProblem(new String(a, from, last - from + 1), what, h.name(column)));
    }
  }

  /** What is wrong with an id (blank, or whitespace around it), or null. */
  static String idProblem(String id, String what, String column) {
    if (id.isBlank()) {
      return "blank " + what + " '" + id + "' in column '" + column + "'";
    }
    if (!id.strip().equals(id)) {
      return what + " '" + id + "' in column '" + column
          + "' begins or ends with whitespace, which ids must not";
    }
    return null;
  }
}
