package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.rashomon.internal.ValueStyle;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A source affirms or denies a value for a question, with the qualifiers real testimony carries.
 *
 * <p>The qualifiers: the source's own {@link #hedge()}, its {@link #access()} to what it claims,
 * its {@link #stake()} in being believed, the {@link #circumstances()} under which it spoke, and
 * the {@link #via()} chain of relays through which the claim reached us. A claim may belong to an
 * {@link Account} (one statement event) and may say when it was made and what time it is about.
 *
 * <pre>{@code
 * // Commission members told Grishin, who told IWPR, that they saw bruises on a detainee.
 * Claim bruises = Claim.builder()
 *     .source("commission-members")
 *     .question("detainees-mistreated")
 *     .value(Truth.TRUE)
 *     .access(Access.DIRECT)
 *     .addVia("grishin", "iwpr")
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Claim {
  Claim() {}

  /**
   * The id of the source whose claim this is (the origin, not a relay).
   *
   * @return a source id
   */
  public abstract String source();

  /**
   * The id of the question the claim answers.
   *
   * @return a question id
   */
  public abstract String question();

  /**
   * The value affirmed or denied.
   *
   * @return the value
   */
  public abstract io.github.rashomon.model.Value value();

  /**
   * Whether the source affirms or denies the value; defaults to {@link Stance#AFFIRMS}.
   *
   * @return the stance
   */
  @Value.Default
  public Stance stance() {
    return Stance.AFFIRMS;
  }

  /**
   * How sure the source says it is; defaults to {@link Hedge#UNSPECIFIED}.
   *
   * @return the hedge
   */
  @Value.Default
  public Hedge hedge() {
    return Hedge.UNSPECIFIED;
  }

  /**
   * How the source knows; defaults to {@link Access#UNSPECIFIED}.
   *
   * @return the access
   */
  @Value.Default
  public Access access() {
    return Access.UNSPECIFIED;
  }

  /**
   * What the source stands to gain; defaults to {@link Stake#UNSPECIFIED}.
   *
   * @return the stake
   */
  @Value.Default
  public Stake stake() {
    return Stake.UNSPECIFIED;
  }

  /**
   * The circumstances under which the claim was made, such as {@link
   * Circumstances#UNDER_PRESSURE}.
   *
   * @return the circumstances, possibly empty
   */
  public abstract ImmutableSet<String> circumstances();

  /**
   * The relays through which the claim reached us, nearest to the source first: a claim by
   * commission members reported by Grishin to IWPR has {@code via = [grishin, iwpr]}.
   *
   * @return source ids, possibly empty for a claim heard first-hand
   */
  public abstract ImmutableList<String> via();

  /**
   * The account (statement event) this claim belongs to.
   *
   * @return an account id, if the claim belongs to one
   */
  public abstract Optional<String> account();

  /**
   * When the claim was made.
   *
   * @return the date or time, if known
   */
  public abstract Optional<DateTime> statedAt();

  /**
   * What time the claim is about.
   *
   * @return the date or time, if stated
   */
  public abstract Optional<DateTime> about();

  /**
   * A short quotation or paraphrase of what was said, for the reader of a verdict.
   *
   * @return the note, if any
   */
  public abstract Optional<String> note();

  /**
   * An id for this claim, unique within a case. Defaults to a readable form of its content:
   * {@code source/question/value} ({@code {}} for the empty set), with {@code not } before a
   * denied value, {@code @account}
   * and {@code via relay>relay} when present.
   *
   * @return the id
   */
  @Value.Default
  public String id() {
    StringBuilder s = new StringBuilder(source()).append('/').append(question()).append('/');
    if (stance() == Stance.DENIES) {
      s.append("not ");
    }
    // The empty set has an empty canonical form; spell it out so the id stays well-formed.
    s.append(value().canonical().isEmpty() ? "{}" : value().canonical());
    account().ifPresent(a -> s.append('@').append(a));
    if (!via().isEmpty()) {
      s.append(" via ").append(String.join(">", via()));
    }
    return s.toString();
  }

  /**
   * The id of the source we heard the claim from: the last relay, or the source itself when the
   * claim came first-hand.
   *
   * @return a source id
   */
  public String teller() {
    return via().isEmpty() ? source() : via().get(via().size() - 1);
  }

  /**
   * Starts building a claim.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    // The parts first: a padded source, relay or account would otherwise be blamed on the
    // default id built from them.
    String where = "Claim '" + id() + "': ";
    Ids.check(where + "source", source());
    Ids.check(where + "question", question());
    Set<String> seen = new HashSet<>();
    seen.add(source());
    for (String relay : via()) {
      Ids.check(where + "via", relay);
      checkArgument(
          seen.add(relay),
          "%sattribution chain %s cycles: '%s' appears twice (the chain starts at '%s')",
          where,
          via(),
          relay,
          source());
    }
    for (String c : circumstances()) {
      Ids.check(where + "circumstance", c);
    }
    account().ifPresent(a -> Ids.check(where + "account", a));
    note().ifPresent(n -> Ids.checkText(where + "note", n));
    Ids.check("Claim.id", id());
  }

  /**
   * Builds a {@link Claim}; {@code source}, {@code question} and {@code value} are required.
   */
  public static final class Builder extends ImmutableClaim.Builder {
    Builder() {}
  }
}
