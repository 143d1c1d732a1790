package org.adcckb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.adcckb.whatif.Chain;
import org.adcckb.whatif.Probes;
import org.adcckb.whatif.WhyNot;
import org.adcckb.scenario.Treatment;

/** A why-not answer as text or JSON. */
public final class WhyNotReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WhyNotReport() {
    }

    /** The answers shown when no {@code --top} is given: enough to choose from, few enough to read. */
    public static final int DEFAULT_TOP = 5;

    public static String text(WhyNot w) {
        return text(w, DEFAULT_TOP, false);
    }

    /**
     * The answer for a person: what stands in the way, the best {@code top} answers in sentences, how the first
     * gets there, and what the answers add with the rule that waits for it ({@code conditions}: with that
     * rule's unmet condition as written in its file).
     */
    public static String text(WhyNot w, int top, boolean conditions) {
        StringBuilder out = new StringBuilder();
        String field = w.goal().field();
        String now = w.current().outcome().grading(field).toString();
        if (w.met()) {
            out.append(w.goal()).append(" already holds in ").append(w.scenario().id()).append(": ")
                    .append(field).append(" is ").append(now).append(". Nothing to explain or change.\n");
            return out.toString();
        }
        out.append("Why not ").append(w.goal()).append(" in ").append(w.scenario().id()).append("? Now ")
                .append(field).append(" is ").append(now).append(".\n");
        int answers = w.solutions().size();
        if (!w.obstacles().isEmpty() && answers == 0) {
            out.append("\nWhat the outcome rests on now (what would have to change)\n");
            w.obstacles().forEach(o -> out.append("  - ").append(o.text()).append('\n'));
        } else if (!w.obstacles().isEmpty()) {
            out.append("\nWhat stands in the way (conclusions on the path to the goal that the answers remove or change)\n");
            for (WhyNot.Obstacle o : w.obstacles()) {
                out.append("  - ").append(o.text()).append(": ").append("lost".equals(o.change()) ? "removed" : "changed")
                        .append(" by ").append(share(o.movedBy(), answers)).append('\n');
            }
        }
        out.append('\n');
        if (answers == 0) {
            out.append("No set of up to ").append(w.maxSize()).append(" added treatments reaches ").append(w.goal())
                    .append(" (").append(w.evaluated()).append(" sets evaluated): none within ").append(w.maxSize()).append(".\n");
        } else {
            int shown = Math.min(top, answers);
            out.append("Answers: the smallest sets of added treatments that reach ").append(w.goal())
                    .append(", best outcome first\n(").append(w.evaluated()).append(" sets of up to ").append(w.maxSize())
                    .append(" evaluated; ").append(answers).append(answers == 1 ? " answer" : " answers");
            if (shown < answers) {
                out.append(", the best ").append(shown).append(" shown; --top N shows more");
            }
            out.append(")\n");
            for (int i = 0; i < shown; i++) {
                WhyNot.Solution s = w.solutions().get(i);
                out.append(String.format("  %d. Add %s. Outcome: %s.%n", i + 1, sentence(s.added()), grades(s.outcome())));
                if (s.support() != null && s.support().weakestEvidence() != null) {
                    out.append("     How sure: ").append(s.support().summary()).append(".\n");
                }
                for (List<Treatment> alike : s.alike()) {
                    out.append("     Adding ").append(sentence(alike)).append(" instead does the same.\n");
                }
            }
            WhyNot.Solution first = w.solutions().get(0);
            out.append("\nHow answer 1 gets there\n");
            for (Chain c : first.chains()) {
                List<Chain.Step> steps = c.steps();
                for (int k = 0; k < steps.size(); k++) {
                    String text = steps.get(k).text();
                    if (k == 0) {
                        out.append("  - ").append(text.replaceFirst("^added: ", ""));
                    } else {
                        out.append("      so ").append(text.replaceFirst("^no longer: ", "it is no longer so that "));
                    }
                    out.append(k == steps.size() - 1 ? ".\n" : ",\n");
                }
            }
        }
        missing(out, w, Math.min(top, answers), conditions);
        return out.toString();
    }

    /**
     * What the answers shown add, lines of the same words and rule said once (two agents of one kind, one
     * effect); with no answer, what the rules that would conclude the goal wait for.
     */
    private static void missing(StringBuilder out, WhyNot w, int shown, boolean conditions) {
        int answers = w.solutions().size();
        java.util.Set<String> added = new java.util.HashSet<>();
        w.solutions().subList(0, shown).forEach(s -> added.addAll(s.adds()));
        List<WhyNot.Missing> listed = w.missing().stream().filter(m -> answers == 0 || added.contains(m.key())).toList();
        if (listed.isEmpty()) {
            return;
        }
        Map<String, Integer> gained = new java.util.LinkedHashMap<>();
        Map<String, WhyNot.Missing> first = new java.util.LinkedHashMap<>();
        for (WhyNot.Missing m : listed) {
            String key = m.text() + "\u0000" + m.rule();
            gained.merge(key, m.gainedBy(), Integer::sum);
            first.putIfAbsent(key, m);
        }
        out.append(answers == 0
                ? "\nWhat the rules that would conclude it wait for\n"
                : shown < answers
                ? "\nWhat the answers shown add (conclusions the goal needs that no rule can draw now)\n"
                : "\nWhat the answers add (conclusions the goal needs that no rule can draw now)\n");
        for (Map.Entry<String, WhyNot.Missing> e : first.entrySet()) {
            WhyNot.Missing m = e.getValue();
            out.append("  - ").append(answers == 0 ? "rule \"" + m.rule() + "\"" : m.text());
            if (answers > 0) {
                out.append(": added by ").append(share(gained.get(e.getKey()), answers));
            }
            out.append('\n');
            Probes.Unmet u = m.unmet();
            if (u != null) {
                out.append("      ").append(answers == 0 ? "it" : "rule \"" + m.rule() + "\"").append(" (").append(u.file())
                        .append(':').append(u.line()).append(") waits for its condition ").append(u.index())
                        .append(" of ").append(u.of()).append(u.negated() ? ", which must not hold and does" : "")
                        .append(conditions ? ": " + u.inWords() : "").append('\n');
            }
        }
        if (!conditions) {
            out.append("  (--conditions shows each condition as written in its rule)\n");
        }
    }

    /** "every answer", "3 of 5 answers". */
    private static String share(int n, int of) {
        return n == of ? (of == 1 ? "the answer" : "every answer") : n + " of " + of + " answers";
    }

    /** "atra to mm and lenalidomide to the whole system". */
    static String sentence(List<Treatment> set) {
        List<String> parts = set.stream().map(t -> t.agent() + (t.on() == null ? " to the whole system" : " to " + t.on())).toList();
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    public static ObjectNode json(WhyNot w, String fingerprint) {
        return json(w, fingerprint, Integer.MAX_VALUE);
    }

    /** The answer as JSON with the best {@code top} solutions ({@code found} counts them all). */
    public static ObjectNode json(WhyNot w, String fingerprint, int top) {
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
        root.put("found", w.solutions().size());
        ArrayNode solutions = root.putArray("solutions");
        for (WhyNot.Solution s : w.solutions().subList(0, Math.min(top, w.solutions().size()))) {
            ObjectNode n = solutions.addObject();
            ArrayNode added = n.putArray("added");
            s.added().forEach(t -> added.add(t.toString()));
            ArrayNode alike = n.putArray("alike");
            s.alike().forEach(set -> {
                ArrayNode a = alike.addArray();
                set.forEach(t -> a.add(t.toString()));
            });
            ObjectNode outcome = n.putObject("outcome");
            s.outcome().asMap().forEach(outcome::put);
            OutcomeJson.put(n, s.outcome());
            if (s.support() != null) {
                // How sure the goal's outcome is, as support.<kind> of explain's JSON, for the goal's kind only.
                ObjectNode sup = n.putObject("support").putObject(w.goal().field());
                if (s.support().weakestEvidence() == null) {
                    sup.putNull("weakestEvidence");
                } else {
                    sup.put("weakestEvidence", s.support().weakestEvidence());
                }
                sup.put("inferredSteps", s.support().inferredSteps());
                ArrayNode unknowns = sup.putArray("unknowns");
                s.support().unknowns().forEach(u -> unknowns.addObject().put("question", u.question())
                        .put("settledBy", u.settledBy()).put("rule", u.rule()));
            }
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
