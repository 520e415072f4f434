package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.InvalidCaseException;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a whole {@link Case} from spreadsheet files: a claims CSV whose rows may carry the
 * qualifiers of testimony, and optionally a sources CSV and a questions CSV.
 *
 * <p>The dialect and the strictness are those of {@link CsvClaimReader} (UTF-8, RFC 4180, a
 * header whose names are matched without regard to ASCII case, further columns ignored), and
 * every problem is a {@link CsvFormatException} naming the file, the line and, for a bad field,
 * the column and the value: {@code claims.csv:7: column 'stake': unknown value 'selfish'
 * (expected self-serving, against-interest, neutral)}. Spaces around a field are ignored.
 *
 * <p><b>Claims</b>: the columns {@code source,question,value} (or {@code worker,task,label}, as
 * {@link CsvClaimReader} reads crowd labels), and any of these optional ones, where an empty
 * field means the default:
 *
 * <ul>
 *   <li>{@code stance}: {@code affirms} (default) or {@code denies};
 *   <li>{@code via}: the relays through which the claim reached us, nearest to the source first,
 *       separated by {@code ;}: source {@code commission-members} with via {@code grishin;iwpr}
 *       is the commission members' claim as Grishin told it to IWPR;
 *   <li>{@code access}: {@code direct}, {@code documentary} or {@code hearsay};
 *   <li>{@code stake}: {@code self-serving}, {@code against-interest} or {@code neutral};
 *   <li>{@code hedge}: {@code certain}, {@code probable}, {@code possible} or {@code doubtful};
 *   <li>{@code circumstances}: free labels separated by {@code ;}, such as {@code
 *       under-pressure;anonymous};
 *   <li>{@code account}: the id of the statement event the claim was made in. The account's
 *       source is the first party, counting from the claim's source along its relays, that is in
 *       the chain of every claim of the account: for an interview of Grishin by IWPR, Grishin;
 *   <li>{@code note}: a quotation or paraphrase, for the reader of a verdict.
 * </ul>
 *
 * <p>Words are matched without regard to case, and {@code _} may stand for {@code -}. A value is
 * read as its question's type ({@link Value#parse(ValueType, String)}) and must belong to the
 * question's domain. Two rows making the same claim, or one source affirming and denying the same
 * value in the same account, are errors.
 *
 * <p><b>Sources</b> ({@link #readSources}): the column {@code source} and the optional {@code
 * name}, {@code kind} ({@code person}, {@code organisation}, {@code state-body}, {@code
 * media-outlet}, {@code recording}, {@code crowd-worker}, {@code web-site}, {@code other}),
 * {@code affiliation} (blocs separated by {@code ;}; {@code affiliations} is accepted too) and
 * {@code reliability} (an Admiralty letter {@code A} to {@code F}, which becomes the source's
 * prior credibility). A source named in the claims but not listed is added with no details.
 *
 * <p><b>Questions</b> ({@link #readQuestions}): the column {@code question} and the optional
 * {@code type}, {@code unit}, {@code text} and {@code options}. The types: {@code categorical}
 * (closed: needs {@code options}, separated by {@code ;}), {@code open-categorical}, {@code
 * boolean}, {@code quantity} (with an optional unit), {@code integer} (a whole-number quantity:
 * needs a unit, such as {@code people}), {@code date-time}, {@code set} (closed: needs {@code
 * options}) and {@code open-set}. A question with an empty type, and a question named in the
 * claims but not listed, takes the reader's {@linkplain #withDefaultDomain default domain}.
 *
 * <p>Source ids must not contain {@code ;}, which separates relays and blocs.
 *
 * <pre>{@code
 * CsvCaseReader reader = CsvCaseReader.withDefaults();
 * Case c = reader.read(
 *     dir.resolve("claims.csv"),
 *     reader.readSources(dir.resolve("sources.csv")),
 *     reader.readQuestions(dir.resolve("questions.csv")));
 * Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(ClaimIndex.of(c));
 * }</pre>
 *
 * <p>A reader is an immutable value and can be shared between threads.
 *
 * @implNote Builds one {@link Claim} per row, so memory grows with the case: meant for
 *     investigations of up to some hundred thousand claims. Plain {@code source,question,value}
 *     files of any size read faster with {@link CsvClaimReader}.
 * @since 0.1
 */
public final class CsvCaseReader {
  /** The claim columns that qualify a claim, in the order they are documented. */
  static final ImmutableList<String> TESTIMONY_COLUMNS =
      ImmutableList.of("stance", "via", "access", "stake", "circumstances", "hedge", "account");

  private static final CsvCaseReader DEFAULTS = new CsvCaseReader(ValueDomain.openCategorical());

  private static final ImmutableList<Stance> STANCES =
      ImmutableList.of(Stance.AFFIRMS, Stance.DENIES);
  private static final ImmutableList<Access> ACCESSES =
      ImmutableList.of(Access.DIRECT, Access.DOCUMENTARY, Access.HEARSAY);
  private static final ImmutableList<Stake> STAKES =
      ImmutableList.of(Stake.SELF_SERVING, Stake.AGAINST_INTEREST, Stake.NEUTRAL);
  private static final ImmutableList<Hedge> HEDGES =
      ImmutableList.of(Hedge.CERTAIN, Hedge.PROBABLE, Hedge.POSSIBLE, Hedge.DOUBTFUL);
  private static final ImmutableList<SourceKind> KINDS = ImmutableList.copyOf(SourceKind.values());
  private static final ImmutableList<Reliability> RELIABILITIES =
      ImmutableList.copyOf(Reliability.values());
  private static final ImmutableList<String> TYPES =
      ImmutableList.of(
          "categorical",
          "open-categorical",
          "boolean",
          "quantity",
          "integer",
          "date-time",
          "set",
          "open-set");

  private final ValueDomain defaultDomain;

  private CsvCaseReader(ValueDomain defaultDomain) {
    this.defaultDomain = defaultDomain;
  }

  /**
   * A reader whose questions are open categorical unless the questions file says otherwise.
   *
   * @return the reader
   */
  public static CsvCaseReader withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a reader that gives this domain to every question not listed in a questions file,
   * or listed with an empty type.
   *
   * @param domain the default domain, such as {@link ValueDomain#quantity()}
   * @return the reader
   */
  public CsvCaseReader withDefaultDomain(ValueDomain domain) {
    return new CsvCaseReader(checkNotNull(domain, "domain"));
  }

  /**
   * The domain of questions the files do not describe.
   *
   * @return the default domain
   */
  public ValueDomain defaultDomain() {
    return defaultDomain;
  }

  /**
   * Whether a claims file's header has any of the columns that qualify claims ({@code stance},
   * {@code via}, {@code access}, {@code stake}, {@code circumstances}, {@code hedge}, {@code
   * account}): such a file is a case, to be read by this reader rather than by {@link
   * CsvClaimReader}. Only the header is read.
   *
   * @param claims the claims file
   * @return whether the file qualifies its claims
   * @throws CsvFormatException if the file has no valid header
   * @throws IOException if the file cannot be read
   */
  public static boolean hasTestimonyColumns(Path claims) throws IOException {
    checkNotNull(claims, "claims");
    try (InputStream in = Files.newInputStream(claims)) {
      return testimonyColumn(Header.read(new CsvScanner(in, claims.toString()))) != null;
    }
  }

  /** The first testimony column of a header, as written there, or null. */
  static String testimonyColumn(Header h) {
    for (String name : TESTIMONY_COLUMNS) {
      int i = h.find(name);
      if (i >= 0) {
        return h.name(i);
      }
    }
    return null;
  }

  /**
   * Reads a sources file.
   *
   * @param file the file
   * @return the sources, in the order of the file
   * @throws CsvFormatException if the file is not valid; the message names file, line, column
   *     and value
   * @throws IOException if the file cannot be read
   */
  public ImmutableList<Source> readSources(Path file) throws IOException {
    checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return readSources(in, file.toString());
    }
  }

  /**
   * Reads a sources file from a stream, which is read to its end and not closed.
   *
   * @param in the bytes of a CSV file
   * @param name the name used for the file in error messages
   * @return the sources, in the order of the file
   * @throws CsvFormatException if the content is not valid; the message names {@code name},
   *     line, column and value
   * @throws IOException if the stream cannot be read
   */
  public ImmutableList<Source> readSources(InputStream in, String name) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    CsvScanner sc = new CsvScanner(in, name);
    Header h = Header.read(sc);
    int si = h.require("source", "source");
    int ni = h.find("name");
    int ki = h.find("kind");
    int ai = optional(h, "affiliation", "affiliations");
    int ri = h.find("reliability");
    Map<String, Long> seen = new HashMap<>();
    ImmutableList.Builder<Source> out = ImmutableList.builder();
    while (sc.next()) {
      h.checkRow(sc);
      String id = sourceId(sc, h, si, field(sc, si));
      Long before = seen.putIfAbsent(id, sc.recordLine());
      if (before != null) {
        throw sc.error("source '" + id + "' is already listed on line " + before);
      }
      Source.Builder b = Source.builder().id(id);
      String display = field(sc, ni);
      if (!display.isEmpty()) {
        b.name(display);
      }
      String kind = field(sc, ki);
      if (!kind.isEmpty()) {
        b.kind(choose(sc, h, ki, kind, KINDS));
      }
      for (String bloc : list(sc, h, ai)) {
        b.addAffiliations(bloc);
      }
      String reliability = field(sc, ri);
      if (!reliability.isEmpty()) {
        b.prior(choose(sc, h, ri, reliability, RELIABILITIES).credibility());
      }
      out.add(build(sc, b::build));
    }
    return out.build();
  }

  /**
   * Reads a questions file.
   *
   * @param file the file
   * @return the questions, in the order of the file
   * @throws CsvFormatException if the file is not valid; the message names file, line, column
   *     and value
   * @throws IOException if the file cannot be read
   */
  public ImmutableList<Question> readQuestions(Path file) throws IOException {
    checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return readQuestions(in, file.toString());
    }
  }

  /**
   * Reads a questions file from a stream, which is read to its end and not closed.
   *
   * @param in the bytes of a CSV file
   * @param name the name used for the file in error messages
   * @return the questions, in the order of the file
   * @throws CsvFormatException if the content is not valid; the message names {@code name},
   *     line, column and value
   * @throws IOException if the stream cannot be read
   */
  public ImmutableList<Question> readQuestions(InputStream in, String name) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    CsvScanner sc = new CsvScanner(in, name);
    Header h = Header.read(sc);
    int qi = h.require("question", "question");
    int ti = h.find("type");
    int ui = h.find("unit");
    int xi = h.find("text");
    int oi = h.find("options");
    Map<String, Long> seen = new HashMap<>();
    ImmutableList.Builder<Question> out = ImmutableList.builder();
    while (sc.next()) {
      h.checkRow(sc);
      String id = field(sc, qi);
      if (id.isEmpty()) {
        throw sc.error("empty question in column '" + h.name(qi) + "'");
      }
      Long before = seen.putIfAbsent(id, sc.recordLine());
      if (before != null) {
        throw sc.error("question '" + id + "' is already listed on line " + before);
      }
      Question.Builder b = Question.builder().id(id).domain(domain(sc, h, ti, ui, oi));
      String text = field(sc, xi);
      if (!text.isEmpty()) {
        b.text(text);
      }
      out.add(build(sc, b::build));
    }
    return out.build();
  }

  /** The domain a questions row describes. */
  private ValueDomain domain(CsvScanner sc, Header h, int ti, int ui, int oi)
      throws CsvFormatException {
    String type = field(sc, ti);
    String unit = field(sc, ui);
    List<String> options = list(sc, h, oi);
    if (type.isEmpty()) {
      if (!unit.isEmpty()) {
        throw sc.error("column '" + h.name(ui) + "': a unit needs a type (quantity or integer)"
            + " in column 'type'");
      }
      if (!options.isEmpty()) {
        throw sc.error("column '" + h.name(oi) + "': options need a type (categorical or set)"
            + " in column 'type'");
      }
      return defaultDomain;
    }
    String t = normalise(type);
    if (!TYPES.contains(t)) {
      throw sc.error("column '" + h.name(ti) + "': unknown value '" + type + "' (expected "
          + String.join(", ", TYPES) + ")");
    }
    boolean quantity = t.equals("quantity") || t.equals("integer");
    boolean closed = t.equals("categorical") || t.equals("set");
    if (!unit.isEmpty() && !quantity) {
      throw sc.error("column '" + h.name(ui) + "': only quantity and integer questions have a"
          + " unit, but the type is '" + type + "'");
    }
    if (!options.isEmpty() && !closed) {
      throw sc.error("column '" + h.name(oi) + "': only categorical and set questions have"
          + " options, but the type is '" + type + "'");
    }
    if (closed && options.isEmpty()) {
      throw sc.error((oi >= 0 ? "column '" + h.name(oi) + "'" : "column 'options'")
          + ": a " + t + " question needs its options, separated by ';' (or use type open-"
          + t + ")");
    }
    if (t.equals("integer") && unit.isEmpty()) {
      throw sc.error((ui >= 0 ? "column '" + h.name(ui) + "'" : "column 'unit'")
          + ": an integer question needs a unit, such as people");
    }
    try {
      switch (t) {
        case "categorical":
          return ValueDomain.categorical(options);
        case "open-categorical":
          return ValueDomain.openCategorical();
        case "boolean":
          return ValueDomain.bool();
        case "quantity":
          return unit.isEmpty() ? ValueDomain.quantity() : ValueDomain.quantity(unit);
        case "integer":
          return ValueDomain.integerQuantity(unit);
        case "date-time":
          return ValueDomain.dateTime();
        case "set":
          return ValueDomain.setOf(options.toArray(new String[0]));
        default:
          return ValueDomain.openSet();
      }
    } catch (IllegalArgumentException e) {
      throw sc.error("column '" + h.name(oi) + "': " + e.getMessage(), e);
    }
  }

  /**
   * Reads a claims file into a case whose sources and questions are only those the file names.
   *
   * @param claims the claims file
   * @return the case, titled with the file's name
   * @throws CsvFormatException if the file is not valid; the message names file, line, column
   *     and value
   * @throws InvalidCaseException if the claims, though each valid, do not form a valid case
   * @throws IOException if the file cannot be read
   */
  public Case read(Path claims) throws IOException {
    return read(claims, ImmutableList.of(), ImmutableList.of());
  }

  /**
   * Reads a claims file into a case with the given sources and questions, adding those the
   * claims name that are not among them.
   *
   * @param claims the claims file
   * @param sources the sources described elsewhere, as by {@link #readSources}
   * @param questions the questions described elsewhere, as by {@link #readQuestions}
   * @return the case, titled with the file's name
   * @throws CsvFormatException if the file is not valid; the message names file, line, column
   *     and value
   * @throws InvalidCaseException if the claims, though each valid, do not form a valid case with
   *     the given sources and questions (a source or question listed twice)
   * @throws IOException if the file cannot be read
   */
  public Case read(Path claims, Iterable<Source> sources, Iterable<Question> questions)
      throws IOException {
    checkNotNull(claims, "claims");
    Path fileName = claims.getFileName();
    try (InputStream in = Files.newInputStream(claims)) {
      return read(in, claims.toString(), sources, questions,
          fileName == null ? claims.toString() : fileName.toString());
    }
  }

  /**
   * Reads claims from a stream into a case with the given sources and questions, adding those
   * the claims name that are not among them. The stream is read to its end and not closed.
   *
   * @param in the bytes of a claims CSV file
   * @param name the name used for the file in error messages, and the case's title
   * @param sources the sources described elsewhere, as by {@link #readSources}
   * @param questions the questions described elsewhere, as by {@link #readQuestions}
   * @return the case
   * @throws CsvFormatException if the content is not valid; the message names {@code name},
   *     line, column and value
   * @throws InvalidCaseException if the claims, though each valid, do not form a valid case with
   *     the given sources and questions
   * @throws IOException if the stream cannot be read
   */
  public Case read(
      InputStream in, String name, Iterable<Source> sources, Iterable<Question> questions)
      throws IOException {
    return read(in, name, sources, questions, name);
  }

  private Case read(
      InputStream in,
      String name,
      Iterable<Source> givenSources,
      Iterable<Question> givenQuestions,
      String title)
      throws IOException {
    checkNotNull(in, "in");
    checkNotNull(name, "name");
    checkNotNull(givenSources, "sources");
    checkNotNull(givenQuestions, "questions");
    CsvScanner sc = new CsvScanner(in, name);
    Header h = Header.read(sc);
    Columns col = Columns.of(h);

    List<Source> extraSources = new ArrayList<>();
    Map<String, Boolean> sourceIds = new HashMap<>();
    for (Source s : givenSources) {
      sourceIds.put(s.id(), Boolean.TRUE);
    }
    Map<String, Question> questions = new LinkedHashMap<>();
    List<Question> extraQuestions = new ArrayList<>();
    for (Question q : givenQuestions) {
      questions.putIfAbsent(q.id(), q);
    }
    List<Claim> claims = new ArrayList<>();
    Map<String, Long> claimLines = new HashMap<>();
    Map<String, Long> stanceLines = new HashMap<>();
    Map<String, AccountDraft> accounts = new LinkedHashMap<>();

    while (sc.next()) {
      h.checkRow(sc);
      String source = field(sc, col.source);
      if (source.isEmpty()) {
        throw sc.error("empty source in column '" + h.name(col.source) + "'");
      }
      sourceId(sc, h, col.source, source);
      String questionId = field(sc, col.question);
      if (questionId.isEmpty()) {
        throw sc.error("empty question in column '" + h.name(col.question) + "'");
      }
      Question question = questions.get(questionId);
      if (question == null) {
        question = build(sc, () -> Question.builder().id(questionId).domain(defaultDomain).build());
        questions.put(questionId, question);
        extraQuestions.add(question);
      }
      Value value = value(sc, h, col.value, question);

      Claim.Builder b = Claim.builder().source(source).question(questionId).value(value);
      String stance = field(sc, col.stance);
      Stance st = stance.isEmpty() ? Stance.AFFIRMS : choose(sc, h, col.stance, stance, STANCES);
      b.stance(st);
      List<String> via = list(sc, h, col.via);
      List<String> chain = new ArrayList<>();
      // A set beside the list: a hostile row may name a hundred thousand relays.
      Set<String> inChain = new HashSet<>();
      chain.add(source);
      inChain.add(source);
      for (String relay : via) {
        sourceId(sc, h, col.via, relay);
        if (!inChain.add(relay)) {
          throw sc.error("column '" + h.name(col.via) + "': '" + relay + "' appears twice in the"
              + " chain " + String.join(" > ", chain) + " > " + relay
              + " (a claim cannot reach us through its own source or the same relay twice)");
        }
        chain.add(relay);
      }
      b.addAllVia(via);
      String access = field(sc, col.access);
      if (!access.isEmpty()) {
        b.access(choose(sc, h, col.access, access, ACCESSES));
      }
      String stake = field(sc, col.stake);
      if (!stake.isEmpty()) {
        b.stake(choose(sc, h, col.stake, stake, STAKES));
      }
      String hedge = field(sc, col.hedge);
      if (!hedge.isEmpty()) {
        b.hedge(choose(sc, h, col.hedge, hedge, HEDGES));
      }
      b.addAllCircumstances(list(sc, h, col.circumstances));
      String account = field(sc, col.account);
      if (!account.isEmpty()) {
        AccountDraft a = accounts.get(account);
        if (a == null) {
          accounts.put(account, new AccountDraft(chain, sc.recordLine()));
        } else {
          a.common.retainAll(inChain);
          if (a.common.isEmpty()) {
            throw sc.error("column '" + h.name(col.account) + "': account '" + account
                + "' must be made by a source or relay common to all its claims, but this"
                + " claim's chain " + String.join(" > ", chain) + " shares none with the"
                + " earlier ones (first on line " + a.line + ")");
          }
        }
        b.account(account);
      }
      String note = field(sc, col.note);
      if (!note.isEmpty()) {
        b.note(note);
      }
      Claim claim = build(sc, b::build);

      Long same = claimLines.putIfAbsent(claim.id(), sc.recordLine());
      if (same != null) {
        throw sc.error("the same claim as on line " + same + " ('" + claim.id() + "')");
      }
      String key = source + '\u0000' + account + '\u0000' + questionId + '\u0000'
          + value.canonical();
      Long opposite = stanceLines.get(key + '\u0000' + (st == Stance.AFFIRMS ? Stance.DENIES
          : Stance.AFFIRMS));
      if (opposite != null) {
        throw sc.error("source '" + source + "' " + (st == Stance.AFFIRMS ? "affirms" : "denies")
            + " '" + value.canonical() + "' for question '" + questionId + "'"
            + (account.isEmpty() ? "" : " in account '" + account + "'")
            + " but " + (st == Stance.AFFIRMS ? "denies" : "affirms") + " it on line "
            + opposite);
      }
      stanceLines.putIfAbsent(key + '\u0000' + st, sc.recordLine());
      for (String id : chain) {
        if (sourceIds.putIfAbsent(id, Boolean.TRUE) == null) {
          extraSources.add(Source.of(id));
        }
      }
      claims.add(claim);
    }

    Case.Builder c =
        Case.builder()
            .title(title)
            .addAllSources(givenSources)
            .addAllSources(extraSources)
            .addAllQuestions(givenQuestions)
            .addAllQuestions(extraQuestions)
            .addAllClaims(claims);
    for (Map.Entry<String, AccountDraft> a : accounts.entrySet()) {
      c.addAccounts(Account.builder().id(a.getKey()).source(a.getValue().common.get(0)).build());
    }
    return c.build();
  }

  /** The positions of the claim columns; -1 for an optional column that is absent. */
  private static final class Columns {
    int source;
    int question;
    int value;
    int stance;
    int via;
    int access;
    int stake;
    int hedge;
    int circumstances;
    int account;
    int note;

    static Columns of(Header h) throws CsvFormatException {
      Columns c = new Columns();
      boolean crowd = h.find("worker") >= 0;
      if (crowd && h.find("source") >= 0) {
        throw h.error(
            "the header has both 'source' and 'worker': cannot tell claims (source,question,value)"
                + " from crowd labels (task,worker,label)");
      }
      if (crowd) {
        c.source = h.require("worker", "worker");
        c.question = h.require("task", "task", "question");
        c.value = h.require("label", "label", "answer");
      } else {
        c.source = h.require("source", "source");
        c.question = h.require("question", "question");
        c.value = h.require("value", "value");
      }
      c.stance = h.find("stance");
      c.via = h.find("via");
      c.access = h.find("access");
      c.stake = h.find("stake");
      c.hedge = h.find("hedge");
      c.circumstances = h.find("circumstances");
      c.account = h.find("account");
      c.note = h.find("note");
      return c;
    }
  }

  /** An account being read: the parties common to the chains of its claims so far. */
  private static final class AccountDraft {
    final List<String> common;
    final long line;

    AccountDraft(List<String> chain, long line) {
      this.common = new ArrayList<>(chain);
      this.line = line;
    }
  }

  /** Parses a value in its question's type and checks it belongs to the question's domain. */
  private static Value value(CsvScanner sc, Header h, int column, Question q)
      throws CsvFormatException {
    String text = field(sc, column);
    ValueDomain domain = q.domain();
    if (text.isEmpty() && domain.type() != ValueType.SET) {
      throw sc.error("empty value in column '" + h.name(column) + "'");
    }
    Value v;
    try {
      v = Value.parse(domain.type(), text);
    } catch (IllegalArgumentException e) {
      throw sc.error("bad value in column '" + h.name(column) + "': " + e.getMessage(), e);
    }
    Optional<String> problem = domain.problemWith(v);
    if (problem.isPresent()) {
      throw sc.error("bad value in column '" + h.name(column) + "': " + problem.get()
          + " (question '" + q.id() + "')");
    }
    return v;
  }

  /** Checks a source id: not empty, no {@code ;}. */
  private static String sourceId(CsvScanner sc, Header h, int column, String id)
      throws CsvFormatException {
    if (id.isEmpty()) {
      throw sc.error("empty source in column '" + h.name(column) + "'");
    }
    if (id.indexOf(';') >= 0) {
      throw sc.error("column '" + h.name(column) + "': source id '" + id + "' contains ';',"
          + " which separates relays and blocs");
    }
    return id;
  }

  /** A field with the spaces around it removed; empty for an absent column. */
  private static String field(CsvScanner sc, int column) {
    return column < 0 ? "" : sc.text(column).strip();
  }

  /** A {@code ;}-separated list; empty for an empty field or an absent column. */
  private static List<String> list(CsvScanner sc, Header h, int column)
      throws CsvFormatException {
    String text = field(sc, column);
    List<String> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String part : text.split(";", -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        throw sc.error("column '" + h.name(column) + "': empty element in '" + text
            + "' (elements are separated by ';')");
      }
      out.add(p);
    }
    return out;
  }

  /** The position of the column with one of two names, or -1; both present is an error. */
  private static int optional(Header h, String name, String alias) throws CsvFormatException {
    if (h.find(name) >= 0 || h.find(alias) >= 0) {
      return h.require(name, name, alias);
    }
    return -1;
  }

  /** The constant whose lower-case, hyphenated name is {@code text}. */
  private static <E extends Enum<E>> E choose(
      CsvScanner sc, Header h, int column, String text, List<E> accepted)
      throws CsvFormatException {
    String key = normalise(text);
    for (E e : accepted) {
      if (spelling(e).equals(key)) {
        return e;
      }
    }
    StringBuilder expected = new StringBuilder();
    for (E e : accepted) {
      if (expected.length() > 0) {
        expected.append(", ");
      }
      expected.append(e instanceof Reliability ? e.name() : spelling(e));
    }
    throw sc.error("column '" + h.name(column) + "': unknown value '" + text + "' (expected "
        + expected + ")");
  }

  private static String spelling(Enum<?> e) {
    return normalise(e.name());
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Something that builds a model element and may refuse with IllegalArgumentException. */
  @FunctionalInterface
  private interface Make<T> {
    T make();
  }

  /** Builds an element; a refusal becomes an error at the current row. */
  private static <T> T build(CsvScanner sc, Make<T> make) throws CsvFormatException {
    try {
      return make.make();
    } catch (IllegalArgumentException e) {
      throw sc.error(e.getMessage(), e);
    }
  }
}
