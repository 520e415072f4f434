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
   * Iterative algorithms (Dawid–Skene, TruthFinder) start each question, candidate and source
   * the two indexes share (matched by id, candidates by value) from its earlier estimate, and
   * the rest from their usual start; they then iterate to their usual stopping rule, so the
   * result is a fixed point of the same algorithm, reached in fewer iterations when little
   * changed. It can differ slightly from a cold run's, as any two starts of an iteration that
   * stops at a tolerance can. One-pass algorithms ignore the earlier result.
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
