package io.github.rashomon.io;

/**
 * Turns char ranges into strings, one string per distinct text: a field seen before costs a hash
 * and a comparison, not an allocation. Each distinct text also carries a few flag bits.
 *
 * <p>Open addressing with linear probing; the table doubles at half load. Ids such as {@code
 * task1}, {@code task2}, … have nearly consecutive string hashes, which would pile up in long
 * probe runs, so slots come from the high bits of the hash times the golden ratio (Fibonacci
 * hashing). A slot number is valid until the next {@link #intern} call (which may grow it).
 */
final class Interner {
  private String[] keys = new String[1024];
  private int[] hashes = new int[1024];
  private byte[] flags = new byte[1024];
  /** 32 - log2(table size). */
  private int shift = 32 - 10;
  private int size;

  /** Interns the text {@code a[from, from + len)} and returns its slot. */
  int intern(char[] a, int from, int len) {
    int h = 0;
    for (int i = from, end = from + len; i < end; i++) {
      h = 31 * h + a[i];
    }
    int mask = keys.length - 1;
    int slot = home(h);
    while (true) {
      String k = keys[slot];
      if (k == null) {
        break;
      }
      if (hashes[slot] == h && equal(k, a, from, len)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = new String(a, from, len);
    hashes[slot] = h;
    if (++size * 2 > keys.length) {
      String key = keys[slot];
      grow();
      return find(key, h);
    }
    return slot;
  }

  /** The string in a slot. */
  String key(int slot) {
    return keys[slot];
  }

  /** Whether a slot has all of the given flag bits. */
  boolean has(int slot, int bits) {
    return (flags[slot] & bits) == bits;
  }

  /** Sets flag bits on a slot. */
  void set(int slot, int bits) {
    flags[slot] |= (byte) bits;
  }

  private int home(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private static boolean equal(String k, char[] a, int from, int len) {
    if (k.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (k.charAt(i) != a[from + i]) {
        return false;
      }
    }
    return true;
  }

  private int find(String key, int h) {
    int mask = keys.length - 1;
    int slot = home(h);
    while (keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    byte[] oldFlags = flags;
    int n = oldKeys.length * 2;
    keys = new String[n];
    hashes = new int[n];
    flags = new byte[n];
    shift--;
    int mask = n - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = home(oldHashes[i]);
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
        flags[slot] = oldFlags[i];
      }
    }
  }
}
