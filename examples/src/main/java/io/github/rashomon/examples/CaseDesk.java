package io.github.rashomon.examples;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.InvalidCaseException;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine embedded in a service: a desk that keeps one case, takes accounts as they arrive,
 * and after each arrival re-reconciles the case starting from its previous result, reporting the
 * verdicts that changed.
 *
 * <pre>{@code
 * CaseDesk desk = CaseDesk.open("Janaozen", questions, Reconcilers.byName("weighted-vote"));
 * CaseDesk.Update u = desk.receive(new CaseDesk.Arrival("police statement",
 *     List.of(police, iwpr), List.of(report), policeClaims));
 * for (CaseDesk.Change c : u.changes()) {
 *   System.out.println(c.question() + ": " + c.after().status());
 * }
 * }</pre>
 *
 * <p>Every arrival is validated with the whole case: if the case it would make is invalid (a
 * claim naming an unknown source, a duplicate claim, a value outside its question's domain), the
 * desk throws {@link InvalidCaseException} and keeps its earlier case and result. After a valid
 * arrival the desk compiles the grown case and calls {@link Reconciler#reconcile(ClaimIndex,
 * Reconciliation)} with the previous result: iterative algorithms that support a warm start
 * (TruthFinder, Dawid–Skene) start from it, one-pass ones (weighted vote) ignore it. A desk is
 * safe to share between threads; arrivals are taken one at a time.
 *
 * @since 0.1
 */
public final class CaseDesk {
  /**
   * What one arrival adds to the case: the sources it introduces (those its claims, relays and
   * accounts name; sources the desk already has may be repeated unchanged), its accounts, and
   * its claims.
   *
   * @param label what arrived, for the reader
   * @param sources sources to add
   * @param accounts accounts to add
   * @param claims claims to add
   * @since 0.1
   */
  public record Arrival(
      String label, List<Source> sources, List<Account> accounts, List<Claim> claims) {
    /**
     * Checks and copies the lists.
     *
     * @param label what arrived
     * @param sources sources to add
     * @param accounts accounts to add
     * @param claims claims to add
     */
    public Arrival {
      checkNotNull(label, "label");
      sources = List.copyOf(sources);
      accounts = List.copyOf(accounts);
      claims = List.copyOf(claims);
    }
  }

  /**
   * A question whose verdict changed with an arrival: its leading value, status or confidence.
   *
   * @param question the question id
   * @param before the verdict before the arrival; empty on the desk's first reconciliation
   * @param after the verdict after it
   * @since 0.1
   */
  public record Change(String question, Optional<Verdict> before, Verdict after) {}

  /**
   * The desk's answer to one arrival.
   *
   * @param label what arrived
   * @param result the reconciliation of the case with the arrival
   * @param changes the questions whose verdict changed, in the case's question order
   * @since 0.1
   */
  public record Update(String label, Reconciliation result, List<Change> changes) {}

  private final String title;
  private final ImmutableList<Question> questions;
  private final Reconciler algorithm;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final List<Claim> claims = new ArrayList<>();
  private Case current;
  private Reconciliation latest;

  private CaseDesk(String title, ImmutableList<Question> questions, Reconciler algorithm) {
    this.title = title;
    this.questions = questions;
    this.algorithm = algorithm;
    this.current = build(sources.values(), accounts.values(), claims);
  }

  /**
   * Opens a desk for one case.
   *
   * @param title the case's title
   * @param questions the questions in dispute
   * @param algorithm how to reconcile
   * @return a desk with no sources and no claims yet
   */
  public static CaseDesk open(String title, Iterable<Question> questions, Reconciler algorithm) {
    return new CaseDesk(
        checkNotNull(title, "title"),
        ImmutableList.copyOf(questions),
        checkNotNull(algorithm, "algorithm"));
  }

  /**
   * Adds an arrival to the case and re-reconciles it from the previous result.
   *
   * @param arrival what arrived
   * @return the new result and the verdicts that changed
   * @throws InvalidCaseException if the case with the arrival would be invalid; the desk is then
   *     unchanged
   * @throws IllegalArgumentException if the arrival repeats a known source or account id with
   *     different details
   */
  public synchronized Update receive(Arrival arrival) {
    checkNotNull(arrival, "arrival");
    Map<String, Source> nextSources = merge(sources, arrival.sources(), Source::id, "source");
    Map<String, Account> nextAccounts =
        merge(accounts, arrival.accounts(), Account::id, "account");
    List<Claim> nextClaims = new ArrayList<>(claims);
    nextClaims.addAll(arrival.claims());
    Case next = build(nextSources.values(), nextAccounts.values(), nextClaims);
    ClaimIndex index = ClaimIndex.of(next);
    Reconciliation result =
        latest == null ? algorithm.reconcile(index) : algorithm.reconcile(index, latest);
    List<Change> changes = new ArrayList<>();
    for (Question q : questions) {
      Verdict after = result.verdict(q.id());
      Optional<Verdict> before = Optional.ofNullable(latest).map(r -> r.verdict(q.id()));
      if (before.isEmpty() || changed(before.get(), after)) {
        changes.add(new Change(q.id(), before, after));
      }
    }
    sources.clear();
    sources.putAll(nextSources);
    accounts.clear();
    accounts.putAll(nextAccounts);
    claims.addAll(arrival.claims());
    current = next;
    latest = result;
    return new Update(arrival.label(), result, List.copyOf(changes));
  }

  /**
   * The case as it stands.
   *
   * @return every source, account and claim received so far
   */
  public synchronized Case currentCase() {
    return current;
  }

  /**
   * The latest reconciliation.
   *
   * @return the result of the last arrival; empty before the first
   */
  public synchronized Optional<Reconciliation> latest() {
    return Optional.ofNullable(latest);
  }

  private Case build(Iterable<Source> s, Iterable<Account> a, Iterable<Claim> c) {
    return Case.builder().title(title).addAllSources(s).addAllQuestions(questions)
        .addAllAccounts(a).addAllClaims(c).build();
  }

  /** A verdict changed when its leading value, status or confidence (to 0.01) did. */
  private static boolean changed(Verdict before, Verdict after) {
    return !before.value().equals(after.value())
        || before.status() != after.status()
        || Math.round(before.confidence() * 100) != Math.round(after.confidence() * 100);
  }

  private static <T> Map<String, T> merge(
      Map<String, T> known, List<T> added, java.util.function.Function<T, String> id,
      String kind) {
    Map<String, T> out = new LinkedHashMap<>(known);
    for (T t : added) {
      T earlier = out.putIfAbsent(id.apply(t), t);
      checkArgument(
          earlier == null || Objects.equals(earlier, t),
          "CaseDesk: %s '%s' arrived again with different details",
          kind,
          id.apply(t));
    }
    return out;
  }
}
