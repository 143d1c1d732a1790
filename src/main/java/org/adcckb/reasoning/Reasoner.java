package org.adcckb.reasoning;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.adcckb.explain.Derivation;
import org.adcckb.explain.Explanation;
import org.adcckb.explain.Node;
import org.adcckb.facts.Adcc;
import org.adcckb.facts.AntibodyBinding;
import org.adcckb.facts.Cd38Surface;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Exposure;
import org.adcckb.facts.Fact;
import org.adcckb.facts.Fratricide;
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

    public static final int DEFAULT_MAX_FIRINGS = 100_000;

    /** The conclusions the answer reads: outcomes (ADCC, fratricide, depletion) and cell states (surface CD38, antibody load). */
    public static final java.util.Set<String> REPORTED = java.util.Set.of(
            "Adcc", "Fratricide", "NkDepletion", "Cd38Surface", "AntibodyBinding");

    private final KnowledgeBase kb;
    private final int maxFirings;

    public Reasoner(KnowledgeBase kb) {
        this(kb, DEFAULT_MAX_FIRINGS);
    }

    /** Nodes of the vocabulary's facts (agents, the CD38 scale), keyed by identity: they are inserted in every session. */
    private final Map<Object, Node> background;

    public Reasoner(KnowledgeBase kb, int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        this.kb = kb;
        this.maxFirings = maxFirings;
        Map<Object, Node> background = new IdentityHashMap<>();
        List<Object> vocabularyFacts = new ArrayList<>(kb.vocabulary().agents().values());
        vocabularyFacts.add(kb.vocabulary().cd38Scale());
        for (Object o : vocabularyFacts) {
            background.put(o, new Node(keyOf(o), o.getClass().getSimpleName(), true, describe(o, kb.vocabulary()),
                    java.util.Collections.unmodifiableMap(data(o)), List.of()));
        }
        this.background = background;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
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
        KieSession session = kb.newSession();
        try {
            DerivationRecorder recorder = new DerivationRecorder();
            if (explain) {
                session.addEventListener(recorder.agenda);
                session.addEventListener(recorder.runtime);
            }
            Map<Object, Boolean> inputs = new IdentityHashMap<>();
            for (Object fact : inputFacts(scenario)) {
                session.insert(fact);
                inputs.put(fact, Boolean.TRUE);
            }
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings && session.fireAllRules(1) > 0) {
                if (!explain) {
                    return evaluate(scenario, true); // unreachable in effect: it fails again, naming the busy rules
                }
                throw new RuleLoopException(scenario.id(), maxFirings, recorder.firings());
            }
            return collect(scenario, session, recorder, inputs, explain);
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

    private Evaluation collect(Scenario scenario, KieSession session, DerivationRecorder recorder,
                               Map<Object, Boolean> inputs, boolean explain) {
        List<Object> facts = new ArrayList<>();
        Map<Object, List<Match>> justifiers = new IdentityHashMap<>();
        for (FactHandle h : session.getFactHandles()) {
            Object o = session.getObject(h);
            facts.add(o);
            if (explain && !inputs.containsKey(o)) {
                List<Match> live = Justifications.of(h);
                if (live.isEmpty() && recorder.insertedBy(o) != null) {
                    live = List.of(recorder.insertedBy(o)); // inserted without insertLogical: stays until retracted
                }
                justifiers.put(o, live);
            }
        }
        Map<Object, String> keys = keys(facts);

        List<Node> nodes = new ArrayList<>();
        for (Object o : explain ? facts : List.of()) {
            boolean input = inputs.containsKey(o);
            List<Derivation> derivations = new ArrayList<>();
            if (!input) {
                for (Match m : justifiers.getOrDefault(o, List.of())) {
                    List<String> premises = new ArrayList<>();
                    for (Object p : recorder.premisesOf(m)) {
                        String k = keys.get(p);
                        if (k == null) {
                            k = keyOf(p); // a value the rule matched that is not itself a fact in memory
                        }
                        if (!premises.contains(k)) {
                            premises.add(k);
                        }
                    }
                    RuleInfo rule = kb.rule(m.getRule().getName()).orElseThrow(
                            () -> new IllegalStateException("rule without metadata: " + m.getRule().getName()));
                    // Sorted: an accumulated collection lists its members in the order the engine found them.
                    derivations.add(new Derivation(rule, premises.stream().sorted().toList()));
                }
            }
            derivations = derivations.stream().distinct().sorted().toList();
            Node background = this.background.get(o);
            if (background != null) {
                // The vocabulary's facts are the same objects in every evaluation: described once.
                nodes.add(new Node(keys.get(o), background.type(), true, background.text(), background.data(), List.of()));
                continue;
            }
            nodes.add(new Node(keys.get(o), o.getClass().getSimpleName(), input, describe(o, kb.vocabulary()), data(o), derivations));
        }
        nodes.sort(Comparator.comparing((Node n) -> !n.input()).thenComparing(Node::key));

        Map<String, List<String>> support = new TreeMap<>();
        String adcc = maxGrade(facts, Adcc.class, Adcc::rank, keys, support, "adcc");
        String fratricide = maxGrade(facts, Fratricide.class, Fratricide::rank, keys, support, "fratricide");
        String depletion = maxGrade(facts, NkDepletion.class, NkDepletion::rank, keys, support, "nkDepletion");

        return new Evaluation(scenario, new Outcome(adcc, fratricide, depletion), cellStates(scenario, facts, kb.vocabulary()),
                new Explanation(List.copyOf(nodes), support));
    }

    private static <T> String maxGrade(List<Object> facts, Class<T> type, ToIntFunction<T> rank,
                                       Map<Object, String> keys, Map<String, List<String>> support, String field) {
        List<T> of = facts.stream().filter(type::isInstance).map(type::cast).toList();
        int max = of.stream().mapToInt(rank).max().orElse(0);
        // An outcome of none may still be a conclusion (ADCC engaged but cancelled by fratricide): cite it.
        support.put(field, of.stream().filter(f -> rank.applyAsInt(f) == max)
                .map(keys::get).sorted().toList());
        return Levels.grade(max);
    }

    private static Map<String, CellState> cellStates(Scenario scenario, List<Object> facts, org.adcckb.kb.Vocabulary vocabulary) {
        Map<String, CellState> out = new LinkedHashMap<>();
        for (Cell c : scenario.cells()) {
            Cd38Surface surface = facts.stream().filter(Cd38Surface.class::isInstance).map(Cd38Surface.class::cast)
                    .filter(s -> s.cell().equals(c.id())).findFirst().orElse(null);
            Map<String, String> binding = new TreeMap<>();
            facts.stream().filter(AntibodyBinding.class::isInstance).map(AntibodyBinding.class::cast)
                    .filter(b -> b.cell().equals(c.id()))
                    .forEach(b -> binding.merge(b.antibody(), b.level(),
                            (x, y) -> Levels.cd38Rank(x) >= Levels.cd38Rank(y) ? x : y));
            int depletion = facts.stream().filter(NkDepletion.class::isInstance).map(NkDepletion.class::cast)
                    .filter(d -> d.cell().equals(c.id())).mapToInt(NkDepletion::rank).max().orElse(0);
            String level = surface != null ? surface.level() : c.cd38Knockout() ? "none" : c.cd38();
            org.adcckb.kb.Vocabulary.CellType type = vocabulary.cellTypes().get(c.type());
            out.put(c.id(), new CellState(c.id(), c.type(), type == null ? "target" : type.role(),
                    type != null && type.cd16(), c.cd16(), c.cd38Knockout(), c.line(), c.cd38(), level,
                    surface != null ? surface.fold() : 1.0, surface != null ? surface.score() : null,
                    binding, Levels.grade(depletion)));
        }
        return out;
    }

    /** Unique keys; two distinct facts claiming one key (a rule-authoring slip) get a numbered suffix, in a fixed order. */
    private static Map<Object, String> keys(List<Object> facts) {
        Map<String, List<Object>> byKey = new TreeMap<>();
        for (Object o : facts) {
            byKey.computeIfAbsent(keyOf(o), k -> new ArrayList<>()).add(o);
        }
        Map<Object, String> out = new IdentityHashMap<>();
        for (Map.Entry<String, List<Object>> e : byKey.entrySet()) {
            List<Object> same = e.getValue();
            same.sort(Comparator.comparing(String::valueOf));
            for (int i = 0; i < same.size(); i++) {
                out.put(same.get(i), i == 0 ? e.getKey() : e.getKey() + "#" + (i + 1));
            }
        }
        return out;
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
