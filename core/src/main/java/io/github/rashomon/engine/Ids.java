package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The sorted ids of an index's sources or questions: either an explicit sorted array, or the
 * numbered ids {@code prefix + zero-padded number} of a generated index, which cost no memory per
 * id (at 10⁸ questions, a String per id would cost more than the claims themselves).
 */
abstract class Ids {
  private Ids() {}

  /** The number of ids. */
  abstract int size();

  /** Id number {@code i}, {@code 0 <= i < size()}. */
  abstract String get(int i);

  /** The number of an id, or -1. */
  abstract int find(String id);

  /**
   * For each id of this table, the number of the same id in {@code other}, or -1: a merge of
   * two sorted lists for explicit ids, arithmetic for numbered ids of one form.
   */
  int[] mapTo(Ids other) {
    int n = size();
    int[] map = new int[n];
    if (this instanceof Numbered && other instanceof Numbered
        && ((Numbered) this).sameForm((Numbered) other)) {
      for (int i = 0; i < n; i++) {
        map[i] = i < other.size() ? i : -1;
      }
    } else if (this instanceof Explicit && other instanceof Explicit) {
      String[] a = ((Explicit) this).ids;
      String[] b = ((Explicit) other).ids;
      int j = 0;
      for (int i = 0; i < n; i++) {
        while (j < b.length && b[j].compareTo(a[i]) < 0) {
          j++;
        }
        map[i] = j < b.length && b[j].equals(a[i]) ? j : -1;
      }
    } else {
      for (int i = 0; i < n; i++) {
        map[i] = other.find(get(i));
      }
    }
    return map;
  }

  /** Ids already sorted and distinct; the array is not copied. */
  static Ids of(String[] sorted) {
    return new Explicit(sorted);
  }

  /**
   * {@code prefix0…0} to {@code prefix(n-1)}, numbers zero-padded to one width, so that string
   * order is numeric order.
   */
  static Ids numbered(String prefix, int n) {
    checkArgument(n >= 0, "id count must be >= 0, got %s", n);
    return new Numbered(prefix, n);
  }

  /** The width of zero-padded numbers below {@code n}. */
  static int width(int n) {
    return Integer.toString(Math.max(0, n - 1)).length();
  }

  private static final class Explicit extends Ids {
    private final String[] ids;

    Explicit(String[] ids) {
      this.ids = ids;
    }

    @Override
    int size() {
      return ids.length;
    }

    @Override
    String get(int i) {
      return ids[i];
    }

    @Override
    int find(String id) {
      int i = Arrays.binarySearch(ids, id);
      return i >= 0 ? i : -1;
    }
  }

  private static final class Numbered extends Ids {
    private final String prefix;
    private final int n;
    private final int width;

    Numbered(String prefix, int n) {
      this.prefix = prefix;
      this.n = n;
      this.width = width(n);
    }

    @Override
    int size() {
      return n;
    }

    @Override
    String get(int i) {
      String digits = Integer.toString(i);
      StringBuilder b = new StringBuilder(prefix.length() + width).append(prefix);
      for (int pad = digits.length(); pad < width; pad++) {
        b.append('0');
      }
      return b.append(digits).toString();
    }

    boolean sameForm(Numbered other) {
      return prefix.equals(other.prefix) && width == other.width;
    }

    @Override
    int find(String id) {
      if (id.length() != prefix.length() + width || !id.startsWith(prefix)) {
        return -1;
      }
      long v = 0;
      for (int k = prefix.length(); k < id.length(); k++) {
        char ch = id.charAt(k);
        if (ch < '0' || ch > '9') {
          return -1;
        }
        v = v * 10 + (ch - '0');
      }
      return v < n ? (int) v : -1;
    }
  }
}
