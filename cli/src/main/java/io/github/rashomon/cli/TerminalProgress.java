package io.github.rashomon.cli;

import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.ProgressListener;
import io.github.rashomon.engine.Reconciler;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Sensitivity;
import io.github.rashomon.engine.SensitivityReport;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Question;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A one-line progress bar on the terminal: the phase, a bar, the step and the iteration, such as
 * {@code sensitivity [#######.........] question 5/13, iteration 12/100}.
 *
 * <p>It draws only when the program runs on a terminal ({@link System#console()} is not null,
 * which Java grants only when standard input and output are both terminals), at most ten times a
 * second, and erases itself when closed. Otherwise it does nothing: redirected output, pipes and
 * the files written are never touched, and results do not depend on it.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {
  private static final int WIDTH = 24;
  private static final long INTERVAL_NANOS = 100_000_000L;

  private final PrintWriter terminal;
  private final String phase;
  private long lastDrawn;
  private boolean drawn;
  private int step;
  private int steps;
  private String unit = "";
  private int iteration;
  private int maxIterations;

  private TerminalProgress(PrintWriter terminal, String phase) {
    this.terminal = terminal;
    this.phase = phase;
  }

  /** Starts a phase; the bar is silent unless on a terminal. */
  static TerminalProgress start(String phase) {
    Console console = System.console();
    return new TerminalProgress(console == null ? null : console.writer(), phase);
  }

  /** Reconciles, showing the algorithm's iterations. */
  static Reconciliation reconcile(Reconciler reconciler, ClaimIndex index) {
    try (TerminalProgress p = start("reconciling (" + reconciler.name() + ")")) {
      return p.run(() -> reconciler.reconcile(index));
    }
  }

  /** The sensitivity analysis of every question of a case, showing the question and iteration. */
  static List<SensitivityReport> sensitivity(Reconciler reconciler, Case c) {
    Sensitivity s = Sensitivity.of(reconciler);
    List<SensitivityReport> out = new ArrayList<>();
    List<Question> questions = c.questions();
    try (TerminalProgress p = start("sensitivity")) {
      for (int i = 0; i < questions.size(); i++) {
        p.step(i + 1, questions.size(), "question");
        String id = questions.get(i).id();
        out.add(p.run(() -> s.analyse(c, id)));
      }
    }
    return out;
  }

  /** Runs work, showing the iterations of the algorithms it runs on this thread. */
  <T> T run(Supplier<T> work) {
    return terminal == null ? work.get() : ProgressListener.during(this, work);
  }

  /** Moves to step {@code k} of {@code n}, such as question 3 of 13. */
  void step(int k, int n, String what) {
    step = k;
    steps = n;
    unit = what;
    iteration = 0;
    draw(true);
  }

  @Override
  public void iteration(int iteration, int maxIterations) {
    this.iteration = iteration;
    this.maxIterations = maxIterations;
    draw(false);
  }

  private void draw(boolean now) {
    if (terminal == null) {
      return;
    }
    long time = System.nanoTime();
    if (!now && drawn && time - lastDrawn < INTERVAL_NANOS) {
      return;
    }
    lastDrawn = time;
    double inStep = maxIterations > 0 && iteration > 0
        ? Math.min(1.0, iteration / (double) maxIterations) : 0;
    double done = steps > 0 ? (step - 1 + inStep) / steps : inStep;
    int filled = (int) Math.round(WIDTH * Math.max(0, Math.min(1, done)));
    StringBuilder line = new StringBuilder("\r").append(phase).append(" [")
        .append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append(']');
    if (steps > 0) {
      line.append(String.format(Locale.ROOT, " %s %d/%d", unit, step, steps));
    }
    if (iteration > 0) {
      line.append(String.format(Locale.ROOT, "%s iteration %d/%d", steps > 0 ? "," : "",
          iteration, maxIterations));
    }
    // Pad, so a shorter line overwrites a longer one.
    line.append("          ");
    terminal.print(line);
    terminal.flush();
    drawn = true;
  }

  /** Erases the bar. */
  @Override
  public void close() {
    if (terminal != null && drawn) {
      terminal.print("\r" + " ".repeat(phase.length() + WIDTH + 70) + "\r");
      terminal.flush();
    }
  }
}
