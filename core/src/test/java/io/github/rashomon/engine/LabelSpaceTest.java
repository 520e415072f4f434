package io.github.rashomon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.rashomon.model.Category;
import io.github.rashomon.model.Value;
import io.github.rashomon.model.ValueType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The label sets Dawid–Skene and GLAD share confusion matrices over. */
class LabelSpaceTest {

  private static List<String> labels(LabelSpace s) {
    return Arrays.stream(s.labelValue).map(Value::canonical).toList();
  }

  @Test
  void questionsOfOneTypeShareTheUnionOfTheirCandidates() {
    // Quantities sort as numbers (3 < 20 < 100), categories as text; groups in ValueType order
    // (categorical before quantity), whatever order the questions come in.
    ClaimIndex ix =
        ClaimIndex.builder()
            .question("n1", ValueType.QUANTITY).question("n2", ValueType.QUANTITY)
            .add("s", "n1", "100").add("s", "n1", "20").add("s", "n2", "3").add("t", "n2", "20")
            .add("s", "c1", "zebra").add("t", "c2", "ant").add("s", "c2", "zebra")
            .build();
    LabelSpace s = LabelSpace.of(ix);
    assertEquals(List.of("ant", "zebra", "3", "20", "100"), labels(s));
    assertArrayEquals(new int[] {0, 2, 5}, s.groupStart);
    assertEquals(2, s.groupCount());
    int c1 = ix.questionNumber("c1");
    int c2 = ix.questionNumber("c2");
    int n1 = ix.questionNumber("n1");
    int n2 = ix.questionNumber("n2");
    assertEquals(0, s.questionGroup[c1]);
    assertEquals(1, s.questionGroup[n2]);
    assertEquals(2, s.size(c1));
    assertEquals(3, s.size(n1));
    // Each candidate's label: c1 = [zebra], c2 = [ant, zebra], n1 = [20, 100], n2 = [3, 20].
    int[] cl = s.candLabel();
    assertEquals(1, cl[ix.questionCandStart[c1]]);
    assertEquals(0, cl[ix.questionCandStart[c2]]);
    assertEquals(1, cl[ix.questionCandStart[c2] + 1]);
    assertEquals(3, cl[ix.questionCandStart[n1]]);
    assertEquals(4, cl[ix.questionCandStart[n1] + 1]);
    assertEquals(2, cl[ix.questionCandStart[n2]]);
    assertEquals(3, cl[ix.questionCandStart[n2] + 1]);
    // Candidates differ between questions: no uniform layout.
    assertNull(s.uniformLabel);
  }

  @Test
  void integerLabelsShareOneLayout() {
    // ofLabels gives every question the same candidate objects: labels by position, and the
    // per-candidate array only when asked for.
    int[] worker = {0, 1, 2, 0, 1};
    int[] task = {0, 0, 1, 2, 2};
    int[] label = {2, 0, 1, 1, 1};
    ClaimIndex ix = ClaimIndex.ofLabels(3, 3, List.of("yes", "no", "maybe"), worker, task, label);
    LabelSpace s = LabelSpace.of(ix);
    assertNotNull(s.uniformLabel);
    assertArrayEquals(new int[] {0, 1, 2}, s.uniformLabel);
    assertEquals(List.of("maybe", "no", "yes"), labels(s));
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, s.candLabel());
    assertEquals(3, s.size(2));
  }

  @Test
  void aUniformLayoutNeedsOneTypeAndTheSameCandidatesEverywhere() {
    Value yes = Category.of("yes");
    Value no = Category.of("no");
    // Same candidate objects on every question: uniform.
    ClaimIndex same =
        ClaimIndex.builder().candidate("a", no).candidate("a", yes).candidate("b", no)
            .candidate("b", yes).add("s", "a", yes).add("s", "b", no).build();
    assertNotNull(LabelSpace.of(same).uniformLabel);
    // One question with a candidate fewer.
    ClaimIndex fewer =
        ClaimIndex.builder().candidate("a", no).candidate("a", yes).candidate("b", no)
            .add("s", "a", yes).add("s", "b", no).candidate("c", no).candidate("c", yes)
            .build();
    assertNull(LabelSpace.of(fewer).uniformLabel);
    assertEquals(List.of("no", "yes"), labels(LabelSpace.of(fewer)));
    // As many candidates, in other objects.
    ClaimIndex other =
        ClaimIndex.builder().candidate("a", no).candidate("a", yes)
            .candidate("b", Category.of("no")).candidate("b", Category.of("yes"))
            .add("s", "a", yes).build();
    assertNull(LabelSpace.of(other).uniformLabel);
    // Two types.
    ClaimIndex mixed =
        ClaimIndex.builder().question("n", ValueType.QUANTITY).add("s", "n", "1")
            .add("s", "c", "1").build();
    assertNull(LabelSpace.of(mixed).uniformLabel);
    assertEquals(2, LabelSpace.of(mixed).groupCount());
    // No questions at all.
    LabelSpace empty = LabelSpace.of(ClaimIndex.builder().build());
    assertNull(empty.uniformLabel);
    assertEquals(0, empty.groupCount());
    assertEquals(0, empty.labelValue.length);
  }
}
