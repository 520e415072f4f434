package io.github.rashomon.io;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict well-formedness check of the report's markup, as XML 1.0 defines it for what the
 * report uses: one root element, properly nested and closed tags, quoted attributes, and no
 * {@code <} or bare {@code &} in text or attribute values. (The JDK's XML parser lives in a
 * module the io module does not read.)
 */
final class Markup {
  private Markup() {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9:_.-]*");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\s+([A-Za-z][A-Za-z0-9:_.-]*)=\"([^\"<]*)\"");
  private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);");

  /** Throws IllegalArgumentException naming the first problem and its offset. */
  static void checkWellFormed(String doc) {
    int i = 0;
    if (doc.startsWith("<!DOCTYPE html>")) {
      i = "<!DOCTYPE html>".length();
    }
    Deque<String> open = new ArrayDeque<>();
    boolean rootSeen = false;
    while (i < doc.length()) {
      char c = doc.charAt(i);
      if (c == '<') {
        int end = doc.indexOf('>', i);
        if (end < 0) {
          throw fail("unterminated tag", i);
        }
        String tag = doc.substring(i + 1, end);
        if (tag.startsWith("/")) {
          String name = tag.substring(1);
          if (open.isEmpty() || !open.peek().equals(name)) {
            throw fail("</" + name + "> closes " + open.peek(), i);
          }
          open.pop();
        } else {
          boolean empty = tag.endsWith("/");
          String body = empty ? tag.substring(0, tag.length() - 1) : tag;
          Matcher m = NAME.matcher(body);
          if (!m.lookingAt()) {
            throw fail("bad tag name in <" + tag + ">", i);
          }
          String name = m.group();
          String rest = body.substring(name.length());
          Matcher a = ATTRIBUTE.matcher(rest);
          int pos = 0;
          java.util.Set<String> names = new java.util.HashSet<>();
          while (a.find() && a.start() == pos) {
            if (!names.add(a.group(1))) {
              throw fail("attribute " + a.group(1) + " repeated", i);
            }
            checkText(a.group(2), i);
            pos = a.end();
          }
          if (!rest.substring(pos).isBlank()) {
            throw fail("malformed attributes in <" + tag + ">", i);
          }
          if (open.isEmpty()) {
            if (rootSeen) {
              throw fail("second root element <" + name + ">", i);
            }
            rootSeen = true;
          }
          if (!empty) {
            open.push(name);
          }
        }
        i = end + 1;
      } else {
        int next = doc.indexOf('<', i);
        String text = doc.substring(i, next < 0 ? doc.length() : next);
        if (open.isEmpty() && !text.isBlank()) {
          throw fail("text outside the root element", i);
        }
        checkText(text, i);
        i = next < 0 ? doc.length() : next;
      }
    }
    if (!open.isEmpty()) {
      throw fail("unclosed <" + open.peek() + ">", doc.length());
    }
    if (!rootSeen) {
      throw fail("no root element", 0);
    }
  }

  private static void checkText(String text, int at) {
    for (int k = text.indexOf('&'); k >= 0; k = text.indexOf('&', k + 1)) {
      if (!ENTITY.matcher(text).region(k, text.length()).lookingAt()) {
        throw fail("bare & in " + text, at);
      }
    }
    for (int k = 0; k < text.length(); k++) {
      char ch = text.charAt(k);
      if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
        throw fail("control character U+" + Integer.toHexString(ch) + " in text", at);
      }
    }
  }

  private static IllegalArgumentException fail(String problem, int offset) {
    return new IllegalArgumentException("not well-formed at offset " + offset + ": " + problem);
  }
}
