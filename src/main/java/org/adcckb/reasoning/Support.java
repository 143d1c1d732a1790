package org.adcckb.reasoning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adcckb.kb.Evidence;
import org.adcckb.kb.RuleInfo;

/**
 * How well an outcome is supported: over the derivations that decide it (every derivation below a conclusion
 * whose range could set the outcome), the weakest evidence grade, the number of the deciding rules that go
 * beyond their sources ({@code @inferred}), and what the deciding rules say is unknown ({@code @unknown}) with
 * what would settle it ({@code @settledBy}).
 *
 * @param weakestEvidence the weakest grade (A strongest), or null when no rule decides the outcome (nothing can happen)
 * @param inferredSteps   how many deciding rules add an inference of the model's to their sources
 * @param unknowns        what the knowledge does not settle, by question, sorted
 */
public record Support(String weakestEvidence, int inferredSteps, List<Unknown> unknowns) {

    /** A question the knowledge does not settle, the evidence that would settle it, and the rule that raises it. */
    public record Unknown(String question, String settledBy, String rule) {
    }

    public Support {
        unknowns = List.copyOf(unknowns);
    }

    /** "2 assumptions, weakest evidence C", "published, evidence A", "nothing can happen". */
    public String summary() {
        if (weakestEvidence == null) {
            return "no rule applies";
        }
        StringBuilder s = new StringBuilder();
        s.append(inferredSteps == 0 ? "no assumption" : inferredSteps == 1 ? "1 assumption" : inferredSteps + " assumptions");
        if (!unknowns.isEmpty()) {
            s.append(", ").append(unknowns.size() == 1 ? "1 unknown" : unknowns.size() + " unknowns");
        }
        return s.append(", weakest evidence ").append(weakestEvidence).toString();
    }

    /** The support of the conclusions {@code keys}, read off the explanation's nodes by key. */
    static Support of(List<String> keys, Map<String, Node> nodes) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(keys);
        while (!todo.isEmpty()) {
            String k = todo.pop();
            if (!seen.add(k)) {
                continue;
            }
            Node n = nodes.get(k);
            if (n == null) {
                continue;
            }
            for (Derivation d : n.derivations()) {
                rules.putIfAbsent(d.rule().name(), d.rule());
                todo.addAll(d.premises());
            }
        }
        List<String> grades = new ArrayList<>(Evidence.GRADES.keySet());
        String weakest = null;
        int inferred = 0;
        Map<String, Unknown> unknowns = new TreeMap<>();
        for (RuleInfo r : rules.values()) {
            if (r.evidence() != null && (weakest == null || grades.indexOf(r.evidence()) > grades.indexOf(weakest))) {
                weakest = r.evidence();
            }
            if (r.isInferred()) {
                inferred++;
            }
            if (r.unknown() != null) {
                unknowns.putIfAbsent(r.unknown(), new Unknown(r.unknown(), r.settledBy(), r.name()));
            }
        }
        return new Support(weakest, inferred, new ArrayList<>(unknowns.values()));
    }

    /** Support for each outcome kind, from the keys of the conclusions that decide it. */
    static Map<String, Support> of(Map<String, List<String>> deciding, List<Node> nodes) {
        Map<String, Node> byKey = new LinkedHashMap<>();
        for (Node n : nodes) {
            byKey.put(n.key(), n);
        }
        Map<String, Support> out = new LinkedHashMap<>();
        deciding.forEach((kind, keys) -> out.put(kind, of(keys, byKey)));
        return out;
    }
}
