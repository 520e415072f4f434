package io.github.rashomon.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.DateTime;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.InvalidCaseException;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCaseReaderTest {
  private static final CsvCaseReader READER = CsvCaseReader.withDefaults();

  /** Every claim column, in the documented order. */
  private static final String HEADER =
      "source,question,value,stance,via,access,stake,hedge,circumstances,account,note\n";

  @TempDir Path dir;

  private static Case read(String claims) throws IOException {
    return read(claims, List.of(), List.of());
  }

  private static Case read(String claims, List<Source> sources, List<Question> questions)
      throws IOException {
    return READER.read(in(claims), "claims.csv", sources, questions);
  }

  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static String failure(String claims, List<Question> questions) {
    return assertThrows(CsvFormatException.class, () -> read(claims, List.of(), questions))
        .getMessage();
  }

  private static String failure(String claims) {
    return failure(claims, List.of());
  }

  private static List<String> ids(List<Source> sources) {
    return sources.stream().map(Source::id).collect(Collectors.toList());
  }

  // Claims.

  @Test
  void plainClaimsMakeACaseOfTheirSourcesAndOpenQuestions() throws IOException {
    Case c = read("source,question,value\nalice,capital,Paris\nbob,capital,Lyon\n");
    assertEquals("claims.csv", c.title());
    assertEquals(List.of("alice", "bob"), ids(c.sources()));
    assertEquals(ValueDomain.openCategorical(), c.question("capital").orElseThrow().domain());
    Claim first = c.claims().get(0);
    assertEquals(Category.of("Paris"), first.value());
    assertEquals(Stance.AFFIRMS, first.stance());
    assertEquals(Access.UNSPECIFIED, first.access());
    assertEquals(Stake.UNSPECIFIED, first.stake());
    assertEquals(Hedge.UNSPECIFIED, first.hedge());
    assertTrue(first.via().isEmpty());
    assertTrue(first.circumstances().isEmpty());
    assertTrue(first.account().isEmpty());
    assertTrue(first.note().isEmpty());
  }

  @Test
  void everyColumnIsRead() throws IOException {
    Case c =
        read(HEADER + "commission-members,mistreated,x,denies,grishin;iwpr,hearsay,self-serving,"
            + "probable,under-pressure;anonymous,interview,\"Saw bruises, they said\"\n");
    Claim k = c.claims().get(0);
    assertEquals("commission-members", k.source());
    assertEquals(Stance.DENIES, k.stance());
    assertEquals(ImmutableList.of("grishin", "iwpr"), k.via());
    assertEquals(Access.HEARSAY, k.access());
    assertEquals(Stake.SELF_SERVING, k.stake());
    assertEquals(Hedge.PROBABLE, k.hedge());
    assertEquals(ImmutableSet.of("under-pressure", "anonymous"), k.circumstances());
    assertEquals("interview", k.account().orElseThrow());
    assertEquals("Saw bruises, they said", k.note().orElseThrow());
    // Relays are sources too; the account is the interviewee's, the first party of the chain.
    assertEquals(List.of("commission-members", "grishin", "iwpr"), ids(c.sources()));
    assertEquals(Account.builder().id("interview").source("commission-members").build(),
        c.account("interview").orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "stance|affirms|AFFIRMS",
        "stance|Denies|DENIES",
        "access|direct|DIRECT",
        "access|DOCUMENTARY|DOCUMENTARY",
        "access|hearsay|HEARSAY",
        "stake|self-serving|SELF_SERVING",
        "stake|Against_Interest|AGAINST_INTEREST",
        "stake|neutral|NEUTRAL",
        "hedge|certain|CERTAIN",
        "hedge|probable|PROBABLE",
        "hedge|possible|POSSIBLE",
        "hedge|doubtful|DOUBTFUL",
      })
  void wordsIgnoreCaseAndTakeUnderscoreForHyphen(String column, String word, String constant)
      throws IOException {
    Claim k = read("source,question,value," + column + "\na,q,x, " + word + " \n").claims().get(0);
    Object got;
    switch (column) {
      case "stance":
        got = k.stance();
        break;
      case "access":
        got = k.access();
        break;
      case "stake":
        got = k.stake();
        break;
      default:
        got = k.hedge();
    }
    assertEquals(constant, ((Enum<?>) got).name());
  }

  @Test
  void spacesAroundFieldsAndListElementsAreIgnored() throws IOException {
    Claim k =
        read("source,question,value,via,circumstances\n a , q , x , grishin ; iwpr , anonymous \n")
            .claims()
            .get(0);
    assertEquals("a", k.source());
    assertEquals(Category.of("x"), k.value());
    assertEquals(ImmutableList.of("grishin", "iwpr"), k.via());
    assertEquals(ImmutableSet.of("anonymous"), k.circumstances());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "stance|maybe|column 'stance': unknown value 'maybe' (expected affirms, denies)",
        "access|rumour|column 'access': unknown value 'rumour' (expected direct, documentary,"
            + " hearsay)",
        "access|unspecified|column 'access': unknown value 'unspecified' (expected direct,"
            + " documentary, hearsay)",
        "stake|selfish|column 'stake': unknown value 'selfish' (expected self-serving,"
            + " against-interest, neutral)",
        "hedge|sure|column 'hedge': unknown value 'sure' (expected certain, probable, possible,"
            + " doubtful)",
        "via|grishin;;iwpr|column 'via': empty element in 'grishin;;iwpr' (elements are separated"
            + " by ';')",
        "via|iwpr;|column 'via': empty element in 'iwpr;' (elements are separated by ';')",
        "via|grishin;a|column 'via': 'a' appears twice in the chain a > grishin > a (a claim"
            + " cannot reach us through its own source or the same relay twice)",
        "via|iwpr;iwpr|column 'via': 'iwpr' appears twice in the chain a > iwpr > iwpr (a claim"
            + " cannot reach us through its own source or the same relay twice)",
        "circumstances|anonymous;;|column 'circumstances': empty element in 'anonymous;;'"
            + " (elements are separated by ';')",
      })
  void badQualifiersNameFileLineColumnAndValue(String column, String value, String problem)
      throws IOException {
    // The first row is good: the error is on line 3.
    String claims = "source,question,value," + column + "\na,q,x,\na,q,y," + value + "\n";
    assertEquals("claims.csv:3: " + problem, failure(claims));
  }

  @Test
  void columnNamesInMessagesAreAsWritten() {
    assertEquals(
        "claims.csv:2: column 'Stake': unknown value 'selfish' (expected self-serving,"
            + " against-interest, neutral)",
        failure("Source,Question,Value,Stake\na,q,x,selfish\n"));
  }

  @Test
  void requiredFieldsMustNotBeEmpty() {
    assertEquals("claims.csv:2: empty source in column 'source'",
        failure("source,question,value\n ,q,x\n"));
    assertEquals("claims.csv:2: empty question in column 'question'",
        failure("source,question,value\na,,x\n"));
    assertEquals("claims.csv:2: empty value in column 'value'",
        failure("source,question,value\na,q,\n"));
  }

  @Test
  void sourceIdsMustNotHoldTheListSeparator() {
    assertEquals("claims.csv:2: column 'source': source id 'a;b' contains ';', which separates"
        + " relays and blocs", failure("source,question,value\na;b,q,x\n"));
  }

  @Test
  void headerAndRowShapeAreCheckedAsForPlainClaims() {
    assertEquals(
        "claims.csv:1: the header has no value column ('value'); header: source,question,stance",
        failure("source,question,stance\na,q,denies\n"));
    assertEquals("claims.csv:3: expected 4 fields, as the header has, but found 3",
        failure("source,question,value,hedge\na,q,x,\na,q,y\n"));
  }

  @Test
  void crowdLabelsMayCarryQualifiersToo() throws IOException {
    Case c = read("task,worker,label,hedge\nt1,w1,cat,doubtful\n");
    Claim k = c.claims().get(0);
    assertEquals("w1", k.source());
    assertEquals("t1", k.question());
    assertEquals(Hedge.DOUBTFUL, k.hedge());
  }

  // Values in the question's type.

  private static final List<Question> TYPED =
      List.of(
          Question.of("start", "How did it start?", ValueDomain.categorical("police", "crowd")),
          Question.of("fire", "Fired?", ValueDomain.bool()),
          Question.of("killed", "Killed?", ValueDomain.integerQuantity("people")),
          Question.of("when", "When?", ValueDomain.dateTime()),
          Question.of("arrested", "Who?", ValueDomain.openSet()));

  @Test
  void valuesAreReadInTheirQuestionsType() throws IOException {
    Case c =
        read(
            "source,question,value\n"
                + "a,start,police\n"
                + "a,fire,yes\n"
                + "a,killed,15..20\n"
                + "b,killed,>100\n"
                + "c,killed,16\n"
                + "a,when,2011-12-16\n"
                + "a,arrested,x;y\n"
                + "b,arrested,\n",
            List.of(),
            TYPED);
    List<Object> values = c.claims().stream().map(Claim::value).collect(Collectors.toList());
    assertEquals(
        List.of(
            Category.of("police"),
            Truth.TRUE,
            Quantity.between(15, 20),
            Quantity.moreThan(100),
            Quantity.exactly(16),
            DateTime.onDay(LocalDate.of(2011, 12, 16)),
            ValueSet.of("x", "y"),
            ValueSet.of()),
        values);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "start|riot|bad value in column 'value': value 'riot' is not one of [police, crowd]"
            + " (question 'start')",
        "fire|perhaps|bad value in column 'value': Truth must be true/false, yes/no or 1/0, got"
            + " 'perhaps'",
        "killed|16.5|bad value in column 'value': value '16.5' is not a whole number (question"
            + " 'killed')",
        "killed|1e999|bad value in column 'value': Quantity '1e999': '1e999' is not a finite"
            + " number",
        "when|yesterday|bad value in column 'value': DateTime must be YYYY-MM-DD,"
            + " YYYY-MM-DDThh:mm[:ss] or START/END, got 'yesterday'",
      })
  void badValuesNameFileLineColumnAndValue(String question, String value, String problem) {
    assertEquals("claims.csv:2: " + problem,
        failure("source,question,value\na," + question + "," + value + "\n", TYPED));
  }

  @Test
  void questionsNotDescribedTakeTheDefaultDomain() throws IOException {
    Case c =
        CsvCaseReader.withDefaults()
            .withDefaultDomain(ValueDomain.quantity())
            .read(in("source,question,value\na,n,~70+-10\n"), "claims.csv", List.of(), List.of());
    assertEquals(Quantity.about(70, 10), c.claims().get(0).value());
    assertEquals(ValueDomain.quantity(), c.question("n").orElseThrow().domain());
  }

  // Rows that contradict each other.

  @Test
  void theSameClaimTwiceIsAnError() {
    assertEquals(
        "claims.csv:3: the same claim as on line 2 ('a/q/x via r')",
        failure("source,question,value,via,hedge\na,q,x,r,\na,q,x,r,probable\n"));
  }

  @Test
  void affirmingAndDenyingTheSameValueInOneAccountIsAnError() throws IOException {
    assertEquals(
        "claims.csv:3: source 'a' denies 'x' for question 'q' in account 'talk' but affirms it"
            + " on line 2",
        failure("source,question,value,stance,account\na,q,x,,talk\na,q,x,denies,talk\n"));
    // In different accounts the source changed its mind: allowed.
    assertEquals(2, read("source,question,value,stance,account\na,q,x,,t1\na,q,x,denies,t2\n")
        .claims().size());
  }

  // Accounts.

  @Test
  void anAccountIsMadeByThePartyCommonToItsClaimsNearestTheOrigin() throws IOException {
    Case c =
        read(
            "source,question,value,via,account\n"
                + "commission,q1,x,grishin;iwpr,interview\n"
                + "grishin,q2,y,iwpr,interview\n"
                + "witnesses,q3,z,iwpr,report\n"
                + "iwpr,q4,16,,report\n");
    assertEquals("grishin", c.account("interview").orElseThrow().source());
    assertEquals("iwpr", c.account("report").orElseThrow().source());
  }

  @Test
  void aChainOfManyRelaysIsCheckedInLinearTime() throws IOException {
    // 100 000 relays, within the record limit; compared pairwise, 5 * 10^9 comparisons.
    StringBuilder via = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      via.append(i == 0 ? "r" : ";r").append(i);
    }
    Case c = read("source,question,value,via,account\na,q,x," + via + ",talk\nb,q,y,"
        + via + ",talk\n");
    assertEquals(100_000, c.claims().get(0).via().size());
    assertEquals("r0", c.account("talk").orElseThrow().source());
    assertTrue(failure("source,question,value,via\na,q,x," + via + ";zz;a\n")
        .endsWith("(a claim cannot reach us through its own source or the same relay twice)"));
  }

  @Test
  void anAccountWithNoCommonPartyIsAnError() {
    assertEquals(
        "claims.csv:3: column 'account': account 'talk' must be made by a source or relay common"
            + " to all its claims, but this claim's chain b > r2 shares none with the earlier ones"
            + " (first on line 2)",
        failure("source,question,value,via,account\na,q,x,r1,talk\nb,q,y,r2,talk\n"));
  }

  // Sources.

  @Test
  void sourcesFileGivesNamesKindsBlocsAndPriors() throws IOException {
    List<Source> sources =
        READER.readSources(
            in("source,name,kind,affiliation,reliability\n"
                + "police,Police in Janaozen,state-body,government,D\n"
                + "grishin,\"Grishin, KIBHR\",Person,rights-ngo; lawyers,c\n"
                + "iwpr,,,,\n"),
            "sources.csv");
    Source police = sources.get(0);
    assertEquals("Police in Janaozen", police.name());
    assertEquals(SourceKind.STATE_BODY, police.kind());
    assertEquals(ImmutableSet.of("government"), police.affiliations());
    assertEquals(Reliability.D.credibility(), police.prior().orElseThrow());
    assertEquals("Grishin, KIBHR", sources.get(1).name());
    assertEquals(SourceKind.PERSON, sources.get(1).kind());
    assertEquals(ImmutableSet.of("rights-ngo", "lawyers"), sources.get(1).affiliations());
    assertEquals(Reliability.C.credibility(), sources.get(1).prior().orElseThrow());
    assertEquals(Source.of("iwpr"), sources.get(2));

    // Claims keep the listed sources as they are and add the others.
    Case c = read("source,question,value,via\nwitnesses,q,x,iwpr\n", sources, List.of());
    assertEquals(List.of("police", "grishin", "iwpr", "witnesses"), ids(c.sources()));
    assertEquals(police, c.source("police").orElseThrow());
  }

  @Test
  void affiliationsIsAcceptedForAffiliation() throws IOException {
    assertEquals(
        ImmutableSet.of("a", "b"),
        READER.readSources(in("source,affiliations\ns,a;b\n"), "sources.csv").get(0)
            .affiliations());
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> READER.readSources(in("source,affiliation,affiliations\ns,a,b\n"), "s.csv"));
    assertEquals("s.csv:1: the header has both 'affiliation' and 'affiliations' for the"
        + " affiliation; keep one", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "s,ngo,,|column 'kind': unknown value 'ngo' (expected person, organisation, state-body,"
            + " media-outlet, recording, crowd-worker, web-site, other)",
        "s,,,G|column 'reliability': unknown value 'G' (expected A, B, C, D, E, F)",
        "s,,,B2|column 'reliability': unknown value 'B2' (expected A, B, C, D, E, F)",
        "s,,a;;b,|column 'affiliation': empty element in 'a;;b' (elements are separated by ';')",
        "a;b,,,|column 'source': source id 'a;b' contains ';', which separates relays and blocs",
        ",,,|empty source in column 'source'",
        "x,,,|source 'x' is already listed on line 2",
      })
  void badSourcesNameFileLineColumnAndValue(String row, String problem) {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> READER.readSources(
                in("source,kind,affiliation,reliability\nx,,,\n" + row + "\n"), "sources.csv"));
    assertEquals("sources.csv:3: " + problem, e.getMessage());
  }

  // Questions.

  @Test
  void questionsFileGivesTypesUnitsTextsAndOptions() throws IOException {
    List<Question> questions =
        READER.readQuestions(
            in("question,type,unit,text,options\n"
                + "start,categorical,,How did it start?,police; crowd\n"
                + "cause,open-categorical,,,\n"
                + "fire,Boolean,,Fired?,\n"
                + "cost,quantity,USD,,\n"
                + "ratio,quantity,,,\n"
                + "killed,integer,people,,\n"
                + "when,date_time,,,\n"
                + "arrested,set,,,x;y\n"
                + "groups,open-set,,,\n"
                + "other,,,,\n"),
            "questions.csv");
    assertEquals(
        List.of(
            ValueDomain.categorical("police", "crowd"),
            ValueDomain.openCategorical(),
            ValueDomain.bool(),
            ValueDomain.quantity("USD"),
            ValueDomain.quantity(),
            ValueDomain.integerQuantity("people"),
            ValueDomain.dateTime(),
            ValueDomain.setOf("x", "y"),
            ValueDomain.openSet(),
            ValueDomain.openCategorical()),
        questions.stream().map(Question::domain).collect(Collectors.toList()));
    assertEquals("How did it start?", questions.get(0).text());
    assertEquals("cause", questions.get(1).text());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "q,number,,|column 'type': unknown value 'number' (expected categorical, open-categorical,"
            + " boolean, quantity, integer, date-time, set, open-set)",
        "q,categorical,,|column 'options': a categorical question needs its options, separated by"
            + " ';' (or use type open-categorical)",
        "q,set,,|column 'options': a set question needs its options, separated by ';' (or use"
            + " type open-set)",
        "q,boolean,,a;b|column 'options': only categorical and set questions have options, but"
            + " the type is 'boolean'",
        "q,open-categorical,,a|column 'options': only categorical and set questions have options,"
            + " but the type is 'open-categorical'",
        "q,boolean,km,|column 'unit': only quantity and integer questions have a unit, but the"
            + " type is 'boolean'",
        "q,integer,,|column 'unit': an integer question needs a unit, such as people",
        "q,,km,|column 'unit': a unit needs a type (quantity or integer) in column 'type'",
        "q,,,a;b|column 'options': options need a type (categorical or set) in column 'type'",
        "q,categorical,,a;a|column 'options': ValueDomain.options must not repeat, got [a, a]",
        "q,categorical,,a;|column 'options': empty element in 'a;' (elements are separated by"
            + " ';')",
        ",boolean,,|empty question in column 'question'",
        "x,boolean,,|question 'x' is already listed on line 2",
      })
  void badQuestionsNameFileLineColumnAndValue(String row, String problem) {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> READER.readQuestions(
                in("question,type,unit,options\nx,,,\n" + row + "\n"), "questions.csv"));
    assertEquals("questions.csv:3: " + problem, e.getMessage());
  }

  @Test
  void aCategoricalQuestionWithoutAnOptionsColumnNamesTheColumn() {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> READER.readQuestions(in("question,type\nq,categorical\n"), "questions.csv"));
    assertEquals("questions.csv:2: column 'options': a categorical question needs its options,"
        + " separated by ';' (or use type open-categorical)", e.getMessage());
  }

  // The case as a whole.

  @Test
  void sourcesOrQuestionsGivenTwiceMakeAnInvalidCase() {
    InvalidCaseException e =
        assertThrows(
            InvalidCaseException.class,
            () -> read("source,question,value\na,q,x\n",
                List.of(Source.of("a"), Source.of("a")), List.of()));
    assertEquals(List.of("duplicate Source id 'a'"), e.problems());
  }

  @Test
  void theCaseCompilesWithTheTestimonyModel() throws IOException {
    // Two plain witnesses against one self-serving claim relayed by an unknown outlet: the
    // relayed claim keeps 0.6 × 0.5 = 0.3 of its weight (docs/semantics.md).
    Case c =
        read("source,question,value,stake,via\n"
            + "w1,start,police,,\n"
            + "w2,start,crowd,,\n"
            + "police,start,crowd,self-serving,outlet\n");
    Verdict v = Reconcilers.byName("majority-vote").reconcile(ClaimIndex.of(c)).verdict("start");
    assertEquals(Category.of("crowd"), v.value().orElseThrow());
    assertEquals(1.3 / 2.3, v.confidence(), 1e-12);
  }

  @Test
  void readsFiles() throws IOException {
    Path claims = dir.resolve("claims.csv");
    Path sources = dir.resolve("sources.csv");
    Path questions = dir.resolve("questions.csv");
    Files.writeString(claims, "source,question,value,hedge\na,fire,true,possible\n");
    Files.writeString(sources, "source,reliability\na,B\n");
    Files.writeString(questions, "question,type\nfire,boolean\n");
    Case c = READER.read(claims, READER.readSources(sources), READER.readQuestions(questions));
    assertEquals("claims.csv", c.title());
    assertEquals(Truth.TRUE, c.claims().get(0).value());
    assertEquals(Reliability.B.credibility(), c.source("a").orElseThrow().prior().orElseThrow());
    assertEquals(c.claims(), READER.read(claims, c.sources(), c.questions()).claims());
    assertThrows(NoSuchFileException.class, () -> READER.read(dir.resolve("nope.csv")));
  }

  @Test
  void testimonyColumnsAreDetectedFromTheHeader() throws IOException {
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, "source,question,value,comment\na,q,x,hi\n");
    assertFalse(CsvCaseReader.hasTestimonyColumns(plain));
    for (String column : CsvCaseReader.TESTIMONY_COLUMNS) {
      Path file = dir.resolve(column + ".csv");
      Files.writeString(file, "source,question,value," + column.toUpperCase() + "\n");
      assertTrue(CsvCaseReader.hasTestimonyColumns(file), column);
    }
  }

  @Test
  void thePlainReaderRefusesTestimonyRatherThanIgnoreIt() {
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> CsvClaimReader.withDefaults().read(
                in("source,question,value,Stance\na,q,x,denies\n"), "claims.csv"));
    assertEquals("claims.csv:1: column 'Stance' qualifies the claims, which this reader would"
        + " ignore: read the file with CsvCaseReader", e.getMessage());
  }
}
