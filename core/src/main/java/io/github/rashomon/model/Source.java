package io.github.rashomon.model;

import com.google.common.collect.ImmutableSet;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who asserts: a person, organisation, state body, outlet, recording, crowd worker or web site.
 *
 * <p>A source has a unique {@link #id()}, a display {@link #name()}, a {@link #kind()}, the
 * {@link #affiliations()} (blocs such as "government" or "opposition") that make its testimony
 * less independent of others in the same bloc, and an optional {@link #prior()} credibility, for
 * example from an Admiralty grade.
 *
 * <pre>{@code
 * Source police = Source.builder()
 *     .id("police")
 *     .name("Police in Janaozen")
 *     .kind(SourceKind.STATE_BODY)
 *     .addAffiliations("government")
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Source {
  Source() {}

  /**
   * The unique identifier of this source within a case.
   *
   * @return a non-blank id without surrounding whitespace
   */
  public abstract String id();

  /**
   * The name to show; defaults to the id.
   *
   * @return the display name
   */
  @Value.Default
  public String name() {
    return id();
  }

  /**
   * What kind of source this is; defaults to {@link SourceKind#OTHER}.
   *
   * @return the kind
   */
  @Value.Default
  public SourceKind kind() {
    return SourceKind.OTHER;
  }

  /**
   * The blocs this source belongs to; sources sharing a bloc are not fully independent.
   *
   * @return the affiliations, possibly empty
   */
  public abstract ImmutableSet<String> affiliations();

  /**
   * How far this source is to be believed before looking at the evidence.
   *
   * @return the prior credibility, if one was given
   */
  public abstract Optional<Credibility> prior();

  /**
   * Returns a source with the given id and no other details.
   *
   * @param id the id
   * @return the source
   */
  public static Source of(String id) {
    return builder().id(id).build();
  }

  /**
   * Starts building a source.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Ids.check("Source.id", id());
    Ids.checkText("Source '" + id() + "': name", name());
    for (String a : affiliations()) {
      Ids.check("Source '" + id() + "': affiliation", a);
    }
  }

  /** Builds a {@link Source}; {@link #id(String)} is required. */
  public static final class Builder extends ImmutableSource.Builder {
    Builder() {}
  }
}
