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

  /** Candidate -> global label number. */
  final int[] candLabel;
  /** Question -> group number. */
  final int[] questionGroup;
  /** Labels of group g are [groupStart[g], groupStart[g + 1]). */
  final int[] groupStart;
  /** Label -> a value with that canonical form. */
  final Value[] labelValue;

  private LabelSpace(int[] candLabel, int[] questionGroup, int[] groupStart, Value[] labelValue) {
    this.candLabel = candLabel;
    this.questionGroup = questionGroup;
    this.groupStart = groupStart;
    this.labelValue = labelValue;
  }

  static LabelSpace of(ClaimIndex index) {
    // Groups in ValueType order, so their numbering is canonical too.
    int[] typeGroup = new int[ValueType.values().length];
    Arrays.fill(typeGroup, -1);
    for (int q = 0; q < index.questionCount(); q++) {
      typeGroup[index.questionType[q].ordinal()] = 0;
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
    for (int q = 0; q < index.questionCount(); q++) {
      int g = typeGroup[index.questionType[q].ordinal()];
      questionGroup[q] = g;
      for (int c = index.questionCandStart[q]; c < index.questionCandStart[q + 1]; c++) {
        Value v = index.candValue[c];
        if (seen.size() > MEMO || seen.put(v, Boolean.TRUE) == null) {
          distinct.get(g).putIfAbsent(v.canonical(), v);
        }
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
    int[] candLabel = new int[index.candidateCount()];
    List<IdentityHashMap<Value, Integer>> memo = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      memo.add(new IdentityHashMap<>());
    }
    for (int c = 0; c < candLabel.length; c++) {
      int g = questionGroup[index.candQuestion[c]];
      Value v = index.candValue[c];
      Integer label = memo.get(g).get(v);
      if (label == null) {
        label = numbers.get(g).get(v.canonical());
        if (memo.get(g).size() < MEMO) {
          memo.get(g).put(v, label);
        }
      }
      candLabel[c] = label;
    }
    return new LabelSpace(candLabel, questionGroup, groupStart, labels.toArray(new Value[0]));
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
