package org.adcckb.report;

import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.adcckb.kb.Evidence;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Treatment;

/**
 * The explanation as a biologist reads it: the outcome, the cells, then for each outcome the chain of
 * conclusions down to the scenario's facts, each with the rule, its evidence and its source. A
 * conclusion reached by several paths is written out once and referred to by number afterwards.
 */
public final class TextReport {

    private static final Set<String> BACKGROUND = Set.of("Agent", "Cd38Scale", "GradeScale");

    private final Evaluation ev;
    private final Map<String, Node> nodes;
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Every source cited so far, to its bibliography entry (null when the bibliography has none). */
    private final Map<String, org.adcckb.kb.Reference> sources = new java.util.TreeMap<>();
    private final Set<String> rulesShown = new java.util.HashSet<>();
    private final StringBuilder out = new StringBuilder();

    private TextReport(Evaluation ev) {
        this.ev = ev;
        this.nodes = ev.explanation().byKey();
    }

    public static String render(Evaluation ev) {
        return new TextReport(ev).write();
    }

    private String write() {
        var s = ev.scenario();
        line("Scenario " + s.id());
        if (s.title() != null) {
            line("  " + s.title());
        }
        line("  setting: " + s.setting().replace('_', ' ') + (s.course() == null ? "" : ", " + s.course().label()));
        line("  treatments: " + (s.treatments().isEmpty() ? "none" : String.join(", ",
                s.treatments().stream().map(TextReport::treatment).toList())));
        line("");
        line("Outcome");
        Map<String, String> outcome = ev.outcome().asMap();
        for (org.adcckb.kb.OutcomeKind k : ev.outcome().kinds()) {
            line(String.format(Locale.ROOT, "  %-14s %s", k.label(), OutcomeWords.graded(ev, k.name())));
        }
        List<String> unknown = OutcomeWords.unknowns(ev);
        if (!unknown.isEmpty()) {
            line("");
            line("Not known");
            unknown.forEach(u -> line("  - " + u));
        }
        line("");
        line("Cells");
        for (CellState c : ev.cells().values()) {
            line("  " + cell(c, s.cell(c.id()).orElse(null)));
        }

        Set<String> shown = new LinkedHashSet<>();
        for (org.adcckb.kb.OutcomeKind kind : ev.outcome().kinds()) {
            String f = kind.name();
            line("");
            line("Why " + kind.label() + " is " + outcome.get(f));
            List<String> because = ev.explanation().outcomeSupport().getOrDefault(f, List.of());
            if (because.isEmpty()) {
                line("  no rule concluded any " + kind.label() + " in this scenario, so it is none"
                        + " (`./adcc rules` lists what each rule needs)");
            }
            for (String k : because) {
                tree(k, 1, shown);
            }
        }
        List<String> others = new ArrayList<>();
        for (Node n : ev.explanation().nodes()) {
            if (!n.input() && !shown.contains(n.key())) {
                others.add(n.key());
            }
        }
        if (!others.isEmpty()) {
            line("");
            line("Other conclusions");
            for (String k : others) {
                if (!shown.contains(k)) {
                    tree(k, 1, shown);
                }
            }
        }
        if (!sources.isEmpty()) {
            line("");
            line("Sources");
            sources.forEach((src, reference) -> {
                line("  " + src + "  " + Evidence.link(src));
                if (reference != null) {
                    line("    " + Vancouver.format(reference));
                }
            });
        }
        return out.toString();
    }

    private void tree(String key, int depth, Set<String> shown) {
        String pad = "  ".repeat(depth);
        Node n = nodes.get(key);
        if (n == null) {
            line(pad + "- " + key);
            return;
        }
        if (n.input()) {
            line(pad + "- given: " + n.text());
            return;
        }
        Integer seen = numbers.get(key);
        if (seen != null) {
            line(pad + "- [" + seen + "] " + n.text() + " (see above)");
            return;
        }
        int number = numbers.size() + 1;
        numbers.put(key, number);
        shown.add(key);
        line(pad + "- [" + number + "] " + n.text());
        for (Derivation d : n.derivations()) {
            RuleInfo r = d.rule();
            r.sources().forEach(src -> sources.putIfAbsent(src, r.reference(src).orElse(null)));
            if (!rulesShown.add(r.name())) {
                line(pad + "    by rule \"" + r.name() + "\" (evidence above)");
            } else {
                line(pad + "    by rule \"" + r.name() + "\" (" + r.file() + ":" + r.line() + "), evidence " + r.evidence()
                        + (r.isInferred() ? ", partly inferred" : "") + ", " + String.join("; ", r.sources()));
                line(pad + "    " + r.rationale());
                if (r.isInferred()) {
                    line(pad + "    inferred: " + r.inferred());
                }
                if (r.unknown() != null) {
                    line(pad + "    unknown: " + r.unknown() + "; would be settled by " + r.settledBy());
                }
            }
            for (String p : d.premises()) {
                if (nodes.containsKey(p) && BACKGROUND.contains(nodes.get(p).type())) {
                    continue; // the vocabulary (what an agent is, the CD38 scale) is background, listed in the JSON explanation
                }
                tree(p, depth + 2, shown);
            }
        }
    }

    private static String treatment(Treatment t) {
        return t.on() == null ? t.agent() + " in the system" : t.agent() + " on " + t.on();
    }

    /** @param given the population as the scenario gave it, for its CD38 subsets */
    private static String cell(CellState c, org.adcckb.facts.Cell given) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s %-8s", c.id(), c.type()));
        if (c.line() != null) {
            s.append(" (").append(c.line()).append(')');
        }
        s.append("  CD38 ");
        if (given != null && given.heterogeneous()) {
            s.append("mixed: ").append(org.adcckb.facts.Cd38Subset.mix(given.subsets()))
                    .append(" (mean ").append(c.cd38Baseline()).append(')');
            if (c.cd38Fold() != 1.0) {
                s.append(" -> ").append(c.cd38()).append(String.format(Locale.ROOT, " (x%.2f)", c.cd38Fold()));
            }
        } else if (c.cd38Knockout()) {
            s.append("knockout");
        } else if (c.cd38Fold() != 1.0) {
            s.append(c.cd38Baseline()).append(" -> ").append(c.cd38())
                    .append(String.format(Locale.ROOT, " (x%.2f)", c.cd38Fold()));
        } else {
            s.append(c.cd38());
        }
        if (c.carriesCd16()) {
            s.append("  CD16 ").append(c.cd16());
        }
        c.binding().forEach((ab, level) -> s.append("  ").append(ab).append(" bound ").append(level));
        if ("effector".equals(c.role())) {
            s.append("  depletion ").append(c.depletion());
        }
        return s.toString();
    }

    /** Every line goes out printable: a scenario's free text (title, cell lines) may hold anything. */
    private void line(String s) {
        out.append(org.adcckb.input.Printable.of(s)).append('\n');
    }
}
