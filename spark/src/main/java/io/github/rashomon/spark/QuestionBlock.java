package io.github.rashomon.spark;

import io.github.rashomon.model.Quantity;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One question's claims in the layout of the core {@code ClaimIndex}: candidates in the core's
 * order (canonical text, or for quantities ascending interval), claims ordered by source rank then
 * candidate, so that every per-question computation adds its terms in exactly the order the core
 * engine does.
 */
final class QuestionBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Quantities as the core's {@code ClaimIndex.VALUE_ORDER}: interval, then canonical text. */
  private static final Comparator<Quantity> QUANTITY_ORDER =
      Comparator.comparingDouble(Quantity::representative)
          .thenComparingDouble(Quantity::lower)
          .thenComparingDouble(Quantity::upper)
          .thenComparing(Quantity::canonical);

  final String question;
  /** Candidate values in canonical form, in the core engine's order for their type. */
  final String[] cand;
  /** Per claim: the source's rank among all source ids sorted. */
  final int[] src;
  /** Per claim: the candidate's position in {@link #cand}. */
  final int[] cnd;
  /**
   * For a quantity question, per candidate: its representative and the ends of its interval
   * (ascending representatives); null for a categorical question.
   */
  final double[] rep;
  final double[] lower;
  final double[] upper;

  private QuestionBlock(String question, String[] cand, int[] src, int[] cnd, double[] rep,
      double[] lower, double[] upper) {
    this.question = question;
    this.cand = cand;
    this.src = src;
    this.cnd = cnd;
    this.rep = rep;
    this.lower = lower;
    this.upper = upper;
  }

  /** Whether the question's values are quantities. */
  boolean numeric() {
    return rep != null;
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
   * @param type how the values are read: categorical or quantity
   */
  static QuestionBlock of(Row row, Map<String, Integer> sourceRank, ValueType type) {
    String question = row.getString(0);
    if (question == null || question.isEmpty()) {
      throw new IllegalArgumentException("question id must not be empty");
    }
    List<Row> claims = row.getList(1);
    int n = claims.size();
    String[] values = new String[n];
    Map<String, Value> parsed = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      String v = claims.get(i).getString(1);
      if (v == null) {
        throw new IllegalArgumentException("a claim on question '" + question + "' has no value");
      }
      // The same validation and canonical form as the core engine's values of the type.
      Value value;
      try {
        value = Value.parse(type, v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("question '" + question + "': " + e.getMessage(), e);
      }
      values[i] = value.canonical();
      parsed.putIfAbsent(values[i], value);
    }
    String[] cand;
    double[] rep = null;
    double[] lower = null;
    double[] upper = null;
    if (type == ValueType.QUANTITY) {
      Quantity[] q = parsed.values().toArray(new Quantity[0]);
      Arrays.sort(q, QUANTITY_ORDER);
      cand = new String[q.length];
      rep = new double[q.length];
      lower = new double[q.length];
      upper = new double[q.length];
      for (int c = 0; c < q.length; c++) {
        cand[c] = q[c].canonical();
        rep[c] = q[c].representative();
        lower[c] = q[c].lower();
        upper[c] = q[c].upper();
      }
    } else {
      cand = parsed.keySet().toArray(new String[0]);
      Arrays.sort(cand);
    }
    Map<String, Integer> position = new java.util.HashMap<>();
    for (int c = 0; c < cand.length; c++) {
      position.put(cand[c], c);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      String s = claims.get(i).getString(0);
      Integer rank = s == null ? null : sourceRank.get(s);
      if (rank == null) {
        throw new IllegalArgumentException("unknown or empty source on question '" + question + "'");
      }
      keys[i] = ((long) rank << 32) | position.get(values[i]);
    }
    Arrays.sort(keys);
    int[] src = new int[n];
    int[] cnd = new int[n];
    for (int i = 0; i < n; i++) {
      src[i] = (int) (keys[i] >>> 32);
      cnd[i] = (int) keys[i];
    }
    return new QuestionBlock(question, cand, src, cnd, rep, lower, upper);
  }
}
