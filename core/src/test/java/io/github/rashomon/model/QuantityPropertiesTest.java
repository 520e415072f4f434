package io.github.rashomon.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The laws of the {@link Quantity} algebra, checked on generated quantities of every kind. */
class QuantityPropertiesTest {

  /** Fixed, so that a failure is reproducible; QuickTheories shrinks it to a small example. */
  private static final long SEED = 20111216L;

  /**
   * Numbers in a moderate range: small integers (so that endpoints often coincide), integers in
   * -1000..1000, dyadic fractions (exact in binary), tenths (inexact in binary) and arbitrary
   * doubles.
   */
  static final Gen<Double> NUMBERS =
      Generate.frequency(
          List.of(
              Pair.of(3, integers().between(-10, 10).map(i -> (double) i)),
              Pair.of(3, integers().between(-1000, 1000).map(i -> (double) i)),
              Pair.of(2, integers().between(-4000, 4000).map(i -> i / 4.0)),
              Pair.of(2, integers().between(-10000, 10000).map(i -> i / 10.0)),
              Pair.of(1, doubles().between(-1000, 1000))));

  /** Quantities of every kind, built from two numbers. */
  static final Gen<Quantity> QUANTITIES =
      integers().between(0, 6).zip(NUMBERS, NUMBERS, QuantityPropertiesTest::quantity);

  private static Quantity quantity(int kind, double x, double y) {
    switch (kind) {
      case 0:
        return Quantity.exactly(x);
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

  private static QuickTheory theory() {
    return qt().withFixedSeed(SEED).withExamples(2000);
  }

  @Test
  void generatorCoversEveryKind() {
    EnumSet<Quantity.Kind> kinds = EnumSet.noneOf(Quantity.Kind.class);
    for (int i = 0; i <= 6; i++) {
      kinds.add(quantity(i, 1, 2).kind());
    }
    assertEquals(EnumSet.allOf(Quantity.Kind.class), kinds);
  }

  @Test
  void compatibilityIsSymmetric() {
    theory()
        .forAll(QUANTITIES, QUANTITIES)
        .check((a, b) -> a.compatibleWith(b) == b.compatibleWith(a));
  }

  @Test
  void everyQuantityIsCompatibleWithItself() {
    theory().forAll(QUANTITIES).check(q -> q.compatibleWith(q) && q.within(q));
  }

  @Test
  void compatibilityWithAnExactValueIsMembership() {
    theory()
        .forAll(QUANTITIES, NUMBERS)
        .check((q, x) -> q.compatibleWith(Quantity.exactly(x)) == q.contains(x));
  }

  @Test
  void rangeContainsItsEndpoints() {
    theory()
        .forAll(NUMBERS, NUMBERS)
        .checkAssert(
            (x, y) -> {
              double lo = Math.min(x, y);
              double hi = Math.max(x, y);
              Quantity range = Quantity.between(lo, hi);
              assertTrue(range.contains(lo));
              assertTrue(range.contains(hi));
              assertTrue(range.compatibleWith(Quantity.exactly(lo)));
              assertTrue(range.compatibleWith(Quantity.exactly(hi)));
              assertTrue(Quantity.exactly(hi).compatibleWith(range));
            });
  }

  @Test
  void approximationContainsItsEnds() {
    theory()
        .forAll(NUMBERS, NUMBERS)
        .checkAssert(
            (c, m) -> {
              Quantity q = Quantity.about(c, Math.abs(m));
              assertTrue(q.contains(q.lower()));
              assertTrue(q.contains(q.upper()));
              assertTrue(q.contains(c));
              assertTrue(q.compatibleWith(Quantity.exactly(q.lower())));
              assertTrue(q.compatibleWith(Quantity.exactly(q.upper())));
            });
  }

  @Test
  void aBoundIsIncompatibleWithAValueViolatingIt() {
    theory()
        .forAll(NUMBERS, NUMBERS)
        .checkAssert(
            (u, v) -> {
              double low = Math.min(u, v);
              double high = Math.max(u, v);
              // low <= high, possibly equal.
              assertFalse(Quantity.moreThan(high).compatibleWith(Quantity.exactly(low)));
              assertFalse(Quantity.lessThan(low).compatibleWith(Quantity.exactly(high)));
              assertFalse(Quantity.exactly(low).compatibleWith(Quantity.moreThan(high)));
              if (low < high) {
                assertFalse(Quantity.atLeast(high).compatibleWith(Quantity.exactly(low)));
                assertFalse(Quantity.atMost(low).compatibleWith(Quantity.exactly(high)));
                assertFalse(Quantity.atMost(low).compatibleWith(Quantity.moreThan(low)));
                assertTrue(Quantity.moreThan(low).compatibleWith(Quantity.exactly(high)));
                assertTrue(Quantity.lessThan(high).compatibleWith(Quantity.exactly(low)));
              } else {
                assertTrue(Quantity.atLeast(high).compatibleWith(Quantity.exactly(low)));
                assertTrue(Quantity.atMost(low).compatibleWith(Quantity.exactly(high)));
              }
            });
  }

  @Test
  void distanceIsAMetricOnExactValues() {
    theory()
        .forAll(NUMBERS, NUMBERS, NUMBERS)
        .checkAssert(
            (x, y, z) -> {
              Quantity a = Quantity.exactly(x);
              Quantity b = Quantity.exactly(y);
              Quantity c = Quantity.exactly(z);
              double ab = a.distanceTo(b);
              assertTrue(ab >= 0, "non-negative");
              assertEquals(x.doubleValue() == y.doubleValue(), ab == 0, "zero iff equal");
              assertEquals(a.equals(b), ab == 0, "zero iff equal quantities");
              assertEquals(ab, b.distanceTo(a), "symmetric");
              assertEquals(Math.abs(x - y), ab, "|x - y|");
              // One rounding in each distance and one in the sum: allow a few ulps.
              assertTrue(
                  a.distanceTo(c) <= ab + b.distanceTo(c) + 1e-9, "triangle inequality");
            });
  }

  @Test
  void distanceIsNonNegativeAndSymmetricOnAllQuantities() {
    theory()
        .forAll(QUANTITIES, QUANTITIES)
        .check((a, b) -> a.distanceTo(b) >= 0 && a.distanceTo(b) == b.distanceTo(a));
  }

  @Test
  void distanceIsZeroIffCompatible() {
    theory()
        .forAll(QUANTITIES, QUANTITIES)
        .checkAssert(
            (a, b) -> {
              double d = a.distanceTo(b);
              if (a.compatibleWith(b)) {
                assertEquals(0, d, "compatible quantities have no gap");
              } else if (d == 0) {
                // The one exception: the intervals meet at a point one of them excludes, as
                // ">5" and "5" do; the gap is zero, yet no number satisfies both.
                assertTrue(a.upper() == b.lower() || b.upper() == a.lower(), "touching ends");
                double meet = a.upper() == b.lower() ? a.upper() : a.lower();
                assertFalse(a.contains(meet) && b.contains(meet), "the meeting point is excluded");
              } else {
                assertTrue(d > 0);
              }
            });
  }

  @Test
  void distanceIsZeroIffCompatibleForClosedIntervals() {
    Gen<Quantity> closed =
        integers().between(0, 2).zip(NUMBERS, NUMBERS, (k, x, y) -> quantity(k == 2 ? 6 : k, x, y));
    theory()
        .forAll(closed, closed)
        .check((a, b) -> (a.distanceTo(b) == 0) == a.compatibleWith(b));
  }

  @Test
  void withinImpliesCompatible() {
    theory()
        .forAll(QUANTITIES, QUANTITIES)
        .check((a, b) -> !a.within(b) || a.compatibleWith(b));
  }

  @Test
  void parseReadsBackTheCanonicalForm() {
    theory()
        .forAll(QUANTITIES)
        .checkAssert(
            q -> {
              Quantity back = Quantity.parse(q.canonical());
              assertEquals(q, back, q.canonical());
              assertEquals(q.hashCode(), back.hashCode(), q.canonical());
              assertEquals(q.canonical(), back.canonical());
              assertEquals(q, Value.parse(ValueType.QUANTITY, q.canonical()));
            });
  }

  @Test
  void equalQuantitiesHaveEqualCanonicalForms() {
    theory()
        .forAll(QUANTITIES, QUANTITIES)
        .check((a, b) -> !a.equals(b) || a.canonical().equals(b.canonical()));
  }
}
