package io.github.rashomon.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvClaimReaderTest {
  private static final CsvClaimReader READER = CsvClaimReader.withDefaults();

  @Test
  void crowdLabelsMakeTasksQuestionsAndWorkersSources() throws IOException {
    ClaimIndex index = read("task,worker,label\nt1,w1,cat\nt1,w2,dog\nt2,w1,cat\n");
    assertEquals(List.of("w1", "w2"), sources(index));
    assertEquals(List.of("t1", "t2"), questions(index));
    assertEquals(List.of("cat", "dog"), candidates(index, "t1"));
    assertEquals(3, index.claimCount());
    assertEquals(ValueType.CATEGORICAL, index.questionType(0));
  }

  @Test
  void zhengQuestionWorkerAnswerFilesAreCrowdLabels() throws IOException {
    // The header of the crowd_truth_infer datasets (Zheng et al., PVLDB 2017).
    ClaimIndex index = read("question,worker,answer\n36618,896,0\n11619,896,1\n");
    assertEquals(List.of("896"), sources(index));
    assertEquals(List.of("11619", "36618"), questions(index));
  }

  @Test
  void claimsMakeSourcesSourcesInAnyColumnOrderWithExtraColumns() throws IOException {
    ClaimIndex index =
        read("value,note,question,source\nParis,first,capital,alice\nLyon,,capital,bob\n");
    assertEquals(List.of("alice", "bob"), sources(index));
    assertEquals(List.of("capital"), questions(index));
    assertEquals(List.of("Lyon", "Paris"), candidates(index, "capital"));
  }

  @Test
  void columnNamesIgnoreCase() throws IOException {
    ClaimIndex index = read("Source,QUESTION,Value\ns,q,v\n");
    assertEquals(List.of("s"), sources(index));
  }

  @Test
  void columnsCanBeNamed() throws IOException {
    ClaimIndex index =
        READER
            .withColumns("site", "object", "attr")
            .read(in("site,object,attr,source\nweb1,book1,Knuth,x\n"), "t.csv");
    assertEquals(List.of("web1"), sources(index));
    assertEquals(List.of("book1"), questions(index));
    assertEquals(List.of("Knuth"), candidates(index, "book1"));
  }

  @Test
  void quotedFieldsDoubledQuotesAndLineEndings() throws IOException {
    String csv =
        "source,question,value\r\n"
            + "\"a,1\",q,\"say \"\"hi\"\"\"\r\n"
            + "b,q,\"two\nlines\"\n"
            + "c,q,plain"; // no final line break
    ClaimIndex index = read(csv);
    assertEquals(List.of("a,1", "b", "c"), sources(index));
    assertEquals(List.of("plain", "say \"hi\"", "two\nlines"), candidates(index, "q"));
  }

  @Test
  void byteOrderMarkIsSkipped() throws IOException {
    ClaimIndex index = read("\uFEFFtask,worker,label\nt,w,x\n");
    assertEquals(List.of("t"), questions(index));
  }

  @Test
  void headerWithoutRowsIsAnEmptyIndex() throws IOException {
    ClaimIndex index = read("task,worker,label\n");
    assertEquals(0, index.claimCount());
    assertEquals(0, index.questionCount());
  }

  @Test
  void readsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "task,worker,label\nt,w,x\n");
    assertEquals(1, READER.read(good).claimCount());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "task,worker,label\nt,w\n");
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> READER.read(bad));
    assertEquals(bad.toString() + ":2: expected 3 fields, as the header has, but found 2",
        e.getMessage());
    assertThrows(NoSuchFileException.class, () -> READER.read(dir.resolve("missing.csv")));
  }

  @Test
  void readIntoAddsToABuilderAndCountsRows() throws IOException {
    ClaimIndex.Builder b = ClaimIndex.builder().source("silent");
    long rows = READER.readInto(in("task,worker,label\nt,w,x\nt,v,y\n"), "t.csv", b);
    assertEquals(2, rows);
    assertEquals(List.of("silent", "v", "w"), sources(b.build()));
  }

  @Test
  void quantities() throws IOException {
    ClaimIndex index =
        READER
            .withValueType(ValueType.QUANTITY)
            .read(
                in("source,question,value\na,deaths,16\nb,deaths,15..20\nc,deaths,>100\n"
                    + "d,deaths,~70+-10\ne,deaths,16.0\n"),
                "t.csv");
    assertEquals(ValueType.QUANTITY, index.questionType(0));
    assertEquals(5, index.claimCount());
    // 16 and 16.0 are one value.
    assertEquals(4, index.candidates(0).size());
    assertTrue(index.candidates(0).contains(Quantity.exactly(16)));
  }

  // ---- malformed files: each message names the file and the line ----

  @Test
  void emptyFile() {
    assertFails("", 1, "empty file: expected a header line");
    assertFails("\uFEFF", 1, "empty file: expected a header line");
  }

  @Test
  void headerWithoutALayout() {
    assertFails(
        "a,b,c\n1,2,3\n",
        1,
        "cannot tell the layout from the header 'a,b,c': expected claims"
            + " (source,question,value) or crowd labels (task,worker,label)");
  }

  @Test
  void headerMissingAColumn() {
    assertFails(
        "task,worker\nt,w\n",
        1,
        "the header has no label column ('label' or 'answer'); header: task,worker");
    assertFails(
        "source,question\ns,q\n",
        1,
        "the header has no value column ('value'); header: source,question");
  }

  @Test
  void headerWithBothLayoutsOrADuplicateColumn() {
    assertFails(
        "source,worker,question,value\n",
        1,
        "the header has both 'source' and 'worker': cannot tell claims (source,question,value)"
            + " from crowd labels (task,worker,label)");
    assertFails(
        "task,question,worker,label\n",
        1,
        "the header has both 'task' and 'question' for the task; keep one");
    assertFails("task,worker,label,Label\n", 1, "column 'Label' appears twice in the header");
  }

  @Test
  void raggedRows() {
    assertFails("task,worker,label\nt,w,x\nt,w\n", 3, "expected 3 fields, as the header has,"
        + " but found 2");
    assertFails("task,worker,label\nt,w,x,y\n", 2, "expected 3 fields, as the header has,"
        + " but found 4");
    assertFails("task,worker,label\nt,w,x\n\nt,v,x\n", 3, "blank line; every row needs 3"
        + " fields, as the header has");
  }

  @Test
  void badQuoting() {
    assertFails(
        "task,worker,label\nt,w,\"open\nstill open\n",
        2,
        "a quoted field opened on this line is never closed");
    assertFails(
        "task,worker,label\nt,w,ab\"c\n",
        2,
        "a quote inside an unquoted field; quote the whole field and double the quotes in it");
    assertFails(
        "task,worker,label\nt,w,\"ab\"c\n",
        2,
        "text after the closing quote of a quoted field: 'c'; double a quote that belongs in"
            + " the field");
  }

  @Test
  void linesCountPhysicalLinesAfterAMultiLineField() {
    assertFails("task,worker,label\nt,w,\"a\r\nb\"\nt,w\n", 4, "expected 3 fields, as the"
        + " header has, but found 2");
  }

  @Test
  void invalidUtf8() {
    byte[] bytes = bytes("task,worker,label\nt,w,x\nt,v,", 0xFF, '\n');
    assertFails(bytes, 3, "invalid UTF-8: malformed byte sequence starting with byte 0xFF");
    // An overlong encoding of '/', which a lenient decoder would accept.
    assertFails(
        bytes("task,worker,label\nt,w,", 0xC0, 0xAF, '\n'),
        2,
        "invalid UTF-8: malformed byte sequence starting with byte 0xC0");
    // A sequence cut off by the end of the file.
    assertFails(
        bytes("task,worker,label\nt,w,", 0xE2, 0x82),
        2,
        "invalid UTF-8: malformed byte sequence starting with byte 0xE2");
  }

  @Test
  void invalidUtf8FarIntoAFileIsReportedAtItsLine() {
    StringBuilder b = new StringBuilder("task,worker,label\n");
    for (int i = 0; i < 20_000; i++) {
      b.append("task").append(i).append(",w,x\n");
    }
    // The header is line 1, so the bad row is line 20 002.
    assertFails(bytes(b + "t,w,", 0xFE, '\n'), 20_002, "invalid UTF-8: malformed byte sequence"
        + " starting with byte 0xFE");
  }

  @Test
  void emptyIdsAndValues() {
    assertFails("task,worker,label\n,w,x\n", 2, "empty question in column 'task'");
    assertFails("task,worker,label\nt,\"\",x\n", 2, "empty source in column 'worker'");
    assertFails("source,question,value\ns,q,\n", 2, "empty value in column 'value'");
  }

  @Test
  void blankAndPaddedIdsAreRejectedAsTheModelRejectsThem() {
    // " alice" beside "alice" would silently be a second source.
    assertFails("source,question,value\nalice,q,x\n alice,q,y\n", 3,
        "source ' alice' in column 'source' begins or ends with whitespace, which ids must not");
    assertFails("task,worker,label\n\"  \",w,x\n", 2, "blank question '  ' in column 'task'");
    // The message is one line: the tab is escaped there, and kept in the problem.
    CsvFormatException tab = assertThrows(CsvFormatException.class,
        () -> read("task,worker,label\nt,w\t,x\n"));
    assertEquals("source 'w\t' in column 'worker' begins or ends with whitespace, which ids must"
        + " not", tab.problem());
    assertEquals("t.csv:2: source 'w\\t' in column 'worker' begins or ends with whitespace,"
        + " which ids must not", tab.getMessage());
    // A text read as a value (a quantity may have spaces around it) is checked as an id too.
    assertFails(READER.withValueType(ValueType.QUANTITY),
        bytes("source,question,value\na,n, 5\n 5,n,6\n"), 3,
        "source ' 5' in column 'source' begins or ends with whitespace, which ids must not");
  }

  @Test
  void aNulCharacterIsAnError() {
    assertFails(bytes("source,question,value\na,q,x", 0, '\n'), 2,
        "a NUL character (U+0000): CSV files are UTF-8 text, and this looks like a binary file"
            + " or UTF-16 text");
  }

  @Test
  void aWideHeaderIsCheckedForDuplicatesInLinearTime() throws IOException {
    // 16 384 distinct columns (the limit) compared pairwise would be 134 million comparisons.
    StringBuilder header = new StringBuilder("source,question,value");
    for (int i = 3; i < CsvScanner.MAX_FIELDS - 1; i++) {
      header.append(",c").append(i);
    }
    String row = "a,q,x" + ",".repeat(CsvScanner.MAX_FIELDS - 4);
    assertEquals(1, read(header + "\n" + row + "\n").claimCount());
    assertFails(header + ",C7\n", 1, "column 'C7' appears twice in the header");
    assertFails(header + ",one,more\n", 1, "a record with more than the limit of 16384 fields");
  }

  @Test
  void paddedCategoryIsRejectedWithItsLine() {
    assertFails(
        "task,worker,label\nt,w, x\n",
        2,
        "bad value in column 'label': Category.label must not begin or end with whitespace,"
            + " got ' x'");
  }

  @Test
  void quantityThatIsNotAFiniteNumber() {
    CsvClaimReader q = READER.withValueType(ValueType.QUANTITY);
    assertFails(q, bytes("source,question,value\na,n,1\nb,n,NaN\n"), 3,
        "bad value in column 'value': Quantity 'NaN': 'NaN' is not a number");
    assertFails(q, bytes("source,question,value\na,n,1e999\n"), 2,
        "bad value in column 'value': Quantity '1e999': '1e999' is not a finite number");
    assertFails(q, bytes("source,question,value\na,n,many\n"), 2,
        "bad value in column 'value': Quantity 'many': 'many' is not a number");
  }

  @Test
  void questionAlreadyDeclaredWithAnotherType() {
    ClaimIndex.Builder b = ClaimIndex.builder().question("n", ValueType.QUANTITY);
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> READER.readInto(in("source,question,value\na,n,1\n"), "t.csv", b));
    assertEquals("t.csv:2: question 'n' is QUANTITY, cannot redeclare it as CATEGORICAL",
        e.getMessage());
  }

  @Test
  void badColumnNames() {
    assertThrows(IllegalArgumentException.class, () -> READER.withColumns("a", "A", "b"));
    assertThrows(IllegalArgumentException.class, () -> READER.withColumns("a", "", "b"));
    assertThrows(NullPointerException.class, () -> READER.withValueType(null));
  }

  // ---- helpers ----

  private static ClaimIndex read(String csv) throws IOException {
    return READER.read(in(csv), "t.csv");
  }

  private static ByteArrayInputStream in(String csv) {
    return new ByteArrayInputStream(csv.getBytes(UTF_8));
  }

  private static void assertFails(String csv, long line, String problem) {
    assertFails(csv.getBytes(UTF_8), line, problem);
  }

  private static void assertFails(byte[] csv, long line, String problem) {
    assertFails(READER, csv, line, problem);
  }

  private static void assertFails(CsvClaimReader reader, byte[] csv, long line, String problem) {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class, () -> reader.read(new ByteArrayInputStream(csv), "t.csv"));
    assertEquals("t.csv", e.file());
    assertEquals(line, e.line());
    assertEquals(problem, e.problem());
    assertEquals("t.csv:" + line + ": " + problem, e.getMessage());
  }

  /** Text followed by raw bytes. */
  private static byte[] bytes(String text, int... raw) {
    byte[] t = text.getBytes(UTF_8);
    byte[] all = new byte[t.length + raw.length];
    System.arraycopy(t, 0, all, 0, t.length);
    for (int i = 0; i < raw.length; i++) {
      all[t.length + i] = (byte) raw[i];
    }
    return all;
  }

  private static List<String> sources(ClaimIndex index) {
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < index.sourceCount(); s++) {
      ids.add(index.sourceId(s));
    }
    return ids;
  }

  private static List<String> questions(ClaimIndex index) {
    List<String> ids = new ArrayList<>();
    for (int q = 0; q < index.questionCount(); q++) {
      ids.add(index.questionId(q));
    }
    return ids;
  }

  private static List<String> candidates(ClaimIndex index, String question) {
    List<String> values = new ArrayList<>();
    for (Value v : index.candidates(index.questionNumber(question))) {
      values.add(v.canonical());
    }
    return values;
  }
}
