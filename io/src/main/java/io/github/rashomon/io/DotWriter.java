package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.engine.Reconciliation;
import io.github.rashomon.engine.Verdict;
import io.github.rashomon.model.SourceKind;
import io.github.rashomon.model.Stance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the evidence graph of a {@link Reconciliation} in the Graphviz DOT language, for {@code
 * dot -Tsvg evidence.dot > evidence.svg}.
 *
 * <p>Sources are boxes (with their estimated trust), claims notes, questions octagons (with the
 * verdict); left to right. The edges:
 *
 * <ul>
 *   <li>source → claim: the source asserts it (solid) or denies it (labelled "denies");
 *   <li>relay → claim: the claim reached us through that relay (dashed, "relayed", numbered along
 *       the chain);
 *   <li>claim → question: the claim supports the leading value (green) or conflicts with it (red),
 *       labelled with its weight;
 *   <li>source — source: the two are members of one bloc and so not independent (dotted, grey,
 *       undirected, labelled with the bloc); each bloc's members are chained in case order.
 * </ul>
 *
 * <p>Node names are generated ({@code s0}, {@code c0}, {@code q0}); all text appears only in
 * quoted, escaped labels, so any id or name is safe. The output is deterministic.
 *
 * <pre>{@code
 * DotWriter.write(result, dir.resolve("evidence.dot")); // then: dot -Tsvg evidence.dot
 * }</pre>
 *
 * @since 0.1
 */
public final class DotWriter {
  private DotWriter() {}

  /**
   * Writes the graph to a file, atomically.
   *
   * @param r the reconciliation
   * @param file the file to create or replace
   * @throws IOException if the file cannot be written; then it is left as it was
   */
  public static void write(Reconciliation r, Path file) throws IOException {
    checkNotNull(r, "reconciliation");
    CsvResultWriter.writeAtomically(file, w -> write(r, w));
  }

  /**
   * Writes the graph to a character stream, which is left open.
   *
   * @param r the reconciliation
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void write(Reconciliation r, Writer out) throws IOException {
    checkNotNull(r, "reconciliation");
    checkNotNull(out, "out");
    EvidenceGraph g = EvidenceGraph.of(r);
    Map<String, String> sourceNode = new HashMap<>();
    Map<String, String> questionNode = new HashMap<>();
    out.write("digraph evidence {\n");
    out.write("  graph [rankdir=LR, fontname=\"Helvetica\", label=" + quote(
        g.origin.map(c -> c.title()).orElse("evidence") + " — " + r.provenance().algorithm())
        + ", labelloc=t];\n");
    out.write("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.write("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    out.write("  // Sources\n");
    for (int i = 0; i < g.sources.size(); i++) {
      EvidenceGraph.SourceNode s = g.sources.get(i);
      String id = "s" + i;
      sourceNode.put(s.id, id);
      String label = s.name + "\n" + (s.kind == SourceKind.OTHER ? "" : Json.name(s.kind) + ", ")
          + String.format(Locale.ROOT, "trust %.2f", s.assessment.trust());
      out.write("  " + id + " [shape=box, style=rounded, label=" + quote(label)
          + ", tooltip=" + quote(s.id) + "];\n");
    }
    out.write("  // Questions\n");
    for (int i = 0; i < g.questions.size(); i++) {
      EvidenceGraph.QuestionNode q = g.questions.get(i);
      String id = "q" + i;
      questionNode.put(q.id, id);
      Verdict v = q.verdict;
      String verdict =
          v.value().isPresent()
              ? String.format(Locale.ROOT, "%s (%s, %.2f)", v.value().get().canonical(),
                  Json.name(v.status()), v.confidence())
              : Json.name(v.status());
      out.write("  " + id + " [shape=octagon, label=" + quote(q.text + "\n→ " + verdict)
          + ", tooltip=" + quote(q.id) + "];\n");
    }
    out.write("  // Claims\n");
    for (int i = 0; i < g.claims.size(); i++) {
      EvidenceGraph.ClaimNode c = g.claims.get(i);
      String id = "c" + i;
      String label = (c.stance == Stance.DENIES ? "not " : "") + c.value.canonical();
      out.write("  " + id + " [shape=note, label=" + quote(label) + ", tooltip="
          + quote(c.note().orElse(c.id)) + "];\n");
      String from = sourceNode.get(c.source);
      out.write("  " + from + " -> " + id
          + (c.stance == Stance.DENIES ? " [label=\"denies\"]" : "") + ";\n");
      for (int k = 0; k < c.via.size(); k++) {
        out.write("  " + sourceNode.get(c.via.get(k)) + " -> " + id + " [style=dashed, label="
            + quote("relayed " + (k + 1)) + "];\n");
      }
      String q = questionNode.get(c.question);
      if (c.supports()) {
        out.write("  " + id + " -> " + q + " [color=\"#1b7837\", label=" + quote(weight(c.weight))
            + "];\n");
      } else if (c.conflicts()) {
        out.write("  " + id + " -> " + q + " [color=\"#b2182b\", style=bold, label="
            + quote(weight(c.weight)) + "];\n");
      } else {
        out.write("  " + id + " -> " + q + " [color=grey];\n");
      }
    }
    out.write("  // Dependence: members of one bloc\n");
    for (Map.Entry<String, List<String>> b : g.blocs.entrySet()) {
      List<String> members = b.getValue();
      for (int k = 1; k < members.size(); k++) {
        out.write("  " + sourceNode.get(members.get(k - 1)) + " -> "
            + sourceNode.get(members.get(k)) + " [dir=none, style=dotted, color=grey, label="
            + quote(b.getKey()) + ", constraint=false];\n");
      }
    }
    out.write("}\n");
  }

  /**
   * The graph as DOT text.
   *
   * @param r the reconciliation
   * @return the graph
   */
  public static String toDot(Reconciliation r) {
    StringWriter w = new StringWriter();
    try {
      write(r, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String weight(double w) {
    return String.format(Locale.ROOT, "%+.2f", w);
  }

  /**
   * A DOT quoted string. Backslashes are doubled (in labels a backslash starts an escape such as
   * {@code \N}), quotes escaped, line breaks written as {@code \n} (a centred line), and other
   * control characters dropped.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            b.append(' ');
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }
}
