package io.github.rashomon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spreadsheet cases on the command line: claims with testimony columns, {@code --sources},
 * {@code --questions} and {@code --sensitivity}.
 */
class SpreadsheetCaseCommandTest {
  /** The example of docs/formats.md: the Janaozen case of examples/Janaozen.java as CSV. */
  private static final Path EXAMPLE = repositoryRoot().resolve("docs/examples/janaozen");

  @TempDir Path dir;
  private Path out;
  private String stdout;
  private String stderr;

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    stdout = o.toString();
    stderr = e.toString();
    return status;
  }

  private int reconcile(String algorithm, Path claims, String... extra) {
    out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("reconcile", "--input", claims.toString(),
        "--algorithm", algorithm, "--output", out.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(new String[0]));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private String verdicts() throws IOException {
    return Files.readString(out.resolve("verdicts.csv"));
  }

  @Test
  void theJanaozenExample() throws IOException {
    assertEquals(0, reconcile("weighted-vote", EXAMPLE.resolve("claims.csv"),
        "--sources", EXAMPLE.resolve("sources.csv").toString(),
        "--questions", EXAMPLE.resolve("questions.csv").toString()), stderr);
    assertTrue(stdout.startsWith(
        "weighted-vote: 22 claims, 13 questions, 18 sources; converged after 1 iteration;"),
        stdout);
    // The verdicts Janaozen.main prints for the same case built in Java.
    assertEquals(
        "question,value,confidence,status,lines_for,lines_against,blocs_for,blocs_against,"
            + "pivotal_sources,pivotal_blocs\n"
            + "arrested,20,1.000000,ACCEPTED,1.000000,0.000000,,,,\n"
            + "compensation-meaning,the authorities acknowledge responsibility,1.000000,"
            + "UNDETERMINED,1.000000,0.000000,rights-ngo,,,\n"
            + "death-in-custody,true,1.000000,UNDETERMINED,1.333333,0.000000,rights-ngo,,,\n"
            + "demands-legitimate,true,1.000000,ACCEPTED,1.000000,0.000000,government,,,\n"
            + "detainees-mistreated,true,0.815798,ACCEPTED,3.333333,1.000000,rights-ngo,"
            + "government,,\n"
            + "fire-indiscriminate,true,0.813953,ACCEPTED,2.000000,1.000000,,government,,\n"
            + "injured-janaozen,>100,1.000000,ACCEPTED,1.000000,0.000000,,,,\n"
            + "instigators,Kazakhs returning from Turkmenistan and Uzbekistan,1.000000,"
            + "UNDETERMINED,1.000000,0.000000,government,,,\n"
            + "killed-janaozen,16,1.000000,ACCEPTED,1.000000,0.000000,,,,\n"
            + "killed-shetpe,1,1.000000,ACCEPTED,1.000000,0.000000,,,,\n"
            + "president-informed,true,0.561798,CONTESTED,1.000000,1.000000,rights-ngo,"
            + "government,,\n"
            + "rights-deteriorated,true,1.000000,ACCEPTED,1.000000,0.000000,rights-ngo,,,\n"
            + "shooting-start,police opened fire on protesters,0.730337,ACCEPTED,1.000000,"
            + "1.000000,,government,,\n",
        verdicts());
    assertEquals(19, Files.readAllLines(out.resolve("sources.csv")).size());
  }

  @Test
  void sensitivityNamesWhatEachVerdictHangsOn() throws IOException {
    assertEquals(0, reconcile("weighted-vote", EXAMPLE.resolve("claims.csv"),
        "--sources", EXAMPLE.resolve("sources.csv").toString(),
        "--questions", EXAMPLE.resolve("questions.csv").toString(), "--sensitivity"), stderr);
    List<String> rows = Files.readAllLines(out.resolve("verdicts.csv"));
    // Everything reached us through IWPR, so every verdict hangs on it; the president's
    // admission also on Grishin, who relayed it, and on the president himself.
    assertEquals("demands-legitimate,true,1.000000,ACCEPTED,1.000000,0.000000,government,,"
        + "grishin;iwpr;president,government;rights-ngo", rows.get(4));
    // The shooting: without the witnesses the police account would lead.
    assertEquals("shooting-start,police opened fire on protesters,0.730337,ACCEPTED,1.000000,"
        + "1.000000,,government,iwpr;witnesses,", rows.get(13));
    for (String row : rows.subList(1, rows.size())) {
      assertTrue(row.split(",", -1)[8].contains("iwpr"), row);
    }
  }

  @Test
  void testimonyColumnsAloneMakeACase() throws IOException {
    // A self-serving claim weighs 0.6 (docs/semantics.md): 1 against 0.6, not a tie.
    Path claims = file("claims.csv", "source,question,value,stake\na,q,x,self-serving\nb,q,y,\n");
    assertEquals(0, reconcile("majority-vote", claims), stderr);
    assertEquals("q,y,0.625000,ACCEPTED,1.000000,1.000000,,,,",
        Files.readAllLines(out.resolve("verdicts.csv")).get(1));
  }

  @Test
  void sideFilesMakeACaseOfPlainClaims() throws IOException {
    Path claims = file("claims.csv", "source,question,value\ncop,q,x\ncop2,q,x\nngo,q,y\n");
    Path sources = file("sources.csv", "source,affiliation\ncop,police\ncop2,police\n");
    assertEquals(0, reconcile("majority-vote", claims, "--sources", sources.toString()), stderr);
    // Two police sources count 2 / 1.5 = 1.333333 lines and votes against the NGO's 1.
    assertEquals("q,x,0.571429,CONTESTED,1.333333,1.000000,police,,,",
        Files.readAllLines(out.resolve("verdicts.csv")).get(1));
  }

  @Test
  void questionsFileTypesTheValuesAndUnlistedQuestionsTakeTheValueType() throws IOException {
    Path claims = file("claims.csv", "source,question,value\n"
        + "a,killed,15..20\nb,killed,16\nc,killed,>100\na,fire,yes\nb,fire,1\nc,n,~70+-10\n");
    Path questions = file("questions.csv", "question,type,unit\nkilled,integer,people\n"
        + "fire,boolean,\n");
    assertEquals(0, reconcile("majority-vote", claims, "--questions", questions.toString(),
        "--value-type", "quantity"), stderr);
    String v = verdicts();
    // "yes" and "1" are the same truth; 15..20 and 16 are different candidates.
    assertTrue(v.contains("\nfire,true,1.000000,ACCEPTED,2.000000,0.000000,,,,\n"), v);
    assertTrue(v.contains("\nn,~70+-10,1.000000,ACCEPTED,"), v);
  }

  @Test
  void sensitivityReadsPlainClaimsAndCrowdLabelsAsACase() throws IOException {
    Path labels = file("labels.csv", "task,worker,label\nt1,w1,cat\nt1,w2,cat\nt1,w3,dog\n");
    assertEquals(0, reconcile("majority-vote", labels, "--sensitivity"), stderr);
    // cat 2 against dog 1: without w1 or w2 it is a tie that canonical order gives to cat.
    assertEquals("t1,cat,0.666667,ACCEPTED,2.000000,1.000000,,,,",
        Files.readAllLines(out.resolve("verdicts.csv")).get(1));
    Path claims = file("claims.csv", "source,question,value\na,q,y\nb,q,x\n");
    assertEquals(0, reconcile("majority-vote", claims, "--sensitivity"), stderr);
    // A 1-1 tie given to x: without b, y leads.
    assertEquals("q,x,0.500000,CONTESTED,1.000000,1.000000,,,b,",
        Files.readAllLines(out.resolve("verdicts.csv")).get(1));
  }

  @Test
  void evaluateReadsEachTruthInItsQuestionsType() throws IOException {
    Path claims = file("claims.csv", "source,question,value,hedge\na,fire,yes,probable\n"
        + "b,fire,no,doubtful\n");
    Path questions = file("questions.csv", "question,type\nfire,boolean\n");
    Path truth = file("truth.csv", "question,truth\nfire,true\n");
    assertEquals(0, run("evaluate", "--input", claims.toString(), "--questions",
        questions.toString(), "--truth", truth.toString(), "--algorithm", "majority-vote"),
        stderr);
    assertTrue(stdout.contains("accuracy             1.0000 (1 correct)"), stdout);
  }

  // Errors: one line naming file, line, column and value; status 2; nothing written.

  private void assertInputError(String message, String... args) {
    assertEquals(2, run(args), stderr);
    assertEquals("rashomon: " + message + System.lineSeparator(), stderr);
    assertEquals("", stdout);
    assertFalse(Files.exists(out), "no output");
  }

  @Test
  void aBadClaimsField() throws IOException {
    Path claims = file("claims.csv", "source,question,value,stake\na,q,x,\nb,q,y,selfish\n");
    out = dir.resolve("out");
    for (String sensitivity : List.of("--threads=1", "--sensitivity")) {
      assertInputError(claims + ":3: column 'stake': unknown value 'selfish' (expected"
              + " self-serving, against-interest, neutral)",
          "reconcile", "--input", claims.toString(), "--algorithm", "majority-vote", "--output",
          out.toString(), sensitivity);
    }
  }

  @Test
  void aValueOutsideItsQuestionsDomain() throws IOException {
    Path claims = file("claims.csv", "source,question,value\na,start,riot\n");
    Path questions = file("questions.csv", "question,type,options\nstart,categorical,police;crowd\n");
    out = dir.resolve("out");
    assertInputError(claims + ":2: bad value in column 'value': value 'riot' is not one of"
            + " [police, crowd] (question 'start')",
        "reconcile", "--input", claims.toString(), "--questions", questions.toString(),
        "--algorithm", "majority-vote", "--output", out.toString());
  }

  @Test
  void aBadSourcesField() throws IOException {
    Path claims = file("claims.csv", "source,question,value\na,q,x\n");
    Path sources = file("sources.csv", "source,kind,reliability\na,person,Z\n");
    out = dir.resolve("out");
    assertInputError(sources + ":2: column 'reliability': unknown value 'Z' (expected A, B, C,"
            + " D, E, F)",
        "reconcile", "--input", claims.toString(), "--sources", sources.toString(),
        "--algorithm", "majority-vote", "--output", out.toString());
  }

  @Test
  void aBadQuestionsField() throws IOException {
    Path claims = file("claims.csv", "source,question,value\na,q,x\n");
    Path questions = file("questions.csv", "question,type\nq,number\n");
    out = dir.resolve("out");
    assertInputError(questions + ":2: column 'type': unknown value 'number' (expected"
            + " categorical, open-categorical, boolean, quantity, integer, date-time, set,"
            + " open-set)",
        "evaluate", "--input", claims.toString(), "--questions", questions.toString(),
        "--truth", claims.toString(), "--algorithm", "majority-vote");
  }

  @Test
  void aMissingSideFile() throws IOException {
    Path claims = file("claims.csv", "source,question,value\na,q,x\n");
    Path sources = dir.resolve("none.csv");
    out = dir.resolve("out");
    assertInputError(sources + ": no such file or directory",
        "reconcile", "--input", claims.toString(), "--sources", sources.toString(),
        "--algorithm", "majority-vote", "--output", out.toString());
  }

  @Test
  void anExistingOutputIsLeftAlone() throws IOException {
    Path claims = file("claims.csv", "source,question,value,via\na,q,x,a\n");
    out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("verdicts.csv"), "old");
    assertEquals(2, reconcile("majority-vote", claims));
    assertEquals("rashomon: " + claims + ":2: column 'via': 'a' appears twice in the chain a > a"
        + " (a claim cannot reach us through its own source or the same relay twice)"
        + System.lineSeparator(), stderr);
    assertEquals("old", Files.readString(out.resolve("verdicts.csv")));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void helpNamesTheOptions() {
    assertEquals(0, run("reconcile", "--help"));
    assertTrue(stdout.contains("--sources=FILE"), stdout);
    assertTrue(stdout.contains("--questions=FILE"), stdout);
    assertTrue(stdout.contains("--sensitivity"), stdout);
    assertTrue(stdout.contains("pivotal_sources"), stdout);
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
