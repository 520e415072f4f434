package io.github.rashomon.engine;

import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label sets of the confusion-matrix models (Dawid–Skene, GLAD): the questions of one value
 * type share one set of labels, the union of their candidates' canonical forms, as the questions
 * of a crowdsourcing task share the labels "0", "1", ….
 *
 * <p>Labels are numbered globally: group g's labels are [groupStart[g], groupStart[g + 1]), each
 * group's in {@link ClaimIndex#VALUE_ORDER}, so the numbering depends on the index alone.
 */
final class LabelSpace {
  /** Distinct value objects remembered by identity, to skip hashing their text. */
  private static final int MEMO = 1 << 12;

  private static final int RECENT = 8;

  private final ClaimIndex index;
  /** Candidate -> global label number; null until asked for when {@link #uniformLabel} is set. */
  private int[] candLabel;
  /**
   * When every question has the same candidates: position within a question -> label number, so
   * that candidate c of question q has label {@code uniformLabel[c - questionCandStart[q]]}; else
   * null.
   */
  final int[] uniformLabel;
  /** Question -> group number. */
  final int[] questionGroup;
  /** Labels of group g are [groupStart[g], groupStart[g + 1]). */
  final int[] groupStart;
  /** Label -> a value with that canonical form. */
  final Value[] labelValue;

  private LabelSpace(
      ClaimIndex index,
      int[] candLabel,
      int[] uniformLabel,
      int[] questionGroup,
      int[] groupStart,
      Value[] labelValue) {
    this.index = index;
    this.candLabel = candLabel;
    this.uniformLabel = uniformLabel;
    this.questionGroup = questionGroup;
    this.groupStart = groupStart;
    this.labelValue = labelValue;
  }

  static LabelSpace of(ClaimIndex index) {
    if (index.sharedLabels != null && index.questionCount() > 0) {
      // Every question has these candidates, distinct and in canonical order: one group.
      Value[] labels = index.sharedLabels.clone();
      int[] uniform = new int[labels.length];
      for (int l = 0; l < uniform.length; l++) {
        uniform[l] = l;
      }
      return new LabelSpace(index, null, uniform, new int[index.questionCount()],
          new int[] {0, labels.length}, labels);
    }
    // Groups in ValueType order, so their numbering is canonical too.
    int[] typeGroup = new int[ValueType.values().length];
    Arrays.fill(typeGroup, -1);
    for (int q = 0; q < index.questionCount(); q++) {
      typeGroup[index.typeOf(q).ordinal()] = 0;
    }
    int groups = 0;
    for (int t = 0; t < typeGroup.length; t++) {
      if (typeGroup[t] == 0) {
        typeGroup[t] = groups++;
      }
    }
    List<Map<String, Value>> distinct = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      distinct.add(new HashMap<>());
    }
    int[] questionGroup = new int[index.questionCount()];
    // Generated and parsed indexes share value objects: look each object up by text once.
    IdentityHashMap<Value, Boolean> seen = new IdentityHashMap<>();
    Value[] last = new Value[2];
    for (int q = 0; q < index.questionCount(); q++) {
      int g = typeGroup[index.typeOf(q).ordinal()];
      questionGroup[q] = g;
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        Value v = index.candValue[c];
        if (v != last[c % 2] && (seen.size() > MEMO || seen.put(v, Boolean.TRUE) == null)) {
          distinct.get(g).putIfAbsent(v.canonical(), v);
        }
        last[c % 2] = v;
      }
    }
    int[] groupStart = new int[groups + 1];
    List<Value> labels = new ArrayList<>();
    List<Map<String, Integer>> numbers = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      Value[] sorted = distinct.get(g).values().toArray(new Value[0]);
      Arrays.sort(sorted, ClaimIndex.VALUE_ORDER);
      Map<String, Integer> number = new HashMap<>();
      for (Value v : sorted) {
        number.put(v.canonical(), labels.size());
        labels.add(v);
      }
      numbers.add(number);
      groupStart[g + 1] = labels.size();
    }
    Value[] labelValue = labels.toArray(new Value[0]);
    int[] uniform = uniformLabels(index, groups, numbers);
    if (uniform != null) {
      return new LabelSpace(index, null, uniform, questionGroup, groupStart, labelValue);
    }
    int[] candLabel = new int[index.candidateCount()];
    List<IdentityHashMap<Value, Integer>> memo = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      memo.add(new IdentityHashMap<>());
    }
    // The last few objects seen, tried before any map: label sets are small and repeat.
    Value[] recent = new Value[RECENT];
    int[] recentLabel = new int[RECENT];
    int[] recentGroup = new int[RECENT];
    for (int q = 0; q < index.questionCount(); q++) {
      int g = questionGroup[q];
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        Value v = index.candValue[c];
        int slot = c % RECENT;
        int hit = -1;
        for (int r = 0; r < RECENT && hit < 0; r++) {
          if (recent[r] == v && recentGroup[r] == g) {
            hit = recentLabel[r];
          }
        }
        if (hit < 0) {
          Integer label = memo.get(g).get(v);
          if (label == null) {
            label = numbers.get(g).get(v.canonical());
            if (memo.get(g).size() < MEMO) {
              memo.get(g).put(v, label);
            }
          }
          hit = label;
          recent[slot] = v;
          recentLabel[slot] = hit;
          recentGroup[slot] = g;
        }
        candLabel[c] = hit;
      }
    }
    return new LabelSpace(index, candLabel, null, questionGroup, groupStart, labelValue);
  }

  /**
   * The labels of every question's candidates by position when all questions have the same
   * candidate objects in the same order (as a generated index does), else null.
   */
  private static int[] uniformLabels(
      ClaimIndex index, int groups, List<Map<String, Integer>> numbers) {
    int nq = index.questionCount();
    if (groups != 1 || nq == 0) {
      return null;
    }
    int k = index.candidateCount(0);
    if ((long) k * nq != index.candidateCount()) {
      return null;
    }
    Value[] first = java.util.Arrays.copyOf(index.candValue, k);
    for (int q = 1; q < nq; q++) {
      int cf = index.questionCandStart[q];
      if (index.questionCandStart[q + 1] - cf != k) {
        return null;
      }
      for (int j = 0; j < k; j++) {
        if (index.candValue[cf + j] != first[j]) {
          return null;
        }
      }
    }
    int[] uniform = new int[k];
    for (int j = 0; j < k; j++) {
      uniform[j] = numbers.get(0).get(first[j].canonical());
    }
    return uniform;

  }

  /** Candidate -> global label number, materialised on first use for a uniform layout. */
  int[] candLabel() {
    if (candLabel == null) {
      int[] cl = new int[index.candidateCount()];
      int k = uniformLabel.length;
      for (int c = 0; c < cl.length; c++) {
        cl[c] = uniformLabel[c % k];
      }
      candLabel = cl;
    }
    return candLabel;
  }

  int groupCount() {
    return groupStart.length - 1;
  }

  /** The number of labels of question q's group. */
  int size(int q) {
    int g = questionGroup[q];
    return groupStart[g + 1] - groupStart[g];
  }
}
