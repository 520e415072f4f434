/**
 * Credibility: probabilities with their uncertainty, as subjective-logic opinions, and the
 * NATO/Admiralty grading code.
 *
 * <p>{@link io.github.rashomon.credibility.Credibility} is the one representation of "how far to
 * believe"; {@link io.github.rashomon.credibility.Reliability}, {@link
 * io.github.rashomon.credibility.InformationCredibility} and {@link
 * io.github.rashomon.credibility.AdmiraltyGrade} convert analysts' grades into it.
 *
 * @since 0.1
 */
package io.github.rashomon.credibility;
