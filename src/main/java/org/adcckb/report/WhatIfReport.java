package org.adcckb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adcckb.kb.Evidence;
import org.adcckb.scenario.Edit;
import org.adcckb.whatif.Change;
import org.adcckb.whatif.Chain;
import org.adcckb.whatif.ConclusionChange;
import org.adcckb.whatif.WhatIf;

/** A what-if as text (the difference, not two trees) or as JSON (both evaluations and the changes). */
public final class WhatIfReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> MARKS = Map.of(
            "added", "+", "gained", "+", "removed", "-", "lost", "-", "changed", "~");

    private WhatIfReport() {
    }

    public static ObjectNode toJson(WhatIf w, String fingerprint) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JsonReport.FORMAT_VERSION);
        root.put("scenario", w.baseline().scenario().id());
        ArrayNode edits = root.putArray("edits");
        w.edits().forEach(e -> edits.add(e.describe()));
        root.set("baseline", JsonReport.toJson(w.baseline(), fingerprint));
        root.set("variant", JsonReport.toJson(w.variant(), fingerprint));
        ObjectNode changes = root.putObject("changes");
        changes(changes.putArray("outcome"), w.outcome());
        changes(changes.putArray("cells"), w.cells());
        ArrayNode conclusions = changes.putArray("conclusions");
        for (ConclusionChange c : w.conclusions()) {
            ObjectNode n = conclusions.addObject();
            n.put("id", c.key());
            n.put("type", c.type());
            n.put("change", c.kind());
            if (c.before() != null) {
                n.put("before", c.before());
            }
            if (c.after() != null) {
                n.put("after", c.after());
            }
            ArrayNode causes = n.putArray("causes");
            for (ConclusionChange.Cause cause : c.causes()) {
                ObjectNode cn = causes.addObject();
                cn.put("rule", cause.rule());
                ArrayNode src = cn.putArray("sources");
                cause.sources().forEach(src::add);
                ArrayNode premises = cn.putArray("changedPremises");
                cause.changed().forEach(premises::add);
                if (cause.note() != null) {
                    cn.put("note", cause.note());
                }
            }
        }
        ArrayNode chains = changes.putArray("chains");
        for (Chain ch : w.chains()) {
            ObjectNode n = chains.addObject();
            n.put("outcome", ch.outcome());
            n.put("text", ch.text());
            ArrayNode steps = n.putArray("steps");
            for (Chain.Step s : ch.steps()) {
                steps.addObject().put("id", s.key()).put("change", s.kind()).put("text", s.text());
            }
        }
        root.put("rulesFingerprint", fingerprint);
        return root;
    }

    private static void changes(ArrayNode into, java.util.List<Change> changes) {
        for (Change c : changes) {
            into.addObject().put("path", c.path()).put("from", c.from()).put("to", c.to()).put("direction", c.direction());
        }
    }

    public static String text(WhatIf w) {
        Map<String, String> names = new java.util.HashMap<>();
        w.baseline().outcome().kinds().forEach(k -> {
            names.put("outcome." + k.name(), k.label());
            names.put("outcomeRange." + k.name(), "  range");
            names.put("outcomeScore." + k.name(), "  score");
        });
        StringBuilder out = new StringBuilder();
        out.append("What if: ").append(String.join(", ", w.edits().stream().map(Edit::describe).toList()))
                .append("   (scenario ").append(w.baseline().scenario().id()).append(")\n\n");
        out.append(String.format(Locale.ROOT, "%-32s %-18s %-18s %s%n", "", "baseline", "variant", ""));
        out.append("Outcome\n");
        for (Change c : w.outcome()) {
            row(out, names.getOrDefault(c.path(), c.path()), c);
        }
        out.append("Cells\n");
        for (Change c : w.cells()) {
            if (c.changed() || c.path().endsWith(".cd38")) {
                // cells.<id>.<field>: a cell id may hold dots itself, so the longest id the path starts with is the cell.
                String cell = w.baseline().cells().keySet().stream().filter(id -> c.path().startsWith("cells." + id + "."))
                        .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
                String field = c.path().substring(("cells." + cell + ".").length());
                row(out, cell + " " + field.replace("cd38Fold", "CD38 fold").replace("cd38", "CD38")
                        .replace("binding.", "bound "), c);
            }
        }
        if (!w.anyOutcomeChanged()) {
            out.append("\nNo outcome changes.\n");
        }
        if (!w.chains().isEmpty()) {
            out.append("\nHow the change reaches each outcome\n");
            for (Chain ch : w.chains()) {
                Change c = w.outcome().stream().filter(x -> x.path().equals("outcome." + ch.outcome())).findFirst().orElseThrow();
                long chainsToIt = w.chains().stream().filter(x -> x.outcome().equals(ch.outcome())).count();
                out.append("  ").append(names.get(c.path())).append(' ').append(c.from()).append(" -> ").append(c.to());
                if (chainsToIt > 1) {
                    out.append(", through ").append(ch.steps().get(0).key().replaceFirst("^[a-z]+:", ""));
                }
                out.append(":\n");
                for (int i = 0; i < ch.steps().size(); i++) {
                    out.append(i == 0 ? "       " : "    -> ").append(ch.steps().get(i).text()).append('\n');
                }
            }
        }
        Set<String> sources = new TreeSet<>();
        if (!w.conclusions().isEmpty()) {
            out.append("\nWhat changed, and why (+ new, - gone, ~ changed)\n");
            // Conclusions are numbered so that a cause can point at the changes it rests on without naming
            // the engine's fact keys.
            Map<String, Integer> number = new java.util.HashMap<>();
            for (ConclusionChange c : w.conclusions()) {
                number.put(c.key(), number.size() + 1);
            }
            for (ConclusionChange c : w.conclusions()) {
                String text = "changed".equals(c.kind()) ? changed(c)
                        : c.after() != null ? c.after() : c.before();
                out.append("  ").append(MARKS.getOrDefault(c.kind(), "?")).append(" [").append(number.get(c.key()))
                        .append("] ").append(text).append('\n');
                for (ConclusionChange.Cause cause : c.causes()) {
                    sources.addAll(cause.sources());
                    out.append("      by rule \"").append(cause.rule()).append("\" (").append(String.join("; ", cause.sources())).append(")");
                    java.util.List<String> refs = cause.changed().stream().filter(number::containsKey)
                            .map(k -> "[" + number.get(k) + "]").toList();
                    if (!refs.isEmpty()) {
                        out.append(", because of ").append(String.join(", ", refs));
                    }
                    out.append('\n');
                    if (cause.note() != null) {
                        out.append("      ").append(cause.note()).append('\n');
                    }
                }
            }
        }
        if (!sources.isEmpty()) {
            out.append("\nSources\n");
            sources.forEach(s -> out.append("  ").append(s).append("  ").append(Evidence.link(s)).append('\n'));
        }
        return out.toString();
    }

    private static String changed(ConclusionChange c) {
        return WhatIf.changedText(c.before(), c.after());
    }

    private static void row(StringBuilder out, String label, Change c) {
        out.append(String.format(Locale.ROOT, "  %-30s %-18s %-18s %s%n", label, c.from(), c.to(), c.direction()));
    }
}
