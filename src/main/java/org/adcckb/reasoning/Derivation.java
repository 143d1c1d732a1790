package org.adcckb.reasoning;

import java.util.List;
import java.util.Objects;
import org.adcckb.kb.RuleInfo;

/**
 * One live justification of a conclusion: the rule and the facts (by key) it matched. Equal, ordered and
 * printed by rule and premise keys only; the premises' descriptions ride along so that writers need not
 * look them up by key.
 */
public final class Derivation implements Comparable<Derivation> {
    private final RuleInfo rule;
    private final List<String> premises;
    private final Described[] premiseFacts;

    public Derivation(RuleInfo rule, List<String> premises) {
        this(rule, List.copyOf(premises), null);
    }

    /** premiseFacts: for each premise its description, or null (a matched value that is no fact of the memory). */
    private Derivation(RuleInfo rule, List<String> premises, Described[] premiseFacts) {
        this.rule = Objects.requireNonNull(rule);
        this.premises = premises;
        if (premiseFacts != null && premiseFacts.length != premises.size()) {
            throw new IllegalArgumentException("one description per premise");
        }
        this.premiseFacts = premiseFacts;
    }

    /**
     * A derivation that takes both arrays as they are, for the reasoner, which makes them for it alone
     * (a cohort makes millions of derivations, and copying each twice shows).
     */
    public static Derivation of(RuleInfo rule, String[] premises, Described[] premiseFacts) {
        for (String p : premises) {
            Objects.requireNonNull(p);
        }
        return new Derivation(rule, new Premises(premises), premiseFacts);
    }

    /** A read-only view of an array that nobody else holds. */
    private static final class Premises extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final String[] keys;

        Premises(String[] keys) {
            this.keys = keys;
        }

        @Override
        public String get(int i) {
            return keys[i];
        }

        @Override
        public int size() {
            return keys.length;
        }
    }

    public RuleInfo rule() {
        return rule;
    }

    public List<String> premises() {
        return premises;
    }

    /** The description of premise i when it is known and its key is the premise, else null. */
    public Described premiseFact(int i) {
        Described d = premiseFacts == null ? null : premiseFacts[i];
        return d != null && d.key().equals(premises.get(i)) ? d : null;
    }

    @Override
    public int compareTo(Derivation o) {
        int c = rule.name().compareTo(o.rule.name());
        return c != 0 ? c : String.join("\u0000", premises).compareTo(String.join("\u0000", o.premises));
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Derivation d && rule.equals(d.rule) && premises.equals(d.premises);
    }

    @Override
    public int hashCode() {
        return 31 * rule.hashCode() + premises.hashCode();
    }

    @Override
    public String toString() {
        return "Derivation[rule=" + rule + ", premises=" + premises + "]";
    }
}
