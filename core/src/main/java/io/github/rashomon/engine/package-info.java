/**
 * The reconciliation engine: one {@link io.github.rashomon.engine.Reconciler} interface, many
 * published algorithms behind it, all reading the same compiled {@link
 * io.github.rashomon.engine.ClaimIndex}, and the {@link io.github.rashomon.engine.Reconciliation}
 * they produce: verdicts with explanations, source assessments, provenance.
 *
 * <p>Pick an algorithm by name through {@link io.github.rashomon.engine.Reconcilers}, or
 * configure one directly ({@code DawidSkene.withDefaults().withIterations(100)}). Around the
 * algorithms: {@link io.github.rashomon.engine.TestimonyModel} weighs claims by their qualifiers,
 * relays and blocs; {@link io.github.rashomon.engine.VerdictPolicy} decides accepted, contested
 * or undetermined; {@link io.github.rashomon.engine.Sensitivity} finds what a verdict hangs on;
 * {@link io.github.rashomon.engine.Evaluation} and {@link io.github.rashomon.engine.Calibrator}
 * measure and calibrate against known truth; {@link io.github.rashomon.engine.Synthetic}
 * generates data with a known truth at any size.
 *
 * <pre>{@code
 * Reconciliation r = Reconcilers.byName("weighted-vote").reconcile(myCase);
 * Verdict v = r.verdict("fire-indiscriminate");
 * System.out.println(v.value().orElse(null) + " " + v.status() + ", " + v.corroboration());
 * }</pre>
 *
 * @since 0.1
 */
package io.github.rashomon.engine;
