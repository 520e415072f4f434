package io.github.rashomon.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.github.rashomon.credibility.Credibility;
import io.github.rashomon.model.Access;
import io.github.rashomon.model.Circumstances;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.Hedge;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.Stake;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a claim's qualifiers and its path to us change how much it weighs: the documented,
 * configurable model behind every claim weight that {@link ClaimIndex#of(io.github.rashomon.model.Case, TestimonyModel)}
 * compiles.
 *
 * <p>A claim's weight is the product of:
 *
 * <ul>
 *   <li><b>access</b>: direct observation 1, documentary 0.9, hearsay from unnamed others 0.5 (as
 *       for a relay of unknown reliability, below), unspecified 1;
 *   <li><b>stake</b>: against the speaker's interest 1.5, self-serving 0.6, neutral or unspecified
 *       1 — the rationale of the hearsay exception for statements against interest (US Federal
 *       Rules of Evidence 804(b)(3)): people rarely say what harms them unless it is true;
 *   <li><b>hedge</b>: certain or unspecified 1, probable 0.75, possible 0.5, doubtful 0.25 — the
 *       probabilities of Kent's words of estimative probability, as in {@link
 *       io.github.rashomon.credibility.InformationCredibility};
 *   <li><b>circumstances</b>: under pressure 0.5, in detention 0.5, after an inducement 0.6,
 *       anonymous 0.7; other circumstances 1 unless configured;
 *   <li><b>each relay</b> in the attribution chain: the projected probability of the relay's prior
 *       credibility, or 0.5 (the vacuous opinion) when it has none — subjective-logic trust
 *       discounting (Jøsang, <i>Subjective Logic</i>, 2016, §14.3) applied hop by hop, since
 *       discounting scales belief and disbelief by the relay's projected trust.
 * </ul>
 *
 * <p>Then dependence: claims for the same value of the same question that come from the same
 * origin count once between them (ten outlets repeating one police statement are one line of
 * evidence), and claims from sources sharing an affiliation are treated as correlated
 * observations with intra-bloc correlation {@code ρ} ({@link #blocCorrelation()}, default 0.5):
 * a bloc of {@code n} such sources counts as {@code n / (1 + (n - 1)ρ)} independent lines, Kish's
 * design effect for clustered samples (Kish, <i>Survey Sampling</i>, 1965). Each factor is
 * recorded in the verdict's explanation.
 *
 * <p>The defaults are judgement calls, documented in {@code docs/semantics.md}; every one can be
 * changed with the withers, and {@link #neutral()} switches the whole model off.
 *
 * @since 0.1
 */
public final class TestimonyModel {
  // Factors listed in each enum's declaration order.
  private static final TestimonyModel DEFAULTS =
      new TestimonyModel(
          factors(Access.class, 1.0, 0.9, 0.5, 1.0), // direct, documentary, hearsay, unspecified
          factors(Stake.class, 0.6, 1.5, 1.0, 1.0), // self-serving, against, neutral, unspecified
          factors(Hedge.class, 1.0, 0.75, 0.5, 0.25, 1.0), // certain .. doubtful, unspecified
          ImmutableSortedMap.of(
              Circumstances.UNDER_PRESSURE, 0.5,
              Circumstances.IN_DETENTION, 0.5,
              Circumstances.AFTER_INDUCEMENT, 0.6,
              Circumstances.ANONYMOUS, 0.7),
          true,
          true,
          0.5);

  private static final TestimonyModel NEUTRAL =
      new TestimonyModel(
          factors(Access.class, 1, 1, 1, 1),
          factors(Stake.class, 1, 1, 1, 1),
          factors(Hedge.class, 1, 1, 1, 1, 1),
          ImmutableSortedMap.of(),
          false,
          false,
          0.0);

  private final ImmutableMap<Access, Double> access;
  private final ImmutableMap<Stake, Double> stake;
  private final ImmutableMap<Hedge, Double> hedge;
  private final ImmutableSortedMap<String, Double> circumstances;
  private final boolean discountRelays;
  private final boolean mergeOrigins;
  private final double blocCorrelation;

  private TestimonyModel(
      Map<Access, Double> access,
      Map<Stake, Double> stake,
      Map<Hedge, Double> hedge,
      ImmutableSortedMap<String, Double> circumstances,
      boolean discountRelays,
      boolean mergeOrigins,
      double blocCorrelation) {
    this.access = ImmutableMap.copyOf(access);
    this.stake = ImmutableMap.copyOf(stake);
    this.hedge = ImmutableMap.copyOf(hedge);
    this.circumstances = circumstances;
    this.discountRelays = discountRelays;
    this.mergeOrigins = mergeOrigins;
    this.blocCorrelation = blocCorrelation;
  }

  private static <E extends Enum<E>> EnumMap<E, Double> factors(Class<E> type, double... f) {
    E[] keys = type.getEnumConstants();
    checkArgument(keys.length == f.length, "one factor per %s", type.getSimpleName());
    EnumMap<E, Double> m = new EnumMap<>(type);
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], f[i]);
    }
    return m;
  }

  /**
   * The documented default model.
   *
   * @return the defaults
   */
  public static TestimonyModel defaults() {
    return DEFAULTS;
  }

  /**
   * The model that changes nothing: every claim weighs 1 and every source is independent.
   *
   * @return the neutral model
   */
  public static TestimonyModel neutral() {
    return NEUTRAL;
  }

  private static double checkFactor(String field, Object key, double factor) {
    checkArgument(
        Double.isFinite(factor) && factor >= 0,
        "TestimonyModel.%s[%s] must be finite and >= 0, got %s",
        field,
        key,
        factor);
    return factor;
  }

  /**
   * Returns a model with another factor for one kind of access.
   *
   * @param kind the access
   * @param factor the weight multiplier, finite and non-negative
   * @return the new model
   */
  public TestimonyModel withAccess(Access kind, double factor) {
    EnumMap<Access, Double> m = new EnumMap<>(access);
    m.put(checkNotNull(kind, "access"), checkFactor("access", kind, factor));
    return new TestimonyModel(m, stake, hedge, circumstances, discountRelays, mergeOrigins, blocCorrelation);
  }

  /**
   * Returns a model with another factor for one kind of stake.
   *
   * @param kind the stake
   * @param factor the weight multiplier, finite and non-negative
   * @return the new model
   */
  public TestimonyModel withStake(Stake kind, double factor) {
    EnumMap<Stake, Double> m = new EnumMap<>(stake);
    m.put(checkNotNull(kind, "stake"), checkFactor("stake", kind, factor));
    return new TestimonyModel(access, m, hedge, circumstances, discountRelays, mergeOrigins, blocCorrelation);
  }

  /**
   * Returns a model with another factor for one degree of hedging.
   *
   * @param kind the hedge
   * @param factor the weight multiplier, finite and non-negative
   * @return the new model
   */
  public TestimonyModel withHedge(Hedge kind, double factor) {
    EnumMap<Hedge, Double> m = new EnumMap<>(hedge);
    m.put(checkNotNull(kind, "hedge"), checkFactor("hedge", kind, factor));
    return new TestimonyModel(access, stake, m, circumstances, discountRelays, mergeOrigins, blocCorrelation);
  }

  /**
   * Returns a model with a factor for a circumstance (see {@link Circumstances}).
   *
   * @param circumstance the circumstance label
   * @param factor the weight multiplier, finite and non-negative
   * @return the new model
   */
  public TestimonyModel withCircumstance(String circumstance, double factor) {
    checkNotNull(circumstance, "circumstance");
    checkFactor("circumstances", circumstance, factor);
    ImmutableSortedMap.Builder<String, Double> m = ImmutableSortedMap.naturalOrder();
    circumstances.forEach(
        (k, v) -> {
          if (!k.equals(circumstance)) {
            m.put(k, v);
          }
        });
    m.put(circumstance, factor);
    return new TestimonyModel(access, stake, hedge, m.build(), discountRelays, mergeOrigins, blocCorrelation);
  }

  /**
   * Returns a model with another intra-bloc correlation.
   *
   * @param rho 0 for sources that are independent despite sharing a bloc, 1 for a bloc that speaks
   *     with one voice
   * @return the new model
   */
  public TestimonyModel withBlocCorrelation(double rho) {
    checkArgument(
        rho >= 0 && rho <= 1, "TestimonyModel.blocCorrelation must be in [0, 1], got %s", rho);
    return new TestimonyModel(access, stake, hedge, circumstances, discountRelays, mergeOrigins, rho);
  }

  /**
   * Returns a model that does or does not discount relayed claims by the relays' credibility.
   *
   * @param discount whether to discount
   * @return the new model
   */
  public TestimonyModel withRelayDiscounting(boolean discount) {
    return new TestimonyModel(access, stake, hedge, circumstances, discount, mergeOrigins, blocCorrelation);
  }

  /**
   * Returns a model that does or does not merge claims for the same value from the same origin
   * (so that repetitions through several relays count once).
   *
   * @param merge whether to merge
   * @return the new model
   */
  public TestimonyModel withOriginMerging(boolean merge) {
    return new TestimonyModel(access, stake, hedge, circumstances, discountRelays, merge,
        blocCorrelation);
  }

  /**
   * Whether claims for one value from one origin count once between them.
   *
   * @return whether origins are merged
   */
  public boolean mergesOrigins() {
    return mergeOrigins;
  }

  /**
   * The intra-bloc correlation {@code ρ}.
   *
   * @return a number in [0, 1]
   */
  public double blocCorrelation() {
    return blocCorrelation;
  }

  /**
   * Whether relayed claims are discounted by the relays' credibility.
   *
   * @return whether relays discount
   */
  public boolean discountsRelays() {
    return discountRelays;
  }

  /**
   * The weight of one claim before dependence is taken into account, with a note for every
   * factor other than 1.
   *
   * @param claim the claim
   * @param sources looks up a relay by id
   * @param notes receives one note per factor applied
   * @return the weight, finite and non-negative
   */
  double qualifierWeight(Claim claim, Function<String, Optional<Source>> sources,
      List<String> notes) {
    double w = 1;
    w *= factor(notes, "access " + lower(claim.access()), access.get(claim.access()));
    w *= factor(notes, "stake " + lower(claim.stake()), stake.get(claim.stake()));
    w *= factor(notes, "hedge " + lower(claim.hedge()), hedge.get(claim.hedge()));
    for (String c : claim.circumstances()) {
      w *= factor(notes, c, circumstances.getOrDefault(c, 1.0));
    }
    if (discountRelays) {
      for (String relay : claim.via()) {
        double p =
            sources
                .apply(relay)
                .flatMap(Source::prior)
                .orElse(Credibility.vacuous())
                .probability();
        w *= factor(notes, "via " + relay, p);
      }
    }
    return w;
  }

  private static double factor(List<String> notes, String what, double f) {
    if (f != 1.0) {
      notes.add(String.format(Locale.ROOT, "%s ×%.2f", what, f));
    }
    return f;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The model's settings in text form.
   *
   * @return the settings, sorted by name
   */
  public ImmutableSortedMap<String, String> settings() {
    ImmutableSortedMap.Builder<String, String> b = ImmutableSortedMap.naturalOrder();
    access.forEach((k, v) -> b.put("access." + lower(k), Double.toString(v)));
    stake.forEach((k, v) -> b.put("stake." + lower(k), Double.toString(v)));
    hedge.forEach((k, v) -> b.put("hedge." + lower(k), Double.toString(v)));
    circumstances.forEach((k, v) -> b.put("circumstance." + k, Double.toString(v)));
    b.put("relayDiscounting", Boolean.toString(discountRelays));
    b.put("originMerging", Boolean.toString(mergeOrigins));
    b.put("blocCorrelation", Double.toString(blocCorrelation));
    return b.build();
  }

  /**
   * Equal when every setting is equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same model
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TestimonyModel && ((TestimonyModel) o).settings().equals(settings());
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings());
  }

  /**
   * The settings.
   *
   * @return a human-readable form
   */
  @Override
  public String toString() {
    return "TestimonyModel" + settings();
  }
}
