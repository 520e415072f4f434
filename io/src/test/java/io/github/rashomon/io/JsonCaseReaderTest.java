package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written documents, and every way a document can be wrong: one line, path and line. */
class JsonCaseReaderTest {
  private static final String HEAD = "{\"format\": \"rashomon-case\", \"version\": 1,\n";

  private static Case read(String json) throws JsonFormatException {
    return JsonCaseReader.withDefaults().read(json, "case.json");
  }

  private static JsonFormatException bad(String json) {
    return assertThrows(JsonFormatException.class, () -> read(json));
  }

  private static JsonFormatException bad(JsonCaseReader reader, String json) {
    return assertThrows(JsonFormatException.class, () -> reader.read(json, "case.json"));
  }

  /** A small valid document with the claim given on line 5. */
  private static String withClaim(String claim) {
    return HEAD
        + "\"sources\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n"
        + "\"questions\": [{\"id\": \"q\", \"domain\": {\"type\": \"boolean\"}},"
        + " {\"id\": \"n\", \"domain\": {\"type\": \"quantity\"}}],\n"
        + "\"claims\": [\n"
        + claim
        + "\n]}";
  }

  @Test
  void readsAHandWrittenCase() throws Exception {
    Case c =
        read(
            HEAD
                + "\"title\": \"t\",\n"
                + "\"claims\": [{\"source\": \"a\", \"question\": \"n\", \"value\": 16},"
                + " {\"source\": \"b\", \"question\": \"n\", \"value\": \">=15\", \"via\": [\"a\"]},"
                + " {\"source\": \"a\", \"question\": \"s\", \"value\": [\"y\", \"x\"]}],\n"
                + "\"questions\": [{\"id\": \"n\", \"domain\": {\"type\": \"quantity\"}},"
                + " {\"id\": \"s\", \"domain\": {\"type\": \"set\", \"options\": [\"x\", \"y\"]}}],\n"
                + "\"sources\": [{\"id\": \"a\", \"prior\": \"B\"}, {\"id\": \"b\", \"prior\": \"C3\"}]"
                + "}");
    // Claims may come before the questions and sources they name.
    assertEquals("t", c.title());
    assertEquals(Quantity.exactly(16), c.claims().get(0).value());
    assertEquals(Quantity.atLeast(15), c.claims().get(1).value());
    assertEquals(ValueSet.of("x", "y"), c.claims().get(2).value());
    assertEquals(Reliability.B.credibility(), c.source("a").orElseThrow().prior().orElseThrow());
    assertEquals(
        AdmiraltyGrade.parse("C3").credibility(),
        c.source("b").orElseThrow().prior().orElseThrow());
  }

  @Test
  void theMessageIsFileLinePathProblem() {
    JsonFormatException e =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true, \"stance\": \"maybe\"}"));
    assertEquals("case.json", e.file());
    assertEquals(5, e.line());
    assertEquals("$.claims[0].stance", e.path());
    assertEquals("expected one of affirms, denies, got 'maybe'", e.problem());
    assertEquals(
        "case.json:5: $.claims[0].stance: expected one of affirms, denies, got 'maybe'",
        e.getMessage());
  }

  @Test
  void malformedJsonNamesLineAndPath() {
    JsonFormatException e = bad(withClaim("{\"source\": \"a\", \"question\": \"q\" \"value\": true}"));
    assertEquals(5, e.line());
    assertEquals("$.claims[0].question", e.path());
    assertTrue(e.problem().contains("expecting comma"), e.problem());
  }

  @Test
  void anUnterminatedDocumentIsAnError() {
    JsonFormatException e = bad(HEAD + "\"sources\": [");
    assertTrue(e.problem().contains("end-of-input"), e.problem());
    assertEquals(2, e.line());
  }

  @Test
  void emptyAndNonObjectDocumentsAreErrors() {
    assertEquals("the document is empty; expected a case object", bad("").problem());
    assertEquals("expected a case object, got an array", bad("[]").problem());
    assertEquals(
        "unexpected content after the case object",
        bad("{\"format\": \"rashomon-case\", \"version\": 1} {}").problem());
  }

  @Test
  void formatAndVersionAreRequiredAndChecked() {
    assertEquals("missing field 'format' (\"rashomon-case\")", bad("{\"version\": 1}").problem());
    assertEquals(
        "missing field 'version' (1)", bad("{\"format\": \"rashomon-case\"}").problem());
    assertEquals(
        "expected \"rashomon-case\", got 'rashomon-result' (a reconciliation result, not a case)",
        bad("{\"format\": \"rashomon-result\"}").problem());
    JsonFormatException newer = bad("{\"format\": \"rashomon-case\", \"version\": 2}");
    assertEquals("$.version", newer.path());
    assertEquals(
        "version 2 is newer than this reader, which reads version 1", newer.problem());
    assertEquals(
        "expected a whole number, got a string",
        bad("{\"format\": \"rashomon-case\", \"version\": \"1\"}").problem());
  }

  @Test
  void unknownAndDuplicateFieldsAreErrors() {
    JsonFormatException typo =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true, \"hegde\": \"certain\"}"));
    assertEquals("$.claims[0].hegde", typo.path());
    assertTrue(typo.problem().startsWith("unknown field 'hegde'; expected one of id, source"));
    JsonFormatException dup =
        bad(withClaim("{\"source\": \"a\", \"source\": \"b\", \"question\": \"q\", \"value\": true}"));
    assertEquals(5, dup.line());
    assertTrue(dup.problem().contains("Duplicate field 'source'"), dup.problem());
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    JsonFormatException e = bad(withClaim("{\"source\": \"a\", \"value\": true}"));
    assertEquals("$.claims[0]", e.path());
    assertEquals("missing field 'question'", e.problem());
    assertEquals(
        "missing field 'domain'",
        bad(HEAD + "\"questions\": [{\"id\": \"q\"}]}").problem());
    assertEquals(
        "missing field 'baseRate'",
        bad(HEAD + "\"sources\": [{\"id\": \"a\", \"prior\": {\"belief\": 0.5,"
            + " \"disbelief\": 0.5, \"uncertainty\": 0}}]}").problem());
  }

  @Test
  void wrongJsonTypesAreNamed() {
    JsonFormatException e = bad(withClaim("{\"source\": 1, \"question\": \"q\", \"value\": true}"));
    assertEquals("$.claims[0].source", e.path());
    assertEquals("expected a string, got a number", e.problem());
    JsonFormatException v = bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": \"true\"}"));
    assertEquals("$.claims[0].value", v.path());
    assertEquals(5, v.line());
    assertEquals(
        "question 'q' is boolean: expected true or false, got a string", v.problem());
    assertEquals(
        "expected an array of sources, got an object", bad(HEAD + "\"sources\": {}}").problem());
  }

  @Test
  void badValuesAndReferencesAreNamedWithTheirPlace() {
    JsonFormatException q = bad(withClaim("{\"source\": \"a\", \"question\": \"n\", \"value\": \"lots\"}"));
    assertEquals("$.claims[0].value", q.path());
    assertTrue(q.problem().contains("'lots' is not a number"), q.problem());
    JsonFormatException src = bad(withClaim("{\"source\": \"z\", \"question\": \"q\", \"value\": true}"));
    assertEquals("$.claims[0].source", src.path());
    assertEquals(5, src.line());
    assertEquals("unknown source 'z'", src.problem());
    assertEquals(
        "unknown question 'x'",
        bad(withClaim("{\"source\": \"a\", \"question\": \"x\", \"value\": true}")).problem());
    JsonFormatException relay =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true, \"via\": [\"b\", \"y\"]}"));
    assertEquals("$.claims[0].via[1]", relay.path());
    JsonFormatException cycle =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true, \"via\": [\"b\", \"a\"]}"));
    assertEquals("$.claims[0]", cycle.path());
    assertTrue(cycle.problem().contains("cycles"), cycle.problem());
    JsonFormatException account =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true, \"account\": \"x\"}"));
    assertEquals("$.claims[0].account", account.path());
    assertEquals("unknown account 'x'", account.problem());
  }

  @Test
  void contradictionsAndDuplicatesAreNamed() {
    JsonFormatException both =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true},\n"
            + "{\"source\": \"a\", \"question\": \"q\", \"value\": true, \"stance\": \"denies\"}"));
    assertEquals("$.claims[1].stance", both.path());
    assertEquals(6, both.line());
    assertEquals("source 'a' both affirms and denies 'true' for question 'q'", both.problem());
    JsonFormatException dup =
        bad(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true},\n"
            + "{\"source\": \"a\", \"question\": \"q\", \"value\": true}"));
    assertEquals("$.claims[1]", dup.path());
    assertEquals("duplicate claim id 'a/q/true' (also $.claims[0])", dup.problem());
    JsonFormatException source = bad(HEAD + "\"sources\": [{\"id\": \"a\"},\n{\"id\": \"a\"}]}");
    assertEquals("$.sources[1].id", source.path());
    assertEquals(3, source.line());
  }

  @Test
  void domainsAreChecked() {
    assertEquals(
        "'options' is only for categorical and set domains",
        bad(HEAD + "\"questions\": [{\"id\": \"q\", \"domain\": {\"type\": \"boolean\","
            + " \"options\": [\"x\"]}}]}").problem());
    assertEquals(
        "an integral quantity domain needs a 'unit'",
        bad(HEAD + "\"questions\": [{\"id\": \"q\", \"domain\": {\"type\": \"quantity\","
            + " \"integral\": true}}]}").problem());
    JsonFormatException type =
        bad(HEAD + "\"questions\": [{\"id\": \"q\", \"domain\": {\"type\": \"number\"}}]}");
    assertEquals("$.questions[0].domain.type", type.path());
    assertEquals(
        "expected one of categorical, boolean, quantity, date-time, set, got 'number'",
        type.problem());
    JsonFormatException closed =
        bad(HEAD + "\"sources\": [{\"id\": \"a\"}], \"questions\": [{\"id\": \"q\", \"domain\":"
            + " {\"type\": \"categorical\", \"options\": [\"x\"]}}],\n"
            + "\"claims\": [{\"source\": \"a\", \"question\": \"q\", \"value\": \"y\"}]}");
    assertEquals("$.claims[0].value", closed.path());
    assertEquals("value 'y' is not one of [x] (question 'q')", closed.problem());
  }

  @Test
  void modelRulesAreReportedAtTheirElement() {
    JsonFormatException blank = bad(HEAD + "\"sources\": [{\"id\": \" a\"}]}");
    assertEquals("$.sources[0]", blank.path());
    assertEquals("Source.id must not begin or end with whitespace, got ' a'", blank.problem());
    JsonFormatException prior = bad(HEAD + "\"sources\": [{\"id\": \"a\", \"prior\": \"G\"}]}");
    assertEquals("$.sources[0].prior", prior.path());
    assertTrue(prior.problem().startsWith("expected an Admiralty grade"), prior.problem());
    JsonFormatException sum =
        bad(HEAD + "\"sources\": [{\"id\": \"a\", \"prior\": {\"belief\": 0.5, \"disbelief\": 0.5,"
            + " \"uncertainty\": 0.5, \"baseRate\": 0.5}}]}");
    assertEquals("$.sources[0].prior", sum.path());
    assertTrue(sum.problem().contains("must be 1"), sum.problem());
    JsonFormatException date =
        bad(HEAD + "\"sources\": [{\"id\": \"a\"}], \"accounts\": [{\"id\": \"x\", \"source\":"
            + " \"a\", \"date\": \"16/12/2011\"}]}");
    assertEquals("$.accounts[0].date", date.path());
  }

  @Test
  void nestingBeyondTheLimitIsRefused() {
    // This case is 4 levels deep (the domain object in a question, the set in a claim): a limit
    // of 4 reads it, a limit of 3 refuses it at the first object on the fourth level.
    String set = HEAD + "\"sources\": [{\"id\": \"a\"}], \"questions\": [{\"id\": \"q\","
        + " \"domain\": {\"type\": \"set\"}}],\n\"claims\": [{\"source\": \"a\", \"question\": \"q\","
        + " \"value\": [\"x\"]}]}";
    assertEquals(
        1, assertDoesNotThrowRead(JsonCaseReader.withDefaults().withMaxDepth(4), set).claims().size());
    JsonFormatException e = bad(JsonCaseReader.withDefaults().withMaxDepth(3), set);
    assertEquals("nested deeper than the limit of 3 levels", e.problem());
    assertEquals("$.questions[0].domain", e.path());
    assertEquals(2, e.line());
    // Deeper nesting where the format has none is refused at its first level.
    JsonFormatException deep = bad(HEAD + "\"title\": " + "[".repeat(100_000));
    assertEquals("$.title", deep.path());
    assertEquals("expected a string, got an array", deep.problem());
  }

  @Test
  void stringsBeyondTheLimitAreRefused() {
    JsonCaseReader reader = JsonCaseReader.withDefaults().withMaxStringLength(100);
    JsonFormatException e = bad(reader, HEAD + "\"title\": \"" + "x".repeat(1000) + "\"}");
    assertEquals("a string is longer than the limit of 100 characters", e.problem());
    assertEquals("$.title", e.path());
  }

  @Test
  void claimsBeyondTheLimitAreRefused() {
    JsonCaseReader reader = JsonCaseReader.withDefaults().withMaxElements(2);
    JsonFormatException e =
        bad(reader, withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true},\n"
            + "{\"source\": \"b\", \"question\": \"q\", \"value\": true},\n"
            + "{\"source\": \"b\", \"question\": \"n\", \"value\": 1}"));
    assertEquals("more than 2 claims, the limit of this reader", e.problem());
    assertEquals("$.claims[2]", e.path());
    assertEquals(7, e.line());
  }

  @Test
  void aStreamOfUnboundedSizeIsCutOffAtTheByteLimit() {
    JsonCaseReader reader = JsonCaseReader.withDefaults().withMaxBytes(10_000);
    // An endless title: the reader must stop at the limit, not read the stream to its end.
    InputStream endless =
        new InputStream() {
          private final byte[] head = (HEAD + "\"title\": \"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
          private long n;

          @Override
          public int read() {
            if (n > 100_000_000L) {
              throw new AssertionError("read past the limit");
            }
            return n < head.length ? head[(int) n++] : (n++ > 0 ? 'x' : 'x');
          }
        };
    JsonFormatException e =
        assertThrows(JsonFormatException.class, () -> reader.read(endless, "endless.json"));
    assertEquals("the document is longer than the limit of 10000 bytes", e.problem());
  }

  @Test
  void invalidUtf8IsAnError() {
    byte[] bytes = (HEAD + "\"title\": \"\u00ff\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    JsonFormatException e =
        assertThrows(
            JsonFormatException.class,
            () -> JsonCaseReader.withDefaults().read(new ByteArrayInputStream(bytes), "latin1.json"));
    assertEquals(2, e.line());
    assertTrue(e.problem().contains("UTF-8"), e.problem());
  }

  @Test
  void utf16AndUtf32AreRefusedAsTheFormatIsUtf8() throws IOException {
    String json = withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": true}");
    byte[] le = json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] withMark = new byte[le.length + 2];
    withMark[0] = (byte) 0xFF;
    withMark[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withMark, 2, le.length);
    assertEquals("case.json:1: $: the file is not UTF-8: it starts with the UTF-16LE byte order"
        + " mark (FF FE); save it as UTF-8", badBytes(withMark).getMessage());
    assertEquals("the file is not UTF-8: it starts with the UTF-16BE byte order mark (FE FF);"
        + " save it as UTF-8",
        badBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_16)).problem());
    assertEquals("the file is not UTF-8: a NUL byte at its start, as in UTF-16 or UTF-32 text or"
        + " a binary file; save it as UTF-8",
        badBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_16BE)).problem());
    assertTrue(badBytes(json.getBytes(java.nio.charset.Charset.forName("UTF-32LE"))).problem()
        .contains("a NUL byte at its start"));
    // A UTF-8 byte order mark is skipped, as in CSV files.
    byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertEquals(read(json),
        JsonCaseReader.withDefaults().read(new ByteArrayInputStream(bom), "case.json"));
  }

  @Test
  void anUnpairedSurrogateIsRefusedWhereItIs() throws JsonFormatException {
    JsonFormatException e = bad(HEAD + "\"sources\": [{\"id\": \"a\\ud800\"}]}");
    assertEquals("$.sources[0].id", e.path());
    assertEquals(2, e.line());
    assertEquals("the string has an unpaired surrogate \\ud800, which is not a character (escape a"
        + " character outside the BMP as a pair)", e.problem());
    assertEquals("$.claims[0].value", bad(withClaim(
        "{\"source\": \"a\", \"question\": \"q\", \"value\": \"\\udc00x\"}")).path());
    // A pair is one character.
    assertEquals("a\ud83d\ude00", read(HEAD + "\"sources\": [{\"id\": \"a\\ud83d\\ude00\"}]}")
        .sources().get(0).id());
  }

  @Test
  void jacksonsMessagesAreInTheReadersTerms() {
    assertEquals("'NaN' is not JSON: JSON numbers are finite (no NaN, no infinities)", bad(withClaim(
        "{\"source\": \"a\", \"question\": \"n\", \"value\": NaN}")).problem());
    assertEquals("'-Infinity' is not JSON: JSON numbers are finite (no NaN, no infinities)",
        bad(withClaim("{\"source\": \"a\", \"question\": \"n\", \"value\": -Infinity}"))
            .problem());
    String truncated = bad(HEAD + "\"sources\": [{\"id\": \"a\"").problem();
    assertEquals("Unexpected end-of-input: expected close marker for Object (start marker at"
        + " line 2, column 13)", truncated);
    String comment = bad("// a comment\n" + HEAD + "}").problem();
    assertEquals("Unexpected character ('/' (code 47)): maybe a (non-standard) comment?", comment);
    JsonFormatException name = bad(HEAD + "\"sources\": [{\"id\": \"a\",\n\"" + "k".repeat(1001)
        + "\": 1}]}");
    assertEquals("case.json:3: $.sources[0]: a field name is longer than the limit of 1000"
        + " characters", name.getMessage());
    assertEquals("a number is longer than the limit of 1000 characters", bad(withClaim(
        "{\"source\": \"a\", \"question\": \"n\", \"value\": 1" + "0".repeat(1000) + "}"))
        .problem());
  }

  private static JsonFormatException badBytes(byte[] bytes) {
    return assertThrows(JsonFormatException.class,
        () -> JsonCaseReader.withDefaults().read(new ByteArrayInputStream(bytes), "case.json"));
  }

  @Test
  void aMissingFileIsAnIoErrorNotAFormatError(@TempDir Path dir) {
    assertThrows(
        NoSuchFileException.class,
        () -> JsonCaseReader.withDefaults().read(dir.resolve("none.json")));
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.json");
    Files.writeString(file, HEAD + "\"sources\": 3}");
    JsonFormatException e =
        assertThrows(JsonFormatException.class, () -> JsonCaseReader.withDefaults().read(file));
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().startsWith(file + ":2: $.sources: "), e.getMessage());
  }

  @Test
  void limitsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> JsonCaseReader.withDefaults().withMaxDepth(0));
    assertThrows(
        IllegalArgumentException.class, () -> JsonCaseReader.withDefaults().withMaxElements(0));
    assertThrows(
        IllegalArgumentException.class, () -> JsonCaseReader.withDefaults().withMaxStringLength(0));
    assertThrows(IllegalArgumentException.class, () -> JsonCaseReader.withDefaults().withMaxBytes(0));
    assertEquals(16, JsonCaseReader.withDefaults().maxDepth());
  }

  @Test
  void booleansAreJsonBooleans() throws Exception {
    Case c = read(withClaim("{\"source\": \"a\", \"question\": \"q\", \"value\": false}"));
    assertEquals(Truth.FALSE, c.claims().get(0).value());
  }

  private static Case assertDoesNotThrowRead(JsonCaseReader reader, String json) {
    try {
      return reader.read(json, "case.json");
    } catch (JsonFormatException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
