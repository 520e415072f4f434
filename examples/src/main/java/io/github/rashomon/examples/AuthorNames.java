package io.github.rashomon.examples;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import io.github.rashomon.model.ValueSet;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bookstore's free-text author list as the set of the authors' surnames, so that {@code
 * "Knuth, Donald E."}, {@code "Donald E. Knuth"}, {@code "KNUTH, DONALD ERVIN"} and {@code
 * "Knuth"} all become {@code {knuth}}, and {@code "Courage, Catherine/ Baxter, Kathy"} and {@code
 * "Catherine Courage, Kathy Baxter"} both become {@code {baxter, courage}}.
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li><b>Character references</b> are decoded: {@code &amp;}, {@code &apos;}, {@code &quot;},
 *       {@code &lt;}, {@code &gt;} and numeric ones to their characters, an accented letter
 *       ({@code &eacute;}, {@code &ouml;}, …) to its base letter, {@code &szlig;} to {@code ss},
 *       any other to a space. The same three with {@code and} in place of {@code &} ({@code
 *       Oandapos;Leary}), left by an earlier clean-up of the data, read the same.
 *   <li><b>Accents</b> are removed: Unicode compatibility decomposition (NFKD), combining marks
 *       dropped.
 *   <li><b>Names run together</b> are parted where three lower-case letters are followed by an
 *       upper-case one ({@code "Meadors, ToddSchmidt, Cheryl A."}); {@code McClure}, {@code
 *       DeRose} and {@code MacDonald} stay whole.
 *   <li>Everything is <b>lower-cased</b> ({@link Locale#ROOT}).
 *   <li><b>Extra text</b> separates names and is dropped: remarks in parentheses or brackets
 *       ({@code (Editor)}, {@code (Author)}, {@code (Foreword by)}, an affiliation) and the words
 *       {@code by}, {@code edited}, {@code editor}, {@code editors}, {@code and}, {@code with},
 *       {@code foreword}, {@code preface}, {@code introduction}.
 *   <li>Names are <b>separated</b> by {@code ;}, {@code /}, {@code |}, {@code &} and {@code +},
 *       and within each piece so separated, parts are separated by commas.
 *   <li>In each part every character but letters, digits, spaces and periods is dropped ({@code
 *       o'leary} becomes {@code oleary}, {@code conry-murray} {@code conrymurray}), periods
 *       become spaces, and of the words that remain these are dropped: words without a letter;
 *       titles, suffixes and placeholders ({@code dr}, {@code prof}, {@code phd}, {@code jr},
 *       {@code sr}, {@code ii}, {@code iii}, {@code iv}, {@code et}, {@code al}, {@code etc},
 *       {@code ed}, {@code eds}, {@code edt}, {@code author}, {@code authors}, {@code joint},
 *       {@code unknown}, {@code none}, {@code not}, {@code available}, {@code na}, {@code
 *       various}); then initials (one-letter words), unless the part has nothing else. Parts left
 *       empty are dropped.
 *   <li>The <b>order</b> of first names and surnames is read from the shape of the piece: one
 *       part is {@code First Middle Last}; parts that all have two or more words are {@code First
 *       Last, First Last}; an odd number (three or more) of one-word parts is a list of surnames
 *       ({@code Leinwand, Fang, Stone}); an even number of parts otherwise is {@code Last, First,
 *       Last, First}, whose first, third, … parts are surnames; an odd number otherwise is a list
 *       that lost its separators, {@code Last, First Last, First Last, First}, where every part
 *       but the final one ends with a surname.
 *   <li>A surname is represented by its <b>last word</b>, so {@code "Karen Sparck Jones"} and
 *       {@code "jones, karen sparck"} agree; one-letter surnames are dropped.
 * </ol>
 *
 * <p>The result is a {@link ValueSet}: the order of the authors does not matter, and an author
 * listed twice counts once. Two authors with one surname (the O'Learys, Timothy and Linda) are
 * one element. A list with no surname left ({@code "Not Available"}, {@code "None"}) is the
 * empty set, which {@link WebSources} reads as no claim.
 *
 * <p>The rule cannot part names that carry no separator at all ({@code "Joel Scambray Stuart
 * McClure"} reads {@code {mcclure}}, and {@code "BAXTER, KATHYCOURAGE, CATHERINE"}, in capitals,
 * three surnames {@code {baxter, catherine, kathycourage}}), nor read surname-first lists without
 * commas ({@code "Lientz Bennet"}). It is our own, written for this data: no published figure
 * uses it.
 *
 * @since 0.1
 */
public final class AuthorNames {
  private AuthorNames() {}

  private static final Pattern REFERENCE = Pattern.compile("(?:&|and)(amp|apos|quot);|&(#?\\w+);");
  private static final Pattern ACCENTED_LETTER =
      Pattern.compile("([a-zA-Z])(acute|grave|uml|circ|tilde|ring|cedil|slash)");
  private static final Pattern RUN_TOGETHER = Pattern.compile("(?<=\\p{Ll}{3})(?=\\p{Lu})");
  private static final Pattern EXTRA_TEXT =
      Pattern.compile(
          "\\([^)]*\\)?|\\[[^\\]]*\\]?"
              + "|\\b(?:by|edited|editor|editors|and|with|foreword|preface|introduction)\\b");
  private static final Pattern SEPARATOR = Pattern.compile("[;/|&+]");
  private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}\\s.]");
  private static final Pattern SPACE_OR_PERIOD = Pattern.compile("[\\s.]+");
  private static final ImmutableSet<String> DROPPED =
      ImmutableSet.of(
          "dr", "prof", "phd", "jr", "sr", "ii", "iii", "iv", "et", "al", "etc", "ed", "eds", "edt",
          "author", "authors", "joint", "unknown", "none", "not", "available", "na", "various");

  /**
   * The surnames of the authors in a free-text author list.
   *
   * @param authors the list as a bookstore gave it
   * @return the surnames, lower-case, without accents or punctuation; empty when the text names
   *     nobody
   */
  public static ValueSet surnames(String authors) {
    checkNotNull(authors, "authors");
    String text = Normalizer.normalize(decodeReferences(authors), Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "");
    text = RUN_TOGETHER.matcher(text).replaceAll(";").toLowerCase(Locale.ROOT);
    text = EXTRA_TEXT.matcher(text).replaceAll(";");
    TreeSet<String> surnames = new TreeSet<>();
    for (String piece : SEPARATOR.split(text)) {
      for (String surname : surnamesOfPiece(parts(piece))) {
        if (surname.length() > 1) {
          surnames.add(surname);
        }
      }
    }
    return ValueSet.of(surnames);
  }

  private static String decodeReferences(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1) != null
          ? m.group(1) : m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String name) {
    switch (name) {
      case "amp":
        return "&";
      case "apos":
        return "'";
      case "quot":
        return "\"";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "szlig":
        return "ss";
      default:
        break;
    }
    if (name.startsWith("#")) {
      try {
        int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
            ? Integer.parseInt(name.substring(2), 16)
            : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " ";
      } catch (NumberFormatException e) {
        return " ";
      }
    }
    Matcher letter = ACCENTED_LETTER.matcher(name);
    return letter.matches() ? letter.group(1) : " ";
  }

  /** The non-empty parts of a piece, each as its remaining words. */
  private static List<List<String>> parts(String piece) {
    List<List<String>> parts = new ArrayList<>();
    for (String part : piece.split(",", -1)) {
      List<String> words = new ArrayList<>();
      for (String w : SPACE_OR_PERIOD.split(NOT_NAME.matcher(part).replaceAll("").strip())) {
        if (w.codePoints().anyMatch(Character::isLetter) && !DROPPED.contains(w)) {
          words.add(w);
        }
      }
      List<String> names = new ArrayList<>();
      for (String w : words) {
        if (w.length() > 1) {
          names.add(w);
        }
      }
      List<String> kept = names.isEmpty() ? words : names;
      if (!kept.isEmpty()) {
        parts.add(kept);
      }
    }
    return parts;
  }

  /** The surnames of one piece, each the last word of its part, by the piece's shape. */
  private static List<String> surnamesOfPiece(List<List<String>> parts) {
    List<String> surnames = new ArrayList<>();
    int n = parts.size();
    boolean allLong = parts.stream().allMatch(p -> p.size() >= 2);
    boolean allShort = parts.stream().allMatch(p -> p.size() == 1);
    if (n == 1 || allLong || (n % 2 == 1 && allShort)) {
      for (List<String> p : parts) {
        surnames.add(last(p));
      }
    } else if (n % 2 == 0) {
      for (int i = 0; i < n; i += 2) {
        surnames.add(last(parts.get(i)));
      }
    } else {
      for (int i = 0; i < n - 1; i++) {
        surnames.add(last(parts.get(i)));
      }
    }
    return surnames;
  }

  private static String last(List<String> words) {
    return words.get(words.size() - 1);
  }
}
