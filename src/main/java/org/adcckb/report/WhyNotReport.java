package org.adcckb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.adcckb.whatif.Chain;
import org.adcckb.whatif.Probes;
import org.adcckb.whatif.WhyNot;

/** A why-not answer as text or JSON. */
public final class WhyNotReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WhyNotReport() {
    }

    public static String text(WhyNot w) {
        StringBuilder out = new StringBuilder();
        String now = w.goal().value(w.current().outcome());
        if (w.met()) {
            out.append(w.goal()).append(" already holds in ").append(w.scenario().id()).append(": ")
                    .append(w.goal().field()).append(" is ").append(now).append(". Nothing to explain or change.\n");
            return out.toString();
        }
        out.append("Why not ").append(w.goal()).append(" in ").append(w.scenario().id()).append("? Now: ")
                .append(w.goal().field()).append(' ').append(now).append(".\n");
        if (!w.obstacles().isEmpty() && w.solutions().isEmpty()) {
            out.append("\nWhat the outcome rests on now (what would have to change)\n");
            w.obstacles().forEach(o -> out.append("  - ").append(o.text()).append('\n'));
        } else if (!w.obstacles().isEmpty()) {
            out.append("\nWhat stands in the way (conclusions on the path to the goal that the solutions below remove or change)\n");
            for (WhyNot.Obstacle o : w.obstacles()) {
                out.append("  - ").append(o.text()).append("   [")
                        .append("lost".equals(o.change()) ? "removed" : "changed").append(" by ").append(o.movedBy())
                        .append(" of ").append(w.solutions().size()).append(" solutions]\n");
            }
        }
        if (!w.missing().isEmpty()) {
            out.append("\nWhat is missing (conclusions the goal needs, with the first condition of their rule that fails now)\n");
            for (WhyNot.Missing m : w.missing()) {
                out.append("  - ").append(m.text());
                if (m.gainedBy() > 0) {
                    out.append("   [added by ").append(m.gainedBy()).append(" of ").append(w.solutions().size()).append(" solutions]");
                }
                out.append('\n');
                if (m.rule() != null) {
                    out.append("      rule \"").append(m.rule()).append('"');
                    Probes.Unmet u = m.unmet();
                    if (u == null) {
                        out.append(": all its conditions hold now, for other facts\n");
                    } else {
                        out.append(" (").append(u.file()).append(':').append(u.line()).append("), condition ")
                                .append(u.index()).append(" of ").append(u.of()).append(":\n");
                        out.append("      ").append(u.inWords()).append('\n');
                    }
                }
            }
        }
        out.append('\n');
        if (w.solutions().isEmpty()) {
            out.append("No set of up to ").append(w.maxSize()).append(" added treatments reaches ").append(w.goal())
                    .append(" (").append(w.evaluated()).append(" sets evaluated): none within ").append(w.maxSize()).append(".\n");
        } else {
            out.append("Smallest sets of added treatments that reach ").append(w.goal()).append(" (")
                    .append(w.evaluated()).append(" sets of up to ").append(w.maxSize()).append(" evaluated)\n");
            int i = 0;
            for (WhyNot.Solution s : w.solutions()) {
                out.append(String.format("  %d. %s  ->  %s%n", ++i, s.label(), grades(s.outcome())));
            }
            WhyNot.Solution first = w.solutions().get(0);
            out.append("\nHow ").append(first.label()).append(" gets there\n");
            for (Chain c : first.chains()) {
                for (int k = 0; k < c.steps().size(); k++) {
                    out.append(k == 0 ? "       " : "    -> ").append(c.steps().get(k).text()).append('\n');
                }
                out.append('\n');
            }
            out.append("(--format json gives the chains of every solution)\n");
        }
        return out.toString();
    }

    public static ObjectNode json(WhyNot w, String fingerprint) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JsonReport.FORMAT_VERSION);
        root.put("scenario", w.scenario().id());
        root.put("goal", w.goal().toString());
        root.put("now", w.goal().value(w.current().outcome()));
        root.put("met", w.met());
        ArrayNode obstacles = root.putArray("obstacles");
        for (WhyNot.Obstacle o : w.obstacles()) {
            obstacles.addObject().put("id", o.key()).put("text", o.text()).put("change", o.change()).put("movedBy", o.movedBy());
        }
        ArrayNode missing = root.putArray("missing");
        for (WhyNot.Missing m : w.missing()) {
            ObjectNode n = missing.addObject().put("id", m.key()).put("text", m.text()).put("rule", m.rule())
                    .put("gainedBy", m.gainedBy());
            if (m.unmet() != null) {
                Probes.Unmet u = m.unmet();
                ObjectNode un = n.putObject("unmet");
                un.put("file", u.file()).put("line", u.line()).put("condition", u.index()).put("of", u.of())
                        .put("text", u.condition()).put("negated", u.negated()).put("inWords", u.inWords());
                ArrayNode b = un.putArray("bindings");
                for (Map<String, String> binding : u.bindings()) {
                    ObjectNode bn = b.addObject();
                    binding.forEach(bn::put);
                }
            }
        }
        ArrayNode solutions = root.putArray("solutions");
        for (WhyNot.Solution s : w.solutions()) {
            ObjectNode n = solutions.addObject();
            ArrayNode added = n.putArray("added");
            s.added().forEach(t -> added.add(t.toString()));
            ObjectNode outcome = n.putObject("outcome");
            s.outcome().asMap().forEach(outcome::put);
            OutcomeJson.put(n, s.outcome());
            ArrayNode chains = n.putArray("chains");
            s.chains().forEach(c -> chains.add(c.text()));
        }
        root.put("maxSize", w.maxSize());
        root.put("evaluated", w.evaluated());
        root.put("rulesFingerprint", fingerprint);
        return root;
    }

    /** "ADCC high, fratricide moderate (low to high), NK depletion none": each outcome by its label, with its range. */
    static String grades(org.adcckb.reasoning.Outcome o) {
        return String.join(", ", o.kinds().stream().map(k -> k.label() + " " + o.grading(k.name())).toList());
    }
}
