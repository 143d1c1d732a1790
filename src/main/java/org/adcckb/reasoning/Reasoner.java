package org.adcckb.reasoning;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adcckb.facts.AntibodyBinding;
import org.adcckb.facts.Cd38Surface;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Exposure;
import org.adcckb.facts.Fact;
import org.adcckb.facts.Levels;
import org.adcckb.facts.NkDepletion;
import org.adcckb.facts.Setting;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Evaluates scenarios against a knowledge base: one fresh session per scenario, the scenario's facts in,
 * the rules to quiescence, the final working memory out as an outcome, cell states and an explanation.
 * Safe to share across threads: the knowledge base is read-only and every call has its own session.
 */
public final class Reasoner {

    public static final int DEFAULT_MAX_FIRINGS = RunLimits.DEFAULT_MAX_FIRINGS;

    /** The conclusions the cell states read (surface CD38, antibody load, depletion); the outcomes' come from the vocabulary. */
    private static final java.util.Set<String> CELL_STATES = java.util.Set.of("Cd38Surface", "AntibodyBinding", "NkDepletion");

    /** The fact types the answer reads: those of the declared outcomes and of the cell states. */
    public static java.util.Set<String> reported(org.adcckb.kb.Vocabulary vocabulary) {
        java.util.Set<String> r = new java.util.TreeSet<>(CELL_STATES);
        vocabulary.outcomes().forEach(k -> r.add(k.fact()));
        return r;
    }

    private boolean isOutcomeFact(Object o) {
        if (o instanceof org.adcckb.facts.Graded) {
            for (org.adcckb.kb.OutcomeKind k : kb.vocabulary().outcomes()) {
                if (k.counts(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    private final KnowledgeBase kb;
    private final RunLimits limits;
    private final int maxFirings;

    public Reasoner(KnowledgeBase kb) {
        this(kb, RunLimits.DEFAULT);
    }

    /** Nodes of the vocabulary's facts (agents, the CD38 scale), keyed by identity: they are inserted in every session. */
    private final Map<Object, KeyOrder.Memo> background;

    /**
     * How a fact value reads (key, sentence, fields), remembered per value: facts are immutable records, and
     * a cohort repeats the same few hundred of them (a 20,000-scenario random cohort: 480,000 facts, 449
     * distinct), so describing each once saves most of an explanation's cost. Bounded; once full, further
     * values are described every time, which changes nothing but speed.
     */
    private final java.util.concurrent.ConcurrentHashMap<Object, KeyOrder.Memo> described = new java.util.concurrent.ConcurrentHashMap<>();
    private final KeyOrder keyOrder = new KeyOrder();
    private static final int MAX_DESCRIBED = 8192;

    public Reasoner(KnowledgeBase kb, int maxFirings) {
        this(kb, RunLimits.DEFAULT.withMaxFirings(maxFirings));
    }

    public Reasoner(KnowledgeBase kb, RunLimits limits) {
        this.kb = kb;
        this.limits = limits;
        this.maxFirings = limits.maxFirings();
        Map<Object, KeyOrder.Memo> background = new IdentityHashMap<>();
        List<Object> vocabularyFacts = new ArrayList<>(kb.vocabulary().agents().values());
        vocabularyFacts.add(kb.vocabulary().cd38Scale());
        for (Object o : vocabularyFacts) {
            Described d = new Described(keyOf(o), o.getClass().getSimpleName(), describe(o, kb.vocabulary()),
                    java.util.Collections.unmodifiableMap(data(o)));
            background.put(o, new KeyOrder.Memo(d, new Node(d.key(), d, true, List.of()), true));
        }
        this.background = background;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** How far each scenario may run. */
    public RunLimits limits() {
        return limits;
    }

    public Evaluation evaluate(Scenario scenario) {
        return evaluate(scenario, true);
    }

    /**
     * @param explain false to skip recording derivations and building the explanation: the outcome, its
     *                supporting fact ids and the cells are the same, the explanation has no nodes; for sweeps
     *                and searches that only compare outcomes
     */
    public Evaluation evaluate(Scenario scenario, boolean explain) {
        return evaluate(scenario, explain, false);
    }

    /**
     * @param record watch the session's events too. Not needed as a rule: the truth-maintenance system
     *               holds each conclusion's live justifications and their matches hold the premises. The
     *               event log is for the rare cases that need more, and those runs are repeated with it:
     *               a rule set that does not settle (to name the busy rules), and a conclusion put in by a
     *               plain {@code insert} (which the TMS does not justify).
     */
    private Evaluation evaluate(Scenario scenario, boolean explain, boolean record) {
        KieSession session = record ? kb.newSession() : kb.pooledSession();
        try {
            DerivationRecorder recorder = record ? new DerivationRecorder() : null;
            if (record) {
                session.addEventListener(recorder.agenda);
                session.addEventListener(recorder.runtime);
            }
            Inputs inputs = new Inputs();
            boolean settled = Guarded.fire(session, inputFacts(scenario), scenario.id(), limits, kb, inputs::add);
            if (!settled) {
                if (!record) {
                    return evaluate(scenario, explain, true); // fails again, naming the busy rules
                }
                throw new RuleLoopException(scenario.id(), maxFirings, recorder.firings());
            }
            Evaluation ev = collect(scenario, session, recorder, inputs, explain);
            return ev != null ? ev : evaluate(scenario, explain, true);
        } finally {
            session.dispose();
        }
    }

    private List<Object> inputFacts(Scenario scenario) {
        return inputFacts(scenario, kb.vocabulary());
    }

    /** The scenario as facts: setting, the vocabulary's agents, cells, and one exposure per agent and population reached. */
    public static List<Object> inputFacts(Scenario scenario, org.adcckb.kb.Vocabulary vocabulary) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Setting(scenario.setting()));
        facts.add(vocabulary.cd38Scale());
        facts.addAll(vocabulary.agents().values());
        facts.addAll(scenario.cells());
        Map<String, Exposure> exposures = new TreeMap<>();
        for (Treatment t : scenario.treatments()) {
            List<String> reached = t.on() != null ? List.of(t.on()) : scenario.cells().stream().map(Cell::id).toList();
            for (String cell : reached) {
                Exposure e = new Exposure(t.agent(), cell, t.on() != null);
                // Given on a population and also in the system: the population sees the agent in the system.
                exposures.merge(e.key(), e, (a, b) -> a.preIncubated() ? b : a);
            }
        }
        facts.addAll(exposures.values());
        return facts;
    }

    /**
     * The scenario's facts as inserted. The session numbers its fact handles in order from its start, so
     * the inputs, inserted one after the other before any rule fires, hold one run of handle ids; telling
     * an input from a conclusion is then a comparison. Should the numbering ever differ, the objects
     * themselves are kept and looked up by identity.
     */
    private static final class Inputs {
        private final List<Object> objects = new ArrayList<>(32);
        private long first = -1;
        private long last = -1;
        private boolean run = true;
        private Map<Object, Boolean> byIdentity;

        void add(Object fact, FactHandle handle) {
            objects.add(fact);
            long id = Justifications.idOf(handle);
            if (id < 0 || (first >= 0 && id != last + 1)) {
                run = false;
            }
            if (first < 0) {
                first = id;
            }
            last = id;
        }

        boolean contains(FactHandle handle, Object fact) {
            if (run) {
                long id = Justifications.idOf(handle);
                return id >= first && id <= last;
            }
            if (byIdentity == null) {
                byIdentity = new IdentityHashMap<>();
                for (Object o : objects) {
                    byIdentity.put(o, Boolean.TRUE);
                }
            }
            return byIdentity.containsKey(fact);
        }
    }

    /**
     * The entries of one memory, found from a premise's fact handle by its id (the session's handle ids
     * are small numbers from its start), or from an object by identity (the members of an accumulated
     * collection, the recorded premises of an event log), that table made only when first needed.
     */
    private static final class Memory {
        private static final int MAX_ID = 1 << 16;
        final List<Entry> entries = new ArrayList<>(64);
        private Entry[] byId = new Entry[128];
        private Map<Object, Entry> byObject;

        void add(Entry e, FactHandle handle) {
            entries.add(e);
            long id = Justifications.idOf(handle);
            if (id >= 0 && id < MAX_ID) {
                if (id >= byId.length) {
                    byId = java.util.Arrays.copyOf(byId, Math.max(byId.length * 2, (int) id + 1));
                }
                byId[(int) id] = e;
            }
        }

        Entry of(FactHandle handle, Object fact) {
            long id = Justifications.idOf(handle);
            Entry e = id >= 0 && id < byId.length ? byId[(int) id] : null;
            return e != null && e.fact == fact ? e : of(fact); // a handle of no memory fact, or a reused id
        }

        Entry of(Object fact) {
            if (byObject == null) {
                byObject = new IdentityHashMap<>(entries.size() * 2);
                for (Entry e : entries) {
                    byObject.put(e.fact, e);
                }
            }
            return byObject.get(fact);
        }
    }

    /** The evaluation, or null when a conclusion's rule can only be read from the event log (record is then needed). */
    private Evaluation collect(Scenario scenario, KieSession session, DerivationRecorder recorder,
                               Inputs inputs, boolean explain) {
        List<Object> facts = new ArrayList<>(64);
        // One entry per fact: premises are the very objects (and handles) of working memory.
        Memory memory = explain ? new Memory() : null;
        List<Entry> entries = explain ? memory.entries : List.of();
        for (FactHandle h : session.getFactHandles()) {
            Object o = session.getObject(h);
            facts.add(o);
            if (!explain) {
                continue;
            }
            Entry e = entry(o, inputs.contains(h, o));
            if (!e.input) {
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
            memory.add(e, h);
        }
        Map<Object, String> keys;
        List<Node> nodes;
        if (explain) {
            sortUnique(entries);
            keys = null;
            nodes = nodes(entries, memory, recorder);
        } else {
            // Only the outcome facts need keys (each fact type has its own key prefix, so the keys,
            // suffixes included, are the same as over the whole memory).
            List<Entry> keyed = new ArrayList<>();
            for (Object o : facts) {
                if (isOutcomeFact(o)) {
                    keyed.add(new Entry(o, keyOf(o)));
                }
            }
            uniqueKeys(keyed);
            keys = new IdentityHashMap<>(keyed.size() * 2);
            for (Entry e : keyed) {
                keys.put(e.fact, e.key);
            }
            nodes = List.of();
        }

        // Each declared outcome from its facts (the highest grade, or the lowest, as the vocabulary says),
        // with the facts at that grade as its support.
        List<org.adcckb.kb.OutcomeKind> kinds = kb.vocabulary().outcomes();
        int n = kinds.size();
        int[] grade = new int[n];
        java.util.Arrays.fill(grade, -1);
        List<List<Object>> atGrade = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            atGrade.add(new ArrayList<>());
        }
        for (Object o : facts) {
            if (!(o instanceof org.adcckb.facts.Graded g)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!kinds.get(i).counts(o)) {
                    continue;
                }
                int rank = Levels.gradeRank(g.level());
                int next = kinds.get(i).combine(grade[i], rank);
                if (next != grade[i]) {
                    grade[i] = next;
                    atGrade.get(i).clear();
                }
                if (rank == grade[i]) {
                    atGrade.get(i).add(o);
                }
            }
        }
        Map<String, List<String>> support = new TreeMap<>();
        Map<String, String> grades = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            // An outcome of none may still be a conclusion (ADCC engaged but cancelled by fratricide): cite it.
            List<String> ids = new ArrayList<>(atGrade.get(i).size());
            for (Object o : atGrade.get(i)) {
                ids.add(keys != null ? keys.get(o) : memory.of(o).key);
            }
            ids.sort(null);
            support.put(kinds.get(i).name(), List.copyOf(ids));
            grades.put(kinds.get(i).name(), Levels.grade(Math.max(0, grade[i])));
        }

        return new Evaluation(scenario, new Outcome(kinds, grades), cellStates(scenario, facts, kb.vocabulary()),
                new Explanation(List.copyOf(nodes), support));
    }

    /**
     * Entries sorted by key, keys made unique. Distinct facts claiming one key (a rule-authoring slip) sit
     * next to each other once sorted, so the common case costs the sort alone.
     */
    private void sortUnique(List<Entry> entries) {
        if (!keyOrder.sort(entries, e -> e.memo)) {
            entries.sort(BY_KEY);
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).key.equals(entries.get(i - 1).key)) {
                uniqueKeys(entries);
                entries.sort(BY_KEY);
                return;
            }
        }
    }

    private static final Comparator<Entry> BY_KEY = (a, b) -> a.key.compareTo(b.key);

    /**
     * The explanation's nodes: inputs first, then conclusions, each group in key order (the entries'
     * order); the vocabulary's facts are in every session, and only those some derivation rests on
     * explain anything.
     */
    private List<Node> nodes(List<Entry> sorted, Memory memory, DerivationRecorder recorder) {
        // Keys of matched values that are not facts of the memory (none in the shipped rules).
        java.util.Set<String> looseKeys = new java.util.HashSet<>(0);
        List<Node> derived = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            if (!e.input) {
                derived.add(new Node(e.key, e.described, false, derivations(e, memory, recorder, looseKeys)));
            }
        }
        List<Node> nodes = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            if (!e.input) {
                continue;
            }
            Node background = e.memo.background;
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

    /** A fact of the final memory while its explanation is built. */
    private static final class Entry {
        final Object fact;
        final boolean input;
        final KeyOrder.Memo memo;
        final Described described;
        String key;
        List<Match> live = List.of();
        /** Some derivation rests on this fact. */
        boolean premise;

        Entry(Object fact, boolean input, KeyOrder.Memo memo) {
            this.fact = fact;
            this.input = input;
            this.memo = memo;
            this.described = memo.described;
            this.key = described.key();
        }

        /** A fact that needs only its key (the outcome facts of an evaluation without explanation). */
        Entry(Object fact, String key) {
            this.fact = fact;
            this.input = false;
            this.memo = null;
            this.described = null;
            this.key = key;
        }
    }

    private Entry entry(Object o, boolean input) {
        // The vocabulary's facts are inputs; a conclusion need not be looked for among them.
        KeyOrder.Memo bg = input ? background.get(o) : null;
        return new Entry(o, input, bg != null ? bg : described(o));
    }

    /**
     * Each live justification of a conclusion with its premises by key, sorted (an accumulated collection
     * lists its members in the order the engine found them). Premises that are facts of the memory are
     * marked as such; the keys of matched values that are not go to {@code looseKeys}.
     */
    private List<Derivation> derivations(Entry e, Memory memory, DerivationRecorder recorder,
                                         java.util.Set<String> looseKeys) {
        int n = e.live.size();
        List<Derivation> derivations = n == 1 ? null : new ArrayList<>(n);
        String[] keys = new String[8];
        Described[] facts = new Described[8];
        for (Match m : e.live) {
            int count = 0;
            if (recorder != null) {
                // Recorded premises are objects, flat already.
                for (Object o : recorder.premisesOf(m)) {
                    if (count == keys.length) {
                        keys = java.util.Arrays.copyOf(keys, count * 2);
                        facts = java.util.Arrays.copyOf(facts, count * 2);
                    }
                    count = premise(o, memory.of(o), looseKeys, keys, facts, count);
                }
            } else {
                // The match's own handles (as Match.getFactHandles() has them, without its list around the
                // array); an accumulate's handle holds a collection, whose members are the premises.
                for (FactHandle h : Justifications.handlesOf(m)) {
                    Object o = Justifications.objectOf(h);
                    if (o == null) {
                        continue;
                    }
                    if (o instanceof java.util.Collection<?> c) {
                        for (Object member : c) {
                            if (count == keys.length) {
                                keys = java.util.Arrays.copyOf(keys, count * 2);
                                facts = java.util.Arrays.copyOf(facts, count * 2);
                            }
                            count = premise(member, memory.of(member), looseKeys, keys, facts, count);
                        }
                    } else if (o != null) {
                        if (count == keys.length) {
                            keys = java.util.Arrays.copyOf(keys, count * 2);
                            facts = java.util.Arrays.copyOf(facts, count * 2);
                        }
                        count = premise(o, memory.of(h, o), looseKeys, keys, facts, count);
                    }
                }
            }
            // Insertion sort by key, the descriptions alongside: a match has a handful of premises.
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
            RuleInfo rule = rule(m.getRule());
            Derivation d = Derivation.of(rule, java.util.Arrays.copyOf(keys, count), java.util.Arrays.copyOf(facts, count));
            if (n == 1) {
                return List.of(d);
            }
            derivations.add(d);
        }
        return derivations.size() > 1 ? derivations.stream().distinct().sorted().toList() : List.copyOf(derivations);
    }

    /**
     * Each engine rule's metadata, by the rule object's identity: the knowledge base's own table is by
     * name, and comparing long names for every derivation of every result shows in a cohort's profile.
     * Copied on write: a knowledge base has a few dozen rules, so the table settles after the first results.
     */
    private volatile Map<org.kie.api.definition.rule.Rule, RuleInfo> rules = new IdentityHashMap<>();

    private RuleInfo rule(org.kie.api.definition.rule.Rule r) {
        RuleInfo info = rules.get(r);
        if (info == null) {
            info = kb.rule(r.getName()).orElseThrow(() -> new IllegalStateException("rule without metadata: " + r.getName()));
            synchronized (this) {
                Map<org.kie.api.definition.rule.Rule, RuleInfo> more = new IdentityHashMap<>(rules);
                more.put(r, info);
                rules = more;
            }
        }
        return info;
    }

    /** Adds a matched object (pe its entry, if it is a fact of the memory) as a premise unless its key is there already; the new count. */
    private static int premise(Object p, Entry pe, java.util.Set<String> looseKeys,
                               String[] keys, Described[] facts, int count) {
        String k;
        Described d;
        if (pe != null) {
            pe.premise = true;
            k = pe.key;
            d = pe.described;
        } else {
            k = keyOf(p); // a value the rule matched that is not a fact in memory
            d = null;
            looseKeys.add(k);
        }
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(k)) {
                return count;
            }
        }
        keys[count] = k;
        facts[count] = d;
        return count + 1;
    }

    /** Two distinct facts claiming one key (a rule-authoring slip) get a numbered suffix, in a fixed order. */
    private static void uniqueKeys(List<Entry> entries) {
        Map<String, Entry> first = new java.util.HashMap<>(entries.size() * 2);
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

    private static Map<String, CellState> cellStates(Scenario scenario, List<Object> facts, org.adcckb.kb.Vocabulary vocabulary) {
        // One pass over the memory, then one state per cell.
        Map<String, Cd38Surface> surfaces = new java.util.HashMap<>();
        Map<String, Map<String, String>> bindings = new java.util.HashMap<>();
        Map<String, Integer> depletions = new java.util.HashMap<>();
        for (Object o : facts) {
            if (o instanceof Cd38Surface s) {
                surfaces.putIfAbsent(s.cell(), s);
            } else if (o instanceof AntibodyBinding b) {
                bindings.computeIfAbsent(b.cell(), k -> new TreeMap<>()).merge(b.antibody(), b.level(),
                        (x, y) -> Levels.cd38Rank(x) >= Levels.cd38Rank(y) ? x : y);
            } else if (o instanceof NkDepletion d) {
                depletions.merge(d.cell(), d.rank(), Math::max);
            }
        }
        Map<String, CellState> out = new LinkedHashMap<>();
        for (Cell c : scenario.cells()) {
            Cd38Surface surface = surfaces.get(c.id());
            Map<String, String> binding = bindings.getOrDefault(c.id(), new TreeMap<>());
            int depletion = depletions.getOrDefault(c.id(), 0);
            String level = surface != null ? surface.level() : c.cd38Knockout() ? "none" : c.cd38();
            org.adcckb.kb.Vocabulary.CellType type = vocabulary.cellTypes().get(c.type());
            out.put(c.id(), new CellState(c.id(), c.type(), type == null ? "target" : type.role(),
                    type != null && type.cd16(), c.cd16(), c.cd38Knockout(), c.line(), c.cd38(), level,
                    surface != null ? surface.fold() : 1.0, surface != null ? surface.score() : null,
                    binding, Levels.grade(depletion)));
        }
        return out;
    }

    private KeyOrder.Memo described(Object o) {
        KeyOrder.Memo m = described.get(o);
        if (m == null) {
            Described d = new Described(keyOf(o), o.getClass().getSimpleName(), describe(o, kb.vocabulary()),
                    java.util.Collections.unmodifiableMap(data(o)));
            // Only values compare by content; anything else would fill the memo with one-off entries.
            boolean shared = o instanceof Record && described.size() < MAX_DESCRIBED;
            m = new KeyOrder.Memo(d, null, shared);
            if (shared) {
                KeyOrder.Memo earlier = described.putIfAbsent(o, m);
                if (earlier != null) {
                    m = earlier;
                }
            }
        }
        return m;
    }

    static String keyOf(Object o) {
        return o instanceof Fact f ? f.key() : o.getClass().getSimpleName() + ":" + o;
    }

    private static String describe(Object o, org.adcckb.kb.Vocabulary vocabulary) {
        if (o instanceof Cell c && vocabulary.cellTypes().containsKey(c.type())) {
            return c.describe(vocabulary.cellTypes().get(c.type()).label(), vocabulary.carriesCd16(c.type()));
        }
        return o instanceof Fact f ? f.describe() : String.valueOf(o);
    }

    /** The fact's fields in declaration order, for the JSON explanation. */
    /** A record type's component names and accessors, looked up once per class rather than per fact. */
    private record Accessors(String[] names, java.lang.invoke.MethodHandle[] getters) {
    }

    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            String[] names = new String[rc.length];
            java.lang.invoke.MethodHandle[] getters = new java.lang.invoke.MethodHandle[rc.length];
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                try {
                    getters[i] = java.lang.invoke.MethodHandles.publicLookup().unreflect(rc[i].getAccessor());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Accessors(names, getters);
        }
    };

    private static Map<String, Object> data(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o instanceof Record r) {
            Accessors a = ACCESSORS.get(r.getClass());
            for (int i = 0; i < a.names().length; i++) {
                try {
                    Object v = a.getters()[i].invoke(r);
                    if (v != null) {
                        out.put(a.names()[i], v);
                    }
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            out.put("value", String.valueOf(o));
        }
        return out;
    }
}
