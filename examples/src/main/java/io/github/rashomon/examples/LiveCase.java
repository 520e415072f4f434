package io.github.rashomon.examples;

import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconcilers;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Value;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Janaozen case as it unfolded: the accounts of {@link Janaozen} reach a {@link CaseDesk} one
 * after another (the police statement first, then the footage, the witnesses, the rights groups
 * and the government, what Andrei Grishin relayed from the commission members who visited
 * detainees, and IWPR's figures), and after each the desk re-reconciles the case from its
 * previous result and reports which verdicts changed.
 *
 * <p>The arrivals are the claims of {@link Janaozen#build()} in that order, so after the last one
 * the desk holds the flagship case and its verdicts are the flagship's. After every arrival the
 * example also reconciles the case from scratch and compares. With weighted vote, a one-pass
 * algorithm that ignores the earlier result, the two are identical. TruthFinder starts from the
 * earlier trust and stops at its tolerance, so its warm and cold results differ slightly: on
 * this case by less than 10<sup>-3</sup> in any probability (5.3 × 10<sup>-4</sup> at most),
 * never in a leading value or a status, and the warm runs take fewer iterations in all.
 * Dawid–Skene's warm start is incremental EM, which keeps the earlier posteriors of unchanged
 * questions while the new ones settle: close to a cold run on large crowds (see {@code
 * docs/performance.md}), looser on a case of two dozen claims, where each arrival changes what
 * every source's confusion matrix should be. Here it keeps every leading value and status of the
 * cold run, but probabilities differ by up to 0.2 and the warm runs take more iterations in all;
 * a model with a confusion matrix per source is the wrong tool for so few claims anyway.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java
 * -Dexample=io.github.rashomon.examples.LiveCase}; pass an algorithm name as the argument ({@code
 * -Dexec.args=truthfinder}) to watch another algorithm.
 *
 * @since 0.1
 */
public final class LiveCase {
  private LiveCase() {}

  /**
   * The arrivals: a label and the sources whose claims arrive then, in the order a newsroom
   * following Janaozen would have received them.
   */
  static final List<List<String>> ARRIVALS = List.of(
      List.of("The police: they fired in self-defence, not indiscriminately", "police"),
      List.of("Footage of the shooting posted online", "video-footage"),
      List.of("Witnesses: the police opened fire, indiscriminately", "witnesses"),
      List.of("Human Rights Watch: detainees mistreated, one died in custody", "hrw"),
      List.of("The government denies mistreating detainees", "government"),
      List.of("Grishin relays the commission members' visit to detainees (6 January) and the"
          + " first journalists' reports", "commission-members", "first-journalists"),
      List.of("Grishin quotes the president and his political adviser", "president", "adviser"),
      List.of("Grishin's own assessment", "grishin"),
      List.of("IWPR's figures: killed, injured, arrested", "iwpr"),
      List.of("Seven inquiries under way, none with findings yet", "inquiry-shukeev",
          "inquiry-nur-otan", "inquiry-labour-ministry", "inquiry-official",
          "commission-opposition", "commission-journalists", "commission-civil-society"));

  /**
   * The arrivals of the Janaozen case: each with its sources' claims, the sources they name (as
   * claimants, relays or accounts' sources) and the accounts they belong to.
   *
   * @param full the whole case
   * @return one arrival per entry of {@link #ARRIVALS}
   */
  static List<CaseDesk.Arrival> arrivals(Case full) {
    List<CaseDesk.Arrival> out = new ArrayList<>();
    for (List<String> a : ARRIVALS) {
      List<String> from = a.subList(1, a.size());
      Set<String> sources = new LinkedHashSet<>(from);
      Set<String> accounts = new LinkedHashSet<>();
      List<Claim> claims = new ArrayList<>();
      for (Claim c : full.claims()) {
        if (from.contains(c.source())) {
          claims.add(c);
          sources.addAll(c.via());
          c.account().ifPresent(accounts::add);
        }
      }
      List<Account> acc = new ArrayList<>();
      for (String id : accounts) {
        Account account = full.account(id).orElseThrow();
        acc.add(account);
        sources.add(account.source());
      }
      List<Source> src = new ArrayList<>();
      for (String id : sources) {
        src.add(full.source(id).orElseThrow());
      }
      out.add(new CaseDesk.Arrival(a.get(0), src, acc, claims));
    }
    return out;
  }

  /**
   * Feeds the arrivals to a desk, printing after each the verdicts that changed and how the warm
   * result compares with a cold one.
   *
   * @param algorithm the desk's algorithm
   * @param out where to print
   * @return the desk's update for each arrival
   */
  public static List<CaseDesk.Update> run(Reconciler algorithm, PrintStream out) {
    Case full = Janaozen.build();
    CaseDesk desk = CaseDesk.open(full.title(), full.questions(), algorithm);
    out.printf(Locale.ROOT, "%s: a desk reconciling with %s as the accounts arrive%n",
        full.title(), algorithm.name());
    List<CaseDesk.Update> updates = new ArrayList<>();
    int n = 0;
    int warmIterations = 0;
    int coldIterations = 0;
    for (CaseDesk.Arrival a : arrivals(full)) {
      CaseDesk.Update u = desk.receive(a);
      updates.add(u);
      out.printf(Locale.ROOT, "%n[%d] %s (%d claim(s))%n", ++n, u.label(), a.claims().size());
      if (u.changes().isEmpty()) {
        out.println("    no verdict changes");
      }
      for (CaseDesk.Change c : u.changes()) {
        if (c.before().isEmpty() && c.after().claims() == 0) {
          continue; // the first arrival: questions nobody has spoken to yet stay quiet
        }
        out.printf(Locale.ROOT, "    %-22s %s -> %s%n", c.question(),
            c.before().map(LiveCase::describe).orElse("(new)"), describe(c.after()));
      }
      Reconciliation cold = algorithm.reconcile(u.result().index());
      out.printf(Locale.ROOT, "    warm start: %d iteration(s), cold start: %d; %s%n",
          u.result().provenance().iterations(), cold.provenance().iterations(),
          compare(u.result(), cold));
      warmIterations += u.result().provenance().iterations();
      coldIterations += cold.provenance().iterations();
    }
    out.printf(Locale.ROOT, "%nIterations in all: %d from warm starts, %d from cold starts%n",
        warmIterations, coldIterations);
    return updates;
  }

  /** How far a warm result is from a cold one, in words. */
  static String compare(Reconciliation warm, Reconciliation cold) {
    if (warm.verdicts().equals(cold.verdicts()) && warm.assessments().equals(cold.assessments())) {
      return "identical results";
    }
    return String.format(Locale.ROOT,
        "largest difference of a probability %.1e, %s", maxDifference(warm, cold),
        sameAnswers(warm, cold) ? "same values and statuses" : "VALUES OR STATUSES DIFFER");
  }

  /** The largest difference between two results' probabilities of the same candidate. */
  static double maxDifference(Reconciliation a, Reconciliation b) {
    double max = 0;
    for (int q = 0; q < a.questionCount(); q++) {
      for (int c = 0; c < a.index().candidates(q).size(); c++) {
        max = Math.max(max, Math.abs(a.probability(q, c) - b.probability(q, c)));
      }
    }
    return max;
  }

  /** Whether two results lead with the same value and status on every question. */
  static boolean sameAnswers(Reconciliation a, Reconciliation b) {
    for (int q = 0; q < a.questionCount(); q++) {
      if (!a.leadingValue(q).equals(b.leadingValue(q)) || a.status(q) != b.status(q)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Verdict v) {
    return String.format(Locale.ROOT, "%s %s (%.2f)",
        v.value().map(Value::canonical).orElse("none"), v.status(), v.confidence());
  }

  /**
   * Runs the Janaozen story through a desk.
   *
   * @param args an optional algorithm name (default {@code weighted-vote})
   */
  public static void main(String[] args) {
    Reconciler algorithm = Reconcilers.byName(args.length > 0 ? args[0] : "weighted-vote");
    run(algorithm, new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }
}
