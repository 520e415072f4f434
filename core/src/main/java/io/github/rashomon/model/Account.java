package io.github.rashomon.model;

import io.github.rashomon.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One statement event of one source: a press conference, an interview, a report. Claims name the
 * account they were made in ({@link Claim#account()}).
 *
 * <p>The account's {@link #source()} is whoever made the statement: the claim's own source or, for
 * a relayed claim, one of its relays ({@link Claim#via()}): Grishin's interview with IWPR is an
 * account of Grishin's that carries the commission members' claims.
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Account {
  Account() {}

  /**
   * The unique identifier of this account within a case.
   *
   * @return a non-blank id
   */
  public abstract String id();

  /**
   * The id of the source that made the statement.
   *
   * @return a source id
   */
  public abstract String source();

  /**
   * A title for the statement, such as "Interview with IWPR, January 2012"; defaults to the id.
   *
   * @return the title
   */
  @Value.Default
  public String title() {
    return id();
  }

  /**
   * When the statement was made.
   *
   * @return the date, if known
   */
  public abstract Optional<DateTime> date();

  /**
   * Returns an account with the given id, source and title.
   *
   * @param id the id
   * @param source the id of the source that made the statement
   * @param title the title
   * @return the account
   */
  public static Account of(String id, String source, String title) {
    return builder().id(id).source(source).title(title).build();
  }

  /**
   * Starts building an account.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Ids.check("Account.id", id());
    Ids.check("Account '" + id() + "': source", source());
    Ids.checkText("Account '" + id() + "': title", title());
  }

  /** Builds an {@link Account}; {@code id} and {@code source} are required. */
  public static final class Builder extends ImmutableAccount.Builder {
    Builder() {}
  }
}
