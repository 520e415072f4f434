/**
 * File formats: claims and known truths read from CSV straight into the engine's {@link
 * io.github.rashomon.engine.ClaimIndex} or into a {@link io.github.rashomon.model.Case}, and
 * reconciliation results written as CSV.
 *
 * <p>{@link io.github.rashomon.io.CsvClaimReader} reads claims ({@code source,question,value}) or
 * crowd labels ({@code task,worker,label}); {@link io.github.rashomon.io.CsvCaseReader} reads a
 * whole case from spreadsheets (claims with the qualifiers of testimony, sources, questions);
 * {@link io.github.rashomon.io.CsvTruthReader} reads a
 * gold standard ({@code question,truth}); {@link io.github.rashomon.io.CsvResultWriter} writes
 * {@code verdicts.csv} and {@code sources.csv} atomically. A malformed file is a {@link
 * io.github.rashomon.io.CsvFormatException} whose message is {@code FILE:LINE: problem}.
 *
 * <p>JSON and publishing: {@link io.github.rashomon.io.JsonCaseReader} and {@link
 * io.github.rashomon.io.JsonCaseWriter} read and write whole cases (a malformed file is a {@link
 * io.github.rashomon.io.JsonFormatException}, {@code FILE:LINE: PATH: problem}); {@link
 * io.github.rashomon.io.JsonResultWriter} writes results; {@link
 * io.github.rashomon.io.ClaimReviewWriter}, {@link io.github.rashomon.io.ProvWriter} and {@link
 * io.github.rashomon.io.DotWriter} export schema.org ClaimReview, W3C PROV-JSON and Graphviz DOT;
 * {@link io.github.rashomon.io.HtmlReportWriter} writes the self-contained HTML report. {@code
 * docs/formats.md} describes them all.
 *
 * @since 0.1
 */
package io.github.rashomon.io;
