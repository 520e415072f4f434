package io.github.rashomon.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.Arrays;

/**
 * Fuzz test of the value syntax every reader parses fields with ({@link Value#parse}: labels,
 * truths, quantities, dates and times, sets): a text is a value whose canonical form reads back
 * as the same value, or an {@link IllegalArgumentException} with a message. The first byte of
 * an input picks the type ({@code c}ategorical, {@code b}oolean, {@code q}uantity, {@code
 * d}ate-time, {@code s}et; other bytes by their value modulo 5), the rest is the text as UTF-8.
 */
class ValueSyntaxFuzzTest {
  @FuzzTest(maxDuration = "4m")
  void parse(byte[] input) {
    if (input.length == 0) {
      return;
    }
    ValueType type = type(input[0]);
    String text = new String(Arrays.copyOfRange(input, 1, input.length), UTF_8);
    Value v;
    try {
      v = Value.parse(type, text);
    } catch (IllegalArgumentException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return;
    }
    assertEquals(type, v.type());
    Value back = Value.parse(type, v.canonical());
    assertEquals(v, back, () -> "'" + text + "' reads as " + v.canonical());
    assertEquals(v.canonical(), back.canonical());
  }

  private static ValueType type(byte b) {
    switch (b) {
      case 'c':
        return ValueType.CATEGORICAL;
      case 'b':
        return ValueType.BOOLEAN;
      case 'q':
        return ValueType.QUANTITY;
      case 'd':
        return ValueType.DATE_TIME;
      case 's':
        return ValueType.SET;
      default:
        return ValueType.values()[Math.floorMod(b, ValueType.values().length)];
    }
  }
}
