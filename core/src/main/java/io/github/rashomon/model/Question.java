package io.github.rashomon.model;

import io.github.rashomon.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * One disputed thing with an unknown true value: "how many demonstrators were killed?", "did
 * police fire indiscriminately?".
 *
 * <pre>{@code
 * Question deaths = Question.of("deaths", "How many demonstrators were killed on 16 December?",
 *     ValueDomain.integerQuantity("people"));
 * }</pre>
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Question {
  Question() {}

  /**
   * The unique identifier of this question within a case.
   *
   * @return a non-blank id without surrounding whitespace
   */
  public abstract String id();

  /**
   * The question in words; defaults to the id.
   *
   * @return the wording
   */
  @Value.Default
  public String text() {
    return id();
  }

  /**
   * The values the question admits.
   *
   * @return the domain
   */
  public abstract ValueDomain domain();

  /**
   * Returns a question.
   *
   * @param id the id
   * @param text the wording
   * @param domain the values it admits
   * @return the question
   */
  public static Question of(String id, String text, ValueDomain domain) {
    return builder().id(id).text(text).domain(domain).build();
  }

  /**
   * Starts building a question.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Ids.check("Question.id", id());
    Ids.checkText("Question '" + id() + "': text", text());
  }

  /** Builds a {@link Question}; {@link #id(String)} and {@link #domain(ValueDomain)} are required. */
  public static final class Builder extends ImmutableQuestion.Builder {
    Builder() {}
  }
}
