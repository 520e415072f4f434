package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternerTest {

  @Test
  void oneStringPerTextAndFlagsSurviveGrowth() {
    Interner in = new Interner();
    List<String> first = new ArrayList<>();
    char[] buf = new char[32];
    for (int i = 0; i < 50_000; i++) {
      String text = "task" + i;
      text.getChars(0, text.length(), buf, 3); // at an offset, as in a record buffer
      int slot = in.intern(buf, 3, text.length());
      assertEquals(text, in.key(slot));
      if (i % 7 == 0) {
        in.set(slot, 1);
      }
      first.add(in.key(slot));
    }
    for (int i = 0; i < 50_000; i++) {
      String text = "task" + i;
      char[] a = text.toCharArray();
      int slot = in.intern(a, 0, a.length);
      assertSame(first.get(i), in.key(slot), text);
      assertEquals(i % 7 == 0, in.has(slot, 1), text);
    }
  }

  @Test
  void emptyAndPrefixTextsAreDistinct() {
    Interner in = new Interner();
    char[] a = "abc".toCharArray();
    String empty = in.key(in.intern(a, 0, 0));
    String ab = in.key(in.intern(a, 0, 2));
    String abc = in.key(in.intern(a, 0, 3));
    assertEquals("", empty);
    assertEquals("ab", ab);
    assertEquals("abc", abc);
    assertFalse(in.has(in.intern(a, 0, 2), 1));
    assertTrue(in.has(in.intern(a, 0, 2), 0));
  }
}
