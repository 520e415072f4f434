package io.github.rashomon.io;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.rashomon.engine.ClaimIndex;
import io.github.rashomon.engine.Contribution;
import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.SourceAssessment;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.Case;
import io.github.rashomon.model.Claim;
import io.github.rashomon.model.DateTime;
import io.github.rashomon.model.Question;
import io.github.rashomon.model.Source;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stance;
import io.github.rashomon.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evidence behind a reconciliation as a graph: sources, claims and questions, with the edges
 * the exports draw. A source asserts or denies a claim; relays carry it; a claim supports or
 * conflicts with its question's verdict (by the sign of its contribution); sources of one bloc
 * depend on each other.
 *
 * <p>From a reconciliation of a {@link Case} the graph has everything: names, kinds, relays,
 * accounts, notes, and sources without claims. From an index read from raw triples it has what
 * the verdicts' explanations carry: one claim per contribution, no relays and no blocs.
 */
final class EvidenceGraph {
  /** A source, with what the run learned of it. */
  static final class SourceNode {
    final String id;
    final String name;
    final SourceKind kind;
    final ImmutableSet<String> affiliations;
    final SourceAssessment assessment;

    SourceNode(String id, String name, SourceKind kind, ImmutableSet<String> affiliations,
        SourceAssessment assessment) {
      this.id = id;
      this.name = name;
      this.kind = kind;
      this.affiliations = affiliations;
      this.assessment = assessment;
    }
  }

  /** A question and its verdict. */
  static final class QuestionNode {
    final String id;
    final String text;
    final Verdict verdict;

    QuestionNode(String id, String text, Verdict verdict) {
      this.id = id;
      this.text = text;
      this.verdict = verdict;
    }
  }

  /** A claim, with the signed weight it contributed to its question's verdict. */
  static final class ClaimNode {
    final String id;
    final String source;
    final String question;
    final Value value;
    final Stance stance;
    final ImmutableList<String> via;
    final Optional<Claim> claim;
    /** Positive: stands for the leading value; negative: against it; NaN: no contribution. */
    final double weight;

    ClaimNode(String id, String source, String question, Value value, Stance stance,
        ImmutableList<String> via, Optional<Claim> claim, double weight) {
      this.id = id;
      this.source = source;
      this.question = question;
      this.value = value;
      this.stance = stance;
      this.via = via;
      this.claim = claim;
      this.weight = weight;
    }

    boolean supports() {
      return weight > 0;
    }

    boolean conflicts() {
      return weight < 0;
    }

    Optional<String> account() {
      return claim.flatMap(Claim::account);
    }

    Optional<String> note() {
      return claim.flatMap(Claim::note);
    }

    Optional<DateTime> statedAt() {
      return claim.flatMap(Claim::statedAt);
    }

    /** Who told us: the last relay, or the source itself. */
    String teller() {
      return via.isEmpty() ? source : via.get(via.size() - 1);
    }
  }

  final Optional<Case> origin;
  final Reconciliation reconciliation;
  final ImmutableList<SourceNode> sources;
  final ImmutableList<QuestionNode> questions;
  final ImmutableList<ClaimNode> claims;
  /** Each bloc's members, blocs sorted by name, members in source order. */
  final Map<String, List<String>> blocs;

  private final Map<String, SourceNode> sourceById = new HashMap<>();
  private final Map<String, QuestionNode> questionById = new HashMap<>();

  private EvidenceGraph(Reconciliation r) {
    this.reconciliation = r;
    this.origin = r.index().origin();
    ClaimIndex index = r.index();
    ImmutableList.Builder<SourceNode> s = ImmutableList.builder();
    ImmutableList.Builder<QuestionNode> q = ImmutableList.builder();
    if (origin.isPresent()) {
      for (Source src : origin.get().sources()) {
        s.add(new SourceNode(src.id(), src.name(), src.kind(), src.affiliations(),
            r.assessment(src.id())));
      }
      for (Question qu : origin.get().questions()) {
        q.add(new QuestionNode(qu.id(), qu.text(), r.verdict(qu.id())));
      }
    } else {
      for (int i = 0; i < index.sourceCount(); i++) {
        String id = index.sourceId(i);
        s.add(new SourceNode(id, id, SourceKind.OTHER, ImmutableSet.of(), r.assessment(i)));
      }
      for (int i = 0; i < index.questionCount(); i++) {
        String id = index.questionId(i);
        q.add(new QuestionNode(id, id, r.verdict(i)));
      }
    }
    this.sources = s.build();
    this.questions = q.build();
    for (SourceNode n : sources) {
      sourceById.put(n.id, n);
    }
    for (QuestionNode n : questions) {
      questionById.put(n.id, n);
    }
    this.claims = claims();
    Map<String, List<String>> b = new TreeMap<>();
    for (SourceNode n : sources) {
      for (String bloc : n.affiliations) {
        b.computeIfAbsent(bloc, k -> new ArrayList<>()).add(n.id);
      }
    }
    this.blocs = b;
  }

  static EvidenceGraph of(Reconciliation r) {
    return new EvidenceGraph(r);
  }

  private ImmutableList<ClaimNode> claims() {
    ImmutableList.Builder<ClaimNode> out = ImmutableList.builder();
    for (QuestionNode q : questions) {
      List<Contribution> explanation = q.verdict.explanation();
      if (origin.isPresent()) {
        Map<String, Double> weight = new HashMap<>();
        for (Contribution k : explanation) {
          k.claim().ifPresent(id -> weight.put(id, k.weight()));
        }
        for (Claim c : origin.get().claimsAbout(q.id)) {
          out.add(new ClaimNode(c.id(), c.source(), c.question(), c.value(), c.stance(), c.via(),
              Optional.of(c), weight.getOrDefault(c.id(), Double.NaN)));
        }
      } else {
        // The explanation is sorted by weight; keep the index's order of sources instead.
        List<Contribution> ordered = new ArrayList<>(explanation);
        ordered.sort(java.util.Comparator.comparing(Contribution::source)
            .thenComparing(k -> k.value().canonical()));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Contribution k : ordered) {
          String id = k.source() + "/" + q.id + "/" + (k.stance() == Stance.DENIES ? "not " : "")
              + k.value().canonical();
          int n = seen.merge(id, 1, Integer::sum);
          out.add(new ClaimNode(n == 1 ? id : id + " #" + n, k.source(), q.id, k.value(),
              k.stance(), ImmutableList.of(), Optional.empty(), k.weight()));
        }
      }
    }
    return out.build();
  }

  SourceNode source(String id) {
    return sourceById.get(id);
  }

  QuestionNode question(String id) {
    return questionById.get(id);
  }

  /** The name of a source, or the id when the graph does not know it. */
  String name(String sourceId) {
    SourceNode n = sourceById.get(sourceId);
    return n == null ? sourceId : n.name;
  }
}
