package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.adcckb.kb.RuleInfo;

/**
 * Why the answer is what it is: the scenario's facts, the vocabulary's facts that some derivation rests
 * on, each conclusion left in working memory with the rules that justify it now, and for each outcome
 * the conclusions that set it.
 *
 * @param nodes          inputs first, then conclusions, each group sorted by key
 * @param outcomeSupport outcome field to the keys of the conclusions that set its level
 * @param support        outcome field to how well the derivations that decide it are supported
 */
public record Explanation(List<Node> nodes, Map<String, List<String>> outcomeSupport, Map<String, Support> support) {

    public Optional<Node> node(String key) {
        return nodes.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    public Map<String, Node> byKey() {
        return nodes.stream().collect(Collectors.toMap(Node::key, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** The rules used by at least one live derivation, sorted by name. */
    public List<RuleInfo> rulesUsed() {
        return nodes.stream().flatMap(n -> n.derivations().stream()).map(Derivation::rule)
                .distinct().sorted(java.util.Comparator.comparing(RuleInfo::name)).toList();
    }

    /** The input facts a conclusion rests on, following premises down to the scenario. */
    public Set<String> inputsBehind(String key) {
        Map<String, Node> all = byKey();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> inputs = new java.util.TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(key));
        while (!todo.isEmpty()) {
            String k = todo.remove(todo.size() - 1);
            if (!seen.add(k)) {
                continue;
            }
            Node n = all.get(k);
            if (n == null) {
                continue;
            }
            if (n.input()) {
                inputs.add(k);
            }
            for (Derivation d : n.derivations()) {
                todo.addAll(d.premises());
            }
        }
        return inputs;
    }
}
