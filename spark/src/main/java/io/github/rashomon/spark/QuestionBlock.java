package io.github.rashomon.spark;

import io.github.rashomon.model.Category;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One question's claims in the layout of the core {@code ClaimIndex}: candidates in canonical
 * order, claims ordered by source rank then candidate, so that every per-question computation
 * adds its terms in exactly the order the core engine does.
 */
final class QuestionBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  final String question;
  /** Candidate values, sorted as the core engine sorts categorical values (canonical text). */
  final String[] cand;
  /** Per claim: the source's rank among all source ids sorted. */
  final int[] src;
  /** Per claim: the candidate's position in {@link #cand}. */
  final int[] cnd;

  private QuestionBlock(String question, String[] cand, int[] src, int[] cnd) {
    this.question = question;
    this.cand = cand;
    this.src = src;
    this.cnd = cnd;
  }

  int claims() {
    return src.length;
  }

  int candidates() {
    return cand.length;
  }

  /**
   * Builds a block from a row {@code (question, [(source, value), …])}.
   *
   * @param row the grouped row
   * @param sourceRank each source id's rank among the sorted ids
   */
  static QuestionBlock of(Row row, Map<String, Integer> sourceRank) {
    String question = row.getString(0);
    if (question == null || question.isEmpty()) {
      throw new IllegalArgumentException("question id must not be empty");
    }
    List<Row> claims = row.getList(1);
    int n = claims.size();
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      String v = claims.get(i).getString(1);
      if (v == null) {
        throw new IllegalArgumentException("a claim on question '" + question + "' has no value");
      }
      // The same validation and canonical form as the core engine's categorical values.
      values[i] = Category.of(v).canonical();
    }
    String[] cand = Arrays.stream(values).distinct().sorted().toArray(String[]::new);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      String s = claims.get(i).getString(0);
      Integer rank = s == null ? null : sourceRank.get(s);
      if (rank == null) {
        throw new IllegalArgumentException("unknown or empty source on question '" + question + "'");
      }
      keys[i] = ((long) rank << 32) | Arrays.binarySearch(cand, values[i]);
    }
    Arrays.sort(keys);
    int[] src = new int[n];
    int[] cnd = new int[n];
    for (int i = 0; i < n; i++) {
      src[i] = (int) (keys[i] >>> 32);
      cnd[i] = (int) keys[i];
    }
    return new QuestionBlock(question, cand, src, cnd);
  }
}
