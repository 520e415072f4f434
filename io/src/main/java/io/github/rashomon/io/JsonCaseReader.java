package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.DateTime;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.InvalidCaseException;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueSet;
import io.github.rashomon.model.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@link Case} from the JSON case format that {@link JsonCaseWriter} writes ({@code
 * docs/formats.md} describes it).
 *
 * <p>Reading is strict, because a typo in a qualifier would otherwise change a verdict in silence:
 * an unknown field, a missing required field, a value of the wrong JSON type or outside its
 * question's domain, a reference to an unknown source, question, relay or account, and anything
 * the case itself rejects are errors. The first error ends the read with a {@link
 * JsonFormatException} naming the file, the line and the JSON path, such as {@code
 * case.json:42: $.claims[3].stance: expected one of affirms, denies, got 'maybe'}. Fields may
 * come in any order; claims may precede the questions they answer.
 *
 * <p>Limits keep a hostile or mistaken file from exhausting memory: the nesting depth ({@value
 * #DEFAULT_MAX_DEPTH} by default; the format needs 5), the length of one string ({@value
 * #DEFAULT_MAX_STRING_LENGTH} characters; a field name 1000 at most, a number 1000), the number
 * of elements of any one array, claims included ({@value #DEFAULT_MAX_ELEMENTS}), and the size
 * of the document ({@value #DEFAULT_MAX_BYTES} bytes). Input beyond a limit is refused as soon
 * as the limit is passed.
 *
 * <p>The document is UTF-8 (a byte order mark is skipped); UTF-16 and UTF-32 are refused from
 * their first bytes, and so is a string holding an escaped unpaired surrogate, which is no
 * character.
 *
 * <p>Instances are immutable and safe to share.
 *
 * <pre>{@code
 * try {
 *   Case c = JsonCaseReader.withDefaults().read(dir.resolve("case.json"));
 * } catch (JsonFormatException e) {
 *   System.err.println(e.getMessage()); // case.json:5: $.claims[0].stance: expected one of ...
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonCaseReader {
  /** The default limit on nesting depth. */
  public static final int DEFAULT_MAX_DEPTH = 16;

  /** The default limit on the length of one string, in characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1_000_000;

  /** The default limit on the elements of one array: claims, sources, relays, options. */
  public static final int DEFAULT_MAX_ELEMENTS = 1_000_000;

  /** The default limit on the size of a document, in bytes (1 GiB). */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** The longest number, in characters (Jackson's default): a double needs fewer than 30. */
  private static final int MAX_NUMBER_LENGTH = 1000;

  /** Where Jackson's messages name the input: {@code [Source: ...; line: 4, column: 32]}. */
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  /** Jackson's advice to enable a parser feature, which a user of the reader cannot do. */
  private static final Pattern FEATURE_ADVICE =
      Pattern.compile(":? ?enable `[A-Za-z_.]+` to allow| \\(not recognized as one since Feature"
          + " '[A-Z_]+' not enabled for parser\\)");

  private static final JsonCaseReader DEFAULTS =
      new JsonCaseReader(
          DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_BYTES);

  private final int maxDepth;
  private final int maxStringLength;
  private final int maxElements;
  private final long maxBytes;
  private final JsonFactory factory;

  private JsonCaseReader(int maxDepth, int maxStringLength, int maxElements, long maxBytes) {
    this.maxDepth = maxDepth;
    this.maxStringLength = maxStringLength;
    this.maxElements = maxElements;
    this.maxBytes = maxBytes;
    this.factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxStringLength(maxStringLength)
                    .maxNameLength(maxNameLength())
                    .maxDocumentLength(maxBytes)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
  }

  /** The longest field name: no field of the format is longer than 13 characters. */
  private int maxNameLength() {
    return Math.min(maxStringLength, 1000);
  }

  /**
   * A reader with the default limits.
   *
   * @return the reader
   */
  public static JsonCaseReader withDefaults() {
    return DEFAULTS;
  }

  /**
   * A reader that refuses documents nested deeper than {@code depth}.
   *
   * @param depth the greatest nesting depth, at least 1; a case needs at most 5 (the options of
   *     a question's domain)
   * @return the reader
   * @throws IllegalArgumentException if {@code depth < 1}
   */
  public JsonCaseReader withMaxDepth(int depth) {
    checkArgument(depth >= 1, "JsonCaseReader.maxDepth must be >= 1, got %s", depth);
    return new JsonCaseReader(depth, maxStringLength, maxElements, maxBytes);
  }

  /**
   * A reader that refuses strings (and field names) longer than {@code length} characters.
   *
   * @param length the longest string, at least 1
   * @return the reader
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public JsonCaseReader withMaxStringLength(int length) {
    checkArgument(length >= 1, "JsonCaseReader.maxStringLength must be >= 1, got %s", length);
    return new JsonCaseReader(maxDepth, length, maxElements, maxBytes);
  }

  /**
   * A reader that refuses an array with more than {@code elements} elements: more claims,
   * sources, questions or accounts, or a longer list inside one of them.
   *
   * @param elements the most elements of one array, at least 1
   * @return the reader
   * @throws IllegalArgumentException if {@code elements < 1}
   */
  public JsonCaseReader withMaxElements(int elements) {
    checkArgument(elements >= 1, "JsonCaseReader.maxElements must be >= 1, got %s", elements);
    return new JsonCaseReader(maxDepth, maxStringLength, elements, maxBytes);
  }

  /**
   * A reader that refuses documents longer than {@code bytes} bytes.
   *
   * @param bytes the largest document, at least 1
   * @return the reader
   * @throws IllegalArgumentException if {@code bytes < 1}
   */
  public JsonCaseReader withMaxBytes(long bytes) {
    checkArgument(bytes >= 1, "JsonCaseReader.maxBytes must be >= 1, got %s", bytes);
    return new JsonCaseReader(maxDepth, maxStringLength, maxElements, bytes);
  }

  /**
   * The nesting depth limit.
   *
   * @return the greatest depth accepted
   */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * The string length limit.
   *
   * @return the longest string accepted, in characters
   */
  public int maxStringLength() {
    return maxStringLength;
  }

  /**
   * The array length limit.
   *
   * @return the most elements accepted in one array
   */
  public int maxElements() {
    return maxElements;
  }

  /**
   * The document size limit.
   *
   * @return the largest document accepted, in bytes
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads a case from a UTF-8 file; errors name the file as given.
   *
   * @param file the file
   * @return the case
   * @throws JsonFormatException if the file is not a valid case document
   * @throws IOException if the file cannot be read
   */
  public Case read(Path file) throws IOException {
    checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a case from a UTF-8 stream, which is left open.
   *
   * @param in the stream
   * @param name the name to give in error messages, such as the file name
   * @return the case
   * @throws JsonFormatException if the stream is not a valid case document
   * @throws IOException if the stream cannot be read
   */
  public Case read(InputStream in, String name) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    // Jackson would read UTF-16 and UTF-32 too; the format is UTF-8, as CSV files are.
    PushbackInputStream head = new PushbackInputStream(in, 4);
    byte[] start = new byte[4];
    int n = 0;
    for (int r; n < 4 && (r = head.read(start, n, 4 - n)) > 0; ) {
      n += r;
    }
    if (n > 0) {
      head.unread(start, 0, n);
    }
    String encoding = notUtf8(start, n);
    if (encoding != null) {
      throw new JsonFormatException(name, 1, "$", "the file is not UTF-8: " + encoding
          + "; save it as UTF-8", null);
    }
    try (JsonParser p = factory.createParser(head)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return new Parse(p, name).document();
    }
  }

  /**
   * Reads a case from JSON text.
   *
   * @param json the document
   * @param name the name to give in error messages
   * @return the case
   * @throws JsonFormatException if the text is not a valid case document
   */
  public Case read(String json, String name) throws JsonFormatException {
    checkNotNull(json, "json");
    try {
      return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    } catch (JsonFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("reading from memory failed", e);
    }
  }

  /** A value as written, kept until its question's type is known. */
  private static final class RawValue {
    final JsonToken token;
    final String text;
    final List<String> elements;

    RawValue(JsonToken token, String text, List<String> elements) {
      this.token = token;
      this.text = text;
      this.elements = elements;
    }
  }

  /** A claim as written, with where its parts were, checked once the whole case is read. */
  private static final class RawClaim {
    final int index;
    final long line;
    long sourceLine;
    long questionLine;
    long valueLine;
    long viaLine;
    long accountLine;
    final Claim.Builder builder = Claim.builder();
    String id;
    String source;
    String question;
    RawValue value;
    Stance stance = Stance.AFFIRMS;
    List<String> via = List.of();
    String account;

    RawClaim(int index, long line) {
      this.index = index;
      this.line = line;
    }

    String path(String field) {
      return "$.claims[" + index + "]" + (field.isEmpty() ? "" : "." + field);
    }
  }

  /** One read of one document. */
  private final class Parse {
    private final JsonParser p;
    private final String name;
    private Integer version;
    private String format;
    private String title;
    private final List<Source> sources = new ArrayList<>();
    private final List<Long> sourceLines = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    private final List<Long> questionLines = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<Long> accountLines = new ArrayList<>();
    private final List<RawClaim> claims = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Parse(JsonParser p, String name) {
      this.p = p;
      this.name = name;
    }

    Case document() throws IOException {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw fail("the document is empty; expected a case object");
        }
        if (t != JsonToken.START_OBJECT) {
          throw fail("expected a case object, got " + describe(t));
        }
        object(this::topField);
        if (p.nextToken() != null) {
          throw fail("unexpected content after the case object");
        }
      } catch (StreamConstraintsException e) {
        // Where reading stopped, which for a field name is in the object, not its last field.
        String m = String.valueOf(e.getOriginalMessage());
        throw new JsonFormatException(
            name,
            Math.max(1, p.currentLocation().getLineNr()),
            m.contains("Name length")
                ? Json.path(p.getParsingContext().getParent())
                : Json.path(p.getParsingContext()),
            limit(e),
            e);
      } catch (JsonParseException e) {
        throw new JsonFormatException(
            name,
            Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr()),
            Json.path(p.getParsingContext()),
            plain(e.getOriginalMessage()),
            e);
      } catch (JsonProcessingException e) {
        throw fail(e.getOriginalMessage(), e);
      }
      if (format == null) {
        throw new JsonFormatException(
            name, 1, "$", "missing field 'format' (\"" + JsonCaseWriter.FORMAT + "\")", null);
      }
      if (version == null) {
        throw new JsonFormatException(
            name, 1, "$", "missing field 'version' (" + JsonCaseWriter.VERSION + ")", null);
      }
      return resolve();
    }

    /** Rephrases Jackson's limit messages in terms of this reader's settings. */
    private String limit(StreamConstraintsException e) {
      String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (m.contains("Number value length")) {
        return "a number is longer than the limit of " + MAX_NUMBER_LENGTH + " characters";
      }
      if (m.contains("nesting depth")) {
        return "nested deeper than the limit of " + maxDepth + " levels";
      }
      if (m.contains("String value length")) {
        return "a string is longer than the limit of " + maxStringLength + " characters";
      }
      if (m.contains("Name length")) {
        return "a field name is longer than the limit of " + maxNameLength() + " characters";
      }
      if (m.contains("Document length")) {
        return "the document is longer than the limit of " + maxBytes + " bytes";
      }
      return m;
    }

    // ---- structure ----

    /** Reads the fields of the object whose START_OBJECT is the current token. */
    private void object(FieldReader fields) throws IOException {
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        // STRICT_DUPLICATE_DETECTION guarantees names are distinct; t is FIELD_NAME here.
        String field = p.currentName();
        p.nextToken();
        fields.read(field);
      }
    }

    /** Reads the elements of an array value; {@code what} names them in the limit message. */
    private void array(String what, ElementReader elements) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw fail("expected an array of " + what + ", got " + describe(p.currentToken()));
      }
      int i = 0;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (i == maxElements) {
          throw fail(
              "more than " + maxElements + " " + what + ", the limit of this reader");
        }
        elements.read(i++);
      }
    }

    private List<String> strings(String what) throws IOException {
      List<String> out = new ArrayList<>();
      array(what, i -> out.add(string()));
      return out;
    }

    private String string() throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw fail("expected a string, got " + describe(p.currentToken()));
      }
      return text();
    }

    /**
     * The current string token, refused if it holds an unpaired surrogate: an escaped lone
     * surrogate is valid JSON but no character, and no writer could write it back as UTF-8.
     */
    private String text() throws IOException {
      String s = p.getText();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw fail(String.format(Locale.ROOT, "the string has an unpaired surrogate \\u%04x,"
              + " which is not a character (escape a character outside the BMP as a pair)",
              (int) c));
        }
      }
      return s;
    }

    private double number() throws IOException {
      JsonToken t = p.currentToken();
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw fail("expected a number, got " + describe(t));
      }
      return p.getDoubleValue();
    }

    private boolean bool() throws IOException {
      JsonToken t = p.currentToken();
      if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
        throw fail("expected true or false, got " + describe(t));
      }
      return t == JsonToken.VALUE_TRUE;
    }

    private <E extends Enum<E>> E constant(Class<E> type) throws IOException {
      String text = string();
      for (E e : type.getEnumConstants()) {
        if (Json.name(e).equals(text)) {
          return e;
        }
      }
      throw fail(
          "expected one of "
              + Arrays.stream(type.getEnumConstants()).map(Json::name)
                  .collect(Collectors.joining(", "))
              + ", got '"
              + text
              + "'");
    }

    private void startObject(String what) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw fail("expected " + what + " object, got " + describe(p.currentToken()));
      }
    }

    // ---- the case ----

    private void topField(String field) throws IOException {
      switch (field) {
        case "format":
          format = string();
          if (!format.equals(JsonCaseWriter.FORMAT)) {
            throw fail(
                "expected \"" + JsonCaseWriter.FORMAT + "\", got '" + format + "'"
                    + (format.equals(JsonResultWriter.FORMAT)
                        ? " (a reconciliation result, not a case)" : ""));
          }
          break;
        case "version":
          if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw fail("expected a whole number, got " + describe(p.currentToken()));
          }
          if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 1) {
            throw fail("expected a version number from 1, got " + p.getText());
          }
          version = p.getIntValue();
          if (version > JsonCaseWriter.VERSION) {
            throw fail(
                "version "
                    + version
                    + " is newer than this reader, which reads version "
                    + JsonCaseWriter.VERSION);
          }
          break;
        case "title":
          title = string();
          break;
        case "sources":
          array("sources", i -> source());
          break;
        case "questions":
          array("questions", i -> question());
          break;
        case "accounts":
          array("accounts", i -> account());
          break;
        case "claims":
          array("claims", this::claim);
          break;
        default:
          throw unknown(field, "format, version, title, sources, questions, accounts, claims");
      }
    }

    private void source() throws IOException {
      startObject("a source");
      long line = line();
      String path = path();
      Source.Builder b = Source.builder();
      Set<String> present = new HashSet<>();
      object(
          field -> {
            present.add(field);
            switch (field) {
              case "id":
                b.id(string());
                break;
              case "name":
                b.name(string());
                break;
              case "kind":
                b.kind(constant(SourceKind.class));
                break;
              case "affiliations":
                b.addAllAffiliations(strings("affiliations"));
                break;
              case "prior":
                b.prior(prior());
                break;
              default:
                throw unknown(field, "id, name, kind, affiliations, prior");
            }
          });
      require(present, "id", line, path);
      sources.add(build(b::build, line, path));
      sourceLines.add(line);
    }

    private Credibility prior() throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        String code = text();
        try {
          if (code.length() == 1) {
            return Reliability.valueOf(code).credibility();
          }
          return AdmiraltyGrade.parse(code).credibility();
        } catch (IllegalArgumentException e) {
          throw fail(
              "expected an Admiralty grade such as \"B\" or \"B2\", or an object with belief,"
                  + " disbelief, uncertainty and baseRate; got '" + code + "'", e);
        }
      }
      startObject("a credibility");
      long line = line();
      String path = path();
      double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
      object(
          field -> {
            switch (field) {
              case "belief":
                v[0] = number();
                break;
              case "disbelief":
                v[1] = number();
                break;
              case "uncertainty":
                v[2] = number();
                break;
              case "baseRate":
                v[3] = number();
                break;
              default:
                throw unknown(field, "belief, disbelief, uncertainty, baseRate");
            }
          });
      String[] names = {"belief", "disbelief", "uncertainty", "baseRate"};
      for (int i = 0; i < 4; i++) {
        if (Double.isNaN(v[i])) {
          throw new JsonFormatException(name, line, path, "missing field '" + names[i] + "'", null);
        }
      }
      return build(() -> Credibility.of(v[0], v[1], v[2], v[3]), line, path);
    }

    private void question() throws IOException {
      startObject("a question");
      long line = line();
      String path = path();
      Question.Builder b = Question.builder();
      Set<String> present = new HashSet<>();
      object(
          field -> {
            present.add(field);
            switch (field) {
              case "id":
                b.id(string());
                break;
              case "text":
                b.text(string());
                break;
              case "domain":
                b.domain(domain());
                break;
              default:
                throw unknown(field, "id, text, domain");
            }
          });
      require(present, "id", line, path);
      require(present, "domain", line, path);
      questions.add(build(b::build, line, path));
      questionLines.add(line);
    }

    private ValueDomain domain() throws IOException {
      startObject("a domain");
      long line = line();
      String path = path();
      ValueType[] type = {null};
      List<List<String>> options = new ArrayList<>();
      String[] unit = {null};
      boolean[] integral = {false};
      object(
          field -> {
            switch (field) {
              case "type":
                type[0] = constant(ValueType.class);
                break;
              case "options":
                options.add(strings("options"));
                break;
              case "unit":
                unit[0] = string();
                break;
              case "integral":
                integral[0] = bool();
                break;
              default:
                throw unknown(field, "type, options, unit, integral");
            }
          });
      if (type[0] == null) {
        throw new JsonFormatException(name, line, path, "missing field 'type'", null);
      }
      ValueType t = type[0];
      boolean listed = t == ValueType.CATEGORICAL || t == ValueType.SET;
      if (!options.isEmpty() && !listed) {
        throw new JsonFormatException(
            name, line, path, "'options' is only for categorical and set domains", null);
      }
      if ((unit[0] != null || integral[0]) && t != ValueType.QUANTITY) {
        throw new JsonFormatException(
            name, line, path, "'unit' and 'integral' are only for quantity domains", null);
      }
      if (integral[0] && unit[0] == null) {
        throw new JsonFormatException(
            name, line, path, "an integral quantity domain needs a 'unit'", null);
      }
      return build(
          () -> {
            switch (t) {
              case CATEGORICAL:
                return options.isEmpty()
                    ? ValueDomain.openCategorical()
                    : ValueDomain.categorical(options.get(0));
              case SET:
                return options.isEmpty()
                    ? ValueDomain.openSet()
                    : ValueDomain.setOf(options.get(0).toArray(new String[0]));
              case BOOLEAN:
                return ValueDomain.bool();
              case DATE_TIME:
                return ValueDomain.dateTime();
              case QUANTITY:
                if (unit[0] == null) {
                  return ValueDomain.quantity();
                }
                return integral[0]
                    ? ValueDomain.integerQuantity(unit[0])
                    : ValueDomain.quantity(unit[0]);
              default:
                throw new AssertionError(t);
            }
          },
          line,
          path);
    }

    private void account() throws IOException {
      startObject("an account");
      long line = line();
      String path = path();
      Account.Builder b = Account.builder();
      Set<String> present = new HashSet<>();
      object(
          field -> {
            present.add(field);
            switch (field) {
              case "id":
                b.id(string());
                break;
              case "source":
                b.source(string());
                break;
              case "title":
                b.title(string());
                break;
              case "date":
                b.date(dateTime());
                break;
              default:
                throw unknown(field, "id, source, title, date");
            }
          });
      require(present, "id", line, path);
      require(present, "source", line, path);
      accounts.add(build(b::build, line, path));
      accountLines.add(line);
    }

    private DateTime dateTime() throws IOException {
      String text = string();
      try {
        return DateTime.parse(text);
      } catch (IllegalArgumentException e) {
        throw fail(e.getMessage(), e);
      }
    }

    private void claim(int index) throws IOException {
      startObject("a claim");
      RawClaim c = new RawClaim(index, line());
      Claim.Builder b = c.builder;
      object(
          field -> {
            switch (field) {
              case "id":
                c.id = string();
                b.id(c.id);
                break;
              case "source":
                c.sourceLine = line();
                c.source = string();
                b.source(c.source);
                break;
              case "question":
                c.questionLine = line();
                c.question = string();
                b.question(c.question);
                break;
              case "value":
                c.valueLine = line();
                c.value = rawValue();
                break;
              case "stance":
                c.stance = constant(Stance.class);
                b.stance(c.stance);
                break;
              case "hedge":
                b.hedge(constant(Hedge.class));
                break;
              case "access":
                b.access(constant(Access.class));
                break;
              case "stake":
                b.stake(constant(Stake.class));
                break;
              case "circumstances":
                b.addAllCircumstances(strings("circumstances"));
                break;
              case "via":
                c.viaLine = line();
                c.via = strings("relays");
                b.addAllVia(c.via);
                break;
              case "account":
                c.accountLine = line();
                c.account = string();
                b.account(c.account);
                break;
              case "statedAt":
                b.statedAt(dateTime());
                break;
              case "about":
                b.about(dateTime());
                break;
              case "note":
                b.note(string());
                break;
              default:
                throw unknown(
                    field,
                    "id, source, question, value, stance, hedge, access, stake, circumstances,"
                        + " via, account, statedAt, about, note");
            }
          });
      for (String required : List.of("source", "question", "value")) {
        boolean missing =
            required.equals("source") ? c.source == null
                : required.equals("question") ? c.question == null : c.value == null;
        if (missing) {
          throw new JsonFormatException(
              name, c.line, c.path(""), "missing field '" + required + "'", null);
        }
      }
      claims.add(c);
    }

    private RawValue rawValue() throws IOException {
      JsonToken t = p.currentToken();
      switch (t) {
        case VALUE_STRING:
          return new RawValue(t, text(), null);
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return new RawValue(t, p.getText(), null);
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new RawValue(t, null, null);
        case START_ARRAY:
          return new RawValue(t, null, strings("set elements"));
        default:
          throw fail(
              "expected a value (a string, number, true, false or an array of strings), got "
                  + describe(t));
      }
    }

    // ---- cross-references, once everything is read ----

    private Case resolve() throws JsonFormatException {
      Map<String, Integer> sourceAt = unique(sources, Source::id, sourceLines, "sources");
      Map<String, Integer> questionAt = unique(questions, Question::id, questionLines, "questions");
      Map<String, Integer> accountAt = unique(accounts, Account::id, accountLines, "accounts");
      for (int i = 0; i < accounts.size(); i++) {
        Account a = accounts.get(i);
        if (!sourceAt.containsKey(a.source())) {
          throw new JsonFormatException(
              name, accountLines.get(i), "$.accounts[" + i + "].source",
              "unknown source '" + a.source() + "'", null);
        }
      }
      List<Claim> built = new ArrayList<>(claims.size());
      Map<String, Integer> claimAt = new HashMap<>();
      Map<String, Stance> stances = new HashMap<>();
      for (RawClaim c : claims) {
        if (!sourceAt.containsKey(c.source)) {
          throw new JsonFormatException(
              name, c.sourceLine, c.path("source"), "unknown source '" + c.source + "'", null);
        }
        Integer q = questionAt.get(c.question);
        if (q == null) {
          throw new JsonFormatException(
              name, c.questionLine, c.path("question"),
              "unknown question '" + c.question + "'", null);
        }
        for (int r = 0; r < c.via.size(); r++) {
          if (!sourceAt.containsKey(c.via.get(r))) {
            throw new JsonFormatException(
                name, c.viaLine, c.path("via[" + r + "]"),
                "unknown relay '" + c.via.get(r) + "': not a source of the case", null);
          }
        }
        ValueDomain domain = questions.get(q).domain();
        Value v = value(c, domain.type());
        Optional<String> problem = domain.problemWith(v);
        if (problem.isPresent()) {
          throw new JsonFormatException(
              name, c.valueLine, c.path("value"),
              problem.get() + " (question '" + c.question + "')", null);
        }
        if (c.account != null) {
          Integer a = accountAt.get(c.account);
          if (a == null) {
            throw new JsonFormatException(
                name, c.accountLine, c.path("account"),
                "unknown account '" + c.account + "'", null);
          }
          String teller = accounts.get(a).source();
          if (!teller.equals(c.source) && !c.via.contains(teller)) {
            throw new JsonFormatException(
                name, c.accountLine, c.path("account"),
                "account '" + c.account + "' is a statement of '" + teller
                    + "', who is neither the claim's source nor one of its relays", null);
          }
        }
        String key = c.source + '\u0000' + (c.account == null ? "" : c.account) + '\u0000'
            + c.question + '\u0000' + v.canonical();
        Stance earlier = stances.putIfAbsent(key, c.stance);
        if (earlier != null && earlier != c.stance) {
          throw new JsonFormatException(
              name, c.line, c.path("stance"),
              "source '" + c.source + "' both affirms and denies '" + v.canonical()
                  + "' for question '" + c.question + "'"
                  + (c.account == null ? "" : " in account '" + c.account + "'"), null);
        }
        c.builder.value(v);
        Claim k = build(c.builder::build, c.line, c.path(""));
        Integer other = claimAt.putIfAbsent(k.id(), c.index);
        if (other != null) {
          throw new JsonFormatException(
              name, c.line, c.path(c.id == null ? "" : "id"),
              "duplicate claim id '" + k.id() + "' (also $.claims[" + other + "])", null);
        }
        built.add(k);
      }
      Case.Builder b = Case.builder();
      if (title != null) {
        b.title(title);
      }
      try {
        return b.addAllSources(sources)
            .addAllQuestions(questions)
            .addAllAccounts(accounts)
            .addAllClaims(built)
            .build();
      } catch (InvalidCaseException e) {
        // Every rule the case checks is checked above with its place; this is a safety net.
        throw new JsonFormatException(name, 1, "$", e.problems().get(0), e);
      }
    }

    private Value value(RawClaim c, ValueType type) throws JsonFormatException {
      RawValue raw = c.value;
      String expected;
      switch (type) {
        case BOOLEAN:
          if (raw.token == JsonToken.VALUE_TRUE || raw.token == JsonToken.VALUE_FALSE) {
            return Truth.of(raw.token == JsonToken.VALUE_TRUE);
          }
          expected = "true or false";
          break;
        case SET:
          if (raw.elements != null) {
            return valueOrFail(c, () -> ValueSet.of(raw.elements));
          }
          expected = "an array of strings";
          break;
        case QUANTITY:
          if (raw.text != null) {
            return valueOrFail(c, () -> Quantity.parse(raw.text));
          }
          expected = "a quantity such as 16, \"15..20\", \">100\" or \"~70+-10\"";
          break;
        case DATE_TIME:
        case CATEGORICAL:
        default:
          if (raw.token == JsonToken.VALUE_STRING) {
            return valueOrFail(c, () -> Value.parse(type, raw.text));
          }
          expected = "a string";
          break;
      }
      throw new JsonFormatException(
          name, c.valueLine, c.path("value"),
          "question '" + c.question + "' is " + Json.typeName(type) + ": expected " + expected
              + ", got " + describe(raw.token), null);
    }

    private Value valueOrFail(RawClaim c, Builder<Value> make) throws JsonFormatException {
      try {
        return make.build();
      } catch (IllegalArgumentException e) {
        throw new JsonFormatException(name, c.valueLine, c.path("value"), e.getMessage(), e);
      }
    }

    private <T> Map<String, Integer> unique(
        List<T> items, java.util.function.Function<T, String> id, List<Long> lines, String what)
        throws JsonFormatException {
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        String key = id.apply(items.get(i));
        Integer other = at.putIfAbsent(key, i);
        if (other != null) {
          throw new JsonFormatException(
              name, lines.get(i), "$." + what + "[" + i + "].id",
              "duplicate id '" + key + "' (also $." + what + "[" + other + "])", null);
        }
      }
      return at;
    }

    // ---- errors ----

    private void require(Set<String> present, String field, long line, String path)
        throws JsonFormatException {
      if (!present.contains(field)) {
        throw new JsonFormatException(name, line, path, "missing field '" + field + "'", null);
      }
    }

    private <T> T build(Builder<T> make, long line, String path) throws JsonFormatException {
      try {
        return make.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new JsonFormatException(name, line, path, e.getMessage(), e);
      }
    }

    private JsonFormatException unknown(String field, String known) {
      return fail("unknown field '" + field + "'; expected one of " + known);
    }

    private long line() {
      return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private String path() {
      return Json.path(p.getParsingContext());
    }

    private JsonFormatException fail(String problem) {
      return fail(problem, null);
    }

    private JsonFormatException fail(String problem, Throwable cause) {
      return new JsonFormatException(name, line(), path(), problem, cause);
    }
  }

  /**
   * A Jackson parse error in the reader's terms: the place as "line 4, column 32", no advice to
   * enable features, and {@code NaN} and the infinities named as what they are.
   */
  private static String plain(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    if (message.startsWith("Non-standard token '") && FEATURE_ADVICE.matcher(message).find()) {
      return message.substring(19, message.indexOf('\'', 20) + 1)
          + " is not JSON: JSON numbers are finite (no NaN, no infinities)";
    }
    String m = SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2");
    return FEATURE_ADVICE.matcher(m).replaceAll("");
  }

  /** How the first bytes of a document show it is not UTF-8, or null. */
  private static String notUtf8(byte[] b, int n) {
    int b0 = n > 0 ? b[0] & 0xFF : -1;
    int b1 = n > 1 ? b[1] & 0xFF : -1;
    if (n >= 4 && b0 == 0 && b1 == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      return "it starts with the UTF-32BE byte order mark (00 00 FE FF)";
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return n >= 4 && b[2] == 0 && b[3] == 0
          ? "it starts with the UTF-32LE byte order mark (FF FE 00 00)"
          : "it starts with the UTF-16LE byte order mark (FF FE)";
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return "it starts with the UTF-16BE byte order mark (FE FF)";
    }
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        // No JSON text has a NUL byte, and UTF-16 or UTF-32 JSON has one in its first four.
        return "a NUL byte at its start, as in UTF-16 or UTF-32 text or a binary file";
      }
    }
    return null;
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the document";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.toString().toLowerCase(Locale.ROOT);
    }
  }

  /** Reads the value of one field; the parser is on the value's first token. */
  @FunctionalInterface
  private interface FieldReader {
    void read(String field) throws IOException;
  }

  /** Reads one array element; the parser is on the element's first token. */
  @FunctionalInterface
  private interface ElementReader {
    void read(int index) throws IOException;
  }

  /** Builds a model object, which may refuse its parts with an IllegalArgumentException. */
  @FunctionalInterface
  private interface Builder<T> {
    T build();
  }
}
