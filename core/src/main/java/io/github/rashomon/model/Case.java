package io.github.rashomon.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import io.github.rashomon.internal.ValueStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Everything known about one matter: its sources, questions, accounts and claims.
 *
 * <p>A case is immutable and valid by construction: {@link Builder#build()} either returns a
 * consistent case or throws {@link InvalidCaseException} listing every problem, each naming the
 * offending element. It rejects duplicate ids, claims naming an unknown source, question, relay or
 * account, values of the wrong type for their question (or outside a closed domain), accounts
 * made by someone other than the claim's source or one of its relays, and a source that affirms and
 * denies the same value in the same account. Attribution cycles, blank ids, NaN and infinite
 * numbers are already refused by the element types themselves.
 *
 * <pre>{@code
 * Case c = Case.builder()
 *     .title("Janaozen, 16 December 2011")
 *     .addSources(Source.of("police"), Source.of("witnesses"))
 *     .addQuestions(Question.of("fire", "Did police fire indiscriminately?", ValueDomain.bool()))
 *     .addClaims(
 *         Claim.builder().source("witnesses").question("fire").value(Truth.TRUE).build(),
 *         Claim.builder().source("police").question("fire").value(Truth.FALSE).build())
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Case {
  Case() {}

  /**
   * A title for the case; defaults to {@code "untitled"}.
   *
   * @return the title
   */
  @Value.Default
  public String title() {
    return "untitled";
  }

  /**
   * The sources, in the order given.
   *
   * @return the sources
   */
  public abstract ImmutableList<Source> sources();

  /**
   * The questions, in the order given.
   *
   * @return the questions
   */
  public abstract ImmutableList<Question> questions();

  /**
   * The accounts, in the order given.
   *
   * @return the accounts
   */
  public abstract ImmutableList<Account> accounts();

  /**
   * The claims, in the order given.
   *
   * @return the claims
   */
  public abstract ImmutableList<Claim> claims();

  /**
   * Looks up a source.
   *
   * @param id a source id
   * @return the source with that id, if any
   */
  public Optional<Source> source(String id) {
    return Optional.ofNullable(sourcesById().get(checkNotNull(id, "id")));
  }

  /**
   * Looks up a question.
   *
   * @param id a question id
   * @return the question with that id, if any
   */
  public Optional<Question> question(String id) {
    return Optional.ofNullable(questionsById().get(checkNotNull(id, "id")));
  }

  /**
   * Looks up an account.
   *
   * @param id an account id
   * @return the account with that id, if any
   */
  public Optional<Account> account(String id) {
    return Optional.ofNullable(accountsById().get(checkNotNull(id, "id")));
  }

  /**
   * The claims about one question, in case order.
   *
   * @param questionId a question id
   * @return the claims; empty for an unknown question
   */
  public ImmutableList<Claim> claimsAbout(String questionId) {
    return claimsByQuestion().get(checkNotNull(questionId, "questionId"));
  }

  /**
   * The claims whose origin is one source, in case order.
   *
   * @param sourceId a source id
   * @return the claims; empty for an unknown source
   */
  public ImmutableList<Claim> claimsBy(String sourceId) {
    return claimsBySource().get(checkNotNull(sourceId, "sourceId"));
  }

  /**
   * Starts building a case.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Lazy
  ImmutableMap<String, Source> sourcesById() {
    return index(sources(), Source::id);
  }

  @Value.Lazy
  ImmutableMap<String, Question> questionsById() {
    return index(questions(), Question::id);
  }

  @Value.Lazy
  ImmutableMap<String, Account> accountsById() {
    return index(accounts(), Account::id);
  }

  @Value.Lazy
  ImmutableListMultimap<String, Claim> claimsByQuestion() {
    return ImmutableListMultimap.copyOf(
        com.google.common.collect.Multimaps.index(claims(), Claim::question));
  }

  @Value.Lazy
  ImmutableListMultimap<String, Claim> claimsBySource() {
    return ImmutableListMultimap.copyOf(
        com.google.common.collect.Multimaps.index(claims(), Claim::source));
  }

  private static <T> ImmutableMap<String, T> index(List<T> items, Function<T, String> id) {
    ImmutableMap.Builder<String, T> b = ImmutableMap.builderWithExpectedSize(items.size());
    for (T item : items) {
      b.put(id.apply(item), item);
    }
    return b.buildKeepingLast();
  }

  @Value.Check
  void check() {
    ImmutableList.Builder<String> problems = ImmutableList.builder();
    Map<String, Source> sources = unique("Source", sources(), Source::id, problems);
    Map<String, Question> questions = unique("Question", questions(), Question::id, problems);
    Map<String, Account> accounts = unique("Account", accounts(), Account::id, problems);
    unique("Claim", claims(), Claim::id, problems);

    for (Account a : accounts()) {
      if (!sources.containsKey(a.source())) {
        problems.add("Account '" + a.id() + "' names unknown source '" + a.source() + "'");
      }
    }
    Map<String, Stance> stances = new HashMap<>();
    for (Claim c : claims()) {
      String where = "Claim '" + c.id() + "'";
      if (!sources.containsKey(c.source())) {
        problems.add(where + " names unknown source '" + c.source() + "'");
      }
      for (String relay : c.via()) {
        if (!sources.containsKey(relay)) {
          problems.add(where + " names unknown relay '" + relay + "' in its attribution chain");
        }
      }
      Question q = questions.get(c.question());
      if (q == null) {
        problems.add(where + " names unknown question '" + c.question() + "'");
      } else {
        q.domain()
            .problemWith(c.value())
            .ifPresent(p -> problems.add(where + ": " + p + " (question '" + q.id() + "')"));
      }
      if (c.account().isPresent()) {
        Account a = accounts.get(c.account().get());
        if (a == null) {
          problems.add(where + " names unknown account '" + c.account().get() + "'");
        } else if (!a.source().equals(c.source()) && !c.via().contains(a.source())) {
          problems.add(
              where
                  + " is in account '"
                  + a.id()
                  + "' of source '"
                  + a.source()
                  + "', who is neither the claim's source '"
                  + c.source()
                  + "' nor one of its relays "
                  + c.via());
        }
      }
      String key =
          c.source()
              + '\u0000'
              + c.account().orElse("")
              + '\u0000'
              + c.question()
              + '\u0000'
              + c.value().type()
              + '\u0000'
              + c.value().canonical();
      Stance earlier = stances.putIfAbsent(key, c.stance());
      if (earlier != null && earlier != c.stance()) {
        problems.add(
            where
                + ": source '"
                + c.source()
                + "' both affirms and denies '"
                + c.value().canonical()
                + "' for question '"
                + c.question()
                + "'"
                + c.account().map(a -> " in account '" + a + "'").orElse(""));
      }
    }
    ImmutableList<String> found = problems.build();
    if (!found.isEmpty()) {
      throw new InvalidCaseException(title(), found);
    }
  }

  private static <T> Map<String, T> unique(
      String kind, List<T> items, Function<T, String> id, ImmutableList.Builder<String> problems) {
    Map<String, T> byId = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (T item : items) {
      String key = id.apply(item);
      if (byId.putIfAbsent(key, item) != null && reported.add(key)) {
        problems.add("duplicate " + kind + " id '" + key + "'");
      }
    }
    return byId;
  }

  /** Builds a {@link Case}; {@link #build()} validates the whole case. */
  public static final class Builder extends ImmutableCase.Builder {
    Builder() {}
  }
}
