package org.adcckb.report.graph;

import java.util.ArrayList;
import java.util.List;
import org.adcckb.reasoning.Evaluation;

/** The derivation DAG in Graphviz DOT: {@code dot -Tsvg} draws it top to bottom, outcomes on the last rank. */
public final class Dot {

    private Dot() {
    }

    public static String render(Evaluation ev) {
        return render(DerivationGraph.of(ev));
    }

    public static String render(DerivationGraph g) {
        StringBuilder s = new StringBuilder();
        s.append("// How ").append(g.scenario().replaceAll("[\\r\\n]", " ")).append(" was derived (adcc-kb). Draw with: dot -Tsvg\n");
        s.append("digraph derivation {\n");
        s.append("  graph [rankdir=TB, fontname=\"Helvetica\", labelloc=t, label=").append(q("How " + g.scenario() + " was derived"))
                .append("];\n");
        s.append("  node [fontname=\"Helvetica\", fontsize=10, shape=box];\n");
        s.append("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#8a94a6\", fontcolor=\"#6b5900\"];\n");
        for (DerivationGraph.Fact f : g.facts()) {
            s.append("  ").append(f.id()).append(" [label=").append(q(lines(Text.wrap(f.text(), 36, 4))))
                    .append(", tooltip=").append(q(f.key()))
                    .append(f.input() ? ", style=filled, fillcolor=\"#eef1f5\", color=\"#7b8794\""
                            : ", style=filled, fillcolor=\"#ffffff\", color=\"#3b6ea8\"")
                    .append("];\n");
        }
        for (DerivationGraph.Rule r : g.rules()) {
            List<String> l = new ArrayList<>(Text.wrap(r.rule().name(), 34, 3));
            l.add("evidence " + r.rule().evidence() + (r.rule().isInferred() ? ", partly inferred" : ""));
            l.addAll(r.rule().sources());
            s.append("  ").append(r.id()).append(" [label=").append(q(lines(l)))
                    .append(", tooltip=").append(q(r.rule().rationale()))
                    .append(", shape=box, style=\"rounded,filled\", fillcolor=\"#fff8e1\", color=\"#b38f00\"];\n");
        }
        for (DerivationGraph.Outcome o : g.outcomes()) {
            s.append("  ").append(o.id()).append(" [label=").append(q(o.label()))
                    .append(", style=\"filled,bold\", penwidth=3, fillcolor=\"#fde7e9\", color=\"#b3261e\", fontsize=12];\n");
        }
        s.append("  { rank=sink;");
        g.outcomes().forEach(o -> s.append(' ').append(o.id()).append(';'));
        s.append(" }\n");
        for (DerivationGraph.Edge e : g.edges()) {
            s.append("  ").append(e.from()).append(" -> ").append(e.to());
            if (!e.label().isEmpty()) {
                s.append(" [label=").append(q(e.label())).append(']');
            }
            s.append(";\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static String lines(List<String> l) {
        return String.join("\n", l);
    }

    /** A DOT quoted string: backslash and quote escaped, line breaks as DOT's centred {@code \n}. */
    static String q(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7F) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
