package io.github.rashomon.cli;

import io.github.rashomon.engine.Reconcilers;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rashomon} command.
 *
 * <pre>
 * java -jar rashomon.jar reconcile --input answer.csv --algorithm majority-vote --output out
 * </pre>
 *
 * <p>Exit status: 0 on success, 1 when the output cannot be written (or on an internal error), 2
 * for a usage error or an input file that cannot be read or is malformed. Errors are one line on
 * standard error, {@code rashomon: FILE:LINE: problem} for a malformed file.
 *
 * @since 0.1
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command, printing to standard output and error, without exiting.
   *
   * @param args the command line
   * @return the exit status
   */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return commandLine(out, err).execute(args);
  }

  /** The configured command line, printing to the given writers. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Rashomon());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(Main::internalError);
    return cl;
  }

  /**
   * An exception no command expected is a bug: one line naming it, status 1, rather than a stack
   * trace that reads as if the input were to blame.
   */
  static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    String what = String.valueOf(e).replace("\r", "\\r").replace("\n", "\\n");
    cl.getErr().println("rashomon: internal error (a bug, please report it with the input): "
        + what);
    return 1;
  }

  /** The top command: only a container for the subcommands. */
  @Command(
      name = "rashomon",
      mixinStandardHelpOptions = true,
      version = "rashomon " + Reconcilers.VERSION,
      description = "Reconciles conflicting claims into verdicts and source assessments.",
      subcommands = {
        ReconcileCommand.class,
        EvaluateCommand.class,
        ReportCommand.class,
        ExportCommand.class,
        CommandLine.HelpCommand.class
      },
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {
        "0:success",
        "1:the output could not be written, or an internal error",
        "2:a usage error, or an input file that cannot be read or is malformed"
      })
  static final class Rashomon {}
}
