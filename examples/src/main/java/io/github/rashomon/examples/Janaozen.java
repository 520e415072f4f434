package io.github.rashomon.examples;

import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Circumstances;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.DateTime;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.io.HtmlReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The flagship example: the contradicting accounts of the shootings in Janaozen, Kazakhstan, on 16
 * December 2011, as reported by the Institute for War and Peace Reporting in January 2012.
 *
 * <p>Police, witnesses, video footage, a rights NGO, the government, a rights bureau's staff
 * member, members of an investigative commission, the president and his political adviser
 * disagree about how the shooting began, whether the fire was indiscriminate, how detainees were
 * treated, who instigated the violence and what the compensation means. Seven inquiries of
 * varying independence were under way and had published no findings; they appear as sources with
 * their allegiances and no claims.
 *
 * <p>The facts are encoded in our own words. The prior credibilities are illustrative Admiralty
 * grades an analyst might assign, not findings: a party to the events (the police, the government)
 * gets D, eyewitnesses C, recordings and an established NGO B, relays by the reliability of their
 * reporting.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java}.
 *
 * @since 0.1
 */
public final class Janaozen {
  private Janaozen() {}

  /** The IWPR report that carries every account, January 2012. */
  static final String REPORT = "iwpr-report";

  /** Andrei Grishin's interview with IWPR, January 2012. */
  static final String INTERVIEW = "grishin-interview";

  /**
   * Builds the Janaozen case.
   *
   * @return the case
   */
  public static Case build() {
    Case.Builder c = Case.builder().title("Janaozen, 16 December 2011");

    c.addSources(
        source("police", "Police in Janaozen", SourceKind.STATE_BODY, Reliability.D, "government"),
        source("witnesses", "Eyewitnesses in Janaozen", SourceKind.PERSON, Reliability.C),
        source("video-footage", "Footage of the shooting posted online", SourceKind.RECORDING,
            Reliability.B),
        source("hrw", "Human Rights Watch", SourceKind.ORGANISATION, Reliability.B, "rights-ngo"),
        source("government", "Government of Kazakhstan", SourceKind.STATE_BODY, Reliability.D,
            "government"),
        source("grishin", "Andrei Grishin, Kazakhstan International Bureau for Human Rights",
            SourceKind.PERSON, Reliability.C, "rights-ngo"),
        source("commission-members", "Members of an investigative commission who visited detainees",
            SourceKind.PERSON, Reliability.C),
        source("first-journalists", "The first journalists to reach the town",
            SourceKind.MEDIA_OUTLET, Reliability.C),
        source("iwpr", "Institute for War and Peace Reporting", SourceKind.MEDIA_OUTLET,
            Reliability.B),
        source("president", "President Nursultan Nazarbayev", SourceKind.PERSON, Reliability.C,
            "government"),
        source("adviser", "Yermuhamet Yertysbayev, political adviser to the president",
            SourceKind.PERSON, Reliability.D, "government"),
        // The seven inquiries: four on the government side, three independent.
        inquiry("inquiry-shukeev", "Inquiry led by Deputy Prime Minister Umirzak Shukeev",
            "government"),
        inquiry("inquiry-nur-otan", "Inquiry of the presidential party Nur Otan", "government"),
        inquiry("inquiry-labour-ministry", "Inquiry of the labour and welfare ministry",
            "government"),
        inquiry("inquiry-official", "Official probe of the interior ministry and prosecutors",
            "government"),
        inquiry("commission-opposition", "Independent commission of opposition leaders",
            "independent"),
        inquiry("commission-journalists", "Independent commission of journalists", "independent"),
        inquiry("commission-civil-society", "Independent commission of trade unions and NGOs",
            "independent"));

    c.addQuestions(
        Question.of("shooting-start", "How did the shooting on 16 December begin?",
            ValueDomain.categorical("police opened fire on protesters",
                "police fired in self-defence")),
        Question.of("fire-indiscriminate", "Did the police fire indiscriminately?",
            ValueDomain.bool()),
        Question.of("killed-janaozen", "How many demonstrators were killed in Janaozen on 16 December?",
            ValueDomain.integerQuantity("people")),
        Question.of("injured-janaozen", "How many people were injured in Janaozen on 16 December?",
            ValueDomain.integerQuantity("people")),
        Question.of("killed-shetpe", "How many people were killed in Shetpe on 17 December?",
            ValueDomain.integerQuantity("people")),
        Question.of("arrested", "How many people had been arrested by mid-January?",
            ValueDomain.integerQuantity("people")),
        Question.of("detainees-mistreated", "Were people detained after the violence mistreated?",
            ValueDomain.bool()),
        Question.of("death-in-custody", "Did a detainee die of injuries suffered in custody?",
            ValueDomain.bool()),
        Question.of("instigators", "Who instigated the violence?", ValueDomain.openCategorical()),
        Question.of("demands-legitimate", "Were the oil workers' demands largely legitimate?",
            ValueDomain.bool()),
        Question.of("president-informed", "Did the president know what was happening in Janaozen?",
            ValueDomain.bool()),
        Question.of("compensation-meaning",
            "What does the compensation paid to victims' families signify?",
            ValueDomain.openCategorical()),
        Question.of("rights-deteriorated",
            "Has the human-rights situation in Janaozen deteriorated since the unrest?",
            ValueDomain.bool()));

    c.addAccounts(
        Account.builder().id(REPORT).source("iwpr").title("IWPR report, January 2012")
            .date(DateTime.onDay(LocalDate.of(2012, 1, 12))).build(),
        Account.builder().id(INTERVIEW).source("grishin")
            .title("Andrei Grishin interviewed by IWPR, January 2012").build());

    DateTime dec16 = DateTime.onDay(LocalDate.of(2011, 12, 16));

    // How the shooting began, and whether it was indiscriminate.
    c.addClaims(
        reported("witnesses", "shooting-start", Category.of("police opened fire on protesters"))
            .access(Access.DIRECT).about(dec16).note("Witnesses say police opened fire").build(),
        reported("police", "shooting-start", Category.of("police fired in self-defence"))
            .access(Access.DIRECT).stake(Stake.SELF_SERVING).about(dec16)
            .note("Police maintain they were forced to defend themselves").build(),
        reported("witnesses", "fire-indiscriminate", Truth.TRUE)
            .access(Access.DIRECT).about(dec16).build(),
        reported("video-footage", "fire-indiscriminate", Truth.TRUE)
            .access(Access.DIRECT).hedge(Hedge.POSSIBLE).about(dec16)
            .note("Online footage appears to show indiscriminate fire").build(),
        reported("police", "fire-indiscriminate", Truth.TRUE).stance(Stance.DENIES)
            .access(Access.DIRECT).stake(Stake.SELF_SERVING).about(dec16).build());

    // Casualties and arrests, as the report states them.
    c.addClaims(
        reported("iwpr", "killed-janaozen", Quantity.exactly(16)).about(dec16).build(),
        reported("iwpr", "injured-janaozen", Quantity.moreThan(100)).about(dec16).build(),
        reported("iwpr", "killed-shetpe", Quantity.exactly(1))
            .about(DateTime.onDay(LocalDate.of(2011, 12, 17))).build(),
        reported("iwpr", "arrested", Quantity.exactly(20)).build());

    // Treatment of detainees.
    c.addClaims(
        reported("hrw", "detainees-mistreated", Truth.TRUE).access(Access.HEARSAY)
            .note("Rights groups raised concerns about mistreatment of detainees").build(),
        reported("hrw", "death-in-custody", Truth.TRUE).access(Access.HEARSAY)
            .hedge(Hedge.POSSIBLE)
            .note("One detainee died, apparently of injuries sustained in custody").build(),
        reported("government", "detainees-mistreated", Truth.TRUE).stance(Stance.DENIES)
            .stake(Stake.SELF_SERVING).note("The government denied mistreating detainees").build(),
        interview("commission-members", "detainees-mistreated", Truth.TRUE)
            .access(Access.DIRECT).addVia("grishin", "iwpr")
            .note("Commission members saw bruises on one detainee during their visit of 6 January")
            .build(),
        interview("grishin", "detainees-mistreated", Truth.TRUE).access(Access.HEARSAY)
            .hedge(Hedge.PROBABLE).addVia("iwpr")
            .note("Judging by the first journalists' reports and online videos").build(),
        interview("grishin", "death-in-custody", Truth.TRUE).access(Access.HEARSAY)
            .hedge(Hedge.CERTAIN).addVia("iwpr")
            .note("At least one confirmed death from torture of an innocent person").build(),
        interview("first-journalists", "detainees-mistreated", Truth.TRUE).access(Access.DIRECT)
            .hedge(Hedge.POSSIBLE).addVia("grishin", "iwpr").build());

    // Responsibility, as the president, his adviser and Grishin describe it.
    c.addClaims(
        interview("adviser", "instigators",
                Category.of("Kazakhs returning from Turkmenistan and Uzbekistan"))
            .stake(Stake.SELF_SERVING).addVia("grishin", "iwpr").build(),
        interview("president", "demands-legitimate", Truth.TRUE).stake(Stake.AGAINST_INTEREST)
            .addVia("grishin", "iwpr")
            .note("The president acknowledged the oil workers' demands were largely legitimate")
            .build(),
        interview("president", "president-informed", Truth.FALSE).stake(Stake.SELF_SERVING)
            .addVia("grishin", "iwpr")
            .note("The president admitted he did not know exactly what was happening").build(),
        interview("grishin", "president-informed", Truth.TRUE).hedge(Hedge.POSSIBLE)
            .addVia("iwpr").note("It seems strange that the head of state was unaware").build(),
        interview("grishin", "compensation-meaning",
                Category.of("the authorities acknowledge responsibility"))
            .addVia("iwpr")
            .addCircumstances(Circumstances.AFTER_INDUCEMENT)
            .note("Payouts of one million tenge to families of the dead").build(),
        interview("grishin", "rights-deteriorated", Truth.TRUE).hedge(Hedge.CERTAIN)
            .addVia("iwpr").note("More than convinced the situation has deteriorated").build());

    return c.build();
  }

  private static Source source(
      String id, String name, SourceKind kind, Reliability reliability, String... blocs) {
    return Source.builder()
        .id(id)
        .name(name)
        .kind(kind)
        .prior(reliability.credibility())
        .addAffiliations(blocs)
        .build();
  }

  private static Source inquiry(String id, String name, String bloc) {
    return source(id, name, SourceKind.STATE_BODY, Reliability.F, bloc);
  }

  /** A claim the IWPR report states or attributes (everything reaches us through IWPR). */
  private static Claim.Builder reported(
      String source, String question, io.github.rashomon.model.Value value) {
    Claim.Builder b = Claim.builder().source(source).question(question).value(value)
        .account(REPORT);
    if (!source.equals("iwpr")) {
      b.addVia("iwpr");
    }
    return b;
  }

  /** A claim made in, or relayed through, Grishin's interview. */
  private static Claim.Builder interview(
      String source, String question, io.github.rashomon.model.Value value) {
    return Claim.builder().source(source).question(question).value(value).account(INTERVIEW);
  }

  /**
   * Reconciles the case and prints every verdict with its reasons.
   *
   * @param r the reconciliation
   * @param c the case
   * @param out where to print
   */
  public static void print(Reconciliation r, Case c, PrintStream out) {
    out.printf(Locale.ROOT, "%s: %d sources, %d questions, %d claims; algorithm %s%n%n",
        c.title(), c.sources().size(), c.questions().size(), c.claims().size(),
        r.provenance().algorithm());
    for (Question q : c.questions()) {
      Verdict v = r.verdict(q.id());
      out.printf(Locale.ROOT, "%s%n  -> %s  [%s, confidence %.2f]%n  %s%n",
          q.text(),
          v.value().map(io.github.rashomon.model.Value::canonical).orElse("(no claims)"),
          v.status(), v.confidence(), v.reason());
      out.printf(Locale.ROOT, "  corroboration: %.2f independent line(s) for %s, %.2f against %s%n",
          v.corroboration().linesFor(), v.corroboration().blocsFor(),
          v.corroboration().linesAgainst(), v.corroboration().blocsAgainst());
      for (Contribution k : v.explanation()) {
        out.printf(Locale.ROOT, "    %+.2f  %-20s %s %s%s%n", k.weight(), k.source(),
            k.stance() == Stance.DENIES ? "denies" : "affirms", k.value().canonical(),
            k.notes().isEmpty() ? "" : "  (" + String.join(", ", k.notes()) + ")");
      }
      out.println();
    }
  }

  /**
   * The sensitivity of every verdict: what each one hangs on.
   *
   * @param algorithm the algorithm
   * @param c the case
   * @return one report per question, in case order
   */
  public static List<SensitivityReport> sensitivity(Reconciler algorithm, Case c) {
    List<SensitivityReport> reports = new ArrayList<>();
    for (Question q : c.questions()) {
      reports.add(Sensitivity.of(algorithm).analyse(c, q.id()));
    }
    return reports;
  }

  /**
   * Builds the case, reconciles it with weighted vote over the analysts' priors, prints the
   * verdicts with what each hangs on, and writes the HTML report.
   *
   * @param args an optional algorithm name (default {@code weighted-vote}) and an optional
   *     report file (default {@code janaozen-report.html} in the working directory)
   * @throws IOException if the report cannot be written
   */
  public static void main(String[] args) throws IOException {
    Reconciler algorithm = Reconcilers.byName(args.length > 0 ? args[0] : "weighted-vote");
    Path report = Paths.get(args.length > 1 ? args[1] : "janaozen-report.html");
    Case c = build();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Reconciliation r = algorithm.reconcile(c);
    print(r, c, out);
    List<SensitivityReport> sensitivity = sensitivity(algorithm, c);
    out.println("What each verdict hangs on:");
    for (SensitivityReport s : sensitivity) {
      out.printf(Locale.ROOT, "  %-22s %s%n", s.question(),
          s.survivesEveryRemoval()
              ? "survives the removal of any one source or bloc"
              : "changes without " + s.pivotalSources().keySet()
                  + (s.pivotalBlocs().isEmpty() ? "" : " or bloc " + s.pivotalBlocs().keySet()));
    }
    HtmlReportWriter.withDefaults().write(r, sensitivity, report);
    out.println();
    out.println("Report written to " + report.toAbsolutePath());
  }
}
