package io.github.rashomon.model;

import com.google.common.collect.ImmutableList;

/**
 * Thrown when a {@link Case} fails validation. The message lists every problem found, each
 * naming the offending element; {@link #problems()} gives them one by one.
 *
 * @since 0.1
 */
public final class InvalidCaseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, kept as an array so the exception stays serializable. */
  private final String[] problems;

  InvalidCaseException(String title, ImmutableList<String> problems) {
    super(
        "Case '"
            + title
            + "' is invalid ("
            + problems.size()
            + (problems.size() == 1 ? " problem): " : " problems): ")
            + String.join("; ", problems));
    this.problems = problems.toArray(new String[0]);
  }

  /**
   * Every problem found, in the order of the elements in the case.
   *
   * @return the problems, at least one
   */
  public ImmutableList<String> problems() {
    return ImmutableList.copyOf(problems);
  }
}
