package io.github.rashomon.engine;

import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.model.Case;

/**
 * An algorithm that reconciles conflicting claims into verdicts and source assessments.
 *
 * <p>Each implementation is named after its published method ({@link DawidSkene}, {@link
 * TruthFinder}, …) and is an immutable, configured value: {@code reconcile} is pure, deterministic
 * and thread-safe. The same case gives the same result, bit for bit, whatever order it lists its
 * elements in and however often it is run. Obtain one by name from {@link Reconcilers}.
 *
 * <pre>{@code
 * Reconciliation r = Reconcilers.byName("dawid-skene").reconcile(myCase);
 * for (Verdict v : r.verdicts()) {
 *   System.out.println(v.question() + ": " + v.value().orElse(null) + " " + v.status());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface Reconciler {

  /**
   * The algorithm's name, as accepted by {@link Reconcilers#byName(String)}.
   *
   * @return for example {@code "dawid-skene"}
   */
  String name();

  /**
   * The algorithm's settings in text form, as recorded in each result's provenance.
   *
   * @return the settings, sorted by name
   */
  ImmutableSortedMap<String, String> settings();

  /**
   * Reconciles a compiled claim index.
   *
   * @param index the claims
   * @return verdicts, assessments and provenance; non-convergence is reported there, never thrown
   */
  Reconciliation reconcile(ClaimIndex index);

  /**
   * Reconciles an index starting from an earlier result: a warm start, for claims that grow.
   * Questions, candidates and sources are matched by id (candidates by value); a question is
   * known when the earlier index had it with the same candidates and claims. From an earlier
   * result of the same algorithm, Dawid–Skene runs incremental EM: the known questions' shares
   * of the earlier M-step are kept, E- and M-steps alternate over the new or changed questions
   * until they settle, then one full EM iteration updates every posterior and the model.
   * TruthFinder keeps the known questions' confidences and iterates over the others until the
   * trust vector settles. Otherwise an iterative algorithm starts what the two share from its
   * earlier estimate and iterates to its usual stopping rule. The result is close to, not the
   * same as, a cold run's (see docs/performance.md for measured differences). One-pass algorithms
   * ignore the earlier result.
   *
   * @param index the claims, for example the earlier ones and some new ones
   * @param previous a result of this algorithm (or another) on earlier claims
   * @return verdicts, assessments and provenance
   * @since 0.1
   */
  default Reconciliation reconcile(ClaimIndex index, Reconciliation previous) {
    return reconcile(index);
  }

  /**
   * Compiles and reconciles a case.
   *
   * @param c the case
   * @return verdicts, assessments and provenance
   */
  default Reconciliation reconcile(Case c) {
    return reconcile(ClaimIndex.of(c));
  }
}
