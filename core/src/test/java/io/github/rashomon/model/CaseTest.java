package io.github.rashomon.model;

import static io.github.rashomon.model.Expect.rejects;
import static io.github.rashomon.model.Expect.rejectsArgument;
import static io.github.rashomon.model.Expect.rejectsNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation and indexes of {@link Case}, on a small Janaozen-like case. */
class CaseTest {

  private static final Question DEATHS =
      Question.of("deaths", "How many were killed?", ValueDomain.integerQuantity("people"));
  private static final Question FIRE =
      Question.of("fire", "Did police fire indiscriminately?", ValueDomain.bool());
  private static final Question FIRST =
      Question.of("first", "Who started the violence?", ValueDomain.categorical("police", "strikers"));

  /** A valid case to which each test adds one flaw. */
  private static Case.Builder janaozen() {
    return janaozen("Janaozen");
  }

  private static Case.Builder janaozen(String title) {
    return Case.builder()
        .title(title)
        .addSources(
            Source.of("police"),
            Source.of("witnesses"),
            Source.of("commission"),
            Source.of("grishin"),
            Source.of("iwpr"))
        .addQuestions(DEATHS, FIRE, FIRST)
        .addAccounts(
            Account.of("press-conference", "police", "Police press conference"),
            Account.of("iwpr-report", "iwpr", "IWPR report"));
  }

  private static Claim.Builder claim(String source, Question q, Value v) {
    return Claim.builder().source(source).question(q.id()).value(v);
  }

  /** Asserts that building fails with exactly one problem containing every fragment. */
  private static void rejectsWithOneProblem(Case.Builder builder, String... fragments) {
    InvalidCaseException e =
        rejects(InvalidCaseException.class, builder::build, fragments);
    assertEquals(1, e.problems().size(), () -> e.problems().toString());
    for (String f : fragments) {
      assertTrue(e.problems().get(0).contains(f), () -> e.problems() + " should name " + f);
    }
    assertTrue(e.getMessage().startsWith("Case 'Janaozen' is invalid (1 problem): "), e::getMessage);
  }

  @Test
  void buildsAValidCase() {
    Case c =
        janaozen()
            .addClaims(
                claim("police", DEATHS, Quantity.exactly(16)).account("press-conference").build(),
                claim("witnesses", DEATHS, Quantity.moreThan(70)).build(),
                claim("witnesses", FIRE, Truth.TRUE).build(),
                claim("police", FIRE, Truth.TRUE).stance(Stance.DENIES).build(),
                claim("commission", FIRST, Category.of("police"))
                    .addVia("grishin", "iwpr")
                    .account("iwpr-report")
                    .build())
            .build();
    assertEquals("Janaozen", c.title());
    assertEquals(5, c.sources().size());
    assertEquals(3, c.questions().size());
    assertEquals(2, c.accounts().size());
    assertEquals(5, c.claims().size());
  }

  @Test
  void emptyCaseIsValid() {
    Case c = Case.builder().build();
    assertEquals("untitled", c.title());
    assertTrue(c.claims().isEmpty());
  }

  @Test
  void indexesLookUpById() {
    Claim police16 = claim("police", DEATHS, Quantity.exactly(16)).build();
    Claim witnesses70 = claim("witnesses", DEATHS, Quantity.moreThan(70)).build();
    Claim witnessesFire = claim("witnesses", FIRE, Truth.TRUE).build();
    Claim relayed =
        claim("commission", FIRST, Category.of("police")).addVia("grishin", "iwpr").build();
    Case c = janaozen().addClaims(police16, witnesses70, witnessesFire, relayed).build();

    assertEquals(Optional.of(Source.of("police")), c.source("police"));
    assertEquals(Optional.empty(), c.source("army"));
    assertEquals(Optional.of(DEATHS), c.question("deaths"));
    assertEquals(Optional.empty(), c.question("injured"));
    assertEquals("IWPR report", c.account("iwpr-report").orElseThrow().title());
    assertEquals(Optional.empty(), c.account("interview"));

    assertEquals(List.of(police16, witnesses70), c.claimsAbout("deaths"));
    assertEquals(List.of(witnessesFire), c.claimsAbout("fire"));
    assertEquals(List.of(), c.claimsAbout("injured"));
    assertEquals(List.of(witnesses70, witnessesFire), c.claimsBy("witnesses"));
    // A relayed claim is indexed under its origin, not under its relays.
    assertEquals(List.of(relayed), c.claimsBy("commission"));
    assertEquals(List.of(), c.claimsBy("iwpr"));
    assertEquals(List.of(), c.claimsBy("army"));
  }

  @Test
  void equalWhenEveryPartIsEqual() {
    Claim claim = claim("police", DEATHS, Quantity.exactly(16)).build();
    Case a = janaozen().addClaims(claim).build();
    Case b = janaozen().addClaims(claim).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, janaozen().build());
    assertNotEquals(a, janaozen("Zhanaozen").addClaims(claim).build());
  }

  @Test
  void rejectsADuplicateSourceId() {
    rejectsWithOneProblem(
        janaozen().addSources(Source.builder().id("police").name("Police").build()),
        "duplicate Source id 'police'");
  }

  @Test
  void reportsADuplicateIdOnceHoweverOftenItRepeats() {
    rejectsWithOneProblem(
        janaozen().addSources(Source.of("police"), Source.of("police")),
        "duplicate Source id 'police'");
  }

  @Test
  void rejectsADuplicateQuestionId() {
    rejectsWithOneProblem(
        janaozen().addQuestions(Question.of("fire", "Was there a fire?", ValueDomain.bool())),
        "duplicate Question id 'fire'");
  }

  @Test
  void rejectsADuplicateAccountId() {
    rejectsWithOneProblem(
        janaozen().addAccounts(Account.of("iwpr-report", "grishin", "Interview")),
        "duplicate Account id 'iwpr-report'");
  }

  @Test
  void rejectsADuplicateClaimId() {
    rejectsWithOneProblem(
        janaozen()
            .addClaims(
                claim("police", DEATHS, Quantity.exactly(16)).id("c1").build(),
                claim("witnesses", DEATHS, Quantity.exactly(70)).id("c1").build()),
        "duplicate Claim id 'c1'");
  }

  @Test
  void rejectsTheSameClaimTwice() {
    Claim c = claim("police", DEATHS, Quantity.exactly(16)).build();
    rejectsWithOneProblem(janaozen().addClaims(c, c), "duplicate Claim id 'police/deaths/16'");
  }

  @Test
  void rejectsAClaimByAnUnknownSource() {
    rejectsWithOneProblem(
        janaozen().addClaims(claim("army", FIRE, Truth.FALSE).build()),
        "Claim 'army/fire/false'",
        "unknown source 'army'");
  }

  @Test
  void rejectsAnAccountOfAnUnknownSource() {
    rejectsWithOneProblem(
        janaozen().addAccounts(Account.of("statement", "akimat", "Akimat statement")),
        "Account 'statement'",
        "unknown source 'akimat'");
  }

  @Test
  void rejectsAClaimAboutAnUnknownQuestion() {
    rejectsWithOneProblem(
        janaozen()
            .addClaims(
                Claim.builder().source("police").question("injured").value(Truth.TRUE).build()),
        "Claim 'police/injured/true'",
        "unknown question 'injured'");
  }

  @Test
  void rejectsAnUnknownRelay() {
    rejectsWithOneProblem(
        janaozen()
            .addClaims(claim("commission", FIRE, Truth.TRUE).addVia("grishin", "reuters").build()),
        "Claim 'commission/fire/true via grishin>reuters'",
        "unknown relay 'reuters'");
  }

  @Test
  void rejectsAClaimInAnUnknownAccount() {
    rejectsWithOneProblem(
        janaozen().addClaims(claim("police", FIRE, Truth.FALSE).account("interview").build()),
        "Claim 'police/fire/false@interview'",
        "unknown account 'interview'");
  }

  @Test
  void rejectsAClaimInAnotherSourcesAccount() {
    rejectsWithOneProblem(
        janaozen()
            .addClaims(claim("witnesses", FIRE, Truth.TRUE).account("press-conference").build()),
        "Claim 'witnesses/fire/true@press-conference'",
        "account 'press-conference' of source 'police'",
        "'witnesses'");
  }

  @Test
  void acceptsARelayedClaimInARelaysAccount() {
    // IWPR reports what Grishin reports the commission said: both IWPR's report and Grishin's
    // own statement can carry the commission's claim.
    Case c =
        janaozen()
            .addAccounts(Account.of("grishin-talk", "grishin", "Grishin talk"))
            .addClaims(
                claim("commission", FIRE, Truth.TRUE)
                    .addVia("grishin", "iwpr")
                    .account("iwpr-report")
                    .build(),
                claim("commission", DEATHS, Quantity.atLeast(16))
                    .addVia("grishin", "iwpr")
                    .account("grishin-talk")
                    .build())
            .build();
    assertEquals(2, c.claimsBy("commission").size());
  }

  @Test
  void rejectsARelayedClaimInTheAccountOfSomeoneOutsideTheChain() {
    rejectsWithOneProblem(
        janaozen()
            .addClaims(
                claim("commission", FIRE, Truth.TRUE)
                    .addVia("grishin")
                    .account("iwpr-report")
                    .build()),
        "Claim 'commission/fire/true@iwpr-report via grishin'",
        "account 'iwpr-report' of source 'iwpr'",
        "'commission'",
        "grishin");
  }

  @Test
  void rejectsAValueOfTheWrongType() {
    rejectsWithOneProblem(
        janaozen().addClaims(claim("police", DEATHS, Category.of("sixteen")).build()),
        "Claim 'police/deaths/sixteen'",
        "'sixteen' is CATEGORICAL but the question is QUANTITY",
        "question 'deaths'");
  }

  @Test
  void rejectsAValueOutsideAClosedCategoricalDomain() {
    rejectsWithOneProblem(
        janaozen().addClaims(claim("police", FIRST, Category.of("provocateurs")).build()),
        "Claim 'police/first/provocateurs'",
        "'provocateurs' is not one of [police, strikers]",
        "question 'first'");
  }

  @Test
  void rejectsAFractionalCountInAnIntegralDomain() {
    rejectsWithOneProblem(
        janaozen().addClaims(claim("police", DEATHS, Quantity.exactly(16.5)).build()),
        "Claim 'police/deaths/16.5'",
        "'16.5' is not a whole number",
        "question 'deaths'");
  }

  @Test
  void rejectsAffirmingAndDenyingTheSameValueInOneAccount() {
    rejectsWithOneProblem(
        janaozen()
            .addClaims(
                claim("police", FIRE, Truth.TRUE).account("press-conference").build(),
                claim("police", FIRE, Truth.TRUE)
                    .account("press-conference")
                    .stance(Stance.DENIES)
                    .build()),
        "Claim 'police/fire/not true@press-conference'",
        "source 'police' both affirms and denies 'true' for question 'fire'",
        "in account 'press-conference'");
  }

  @Test
  void acceptsAffirmingAndDenyingInDifferentAccounts() {
    Case c =
        janaozen()
            .addAccounts(Account.of("interview", "police", "Later interview"))
            .addClaims(
                claim("police", FIRE, Truth.TRUE).account("press-conference").build(),
                claim("police", FIRE, Truth.TRUE)
                    .account("interview")
                    .stance(Stance.DENIES)
                    .build())
            .build();
    assertEquals(2, c.claimsBy("police").size());
  }

  @Test
  void acceptsDenyingOneValueAndAffirmingAnother() {
    Case c =
        janaozen()
            .addClaims(
                claim("police", FIRE, Truth.FALSE).build(),
                claim("police", FIRE, Truth.TRUE).stance(Stance.DENIES).build())
            .build();
    assertEquals(2, c.claimsAbout("fire").size());
  }

  @Test
  void rejectsACyclicAttributionChainBeforeTheCaseIsBuilt() {
    // The claim itself refuses the cycle, so no case can contain one.
    rejectsArgument(
        () -> claim("commission", FIRE, Truth.TRUE).addVia("grishin", "iwpr", "commission").build(),
        "attribution chain",
        "cycles",
        "'commission' appears twice");
  }

  @Test
  void rejectsBlankIdsBeforeTheCaseIsBuilt() {
    rejectsArgument(() -> janaozen().addSources(Source.of(" ")), "Source.id", "' '");
    rejectsArgument(
        () -> janaozen().addQuestions(Question.of("", "?", ValueDomain.bool())), "Question.id", "''");
    rejectsArgument(() -> Account.of("\t", "police", "t"), "Account.id", "'\t'");
    rejectsArgument(() -> claim("police", FIRE, Truth.TRUE).id(" ").build(), "Claim.id", "' '");
  }

  @Test
  void listsEveryProblemInElementOrder() {
    Case.Builder b =
        janaozen()
            .addSources(Source.of("police"))
            .addClaims(
                claim("army", FIRE, Truth.TRUE).build(),
                Claim.builder().source("police").question("injured").value(Truth.TRUE).build(),
                claim("police", DEATHS, Quantity.exactly(16.5)).account("interview").build(),
                claim("witnesses", FIRST, Category.of("strikers")).addVia("reuters").build());
    InvalidCaseException e = assertThrows(InvalidCaseException.class, b::build);
    ImmutableList<String> problems = e.problems();
    assertEquals(6, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("duplicate Source id 'police'"), problems::toString);
    assertTrue(problems.get(1).contains("unknown source 'army'"), problems::toString);
    assertTrue(problems.get(2).contains("unknown question 'injured'"), problems::toString);
    assertTrue(problems.get(3).contains("'16.5' is not a whole number"), problems::toString);
    assertTrue(problems.get(4).contains("unknown account 'interview'"), problems::toString);
    assertTrue(problems.get(5).contains("unknown relay 'reuters'"), problems::toString);
    assertTrue(e.getMessage().startsWith("Case 'Janaozen' is invalid (6 problems): "));
    for (String p : problems) {
      assertTrue(e.getMessage().contains(p), p);
    }
  }

  @Test
  void problemsCannotBeChangedByTheCaller() {
    InvalidCaseException e =
        assertThrows(
            InvalidCaseException.class,
            () -> janaozen().addClaims(claim("army", FIRE, Truth.TRUE).build()).build());
    List<String> problems = e.problems();
    Executable clear = problems::clear;
    assertThrows(UnsupportedOperationException.class, clear);
    assertEquals(1, e.problems().size());
  }

  @Test
  void invalidCaseIsAnIllegalArgument() {
    Executable build = () -> janaozen().addClaims(claim("army", FIRE, Truth.TRUE).build()).build();
    rejectsArgument(build, "unknown source 'army'");
  }

  @Test
  void rejectsNullNamingTheField() {
    rejects(NullPointerException.class, () -> Case.builder().title(null), "title");
    rejectsNull(() -> Case.builder().addSources((Source) null));
    rejectsNull(() -> Case.builder().addQuestions((Question) null));
    rejectsNull(() -> Case.builder().addAccounts((Account) null));
    rejectsNull(() -> Case.builder().addClaims((Claim) null));
  }
}
