package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.internal.ValueStyle;
import java.util.Optional;

/**
 * What a reconciliation concludes about one source: how trustworthy it proved, with uncertainty.
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class SourceAssessment {
  SourceAssessment() {}

  /**
   * The source id.
   *
   * @return the id
   */
  public abstract String source();

  /**
   * The estimated probability that a claim of this source is right (the algorithm's trust score,
   * mapped to [0, 1] where the algorithm's own scale differs; see each algorithm).
   *
   * @return a probability in [0, 1]
   */
  public abstract double trust();

  /**
   * The trust as a subjective-logic opinion whose evidence is the source's claim count: the
   * uncertainty shrinks as the source makes more claims.
   *
   * @return the opinion
   */
  public abstract Credibility credibility();

  /**
   * The number of claims this source made.
   *
   * @return a count
   */
  public abstract int claims();

  /**
   * The estimated confusion matrix, for algorithms that have one (Dawid–Skene).
   *
   * @return the matrix, if the algorithm estimates one
   */
  public abstract Optional<ConfusionMatrix> confusion();

  @org.immutables.value.Value.Check
  void check() {
    checkArgument(
        trust() >= 0 && trust() <= 1,
        "SourceAssessment '%s': trust must be in [0, 1], got %s",
        source(),
        trust());
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableSourceAssessment.Builder {}
}
