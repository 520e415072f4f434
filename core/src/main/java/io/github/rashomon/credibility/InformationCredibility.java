package io.github.rashomon.credibility;

/**
 * Information credibility in the NATO/Admiralty code: a digit from 1 (confirmed by other
 * sources) to 6 (truth cannot be judged), grading one item of information on its own merits.
 *
 * <p>Each grade maps to a {@link Credibility} about the information being true: projected
 * probabilities 0.95, 0.75, 0.50, 0.25, 0.10 for 1 to 5 (following Kent's words of estimative
 * probability: "probable" about 75%, "chances about even", "probably not" about 25%), with
 * uncertainty 0.05 to 0.20, and 6 as the vacuous opinion. Rashomon's documented choice; see {@code
 * docs/concepts.md}.
 *
 * @since 0.1
 */
public enum InformationCredibility {
  /** 1: confirmed by other independent sources. */
  CONFIRMED(1, "confirmed by other sources", 0.95, 0.05),
  /** 2: probably true; not confirmed, but logical and consistent. */
  PROBABLY_TRUE(2, "probably true", 0.75, 0.10),
  /** 3: possibly true; reasonably logical, agrees with some other information. */
  POSSIBLY_TRUE(3, "possibly true", 0.50, 0.15),
  /** 4: doubtful; possible but not logical, no other information on the subject. */
  DOUBTFUL(4, "doubtful", 0.25, 0.15),
  /** 5: improbable; illogical and contradicted by other information. */
  IMPROBABLE(5, "improbable", 0.10, 0.20),
  /** 6: truth cannot be judged. */
  CANNOT_BE_JUDGED(6, "truth cannot be judged", 0.5, 1.0);

  private final int code;
  private final String description;
  private final Credibility credibility;

  InformationCredibility(int code, String description, double probability, double uncertainty) {
    this.code = code;
    this.description = description;
    this.credibility = Credibility.ofProbability(probability, uncertainty);
  }

  /**
   * The digit of this grade in the Admiralty code.
   *
   * @return 1 to 6
   */
  public int code() {
    return code;
  }

  /**
   * The grade's wording in the Admiralty code.
   *
   * @return for example "probably true"
   */
  public String description() {
    return description;
  }

  /**
   * The credibility this grade stands for.
   *
   * @return an opinion about the information being true
   */
  public Credibility credibility() {
    return credibility;
  }

  /**
   * Returns the grade with the given digit.
   *
   * @param code 1 to 6
   * @return the grade
   * @throws IllegalArgumentException if {@code code} is outside 1 to 6
   */
  public static InformationCredibility ofCode(int code) {
    for (InformationCredibility c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "InformationCredibility.code must be 1 to 6, got " + code);
  }
}
