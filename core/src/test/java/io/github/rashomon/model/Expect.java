package io.github.rashomon.model;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/**
 * Assertions on rejected input: the exception type, and a message that names what was wrong.
 * Public so that the tests of other packages (credibility) share it.
 */
// Public in an exported package, so javac warns that JUnit's Executable is not exported to
// readers of the module; this class only ever runs in the test classpath.
@SuppressWarnings("exports")
public final class Expect {
  private Expect() {}

  /**
   * Asserts that {@code call} throws {@code type} and that the message contains every fragment
   * (typically the field and the offending value).
   */
  public static <T extends Throwable> T rejects(
      Class<T> type, Executable call, String... fragments) {
    T e = assertThrows(type, call);
    String message = e.getMessage();
    assertNotNull(message, () -> type.getSimpleName() + " without a message");
    for (String f : fragments) {
      assertTrue(
          message.contains(f), () -> "message \"" + message + "\" should contain \"" + f + "\"");
    }
    return e;
  }

  /** Asserts an {@link IllegalArgumentException} whose message contains every fragment. */
  public static IllegalArgumentException rejectsArgument(Executable call, String... fragments) {
    return rejects(IllegalArgumentException.class, call, fragments);
  }

  /** Asserts a {@link NullPointerException}; its message, if any, need not name anything. */
  public static void rejectsNull(Executable call) {
    assertThrows(NullPointerException.class, call);
  }
}
