package io.github.rashomon.io;

import io.github.rashomon.credibility.AdmiraltyGrade;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.credibility.Reliability;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Account;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Category;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.DateTime;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stake;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Truth;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueDomain;
import io.github.rashomon.model.ValueSet;
import io.github.rashomon.model.ValueType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random valid cases that use every part of the model: every source kind and prior form, every
 * domain, every qualifier, relays, accounts, explicit and default claim ids, and text that needs
 * escaping (quotes, backslashes, control characters, markup, non-BMP characters).
 */
final class CaseGenerator {
  private CaseGenerator() {}

  /** Names that exercise escaping in JSON, HTML, DOT and IRIs. */
  static final String[] NAMES = {
    "a", "b", "police", "Ünïcödé", "with space", "quote\"d", "back\\slash", "new\nline",
    "tab\tin", "<script>alert(1)</script>", "a&b", "emoji \uD83D\uDE00", "a/b", "x#y", "{}",
    "it's", "sep\u2028x", "\u0001ctl", "-->", "]]>", "100%"
  };

  /** Cases from a seed; QuickTheories supplies and reports the seed. */
  static Gen<Case> cases() {
    return SourceDSL.longs().all().map(CaseGenerator::randomCase);
  }

  static Case randomCase(long seed) {
    Random r = new Random(seed);
    Case.Builder c = Case.builder();
    if (r.nextBoolean()) {
      c.title(pick(r, NAMES) + " case");
    }
    List<Source> sources = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int ns = 1 + r.nextInt(6);
    for (int i = 0; i < ns; i++) {
      String id = unique(r, ids, "s");
      Source.Builder b = Source.builder().id(id);
      if (r.nextBoolean()) {
        b.name(pick(r, NAMES) + " " + i);
      }
      if (r.nextInt(4) > 0) {
        b.kind(pick(r, SourceKind.values()));
      }
      int na = r.nextInt(3);
      Set<String> blocs = new HashSet<>();
      for (int k = 0; k < na; k++) {
        String bloc = pick(r, new String[] {"government", "opposition", "ngo", "a b"});
        if (blocs.add(bloc)) {
          b.addAffiliations(bloc);
        }
      }
      prior(r).ifPresent(b::prior);
      sources.add(b.build());
    }
    c.addAllSources(sources);

    List<Question> questions = new ArrayList<>();
    int nq = 1 + r.nextInt(5);
    for (int i = 0; i < nq; i++) {
      String id = unique(r, ids, "q");
      Question.Builder b = Question.builder().id(id).domain(domain(r));
      if (r.nextBoolean()) {
        b.text(pick(r, NAMES) + "?");
      }
      questions.add(b.build());
    }
    c.addAllQuestions(questions);

    List<Account> accounts = new ArrayList<>();
    int nacc = r.nextInt(4);
    for (int i = 0; i < nacc; i++) {
      Account.Builder b =
          Account.builder().id(unique(r, ids, "acc")).source(pick(r, sources).id());
      if (r.nextBoolean()) {
        b.title(pick(r, NAMES) + " interview");
      }
      if (r.nextBoolean()) {
        b.date(dateTime(r));
      }
      accounts.add(b.build());
    }
    c.addAllAccounts(accounts);

    Map<String, Stance> stances = new HashMap<>();
    Set<String> claimIds = new HashSet<>();
    int nc = r.nextInt(16);
    for (int i = 0; i < nc; i++) {
      Source s = pick(r, sources);
      Question q = pick(r, questions);
      Claim.Builder b = Claim.builder().source(s.id()).question(q.id());
      Value v = value(r, q.domain());
      b.value(v);
      // Not the denial of an empty set: its default id "s/q/not " would end in a space, which
      // the model refuses (a limitation of Claim's default id, not of the format).
      Stance stance =
          r.nextInt(4) == 0 && !v.canonical().isEmpty() ? Stance.DENIES : Stance.AFFIRMS;
      b.stance(stance);
      if (r.nextBoolean()) {
        b.hedge(pick(r, Hedge.values()));
      }
      if (r.nextBoolean()) {
        b.access(pick(r, Access.values()));
      }
      if (r.nextBoolean()) {
        b.stake(pick(r, Stake.values()));
      }
      int ncirc = r.nextInt(3);
      for (int k = 0; k < ncirc; k++) {
        b.addCircumstances(
            pick(r, new String[] {"under-pressure", "in-detention", "anonymous", "x y"}));
      }
      List<String> via = new ArrayList<>();
      int nv = r.nextInt(3);
      for (int k = 0; k < nv; k++) {
        String relay = pick(r, sources).id();
        if (!relay.equals(s.id()) && !via.contains(relay)) {
          via.add(relay);
        }
      }
      b.addAllVia(via);
      String account = null;
      if (!accounts.isEmpty() && r.nextBoolean()) {
        Account a = pick(r, accounts);
        if (a.source().equals(s.id()) || via.contains(a.source())) {
          account = a.id();
          b.account(account);
        }
      }
      if (r.nextInt(3) == 0) {
        b.statedAt(dateTime(r));
      }
      if (r.nextInt(3) == 0) {
        b.about(dateTime(r));
      }
      if (r.nextBoolean()) {
        b.note(pick(r, NAMES) + " said so");
      }
      if (r.nextInt(4) == 0) {
        b.id("claim " + pick(r, NAMES) + " " + i);
      }
      String key = s.id() + '\u0000' + account + '\u0000' + q.id() + '\u0000' + v.canonical();
      Stance earlier = stances.putIfAbsent(key, stance);
      if (earlier != null && earlier != stance) {
        continue;
      }
      Claim claim = b.build();
      if (claimIds.add(claim.id())) {
        c.addClaims(claim);
      }
    }
    return c.build();
  }

  private static java.util.Optional<Credibility> prior(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return java.util.Optional.empty();
      case 1:
        return java.util.Optional.of(pick(r, Reliability.values()).credibility());
      case 2:
        return java.util.Optional.of(
            AdmiraltyGrade.parse(
                    pick(r, new String[] {"A", "B", "C", "D", "E", "F"}) + (1 + r.nextInt(6)))
                .credibility());
      case 3:
        return java.util.Optional.of(
            Credibility.fromEvidence(r.nextDouble() * 20, r.nextDouble() * 20, r.nextDouble()));
      case 4:
        return java.util.Optional.of(
            Credibility.ofProbability(0.25 + r.nextDouble() / 2, r.nextDouble() / 2));
      default:
        double b = r.nextDouble();
        double d = r.nextDouble() * (1 - b);
        return java.util.Optional.of(Credibility.of(b, d, 1 - b - d, r.nextDouble()));
    }
  }

  private static final String[] LABELS = {"yes", "no", "police", "Ünïcödé", "a;b?", "x\"y", "<b>"};

  private static ValueDomain domain(Random r) {
    switch (r.nextInt(8)) {
      case 0:
        return ValueDomain.categorical(distinct(r, 1 + r.nextInt(4)));
      case 1:
        return ValueDomain.openCategorical();
      case 2:
        return ValueDomain.bool();
      case 3:
        return r.nextBoolean() ? ValueDomain.quantity() : ValueDomain.quantity("USD");
      case 4:
        return ValueDomain.integerQuantity("people");
      case 5:
        return ValueDomain.dateTime();
      case 6:
        return ValueDomain.setOf(
            distinct(r, 1 + r.nextInt(4)).stream().map(s -> s.replace(";", ""))
                .distinct().toArray(String[]::new));
      default:
        return ValueDomain.openSet();
    }
  }

  private static List<String> distinct(Random r, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String l = pick(r, LABELS);
      if (!out.contains(l)) {
        out.add(l);
      }
    }
    return out;
  }

  private static Value value(Random r, ValueDomain d) {
    switch (d.type()) {
      case CATEGORICAL:
        return Category.of(
            d.options().isEmpty() ? pick(r, LABELS) : pick(r, d.options().asList()));
      case BOOLEAN:
        return Truth.of(r.nextBoolean());
      case QUANTITY:
        return quantity(r, d.isIntegral());
      case DATE_TIME:
        return dateTime(r);
      case SET:
        List<String> pool =
            d.options().isEmpty()
                ? List.of("x", "y", "Ünï", "with space", "q\"")
                : d.options().asList();
        List<String> chosen = new ArrayList<>();
        for (String e : pool) {
          if (r.nextBoolean()) {
            chosen.add(e);
          }
        }
        return ValueSet.of(chosen);
      default:
        throw new AssertionError(d.type());
    }
  }

  private static Quantity quantity(Random r, boolean integral) {
    double x = number(r);
    double y = number(r);
    switch (r.nextInt(7)) {
      case 0:
        return Quantity.exactly(integral ? Math.rint(x) : x);
      case 1:
        return Quantity.between(Math.min(x, y), Math.max(x, y));
      case 2:
        return Quantity.moreThan(x);
      case 3:
        return Quantity.atLeast(x);
      case 4:
        return Quantity.lessThan(x);
      case 5:
        return Quantity.atMost(x);
      default:
        return Quantity.about(x, Math.abs(y));
    }
  }

  /** Integers, tenths (inexact in binary), arbitrary doubles, tiny and huge magnitudes. */
  private static double number(Random r) {
    switch (r.nextInt(5)) {
      case 0:
        return r.nextInt(2001) - 1000;
      case 1:
        return (r.nextInt(20001) - 10000) / 10.0;
      case 2:
        return (r.nextDouble() - 0.5) * 1e6;
      case 3:
        return r.nextDouble() * 1e-9;
      default:
        return (r.nextDouble() - 0.5) * 1e18;
    }
  }

  private static DateTime dateTime(Random r) {
    LocalDate day = LocalDate.of(1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28));
    LocalDateTime t =
        day.atTime(r.nextInt(24), r.nextInt(60), r.nextInt(3) == 0 ? r.nextInt(60) : 0,
            r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : 0);
    switch (r.nextInt(3)) {
      case 0:
        return DateTime.onDay(day);
      case 1:
        return DateTime.at(t);
      default:
        return DateTime.between(t, t.plusMinutes(1 + r.nextInt(10_000)));
    }
  }

  private static String unique(Random r, Set<String> used, String prefix) {
    while (true) {
      String id = r.nextInt(3) == 0 ? pick(r, NAMES) : prefix + r.nextInt(1000);
      if (used.add(id)) {
        return id;
      }
    }
  }

  private static <T> T pick(Random r, T[] items) {
    return items[r.nextInt(items.length)];
  }

  private static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  /** For tests that only need to know the generator covers a value type. */
  static Set<ValueType> typesIn(Case c) {
    Set<ValueType> out = new HashSet<>();
    for (Question q : c.questions()) {
      out.add(q.domain().type());
    }
    return out;
  }
}
