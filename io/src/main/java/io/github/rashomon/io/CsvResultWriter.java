package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Corroboration;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.model.Value;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a {@link Reconciliation} as CSV files: {@value #VERDICTS} with one row per question and
 * {@value #SOURCES} with one row per source.
 *
 * <ul>
 *   <li>{@code verdicts.csv}: header {@value #VERDICTS_HEADER}; the question id, the canonical
 *       text of the leading value (empty for a question without claims), its {@linkplain
 *       Reconciliation#confidence(int) confidence}, and the {@linkplain
 *       io.github.rashomon.engine.VerdictStatus status} by its constant name ({@code ACCEPTED},
 *       {@code CONTESTED} or {@code UNDETERMINED}); then the {@linkplain
 *       Reconciliation#corroboration(int) corroboration} of the leading value (the independent
 *       lines of evidence for and against it, and the blocs of the sources on each side,
 *       separated by {@code ;}); then, for the questions a {@link SensitivityReport} is given
 *       for, its pivotal sources and pivotal blocs, separated by {@code ;} (both empty for the
 *       other questions, and when the verdict hangs on no single source or bloc).
 *   <li>{@code sources.csv}: header {@code source,trust}; the source id and its estimated
 *       {@linkplain Reconciliation#trust(int) trust}.
 * </ul>
 *
 * <p>Rows are in the index's canonical order (ids sorted as strings), numbers have exactly six
 * decimals (the exact binary value rounded half-even, {@code Locale.ROOT}: {@code 0.750000},
 * {@code 1.000000}), and lines end with LF. The same reconciliation therefore gives the same
 * bytes on every machine and Java version. Fields are quoted as RFC 4180 requires: only those
 * holding a comma, a quote, CR or LF.
 *
 * <p>Each file is written atomically: first to a hidden temporary file in the same directory,
 * flushed to disk, then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * Readers see the old file or the complete new one, never a part, and on any error the
 * temporary file is removed and the target left as it was.
 *
 * <pre>{@code
 * Reconciliation r = Reconcilers.byName("dawid-skene").reconcile(index);
 * CsvResultWriter.write(r, dir); // dir/verdicts.csv and dir/sources.csv, both or neither
 * }</pre>
 *
 * @since 0.1
 */
public final class CsvResultWriter {
  /** The name of the verdicts file {@link #write} creates. */
  public static final String VERDICTS = "verdicts.csv";

  /** The name of the sources file {@link #write} creates. */
  public static final String SOURCES = "sources.csv";

  /** The header of the verdicts file. */
  public static final String VERDICTS_HEADER =
      "question,value,confidence,status,lines_for,lines_against,blocs_for,blocs_against,"
          + "pivotal_sources,pivotal_blocs";

  private CsvResultWriter() {}

  /**
   * Writes {@value #VERDICTS} and {@value #SOURCES} into a directory, both or neither: each is
   * written in full to a temporary file before either is renamed into place. Should the second
   * rename fail, the first file is removed again.
   *
   * @param r the reconciliation
   * @param dir an existing directory
   * @throws IOException if a file cannot be written; nothing new is left in {@code dir}
   */
  public static void write(Reconciliation r, Path dir) throws IOException {
    write(r, ImmutableList.of(), dir);
  }

  /**
   * Writes {@value #VERDICTS}, with the summaries of the given sensitivity reports, and {@value
   * #SOURCES} into a directory, both or neither, as {@link #write(Reconciliation, Path)} does.
   *
   * @param r the reconciliation
   * @param sensitivity reports on some or all of the questions, at most one per question
   * @param dir an existing directory
   * @throws IllegalArgumentException if a report names a question not in {@code r}, or two
   *     reports name the same question
   * @throws IOException if a file cannot be written; nothing new is left in {@code dir}
   */
  public static void write(Reconciliation r, Iterable<SensitivityReport> sensitivity, Path dir)
      throws IOException {
    checkNotNull(r, "reconciliation");
    checkNotNull(dir, "dir");
    Map<String, SensitivityReport> reports = byQuestion(r, sensitivity);
    Path verdicts = dir.resolve(VERDICTS);
    Path sources = dir.resolve(SOURCES);
    Path verdictsTmp = stage(verdicts, w -> writeVerdicts(r, reports, w));
    Path sourcesTmp;
    try {
      sourcesTmp = stage(sources, w -> writeSources(r, w));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(verdictsTmp, e);
      throw e;
    }
    try {
      commit(verdictsTmp, verdicts);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(sourcesTmp, e);
      throw e;
    }
    try {
      commit(sourcesTmp, sources);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(verdicts, e);
      throw e;
    }
  }

  /**
   * Writes the verdicts file, atomically.
   *
   * @param r the reconciliation
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public static void writeVerdicts(Reconciliation r, Path file) throws IOException {
    writeVerdicts(r, ImmutableList.of(), file);
  }

  /**
   * Writes the verdicts file with the summaries of the given sensitivity reports, atomically.
   *
   * @param r the reconciliation
   * @param sensitivity reports on some or all of the questions, at most one per question
   * @param file the file to create or replace
   * @throws IllegalArgumentException if a report names a question not in {@code r}, or two
   *     reports name the same question
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public static void writeVerdicts(
      Reconciliation r, Iterable<SensitivityReport> sensitivity, Path file) throws IOException {
    checkNotNull(r, "reconciliation");
    Map<String, SensitivityReport> reports = byQuestion(r, sensitivity);
    writeAtomically(file, w -> writeVerdicts(r, reports, w));
  }

  private static Map<String, SensitivityReport> byQuestion(
      Reconciliation r, Iterable<SensitivityReport> sensitivity) {
    checkNotNull(sensitivity, "sensitivity");
    Map<String, SensitivityReport> out = new HashMap<>();
    for (SensitivityReport report : sensitivity) {
      checkNotNull(report, "sensitivity report");
      checkArgument(
          r.index().questionNumber(report.question()) >= 0,
          "sensitivity report on question '%s', which is not in the reconciliation",
          report.question());
      checkArgument(
          out.put(report.question(), report) == null,
          "two sensitivity reports on question '%s'",
          report.question());
    }
    return out;
  }

  /**
   * Writes the sources file, atomically.
   *
   * @param r the reconciliation
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public static void writeSources(Reconciliation r, Path file) throws IOException {
    checkNotNull(r, "reconciliation");
    writeAtomically(file, w -> writeSources(r, w));
  }

  private static void writeVerdicts(
      Reconciliation r, Map<String, SensitivityReport> reports, Writer w) throws IOException {
    ClaimIndex index = r.index();
    w.write(VERDICTS_HEADER);
    w.write('\n');
    // Each row is put together first and written at once: one call on the writer per row.
    StringBuilder row = new StringBuilder(128);
    for (int q = 0, n = r.questionCount(); q < n; q++) {
      row.setLength(0);
      String id = index.questionId(q);
      field(row, id);
      row.append(',');
      Optional<Value> lead = r.leadingValue(q);
      if (lead.isPresent()) {
        field(row, lead.get().canonical());
      }
      row.append(',').append(decimal(r.confidence(q)));
      row.append(',').append(r.status(q).name());
      Corroboration c = r.corroboration(q);
      row.append(',').append(decimal(c.linesFor()));
      row.append(',').append(decimal(c.linesAgainst()));
      row.append(',');
      field(row, String.join(";", c.blocsFor()));
      row.append(',');
      field(row, String.join(";", c.blocsAgainst()));
      row.append(',');
      SensitivityReport s = reports.get(id);
      if (s != null) {
        field(row, String.join(";", s.pivotalSources().keySet()));
      }
      row.append(',');
      if (s != null) {
        field(row, String.join(";", s.pivotalBlocs().keySet()));
      }
      row.append('\n');
      w.append(row);
    }
  }

  /** {@link #field(Writer, String)} into a row being built. */
  private static void field(StringBuilder row, String text) {
    if (!needsQuotes(text)) {
      row.append(text);
      return;
    }
    row.append('"').append(text.replace("\"", "\"\"")).append('"');
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private static void writeSources(Reconciliation r, Writer w) throws IOException {
    ClaimIndex index = r.index();
    w.write("source,trust\n");
    for (int s = 0, n = r.sourceCount(); s < n; s++) {
      field(w, index.sourceId(s));
      w.write(',');
      w.write(decimal(r.trust(s)));
      w.write('\n');
    }
  }

  /** Writes one field, quoted only if it must be. */
  static void field(Writer w, String text) throws IOException {
    if (!needsQuotes(text)) {
      w.write(text);
      return;
    }
    w.write('"');
    w.write(text.replace("\"", "\"\""));
    w.write('"');
  }

  /**
   * A number with exactly six decimals: the exact binary value rounded half-even, so the text
   * depends on the number alone, not on the Java version or the locale.
   */
  static String decimal(double x) {
    checkArgument(Double.isFinite(x), "cannot write %s: not a finite number", x);
    if (x >= 0 && x < 0x1p31) {
      return sixDecimals(x);
    }
    return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * {@link #decimal} of an x in [0, 2³¹) without BigDecimal (a verdicts file has millions): x is
   * m·2^-k exactly, so x·10⁶ is m·10⁶ (at most 73 bits, in two longs) shifted right by k, whose
   * remainder decides the half-even rounding; the same digits as BigDecimal's.
   */
  private static String sixDecimals(double x) {
    long n;
    if (x < 0x1p-30) {
      n = 0; // x·10⁶ < 0.001: rounds to 0
    } else {
      long bits = Double.doubleToRawLongBits(x);
      long m = (bits & ((1L << 52) - 1)) | (1L << 52);
      int k = 1075 - (int) (bits >>> 52); // x = m·2^-k, k in [22, 82] here
      long lo = m * 1_000_000L;
      long hi = Math.multiplyHigh(m, 1_000_000L);
      int round; // the remainder against half of 2^k: -1 below, 0 equal, 1 above
      if (k < 64) {
        n = (hi << (64 - k)) | (lo >>> k);
        long rest = lo & ((1L << k) - 1);
        round = Long.compare(rest, 1L << (k - 1));
      } else if (k == 64) {
        n = hi;
        round = Long.compareUnsigned(lo, 1L << 63);
      } else {
        n = hi >>> (k - 64);
        long restHi = hi & ((1L << (k - 64)) - 1);
        long halfHi = 1L << (k - 65);
        round = restHi != halfHi ? Long.compare(restHi, halfHi) : (lo != 0 ? 1 : 0);
      }
      if (round > 0 || (round == 0 && (n & 1) == 1)) {
        n++;
      }
    }
    long whole = n / 1_000_000;
    int fraction = (int) (n % 1_000_000);
    StringBuilder b = new StringBuilder(20).append(whole).append('.');
    for (int d = 100_000; d > 1; d /= 10) {
      if (fraction < d) {
        b.append('0');
      }
    }
    return b.append(fraction).toString();
  }

  /** Writes a file's content. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /** Writes {@code body} to a temporary file, then renames it to {@code target}. */
  static void writeAtomically(Path target, Body body) throws IOException {
    commit(stage(target, body), target);
  }

  /**
   * Writes {@code body} to a new temporary file beside {@code target} and forces it to disk.
   *
   * @return the temporary file
   * @throws IOException if writing fails; the temporary file is then removed
   */
  static Path stage(Path target, Body body) throws IOException {
    checkNotNull(target, "file");
    Path name = target.getFileName();
    checkArgument(name != null, "not a file name: %s", target);
    Path dir = target.toAbsolutePath().getParent();
    Path tmp;
    FileChannel ch;
    while (true) {
      // Created like any new file (so the umask applies), unlike Files.createTempFile's 0600.
      tmp =
          dir.resolve(
              String.format(
                  Locale.ROOT,
                  ".%s.%016x.tmp",
                  name,
                  ThreadLocalRandom.current().nextLong()));
      try {
        ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        break;
      } catch (FileAlreadyExistsException e) {
        // Another writer's temporary file: draw another name.
      }
    }
    try {
      try (FileChannel c = ch;
          Writer w =
              new BufferedWriter(
                  new OutputStreamWriter(
                      Channels.newOutputStream(c), StandardCharsets.UTF_8.newEncoder()),
                  1 << 16)) {
        body.writeTo(w);
        w.flush();
        c.force(false);
      }
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(tmp, e);
      throw e;
    }
    return tmp;
  }

  /**
   * Renames a staged file over the target.
   *
   * @throws IOException if the rename fails; the temporary file is then removed
   */
  static void commit(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp, e);
      throw e;
    }
  }

  private static void deleteQuietly(Path file, Throwable primary) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}
