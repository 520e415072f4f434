package io.github.rashomon.io;

import java.util.Arrays;
import java.util.List;

/**
 * Turns char ranges into strings, one string per distinct text, each numbered in the order first
 * seen: a field seen before costs a hash and a comparison, not an allocation. Each distinct text
 * also carries a few flag bits.
 *
 * <p>Open addressing with linear probing, the table doubling at half load. A slot is two {@code
 * long}s: part of the hash, the length (when the text is at most eight chars below U+0100) and
 * the number; and the text's first eight chars, one byte each. A short text is compared in the
 * slot itself, so a lookup reads one place in memory whatever the table's size; a longer one is
 * then compared with its chars, which sit one after another in one array. Ids such as {@code
 * task1}, {@code task2}, … have nearly consecutive string hashes, which would pile up in long probe
 * runs, so slots come from the high bits of the hash times the golden ratio (Fibonacci hashing).
 */
final class Interner {
  /**
   * Slot k is {@code table[2k]}: the hash's low 24 bits, then 8 bits of length ({@link #LONG} if
   * the text is not short), then the number + 1 (0: the slot is empty); and {@code table[2k + 1]}:
   * the first eight chars' low bytes.
   */
  private long[] table = new long[2 * 1024];
  /** The length field of a text longer than eight chars or with a char from U+0100 on. */
  private static final int LONG = 0xFF;
  /** 32 - log2(table size). */
  private int shift = 32 - 10;
  /** The chars of text n are pool[start[n], start[n + 1]). */
  private char[] pool = new char[4096];
  private int[] start = new int[257];
  private String[] keys = new String[256];
  /** Per text: its full hash, so that growing the table reads no text. */
  private int[] hashes = new int[256];
  private byte[] flags = new byte[256];
  private int size;

  /** The last text interned, whose number is {@link #last}: files often repeat a field. */
  private char[] lastText = new char[16];
  private int lastLength = -1;
  private int last;

  /** Interns the text {@code a[from, from + len)} and returns its number. */
  int intern(char[] a, int from, int len) {
    return intern(a, from, len, hash(a, from, len));
  }

  /** {@link #intern(char[], int, int)} of a text whose {@link #hash} is h. */
  int intern(char[] a, int from, int len, int h) {
    if (len == lastLength && Arrays.equals(lastText, 0, len, a, from, from + len)) {
      return last;
    }
    int n = lookup(a, from, len, h);
    if (lastText.length < len) {
      lastText = new char[Math.max(len, 2 * lastText.length)];
    }
    System.arraycopy(a, from, lastText, 0, len);
    lastLength = len;
    last = n;
    return n;
  }

  /** The hash of the text {@code a[from, from + len)}, as {@link String#hashCode}. */
  static int hash(char[] a, int from, int len) {
    int h = 0;
    for (int i = from, end = from + len; i < end; i++) {
      h = 31 * h + a[i];
    }
    return h;
  }

  /**
   * Reads the slot where a text of hash h would be looked up first, and nothing else: done for a
   * batch of texts before they are interned, the reads overlap instead of waiting for each other.
   */
  void touch(int h) {
    touched ^= table[2 * home(h)];
  }

  /** What {@link #touch} read, kept so that the reads are not optimised away. */
  private long touched;

  private int lookup(char[] a, int from, int len, int h) {
    long prefix = 0;
    int latin = 0;
    for (int i = 0; i < 8; i++) {
      char c = i < len ? a[from + i] : 0;
      latin |= c;
      prefix = (prefix << 8) | (c & 0xFF);
    }
    int length = len <= 8 && latin < 0x100 ? len : LONG;
    long head = ((long) (h & 0xFFFFFF) << 40) | ((long) length << 32);
    int mask = table.length / 2 - 1;
    int slot = home(h);
    while (true) {
      long e = table[2 * slot];
      if (e == 0) {
        break;
      }
      if ((e & ~0xFFFFFFFFL) == head && table[2 * slot + 1] == prefix
          && (length != LONG || same((int) e - 1, a, from, len))) {
        return (int) e - 1;
      }
      slot = (slot + 1) & mask;
    }
    int n = add(a, from, len);
    hashes[n] = h;
    table[2 * slot] = head | (n + 1L);
    table[2 * slot + 1] = prefix;
    if (size * 4 > table.length) {
      grow();
    }
    return n;
  }

  /** Whether text number n is {@code a[from, from + len)}. */
  boolean same(int n, char[] a, int from, int len) {
    int s = start[n];
    if (start[n + 1] - s != len) {
      return false;
    }
    char[] p = pool;
    for (int i = 0; i < len; i++) {
      if (p[s + i] != a[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The string of text number n. */
  String key(int n) {
    return keys[n];
  }

  /** The strings of all texts, by number. */
  List<String> keys() {
    return Arrays.asList(Arrays.copyOf(keys, size));
  }

  /** The number of distinct texts. */
  int size() {
    return size;
  }

  /** Whether text number n has all of the given flag bits. */
  boolean has(int n, int bits) {
    return (flags[n] & bits) == bits;
  }

  /** Sets flag bits on text number n. */
  void set(int n, int bits) {
    flags[n] |= (byte) bits;
  }

  private int home(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }


  private int add(char[] a, int from, int len) {
    int n = size;
    if (n == keys.length) {
      keys = Arrays.copyOf(keys, 2 * n);
      hashes = Arrays.copyOf(hashes, 2 * n);
      flags = Arrays.copyOf(flags, 2 * n);
      start = Arrays.copyOf(start, 2 * n + 1);
    }
    int s = start[n];
    if (s + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(s + len, 2 * pool.length));
    }
    System.arraycopy(a, from, pool, s, len);
    start[n + 1] = s + len;
    keys[n] = new String(a, from, len);
    size = n + 1;
    return n;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    shift--;
    int mask = table.length / 2 - 1;
    for (int k = 0; k < old.length; k += 2) {
      long e = old[k];
      if (e != 0) {
        int slot = home(hashes[(int) e - 1]);
        while (table[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[2 * slot] = e;
        table[2 * slot + 1] = old[k + 1];
      }
    }
  }
}
