package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;

/** Shared checks for identifiers and labels in the model. */
final class Ids {
  private Ids() {}

  /** An id must be non-blank and must not begin or end with whitespace. */
  static void check(String field, String id) {
    checkArgument(!id.isBlank(), "%s must not be blank, got '%s'", field, id);
    checkArgument(
        id.strip().equals(id), "%s must not begin or end with whitespace, got '%s'", field, id);
  }

  /** Free text must be non-blank. */
  static void checkText(String field, String text) {
    checkArgument(!text.isBlank(), "%s must not be blank, got '%s'", field, text);
  }
}
