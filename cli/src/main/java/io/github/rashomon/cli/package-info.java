/**
 * The {@code rashomon} command line: {@link io.github.rashomon.cli.Main} and its subcommands.
 *
 * <p>{@code reconcile} reads claims (CSV, spreadsheet cases or a JSON case) and writes {@code
 * verdicts.csv} and {@code sources.csv}; {@code evaluate} compares a reconciliation with known
 * truth; {@code report} writes the self-contained HTML report; {@code export} writes the JSON
 * result, schema.org ClaimReview, W3C PROV-JSON or Graphviz DOT. {@code reconcile --engine
 * spark} runs the algorithm on Apache Spark. Bad input is one line on standard error and exit
 * status 2; {@code docs/cli.md} gives every option.
 *
 * <pre>{@code
 * java -jar cli/target/rashomon.jar reconcile \
 *     --input answers.csv --algorithm dawid-skene --output out/
 * }</pre>
 *
 * @since 0.1
 */
package io.github.rashomon.cli;
