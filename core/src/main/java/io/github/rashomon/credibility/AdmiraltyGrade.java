package io.github.rashomon.credibility;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Objects;

/**
 * A full NATO/Admiralty grade such as {@code B2}: the source's {@link Reliability} and the
 * information's {@link InformationCredibility}.
 *
 * <p>{@link #credibility()} combines the two by subjective-logic trust discounting: the
 * information's credibility discounted by the source's reliability (Jøsang 2016, §14.3), so that
 * an unreliable source pulls a claim towards uncertainty rather than towards falsehood.
 *
 * @since 0.1
 */
public final class AdmiraltyGrade {
  private final Reliability reliability;
  private final InformationCredibility information;

  private AdmiraltyGrade(Reliability reliability, InformationCredibility information) {
    this.reliability = reliability;
    this.information = information;
  }

  /**
   * Returns the grade made of the two parts.
   *
   * @param reliability the source's reliability
   * @param information the information's credibility
   * @return the grade
   */
  public static AdmiraltyGrade of(Reliability reliability, InformationCredibility information) {
    return new AdmiraltyGrade(
        checkNotNull(reliability, "reliability"), checkNotNull(information, "information"));
  }

  /**
   * Parses a grade written as a letter and a digit, such as {@code "B2"} or {@code "f6"}.
   *
   * @param code the grade
   * @return the grade
   * @throws IllegalArgumentException if {@code code} is not a letter A–F followed by a digit 1–6
   */
  public static AdmiraltyGrade parse(String code) {
    checkNotNull(code, "code");
    String c = code.trim().toUpperCase(Locale.ROOT);
    checkArgument(
        c.length() == 2 && c.charAt(0) >= 'A' && c.charAt(0) <= 'F'
            && c.charAt(1) >= '1' && c.charAt(1) <= '6',
        "AdmiraltyGrade must be a letter A-F followed by a digit 1-6, got '%s'",
        code);
    return of(
        Reliability.valueOf(c.substring(0, 1)), InformationCredibility.ofCode(c.charAt(1) - '0'));
  }

  /**
   * The source's reliability.
   *
   * @return the letter grade
   */
  public Reliability reliability() {
    return reliability;
  }

  /**
   * The information's credibility.
   *
   * @return the digit grade
   */
  public InformationCredibility information() {
    return information;
  }

  /**
   * The credibility of the graded claim: the information's credibility discounted by the source's
   * reliability.
   *
   * @return the combined opinion
   */
  public Credibility credibility() {
    return information.credibility().discountedBy(reliability.credibility());
  }

  /**
   * Equal when both parts are equal.
   *
   * @param o the other object
   * @return whether {@code o} is the same grade
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof AdmiraltyGrade
        && ((AdmiraltyGrade) o).reliability == reliability
        && ((AdmiraltyGrade) o).information == information;
  }

  @Override
  public int hashCode() {
    return Objects.hash(reliability, information);
  }

  /**
   * The grade in its usual written form.
   *
   * @return for example {@code "B2"}
   */
  @Override
  public String toString() {
    return reliability.name() + information.code();
  }
}
