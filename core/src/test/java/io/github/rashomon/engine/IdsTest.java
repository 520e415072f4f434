package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Explicit and numbered ids, and the maps between two tables that warm starts use. */
class IdsTest {

  @Test
  void numberedIdsArePaddedSoThatTextOrderIsNumberOrder() {
    Ids ids = Ids.numbered("q", 101);
    assertEquals(101, ids.size());
    assertEquals("q000", ids.get(0));
    assertEquals("q007", ids.get(7));
    assertEquals("q100", ids.get(100));
    assertEquals(3, Ids.width(101));
    assertEquals(2, Ids.width(100));
    assertEquals(1, Ids.width(10));
    assertEquals(1, Ids.width(1));
    assertEquals(1, Ids.width(0));
    assertEquals(0, Ids.numbered("s", 0).size());
    assertThrows(IllegalArgumentException.class, () -> Ids.numbered("s", -1));
  }

  @Test
  void numberedIdsAreFoundByArithmetic() {
    Ids ids = Ids.numbered("s", 20);
    assertEquals(0, ids.find("s00"));
    assertEquals(19, ids.find("s19"));
    assertEquals(-1, ids.find("s20"), "past the end");
    assertEquals(-1, ids.find("s1"), "too short");
    assertEquals(-1, ids.find("s001"), "too long");
    assertEquals(-1, ids.find("t01"), "another prefix");
    assertEquals(-1, ids.find("s0x"), "not a digit");
    assertEquals(-1, ids.find("s/1"), "below '0'");
    assertEquals(-1, ids.find("s:1"), "above '9'");
  }

  @Test
  void explicitIdsAreFoundBySearch() {
    Ids ids = Ids.of(new String[] {"alpha", "beta", "gamma"});
    assertEquals(3, ids.size());
    assertEquals("beta", ids.get(1));
    assertEquals(0, ids.find("alpha"));
    assertEquals(2, ids.find("gamma"));
    assertEquals(-1, ids.find("delta"));
    assertEquals(-1, ids.find("zeta"));
  }

  @Test
  void mapsBetweenTables() {
    Ids before = Ids.of(new String[] {"a", "c", "d", "f"});
    Ids after = Ids.of(new String[] {"b", "c", "f", "g"});
    assertArrayEquals(new int[] {-1, 1, -1, 2}, before.mapTo(after));
    assertArrayEquals(new int[] {-1, 1, 3, -1}, after.mapTo(before));
    // Numbered tables of one form map by position, up to the shorter one.
    assertArrayEquals(new int[] {0, 1, 2, -1, -1},
        Ids.numbered("q", 5).mapTo(Ids.numbered("q", 3)));
    assertArrayEquals(new int[] {0, 1, 2}, Ids.numbered("q", 3).mapTo(Ids.numbered("q", 5)));
    // Another width is another form: q5 is not q05.
    assertArrayEquals(new int[] {-1, -1, -1},
        Ids.numbered("q", 3).mapTo(Ids.numbered("q", 12)));
    assertArrayEquals(new int[] {-1, -1}, Ids.numbered("q", 2).mapTo(Ids.numbered("s", 2)));
    // Mixed kinds look every id up.
    assertArrayEquals(new int[] {-1, 0, -1},
        Ids.numbered("q", 3).mapTo(Ids.of(new String[] {"q1", "x"})));
    assertArrayEquals(new int[] {1, -1},
        Ids.of(new String[] {"q1", "x"}).mapTo(Ids.numbered("q", 3)));
  }
}
