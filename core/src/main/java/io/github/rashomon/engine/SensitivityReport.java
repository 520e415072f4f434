package io.github.rashomon.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.internal.ValueStyle;
import io.github.rashomon.model.Value;
import java.util.Optional;

/**
 * What would change one verdict: the sources and blocs it hangs on, and how far each source's
 * credibility would have to move to flip it. Produced by {@link Sensitivity}.
 *
 * @since 0.1
 */
@org.immutables.value.Value.Immutable
@ValueStyle
public abstract class SensitivityReport {
  SensitivityReport() {}

  /**
   * The question id.
   *
   * @return the id
   */
  public abstract String question();

  /**
   * The leading value of the verdict analysed.
   *
   * @return the value; empty when the question has no claims
   */
  public abstract Optional<Value> value();

  /**
   * The sources whose removal (with every claim they made or relayed) changes the leading value,
   * each with the value that would lead instead (empty when nothing would be left to lead).
   *
   * @return source id to the new leading value's canonical form, sorted by source id
   */
  public abstract ImmutableSortedMap<String, String> pivotalSources();

  /**
   * The blocs whose removal (every source affiliated with them) changes the leading value.
   *
   * @return bloc to the new leading value's canonical form, sorted by bloc
   */
  public abstract ImmutableSortedMap<String, String> pivotalBlocs();

  /**
   * For each source with a claim on the question, the prior credibility (projected probability)
   * at which the leading value would change, when some credibility in [0.01, 0.99] changes it.
   * Compare with the source's present credibility: a small gap means a fragile verdict.
   *
   * @return source id to the credibility that flips the verdict, sorted by source id
   */
  public abstract ImmutableSortedMap<String, Double> credibilityToFlip();

  /**
   * The sources with a claim on the question whose credibility could not flip the verdict
   * anywhere in [0.01, 0.99].
   *
   * @return source ids, sorted
   */
  public abstract ImmutableList<String> robustTo();

  /**
   * Whether no single source or bloc removal changes the leading value.
   *
   * @return whether the verdict survives every single removal
   */
  public boolean survivesEveryRemoval() {
    return pivotalSources().isEmpty() && pivotalBlocs().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableSensitivityReport.Builder {}
}
