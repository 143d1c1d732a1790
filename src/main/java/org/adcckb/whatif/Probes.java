package org.adcckb.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleShapes;
import org.adcckb.kb.RuleShapes.Condition;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import org.adcckb.engine.DrlCompiler;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * Asks the engine which condition of a rule fails. Drools reports no event per condition, so for every
 * rule the knowledge base gets one query per prefix of its {@code when} part (conditions 1..k, copied
 * from the rule itself); after reasoning, the first k whose query has no answer names the first unmet
 * condition, and the answers of the query before it give the values already bound.
 */
public final class Probes {

    /**
     * A condition a rule waits for.
     *
     * @param satisfied how many of the rule's conditions hold before it, in order
     * @param bindings  values bound by the conditions that hold ({@code $c = nk}), from at most three partial matches
     */
    public record Unmet(String rule, String file, int index, int of, String condition, int line, boolean negated,
                        List<Map<String, String>> bindings) {

        /** The condition with the bound values written in, as a reader wants to see it. */
        public String inWords() {
            String c = condition;
            if (bindings.size() == 1) {
                for (Map.Entry<String, String> b : bindings.get(0).entrySet()) {
                    c = c.replaceAll(java.util.regex.Pattern.quote(b.getKey()) + "(?![A-Za-z0-9_])",
                            java.util.regex.Matcher.quoteReplacement("\"" + b.getValue() + "\""));
                }
            }
            String alternatives = "";
            if (bindings.size() > 1) {
                // Several partial matches bound different values: the condition fails for each of them.
                alternatives = " (for " + String.join(" or ", bindings.stream().map(b -> String.join(", ",
                        b.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList())).toList()) + ")";
            }
            return (negated ? "present, but must be absent: " : "nothing matches: ") + c + alternatives;
        }
    }

    private final KnowledgeBase kb;
    private final KieBase probeBase;
    private final Map<String, List<String>> queries;

    private Probes(KnowledgeBase kb, KieBase probeBase, Map<String, List<String>> queries) {
        this.kb = kb;
        this.probeBase = probeBase;
        this.queries = queries;
    }

    /** Compiles the rules again with the prefix queries beside them (about as long as loading the rules). */
    public static Probes build(KnowledgeBase kb) {
        RuleShapes shapes = kb.shapes();
        Map<String, StringBuilder> texts = new TreeMap<>();
        kb.ruleTexts().forEach((f, t) -> texts.put(f, new StringBuilder(t).append("\n\n// probes for why-not\n")));
        Map<String, List<String>> queries = new LinkedHashMap<>();
        int r = 0;
        for (RuleShapes.Shape shape : shapes.all()) {
            r++;
            List<String> names = new ArrayList<>();
            StringBuilder into = texts.get(shape.file());
            for (int k = 1; k <= shape.conditions().size(); k++) {
                String name = "probe#" + r + "#" + k;
                names.add(name);
                into.append("query \"").append(name).append("\"\n");
                for (Condition c : shape.conditions().subList(0, k)) {
                    into.append("    ").append(c.text()).append('\n');
                }
                into.append("end\n");
            }
            queries.put(shape.name(), names);
        }
        Map<String, String> drl = new LinkedHashMap<>();
        texts.forEach((f, t) -> drl.put(f, t.toString()));
        DrlCompiler.Compiled compiled = DrlCompiler.compile(drl);
        if (!compiled.ok()) {
            throw new IllegalStateException("the why-not probes of the rules do not compile: " + compiled.errors());
        }
        return new Probes(kb, DrlCompiler.ruleBase(compiled.packages()), queries);
    }

    /**
     * Reasons about a scenario with the probes in place, held to the same limits as any evaluation; close it
     * when done.
     */
    public Session open(Scenario s, org.adcckb.reasoning.RunLimits limits) {
        KieSession session = probeBase.newKieSession();
        try {
            org.adcckb.reasoning.Guarded.fire(session, Reasoner.inputFacts(s, kb.vocabulary()), s.id(), limits, kb, null);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
        return new Session(session);
    }

    /** A reasoned scenario that can be asked which condition of a rule fails. */
    public final class Session implements AutoCloseable {
        private final KieSession session;

        private Session(KieSession session) {
            this.session = session;
        }

        /** The first condition of the rule that no fact satisfies, or null when the whole rule matches. */
        public Unmet unmet(String rule) {
            RuleShapes.Shape shape = kb.shapes().shape(rule);
            List<String> names = queries.get(rule);
            if (shape == null || names == null) {
                return null;
            }
            QueryResults previous = null;
            for (int k = 0; k < names.size(); k++) {
                QueryResults results = session.getQueryResults(names.get(k));
                if (results.size() == 0) {
                    Condition c = shape.conditions().get(k);
                    return new Unmet(rule, shape.file(), c.index(), shape.conditions().size(), c.text(), c.line(),
                            c.negated(), bindings(previous));
                }
                previous = results;
            }
            return null;
        }

        private List<Map<String, String>> bindings(QueryResults results) {
            List<Map<String, String>> out = new ArrayList<>();
            if (results == null) {
                return out;
            }
            for (QueryResultsRow row : results) {
                Map<String, String> b = new TreeMap<>();
                for (String id : results.getIdentifiers()) {
                    Object v = row.get(id);
                    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                        b.put(id, String.valueOf(v));
                    }
                }
                if (!out.contains(b)) {
                    out.add(b);
                }
                if (out.size() == 3) {
                    break;
                }
            }
            return out;
        }

        @Override
        public void close() {
            session.dispose();
        }
    }
}
