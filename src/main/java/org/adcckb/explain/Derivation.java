package org.adcckb.explain;

import java.util.List;
import org.adcckb.kb.RuleInfo;

/** One live justification of a conclusion: the rule and the facts (by key) it matched. */
public record Derivation(RuleInfo rule, List<String> premises) implements Comparable<Derivation> {

    @Override
    public int compareTo(Derivation o) {
        int c = rule.name().compareTo(o.rule.name());
        return c != 0 ? c : String.join("\u0000", premises).compareTo(String.join("\u0000", o.premises));
    }
}
