package org.adcckb.report.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Node;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.Evaluation;

/**
 * The derivation DAG of one evaluation, as the DOT, Mermaid and SVG writers draw it: the input facts
 * some live derivation uses, every conclusion, one rule node per live derivation (a rule applied twice
 * is two nodes, so the premises of one application never seem to feed the other), and the outcome
 * fields with the conclusions that set them. Everything is sorted by key, so the same evaluation gives
 * the same graph whatever the order of the scenario.
 *
 * @param facts    inputs first, then conclusions, each sorted by key
 * @param rules    rule applications, sorted by id
 * @param outcomes the declared outcome kinds, in order
 * @param edges    premise to rule, rule to conclusion, conclusion to outcome; sorted
 */
public record DerivationGraph(String scenario, List<Fact> facts, List<Rule> rules, List<Outcome> outcomes,
                              List<Edge> edges) {


    /** Every node has an id unique in the graph, the key the explanation knows it by, and a kind. */
    public sealed interface Vertex permits Fact, Rule, Outcome {
        String id();

        /** The fact key, the rule's name or {@code outcome:FIELD}: what a page marks changed nodes by. */
        String key();
    }

    /** A fact of working memory: an input of the scenario or vocabulary, or a conclusion. */
    public record Fact(String id, String key, String type, boolean input, String text) implements Vertex {
    }

    /**
     * One live derivation: {@code rule} applied to {@code premises} concluded {@code conclusion}.
     *
     * @param id made from the conclusion's key and the derivation's place among its (sorted) derivations, so stable
     */
    public record Rule(String id, RuleInfo rule, String conclusion, List<String> premises) implements Vertex {
        @Override
        public String key() {
            return rule.name();
        }

        /** "doi:10.3390/cancers13123072; PMID:9242542, evidence A". */
        public String citation() {
            return String.join("; ", rule.sources()) + ", evidence " + rule.evidence()
                    + (rule.isInferred() ? " (partly inferred)" : "");
        }
    }

    /** An outcome field and its level, fed by the conclusions that set it. */
    public record Outcome(String id, String field, String name, String level, List<String> support) implements Vertex {
        @Override
        public String key() {
            return "outcome:" + field;
        }

        public String label() {
            return name + ": " + level;
        }
    }

    /** @param label the rule's file and line on the edge into a conclusion, empty elsewhere */
    public record Edge(String from, String to, String label) implements Comparable<Edge> {
        @Override
        public int compareTo(Edge o) {
            int c = from.compareTo(o.from);
            return c != 0 ? c : to.compareTo(o.to);
        }
    }

    public static DerivationGraph of(Evaluation ev) {
        List<Node> nodes = ev.explanation().nodes();
        Map<String, Node> byKey = ev.explanation().byKey();
        Set<String> usedInputs = new TreeSet<>();
        Map<String, Fact> conclusions = new TreeMap<>();
        List<Rule> rules = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Node n : nodes) {
            if (n.input()) {
                continue;
            }
            conclusions.put(n.key(), new Fact(id("f", n.key()), n.key(), n.type(), false, n.text()));
            List<Derivation> ds = n.derivations();
            for (int i = 0; i < ds.size(); i++) {
                Derivation d = ds.get(i);
                Rule r = new Rule(id("r", n.key() + "#" + i), d.rule(), n.key(), List.copyOf(d.premises()));
                rules.add(r);
                for (String p : new TreeSet<>(d.premises())) {
                    Node pn = byKey.get(p);
                    if (pn == null) {
                        continue; // a premise that is no longer in working memory has nothing to draw
                    }
                    if (pn.input()) {
                        usedInputs.add(p);
                    }
                    edges.add(new Edge(id("f", p), r.id(), ""));
                }
                edges.add(new Edge(r.id(), id("f", n.key()), d.rule().file() + ":" + d.rule().line()));
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (String k : usedInputs) {
            Node n = byKey.get(k);
            facts.add(new Fact(id("f", k), k, n.type(), true, n.text()));
        }
        facts.addAll(conclusions.values());

        Map<String, String> levels = ev.outcome().asMap();
        List<Outcome> outcomes = new ArrayList<>();
        for (org.adcckb.kb.OutcomeKind kind : ev.outcome().kinds()) {
            String field = kind.name();
            List<String> support = ev.explanation().outcomeSupport().getOrDefault(field, List.of()).stream()
                    .filter(conclusions::containsKey).sorted().toList();
            Outcome o = new Outcome(id("res", field), field, kind.label(), levels.get(field), support);
            outcomes.add(o);
            support.forEach(k -> edges.add(new Edge(id("f", k), o.id(), "")));
        }
        rules.sort(java.util.Comparator.comparing(Rule::id));
        edges.sort(null);
        return new DerivationGraph(ev.scenario().id(), List.copyOf(facts), List.copyOf(rules),
                List.copyOf(outcomes), List.copyOf(edges));
    }

    /** Every vertex: facts, then rules, then outcomes. */
    public List<Vertex> vertices() {
        List<Vertex> out = new ArrayList<>(facts);
        out.addAll(rules);
        out.addAll(outcomes);
        return out;
    }

    /**
     * An identifier every writer accepts (letters, digits, underscores) made from a key without loss:
     * a character outside {@code [A-Za-z0-9]} becomes {@code _XX} (its hex code), so two keys never share
     * an id and the same key always gets the same one.
     */
    static String id(String prefix, String key) {
        StringBuilder s = new StringBuilder(prefix).append('_');
        key.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                s.appendCodePoint(c);
            } else {
                s.append('_').append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('_');
            }
        });
        return s.toString();
    }
}
