package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rashomon.model.ValueSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each step of the rule in {@link AuthorNames}, on author lists as the bookstores wrote them. */
class AuthorNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        // Case, initials and the two orders of first names and surname.
        "Knuth, Donald E.# knuth",
        "Donald E. Knuth# knuth",
        "KNUTH, DONALD ERVIN# knuth",
        "Knuth# knuth",
        "J. N. Reddy# reddy",
        "Reddy, J.N.# reddy",
        // Punctuation inside names, character references, their mangled form, accents.
        "O'Leary, Timothy J.; O'Leary, Linda I.# oleary",
        "Timothy J Oandapos;Leary, Linda I Oandapos;Leary# oleary",
        "Conry-Murray, Andrew# conrymurray",
        "Lacroix, Zo&eacute;# lacroix",
        "St\u00fctzle, Thomas# stutzle",
        "Kumar Steinbach &amp; Tan# steinbach;tan",
        // Separators: ; / | & + and words that join or introduce names.
        "Courage, Catherine/ Baxter, Kathy# baxter;courage",
        "David V. Hutton|David Hutton# hutton",
        "Yacht, Carol, And Crosson, Susan# crosson;yacht",
        "Edited by Lacroix, Zo&eacute; Edited by Critchlow, Terence# critchlow;lacroix",
        // Extra text: roles, remarks in parentheses, titles, placeholders.
        "Conklin, Wm Arthur (Author) White, Gregory B. (Author) Cothren, Chuck (Author)"
            + "# conklin;cothren;white",
        "By (author) Cox, Earl# cox",
        "Bergin, Thomas J., Jr. (Edt)/ Gibson, Richard# bergin;gibson",
        "Wm. Arthur Conklin, et al# conklin",
        "Barrie Sosinsky UNKNOWN, Stephen Haag, James T Perry, Efren Estevez,"
            + "# estevez;haag;perry;sosinsky",
        // The shape of a comma-separated piece.
        "Aldo Bongio, Marco Brambilla# bongio;brambilla",
        "Rector, Brent E., Sells, Chris# rector;sells",
        "Leinwand,Fang,Stone,# fang;leinwand;stone",
        "Plastock, Ray, Kalley, Gordon# kalley;plastock",
        "HAAG, STEPHEN PERRY, JAMES T. SOSINSKY, BARRIE ESTEVEZ, EFREN"
            + "# estevez;haag;perry;sosinsky",
        "Aiken, Peter Allen, M.D.# aiken;allen",
        // Names run together, and names that only look so.
        "Meadors, ToddSchmidt, Cheryl A.# meadors;schmidt",
        "Joel Scambray; Stuart McClure# mcclure;scambray",
        "MacDonald, Ian; DeRose, Tony# derose;macdonald",
        // The multi-word surname is its last word, in both orders.
        "Karen Sparck Jones# jones",
        "jones, karen sparck;  willett, peter ;  # jones;willett",
      })
  void readsSurnames(String authors, String surnames) {
    assertEquals(ValueSet.parse(surnames), AuthorNames.surnames(authors));
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '`',
      value = {"Not Available", "None", "N/A", "Unknown", "`  `"})
  void listsThatNameNobodyAreEmpty(String authors) {
    assertTrue(AuthorNames.surnames(authors).elements().isEmpty(), authors);
  }

  @Test
  void limitsTheClassDocumentationStates() {
    // Without any separator the rule sees one name, in capitals it cannot part names.
    assertEquals(ValueSet.of("mcclure"), AuthorNames.surnames("Joel Scambray Stuart McClure"));
    assertEquals(
        ValueSet.of("baxter", "catherine", "kathycourage"),
        AuthorNames.surnames("BAXTER, KATHYCOURAGE, CATHERINE"));
  }

  @Test
  void nullIsRefused() {
    assertThrows(NullPointerException.class, () -> AuthorNames.surnames(null));
  }
}
