/**
 * The {@code rashomon} command line: {@link io.github.rashomon.cli.Main} and its subcommands.
 *
 * @since 0.1
 */
package io.github.rashomon.cli;
