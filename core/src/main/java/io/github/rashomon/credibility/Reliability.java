package io.github.rashomon.credibility;

/**
 * Source reliability in the NATO/Admiralty code (STANAG 2511, AJP-2.1): a letter from A
 * (completely reliable) to F (cannot be judged), grading the source's track record.
 *
 * <p>Each grade maps to a {@link Credibility} about the source being right. The code defines
 * words, not numbers; the numbers here are Rashomon's documented choice (see {@code
 * docs/concepts.md}): projected probabilities 0.95, 0.80, 0.65, 0.40, 0.20 for A to E, with
 * uncertainty growing as the grade falls (0.05 to 0.25), and F as the vacuous opinion.
 *
 * @since 0.1
 */
public enum Reliability {
  /** Completely reliable: no doubt of authenticity, trustworthiness or competence. */
  A("completely reliable", 0.95, 0.05),
  /** Usually reliable: minor doubt, a history of mostly valid information. */
  B("usually reliable", 0.80, 0.10),
  /** Fairly reliable: doubt, but has provided valid information in the past. */
  C("fairly reliable", 0.65, 0.15),
  /** Not usually reliable: significant doubt. */
  D("not usually reliable", 0.40, 0.20),
  /** Unreliable: a history of invalid information. */
  E("unreliable", 0.20, 0.25),
  /** Reliability cannot be judged: no basis for evaluation. */
  F("reliability cannot be judged", 0.5, 1.0);

  private final String description;
  private final Credibility credibility;

  Reliability(String description, double probability, double uncertainty) {
    this.description = description;
    this.credibility = Credibility.ofProbability(probability, uncertainty);
  }

  /**
   * The grade's wording in the Admiralty code.
   *
   * @return for example "usually reliable"
   */
  public String description() {
    return description;
  }

  /**
   * The credibility this grade stands for.
   *
   * @return an opinion about the source being right
   */
  public Credibility credibility() {
    return credibility;
  }

  /**
   * The judged grade (A to E) whose projected probability is nearest to the given credibility's;
   * F when the credibility is vacuous (uncertainty 1).
   *
   * @param credibility an opinion about a source
   * @return the nearest grade
   */
  public static Reliability nearest(Credibility credibility) {
    if (credibility.uncertainty() >= 1.0) {
      return F;
    }
    double p = credibility.probability();
    Reliability best = A;
    for (Reliability r : values()) {
      if (r != F
          && Math.abs(r.credibility.probability() - p)
              < Math.abs(best.credibility.probability() - p)) {
        best = r;
      }
    }
    return best;
  }
}
