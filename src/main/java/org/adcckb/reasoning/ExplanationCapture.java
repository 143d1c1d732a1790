package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.adcckb.engine.Justifications;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * The explanation of a settled session: every fact of its final working memory as a node, the inputs as
 * given and each conclusion with the live justifications the truth-maintenance system holds for it (the
 * rule and the premises of each). Safe to share across threads: per-session state lives in the call.
 */
final class ExplanationCapture {

    private final KnowledgeBase kb;
    private final Descriptions descriptions;

    ExplanationCapture(KnowledgeBase kb) {
        this.kb = kb;
        this.descriptions = new Descriptions(kb.vocabulary());
    }

    /**
     * What a session's final memory says: its facts in the session's order, the explanation's nodes, and
     * each fact's key (unique within the memory).
     */
    record Captured(List<Object> facts, List<Node> nodes, Function<Object, String> keys) {
    }

    /** A fact of the final memory while its explanation is built. */
    private static final class Entry {
        final Object fact;
        final boolean input;
        final Described described;
        /** The vocabulary fact's node, made once; null for other facts. */
        final Node background;
        String key;
        List<Match> live = List.of();
        /** Some derivation rests on this fact. */
        boolean premise;

        Entry(Object fact, boolean input, Described described, Node background) {
            this.fact = fact;
            this.input = input;
            this.described = described;
            this.background = background;
            this.key = described.key();
        }

        /** A fact that needs only its key (the outcome facts of an evaluation without explanation). */
        Entry(Object fact, String key) {
            this(fact, false, null, null, key);
        }

        private Entry(Object fact, boolean input, Described described, Node background, String key) {
            this.fact = fact;
            this.input = input;
            this.described = described;
            this.background = background;
            this.key = key;
        }
    }

    /**
     * @param inputs   the scenario's facts as inserted, by identity
     * @param recorder the session's event log, or null when it was not watched
     * @return the capture, or null when a conclusion's rule can only be read from the event log (the run is
     *         then repeated with a recorder)
     */
    Captured capture(KieSession session, Set<Object> inputs, DerivationRecorder recorder) {
        List<Object> facts = new ArrayList<>(64);
        List<Entry> entries = new ArrayList<>(64);
        // Premises are the very objects of working memory: found by identity.
        Map<Object, Entry> byFact = new IdentityHashMap<>(128);
        for (FactHandle h : session.getFactHandles()) {
            Object o = session.getObject(h);
            facts.add(o);
            boolean input = inputs.contains(o);
            Entry e = new Entry(o, input, descriptions.of(o), input ? descriptions.background(o) : null);
            if (!input) {
                List<Match> live = Justifications.of(h);
                if (live.isEmpty()) {
                    if (recorder == null) {
                        return null; // inserted without insertLogical: only the event log says by which rule
                    }
                    Match by = recorder.insertedBy(o);
                    live = by != null ? List.of(by) : List.of(); // stays until retracted
                }
                e.live = live;
            }
            entries.add(e);
            byFact.put(o, e);
        }
        sortUnique(entries);
        List<Node> nodes = nodes(entries, byFact, recorder);
        return new Captured(facts, nodes, o -> byFact.get(o).key);
    }

    /** The keys of facts outside an explanation, made unique as an explanation makes them. */
    static Map<Object, String> keysOf(List<Object> facts) {
        List<Entry> keyed = new ArrayList<>(facts.size());
        for (Object o : facts) {
            keyed.add(new Entry(o, Descriptions.keyOf(o)));
        }
        uniqueKeys(keyed);
        Map<Object, String> keys = new IdentityHashMap<>(keyed.size() * 2);
        for (Entry e : keyed) {
            keys.put(e.fact, e.key);
        }
        return keys;
    }

    private static final Comparator<Entry> BY_KEY = (a, b) -> a.key.compareTo(b.key);

    /**
     * Entries sorted by key, keys made unique. Distinct facts claiming one key (a rule-authoring slip) sit
     * next to each other once sorted, so the common case costs the sort alone.
     */
    private static void sortUnique(List<Entry> entries) {
        entries.sort(BY_KEY);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).key.equals(entries.get(i - 1).key)) {
                uniqueKeys(entries);
                entries.sort(BY_KEY);
                return;
            }
        }
    }

    /** Two distinct facts claiming one key (a rule-authoring slip) get a numbered suffix, in a fixed order. */
    private static void uniqueKeys(List<Entry> entries) {
        Map<String, Entry> first = new HashMap<>(entries.size() * 2);
        Map<String, List<Entry>> clashes = null;
        for (Entry e : entries) {
            Entry earlier = first.putIfAbsent(e.key, e);
            if (earlier != null) {
                if (clashes == null) {
                    clashes = new TreeMap<>();
                }
                clashes.computeIfAbsent(e.key, x -> new ArrayList<>(List.of(earlier))).add(e);
            }
        }
        if (clashes != null) {
            for (Map.Entry<String, List<Entry>> c : clashes.entrySet()) {
                List<Entry> same = c.getValue();
                same.sort(Comparator.comparing(x -> String.valueOf(x.fact)));
                for (int i = 1; i < same.size(); i++) {
                    same.get(i).key = c.getKey() + "#" + (i + 1);
                }
            }
        }
    }

    /**
     * The explanation's nodes: inputs first, then conclusions, each group in key order (the entries'
     * order); the vocabulary's facts are in every session, and only those some derivation rests on
     * explain anything.
     */
    private List<Node> nodes(List<Entry> sorted, Map<Object, Entry> byFact, DerivationRecorder recorder) {
        // Keys of matched values that are not facts of the memory (none in the shipped rules).
        Set<String> looseKeys = new HashSet<>(0);
        List<Node> derived = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            if (!e.input) {
                derived.add(new Node(e.key, e.described, false, derivations(e, byFact, recorder, looseKeys)));
            }
        }
        List<Node> nodes = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            if (!e.input) {
                continue;
            }
            Node background = e.background;
            if (background == null) {
                nodes.add(new Node(e.key, e.described, true, List.of()));
            } else if (e.premise || (!looseKeys.isEmpty() && looseKeys.contains(e.key))) {
                // The vocabulary's facts are the same objects in every evaluation: their nodes are made once.
                nodes.add(e.key.equals(background.key()) ? background : new Node(e.key, e.described, true, List.of()));
            }
        }
        nodes.addAll(derived);
        return nodes;
    }

    /** A match's premises with their descriptions, gathered without a key twice. */
    private static final class Premises {
        String[] keys = new String[8];
        Described[] facts = new Described[8];
        int count;

        /** Adds a matched object (its entry, if it is a fact of the memory) unless its key is there already. */
        void add(Object p, Entry pe, Set<String> looseKeys) {
            String k;
            Described d;
            if (pe != null) {
                pe.premise = true;
                k = pe.key;
                d = pe.described;
            } else {
                k = Descriptions.keyOf(p); // a value the rule matched that is not a fact in memory
                d = null;
                looseKeys.add(k);
            }
            for (int i = 0; i < count; i++) {
                if (keys[i].equals(k)) {
                    return;
                }
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                facts = Arrays.copyOf(facts, count * 2);
            }
            keys[count] = k;
            facts[count] = d;
            count++;
        }

        /** Insertion sort by key, the descriptions alongside: a match has a handful of premises. */
        void sort() {
            for (int i = 1; i < count; i++) {
                String k = keys[i];
                Described d = facts[i];
                int j = i - 1;
                while (j >= 0 && keys[j].compareTo(k) > 0) {
                    keys[j + 1] = keys[j];
                    facts[j + 1] = facts[j];
                    j--;
                }
                keys[j + 1] = k;
                facts[j + 1] = d;
            }
        }
    }

    /**
     * Each live justification of a conclusion with its premises by key, sorted (an accumulated collection
     * lists its members in the order the engine found them). Premises that are facts of the memory are
     * marked as such; the keys of matched values that are not go to {@code looseKeys}.
     */
    private List<Derivation> derivations(Entry e, Map<Object, Entry> byFact, DerivationRecorder recorder,
                                         Set<String> looseKeys) {
        List<Derivation> derivations = new ArrayList<>(e.live.size());
        for (Match m : e.live) {
            Premises premises = new Premises();
            if (recorder != null) {
                for (Object o : recorder.premisesOf(m)) { // flat already
                    premises.add(o, byFact.get(o), looseKeys);
                }
            }
            // A match's own objects hold an accumulate's collection, whose members are the premises.
            for (Object o : recorder != null ? List.of() : Justifications.objectsOf(m)) {
                if (o instanceof Collection<?> c) {
                    for (Object member : c) {
                        premises.add(member, byFact.get(member), looseKeys);
                    }
                } else {
                    premises.add(o, byFact.get(o), looseKeys);
                }
            }
            premises.sort();
            derivations.add(Derivation.of(rule(m.getRule()), Arrays.copyOf(premises.keys, premises.count),
                    Arrays.copyOf(premises.facts, premises.count)));
        }
        return derivations.size() > 1 ? derivations.stream().distinct().sorted().toList() : List.copyOf(derivations);
    }

    /**
     * Each engine rule's metadata, by the rule object's identity: the knowledge base's own table is by
     * name, and comparing long names for every derivation of every result shows in a cohort's profile.
     * Copied on write: a knowledge base has a few dozen rules, so the table settles after the first results.
     */
    private volatile Map<Rule, RuleInfo> rules = new IdentityHashMap<>();

    private RuleInfo rule(Rule r) {
        RuleInfo info = rules.get(r);
        if (info == null) {
            info = kb.rule(r.getName()).orElseThrow(() -> new IllegalStateException("rule without metadata: " + r.getName()));
            synchronized (this) {
                Map<Rule, RuleInfo> more = new IdentityHashMap<>(rules);
                more.put(r, info);
                rules = more;
            }
        }
        return info;
    }
}
