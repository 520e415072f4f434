/**
 * The reconciliation engine: one {@link io.github.rashomon.engine.Reconciler} interface, many
 * published algorithms behind it, all reading the same compiled {@link
 * io.github.rashomon.engine.ClaimIndex}, and the {@link io.github.rashomon.engine.Reconciliation}
 * they produce: verdicts with explanations, source assessments, provenance.
 *
 * <p>Pick an algorithm by name through {@link io.github.rashomon.engine.Reconcilers}, or
 * configure one directly ({@code DawidSkene.withDefaults().withIterations(100)}).
 *
 * @since 0.1
 */
package io.github.rashomon.engine;
