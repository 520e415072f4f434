package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
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

  /**
   * The other sources this one is estimated to depend on (one copying from the other, either
   * way), each with the probability of that dependence, for algorithms that detect copying
   * ({@link Depen}); only probabilities above the algorithm's reporting threshold ({@link
   * Depen#REPORTING_THRESHOLD}) are listed.
   *
   * @return source id to probability of dependence, sorted by id; empty when the algorithm does
   *     not detect copying or found none
   */
  @org.immutables.value.Value.NaturalOrder
  public abstract ImmutableSortedMap<String, Double> dependence();

  @org.immutables.value.Value.Check
  void check() {
    checkArgument(
        trust() >= 0 && trust() <= 1,
        "SourceAssessment '%s': trust must be in [0, 1], got %s",
        source(),
        trust());
    for (java.util.Map.Entry<String, Double> e : dependence().entrySet()) {
      checkArgument(
          e.getValue() >= 0 && e.getValue() <= 1,
          "SourceAssessment '%s': dependence on '%s' must be in [0, 1], got %s",
          source(),
          e.getKey(),
          e.getValue());
      checkArgument(
          !e.getKey().equals(source()),
          "SourceAssessment '%s': a source cannot depend on itself",
          source());
    }
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableSourceAssessment.Builder {}
}
