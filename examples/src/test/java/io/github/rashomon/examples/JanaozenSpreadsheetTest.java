package io.github.rashomon.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.io.CsvCaseReader;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The spreadsheet example of docs/formats.md, docs/examples/janaozen/*.csv, is the case {@link
 * Janaozen#build()} builds in Java, but for what CSV does not carry (claims' dates, accounts'
 * titles and dates): same sources, questions and qualified claims, and so the same verdicts.
 */
class JanaozenSpreadsheetTest {
  private static final Path DIR = repositoryRoot().resolve("docs/examples/janaozen");

  private static Case spreadsheet() throws IOException {
    CsvCaseReader reader = CsvCaseReader.withDefaults();
    return reader.read(
        DIR.resolve("claims.csv"),
        reader.readSources(DIR.resolve("sources.csv")),
        reader.readQuestions(DIR.resolve("questions.csv")));
  }

  @Test
  void sameSourcesQuestionsAccountsAndClaims() throws IOException {
    Case csv = spreadsheet();
    Case java = Janaozen.build();
    assertEquals(java.sources(), csv.sources());
    assertEquals(java.questions(), csv.questions());
    assertEquals(accounts(java), accounts(csv));
    assertEquals(claims(java), claims(csv));
  }

  @Test
  void sameVerdictsUnderEveryAlgorithm() throws IOException {
    Case csv = spreadsheet();
    Case java = Janaozen.build();
    for (String name : Reconcilers.names()) {
      assertEquals(
          Reconcilers.byName(name).reconcile(java).verdicts(),
          Reconcilers.byName(name).reconcile(csv).verdicts(),
          name);
    }
  }

  private static List<String> accounts(Case c) {
    return c.accounts().stream()
        .map(a -> a.id() + " by " + a.source())
        .collect(Collectors.toList());
  }

  /** Everything about a claim that a spreadsheet row says. */
  private static List<String> claims(Case c) {
    return c.claims().stream()
        .map(
            (Claim k) ->
                String.join(
                    " | ",
                    k.id(),
                    k.stance().name(),
                    k.value().type() + " " + k.value().canonical(),
                    k.access().name(),
                    k.stake().name(),
                    k.hedge().name(),
                    k.circumstances().toString(),
                    k.via().toString(),
                    k.account().orElse("-"),
                    k.note().orElse("-")))
        .collect(Collectors.toList());
  }

  /** The nearest parent of the working directory with pom.xml and core/. */
  private static Path repositoryRoot() {
    Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null && !(Files.isRegularFile(p.resolve("pom.xml"))
        && Files.isDirectory(p.resolve("core")))) {
      p = p.getParent();
    }
    return p != null ? p : Paths.get(System.getProperty("user.dir"));
  }
}
