package io.github.rashomon.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueSet;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** What the JSON readers and writers share: the generator set-up, the layout, names, values. */
final class Json {
  private Json() {}

  /**
   * Writes doubles with the Schubfach algorithm (shortest digits that read back exactly), so the
   * text does not change with the Java version as {@code Double.toString} did in Java 19.
   */
  private static final JsonFactory WRITER =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  /** A generator with the house layout; the caller closes it (the writer stays open). */
  static JsonGenerator generator(Writer w) throws IOException {
    JsonGenerator g = WRITER.createGenerator(w);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(new Layout());
    return g;
  }

  /** A generator for JSON embedded in an HTML script element: no {@code <}, {@code >}, {@code &}. */
  static JsonGenerator htmlSafeGenerator(Writer w) throws IOException {
    JsonGenerator g = generator(w);
    g.setCharacterEscapes(HtmlSafe.INSTANCE);
    return g;
  }

  /** Starts the next array or object on one line, with everything inside it. */
  static void inline(JsonGenerator g) {
    ((Layout) g.getPrettyPrinter()).inlineNext = true;
  }

  /** An enum constant as the formats spell it: {@code SELF_SERVING} is {@code self-serving}. */
  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The JSON names of a value type, as {@link #name(Enum)} spells them. */
  static String typeName(ValueType t) {
    return name(t);
  }

  /**
   * Writes a value as the formats do: a label as a string, a truth as {@code true}/{@code
   * false}, a set as an array of its elements, a quantity or date/time as its canonical text.
   */
  static void writeValue(JsonGenerator g, Value v) throws IOException {
    switch (v.type()) {
      case BOOLEAN:
        g.writeBoolean(((Truth) v).holds());
        return;
      case SET:
        inline(g);
        g.writeStartArray();
        for (String e : ((ValueSet) v).elements()) {
          g.writeString(e);
        }
        g.writeEndArray();
        return;
      case QUANTITY:
        g.writeString(((Quantity) v).canonical());
        return;
      default:
        g.writeString(v.canonical());
    }
  }

  /** Writes a credibility's four components on one line. */
  static void writeCredibility(JsonGenerator g, Credibility c) throws IOException {
    inline(g);
    g.writeStartObject();
    g.writeNumberField("belief", c.belief());
    g.writeNumberField("disbelief", c.disbelief());
    g.writeNumberField("uncertainty", c.uncertainty());
    g.writeNumberField("baseRate", c.baseRate());
    g.writeEndObject();
  }

  /** The path of the parser's current position, in the {@code $.a[1].b} form. */
  static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        if (c.getCurrentIndex() >= 0 && c.getEntryCount() > 0) {
          parts.add("[" + c.getCurrentIndex() + "]");
        }
      } else if (c.getCurrentName() != null) {
        parts.add(member(c.getCurrentName()));
      }
    }
    StringBuilder s = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      s.append(parts.get(i));
    }
    return s.toString();
  }

  /** A member step: {@code .name}, or {@code ['odd name']} for a name that is not a word. */
  static String member(String name) {
    if (!name.isEmpty() && name.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch)
        || ch == '_' || ch == '-')) && !Character.isDigit(name.charAt(0))) {
      return "." + name;
    }
    return "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * Two-space indentation, {@code "name": value}, one field or element a line; an array or
   * object marked {@link #inline} stays on one line with its contents. The output ends without a
   * newline; writers add one.
   */
  static final class Layout implements PrettyPrinter {
    private final Deque<Boolean> inlineStack = new ArrayDeque<>();
    private int depth;
    boolean inlineNext;

    private boolean inline() {
      return !inlineStack.isEmpty() && inlineStack.peek();
    }

    private void open(JsonGenerator g, char bracket) throws IOException {
      boolean in = inlineNext || inline();
      inlineNext = false;
      inlineStack.push(in);
      g.writeRaw(bracket);
      depth++;
    }

    private void close(JsonGenerator g, char bracket, int entries) throws IOException {
      boolean in = inlineStack.pop();
      depth--;
      if (!in && entries > 0) {
        newline(g);
      }
      g.writeRaw(bracket);
    }

    private void newline(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
      for (int i = 0; i < depth; i++) {
        g.writeRaw("  ");
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      open(g, '{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      close(g, '}', entries);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      if (inline()) {
        g.writeRaw(' ');
      } else {
        newline(g);
      }
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      open(g, '[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      close(g, ']', values);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      writeObjectEntrySeparator(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (!inline()) {
        newline(g);
      }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      beforeArrayValues(g);
    }
  }

  /** Escapes {@code <}, {@code >} and {@code &}, so the JSON cannot close a script element. */
  private static final class HtmlSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final HtmlSafe INSTANCE = new HtmlSafe();
    private final int[] escapes;

    private HtmlSafe() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // U+2028 and U+2029 end a line in older JavaScript parsers.
      if (ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }
}
