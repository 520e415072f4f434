package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Value;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What would change a verdict: the analysis a journalist needs before publishing.
 *
 * <p>For one question it re-runs the reconciliation (a) without each source that has a claim on
 * the question, directly or as a relay, (b) without each bloc those sources belong to, and (c)
 * with each such source's prior credibility moved across [0.01, 0.99], locating by bisection the
 * credibility at which the leading value changes. The whole case is re-reconciled each time, so
 * effects through other questions (a source's trust learned elsewhere) are included.
 *
 * <pre>{@code
 * SensitivityReport s = Sensitivity.of(Reconcilers.byName("weighted-vote"))
 *     .analyse(myCase, "fire-indiscriminate");
 * if (!s.survivesEveryRemoval()) {
 *   System.out.println("changes without " + s.pivotalSources().keySet());
 * }
 * System.out.println("flips at credibility " + s.credibilityToFlip());
 * }</pre>
 *
 * @implNote For a question with {@code k} sources and {@code b} blocs, about {@code k + b + 22k}
 *     reconciliations of the case: meant for investigations of dozens to thousands of claims,
 *     not for crowd data at scale.
 * @since 0.1
 */
public final class Sensitivity {
  private static final int BISECTION_STEPS = 20;
  private static final double LOW = 0.01;
  private static final double HIGH = 0.99;

  private final Reconciler reconciler;
  private final TestimonyModel model;

  private Sensitivity(Reconciler reconciler, TestimonyModel model) {
    this.reconciler = reconciler;
    this.model = model;
  }

  /**
   * An analysis with the given algorithm and the default testimony model.
   *
   * @param reconciler the algorithm whose verdicts are analysed
   * @return the analysis
   */
  public static Sensitivity of(Reconciler reconciler) {
    return of(reconciler, TestimonyModel.defaults());
  }

  /**
   * An analysis with the given algorithm and testimony model.
   *
   * @param reconciler the algorithm whose verdicts are analysed
   * @param model the testimony model used to compile the case
   * @return the analysis
   */
  public static Sensitivity of(Reconciler reconciler, TestimonyModel model) {
    return new Sensitivity(checkNotNull(reconciler, "reconciler"), checkNotNull(model, "model"));
  }

  /**
   * Analyses the verdict on one question.
   *
   * @param c the case
   * @param questionId the question
   * @return the report
   * @throws IllegalArgumentException if the case has no such question
   */
  public SensitivityReport analyse(Case c, String questionId) {
    checkNotNull(c, "case");
    checkNotNull(questionId, "questionId");
    checkArgument(c.question(questionId).isPresent(), "no question '%s' in case '%s'",
        questionId, c.title());
    Optional<Value> baseline = lead(c, questionId);
    TreeSet<String> involved = new TreeSet<>();
    for (Claim k : c.claimsAbout(questionId)) {
      involved.add(k.source());
      involved.addAll(k.via());
    }
    SensitivityReport.Builder report =
        SensitivityReport.builder().question(questionId).value(baseline);
    ImmutableSortedMap.Builder<String, String> pivotal = ImmutableSortedMap.naturalOrder();
    TreeSet<String> blocs = new TreeSet<>();
    for (String s : involved) {
      Optional<Value> without = lead(remove(c, k -> k.source().equals(s) || k.via().contains(s)),
          questionId);
      if (!without.equals(baseline)) {
        pivotal.put(s, without.map(Value::canonical).orElse(""));
      }
      c.source(s).ifPresent(src -> blocs.addAll(src.affiliations()));
    }
    report.pivotalSources(pivotal.build());
    ImmutableSortedMap.Builder<String, String> pivotalBlocs = ImmutableSortedMap.naturalOrder();
    for (String bloc : blocs) {
      Predicate<String> member =
          id -> c.source(id).map(src -> src.affiliations().contains(bloc)).orElse(false);
      Optional<Value> without =
          lead(remove(c, k -> member.test(k.source()) || k.via().stream().anyMatch(member)),
              questionId);
      if (!without.equals(baseline)) {
        pivotalBlocs.put(bloc, without.map(Value::canonical).orElse(""));
      }
    }
    report.pivotalBlocs(pivotalBlocs.build());
    ImmutableSortedMap.Builder<String, Double> flips = ImmutableSortedMap.naturalOrder();
    ImmutableList.Builder<String> robust = ImmutableList.builder();
    for (String s : involved) {
      Optional<Double> p = flipPoint(c, questionId, s, baseline);
      if (p.isPresent()) {
        flips.put(s, p.get());
      } else {
        robust.add(s);
      }
    }
    return report.credibilityToFlip(flips.build()).addAllRobustTo(robust.build()).build();
  }

  /** Bisects for the prior at which the leading value stops being the baseline. */
  private Optional<Double> flipPoint(Case c, String q, String source, Optional<Value> baseline) {
    boolean lowFlips = !lead(withPrior(c, source, LOW), q).equals(baseline);
    boolean highFlips = !lead(withPrior(c, source, HIGH), q).equals(baseline);
    if (lowFlips == highFlips) {
      return Optional.empty();
    }
    // Keep [a, b] with the baseline holding at one end and not at the other.
    double a = LOW;
    double b = HIGH;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (a + b) / 2;
      boolean midFlips = !lead(withPrior(c, source, mid), q).equals(baseline);
      if (midFlips == lowFlips) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return Optional.of((a + b) / 2);
  }

  private Optional<Value> lead(Case c, String q) {
    Reconciliation r = reconciler.reconcile(ClaimIndex.of(c, model));
    int n = r.index().questionNumber(q);
    return n < 0 ? Optional.empty() : r.leadingValue(n);
  }

  private static Case remove(Case c, Predicate<Claim> drop) {
    return Case.builder()
        .title(c.title())
        .addAllSources(c.sources())
        .addAllQuestions(c.questions())
        .addAllAccounts(c.accounts())
        .addAllClaims(c.claims().stream().filter(drop.negate())::iterator)
        .build();
  }

  private static Case withPrior(Case c, String source, double p) {
    Case.Builder b = Case.builder().title(c.title());
    for (Source s : c.sources()) {
      if (s.id().equals(source)) {
        b.addSources(
            Source.builder()
                .id(s.id())
                .name(s.name())
                .kind(s.kind())
                .addAllAffiliations(s.affiliations())
                .prior(Credibility.dogmatic(p))
                .build());
      } else {
        b.addSources(s);
      }
    }
    return b.addAllQuestions(c.questions())
        .addAllAccounts(c.accounts())
        .addAllClaims(c.claims())
        .build();
  }
}
