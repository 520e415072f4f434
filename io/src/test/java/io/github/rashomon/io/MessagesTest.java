package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Error messages stay one line of bounded length, whatever the file put in them. */
class MessagesTest {
  @Test
  void controlCharactersAndLineSeparatorsAreEscaped() {
    assertEquals("a\\nb\\r\\tc\\u0000\\u001B[31m\\u007F\\u0085\\u2028é😀",
        Messages.escape("a\nb\r\tc\u0000\u001B[31m\u007F\u0085\u2028é😀"));
    String plain = "nothing to escape";
    assertTrue(plain == Messages.escape(plain), "no copy when nothing changes");
  }

  @Test
  void aLongProblemKeepsItsStartAndEnd() {
    String p = "bad value '" + "x".repeat(5000) + "' (question 'q')";
    String m = Messages.problem(p);
    assertTrue(m.length() < Messages.MAX_PROBLEM_CHARS, m.length() + "");
    assertTrue(m.startsWith("bad value 'xxx"), m);
    assertTrue(m.endsWith("xxx' (question 'q')"), m);
    assertTrue(m.contains(" [... 4127 characters left out ...] "), m);
    String exact = "y".repeat(Messages.MAX_PROBLEM_CHARS);
    assertEquals(exact, Messages.problem(exact));
  }

  @Test
  void aLongPathIsShortenedToo() {
    // Found by JsonCaseReaderFuzzTest: a field name of DEL characters, six chars each escaped.
    String path = "$['" + "\u007F".repeat(300) + "']";
    String m = Messages.path(path);
    assertTrue(m.length() <= Messages.MAX_PATH_CHARS, m.length() + "");
    assertTrue(m.startsWith("$['\\u007F"), m);
    assertTrue(m.endsWith("\\u007F']"), m);
    assertEquals("$.claims[3].value", Messages.path("$.claims[3].value"));
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String p = "😀".repeat(3000);
    String m = Messages.problem(p);
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertTrue(Character.isLowSurrogate(m.charAt(++i)), "pair at " + i);
      } else {
        assertTrue(!Character.isLowSurrogate(c), "lone low surrogate at " + i);
      }
    }
  }

  @Test
  void theExceptionsUseThemAndKeepTheProblemWhole() {
    String problem = "value 'a\nb' " + "z".repeat(2000);
    CsvFormatException c = new CsvFormatException("f\n.csv", 3, problem, null);
    assertEquals(problem, c.problem());
    assertTrue(c.getMessage().startsWith("f\\n.csv:3: value 'a\\nb' zzz"), c.getMessage());
    assertTrue(c.getMessage().indexOf('\n') < 0);
    JsonFormatException j = new JsonFormatException("c.json", 2, "$['a\nb']", problem, null);
    assertTrue(j.getMessage().startsWith("c.json:2: $['a\\nb']: value 'a\\nb' zzz"),
        j.getMessage());
    assertEquals(problem, j.problem());
  }
}
