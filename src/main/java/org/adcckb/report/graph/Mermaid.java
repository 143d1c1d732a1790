package org.adcckb.report.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.adcckb.reasoning.Evaluation;

/**
 * The derivation DAG as a Mermaid flowchart, for Markdown renderers (GitHub, GitLab) and mermaid.js.
 * Labels are quoted, and every character outside a small safe set is written as a Mermaid entity
 * ({@code #35;}), so no fact text can end a label, open an edge or start a comment.
 */
public final class Mermaid {

    private Mermaid() {
    }

    public static String render(Evaluation ev) {
        return render(DerivationGraph.of(ev));
    }

    public static String render(DerivationGraph g) {
        StringBuilder s = new StringBuilder();
        s.append("flowchart TB\n");
        s.append("  %% How ").append(label(g.scenario())).append(" was derived (adcc-kb)\n");
        StringJoiner inputs = new StringJoiner(",");
        StringJoiner derived = new StringJoiner(",");
        for (DerivationGraph.Fact f : g.facts()) {
            s.append("  ").append(f.id()).append("[\"").append(lines(Text.wrap(f.text(), 36, 4))).append("\"]\n");
            (f.input() ? inputs : derived).add(f.id());
        }
        StringJoiner rules = new StringJoiner(",");
        for (DerivationGraph.Rule r : g.rules()) {
            List<String> l = new ArrayList<>(Text.wrap(r.rule().name(), 34, 3));
            l.add("evidence " + r.rule().evidence() + (r.rule().isInferred() ? ", partly inferred" : ""));
            l.addAll(r.rule().sources());
            s.append("  ").append(r.id()).append("([\"").append(lines(l)).append("\"])\n");
            rules.add(r.id());
        }
        StringJoiner outcomes = new StringJoiner(",");
        for (DerivationGraph.Outcome o : g.outcomes()) {
            s.append("  ").append(o.id()).append("[[\"").append(label(o.label())).append("\"]]\n");
            outcomes.add(o.id());
        }
        for (DerivationGraph.Edge e : g.edges()) {
            s.append("  ").append(e.from()).append(" -->");
            if (!e.label().isEmpty()) {
                s.append("|\"").append(label(e.label())).append("\"|");
            }
            s.append(' ').append(e.to()).append('\n');
        }
        s.append("  classDef input fill:#eef1f5,stroke:#7b8794,color:#1f2328\n");
        s.append("  classDef derived fill:#ffffff,stroke:#3b6ea8,color:#1f2328\n");
        s.append("  classDef rule fill:#fff8e1,stroke:#b38f00,color:#1f2328\n");
        s.append("  classDef outcome fill:#fde7e9,stroke:#b3261e,stroke-width:3px,color:#1f2328,font-weight:bold\n");
        for (var c : List.of(new String[] {"input", inputs.toString()}, new String[] {"derived", derived.toString()},
                new String[] {"rule", rules.toString()}, new String[] {"outcome", outcomes.toString()})) {
            if (!c[1].isEmpty()) {
                s.append("  class ").append(c[1]).append(' ').append(c[0]).append('\n');
            }
        }
        return s.toString();
    }

    private static String lines(List<String> l) {
        List<String> out = new ArrayList<>();
        l.forEach(x -> out.add(label(x)));
        return String.join("<br/>", out);
    }

    /** Text for inside a quoted label: letters, digits, spaces and plain punctuation as they are, the rest as {@code #N;}. */
    static String label(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || " .,:()-+/_'=@*!?".indexOf(c) >= 0;
            if (plain) {
                out.appendCodePoint(c);
            } else if (c >= 0x20 && c != 0x7F) {
                out.append('#').append(c).append(';');
            }
        });
        return out.toString();
    }
}
