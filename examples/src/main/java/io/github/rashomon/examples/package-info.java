/**
 * Runnable example programs, each run with one command from the repository root and by the
 * module's tests ({@code docs/examples.md}):
 *
 * <ul>
 *   <li>{@link io.github.rashomon.examples.Janaozen}: the contradicting accounts of the December
 *       2011 shootings in Janaozen, Kazakhstan, reconciled into verdicts with their reasons and
 *       an HTML report;
 *   <li>{@link io.github.rashomon.examples.CrowdLabels}: a crowdsourcing dataset aggregated by
 *       three algorithms, compared with the evaluation API;
 *   <li>{@link io.github.rashomon.examples.WebSources}: truth discovery on book authors from 877
 *       bookstores, with author lists as sets ({@link io.github.rashomon.examples.AuthorNames})
 *       and copy detection;
 *   <li>{@link io.github.rashomon.examples.LiveCase}: the engine embedded in a service, a {@link
 *       io.github.rashomon.examples.CaseDesk} that re-reconciles the Janaozen case from its
 *       previous result as the accounts arrive.
 * </ul>
 *
 * @since 0.1
 */
package io.github.rashomon.examples;
