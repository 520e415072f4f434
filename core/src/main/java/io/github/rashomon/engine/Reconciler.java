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
   * Compiles and reconciles a case.
   *
   * @param c the case
   * @return verdicts, assessments and provenance
   */
  default Reconciliation reconcile(Case c) {
    return reconcile(ClaimIndex.of(c));
  }
}
