package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Exposure;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Evaluates scenarios against a knowledge base: one fresh session per scenario, the scenario's facts in,
 * the rules to quiescence, the final working memory out as an outcome and cell states
 * ({@link OutcomeMapping}) and, when asked for, an explanation ({@link ExplanationCapture}).
 * Safe to share across threads: the knowledge base is read-only and every call has its own session.
 */
public final class Reasoner {

    public static final int DEFAULT_MAX_FIRINGS = RunLimits.DEFAULT_MAX_FIRINGS;

    /** The conclusions the cell states read (surface CD38, antibody load, depletion); the outcomes' come from the vocabulary. */
    private static final Set<String> CELL_STATES = Set.of("Cd38Surface", "AntibodyBinding", "NkDepletion");

    /** The fact types the answer reads: those of the declared outcomes and of the cell states. */
    public static Set<String> reported(org.adcckb.kb.Vocabulary vocabulary) {
        Set<String> r = new java.util.TreeSet<>(CELL_STATES);
        vocabulary.outcomes().forEach(k -> r.add(k.fact()));
        return r;
    }

    private final KnowledgeBase kb;
    private final RunLimits limits;
    private final ExplanationCapture capture;

    public Reasoner(KnowledgeBase kb) {
        this(kb, RunLimits.DEFAULT);
    }

    public Reasoner(KnowledgeBase kb, int maxFirings) {
        this(kb, RunLimits.DEFAULT.withMaxFirings(maxFirings));
    }

    public Reasoner(KnowledgeBase kb, RunLimits limits) {
        this.kb = kb;
        this.limits = limits;
        this.capture = new ExplanationCapture(kb);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** How far each scenario may run. */
    public RunLimits limits() {
        return limits;
    }

    /** The outcome, the cells and the explanation: which rules derived each conclusion from which facts. */
    public Evaluation evaluate(Scenario scenario) {
        return run(scenario, true, false);
    }

    /**
     * The outcome, its supporting fact ids and the cells, as {@link #evaluate} gives them, but an explanation
     * without nodes: no derivations are read. For sweeps and searches that only compare outcomes.
     */
    public Evaluation evaluateWithoutExplanation(Scenario scenario) {
        return run(scenario, false, false);
    }

    /**
     * @param record watch the session's events too. Not needed as a rule: the truth-maintenance system
     *               holds each conclusion's live justifications and their matches hold the premises. The
     *               event log is for the rare cases that need more, and those runs are repeated with it:
     *               a rule set that does not settle (to name the busy rules), and a conclusion put in by a
     *               plain {@code insert} (which the TMS does not justify).
     */
    private Evaluation run(Scenario scenario, boolean explain, boolean record) {
        KieSession session = record ? kb.newSession() : kb.pooledSession();
        try {
            DerivationRecorder recorder = record ? new DerivationRecorder() : null;
            if (record) {
                session.addEventListener(recorder.agenda);
                session.addEventListener(recorder.runtime);
            }
            // Telling an input from a conclusion: the inputs are the very objects put in.
            Set<Object> inputs = explain ? Collections.newSetFromMap(new IdentityHashMap<>(64)) : null;
            boolean settled = Guarded.fire(session, inputFacts(scenario), scenario.id(), limits, kb,
                    explain ? (Object fact, FactHandle h) -> inputs.add(fact) : null);
            if (!settled) {
                if (!record) {
                    return run(scenario, explain, true); // fails again, naming the busy rules
                }
                throw new RuleLoopException(scenario.id(), limits.maxFirings(), recorder.firings());
            }
            if (!explain) {
                return outcomeOf(scenario, session);
            }
            ExplanationCapture.Captured c = capture.capture(session, inputs, recorder);
            if (c == null) {
                return run(scenario, true, true);
            }
            return OutcomeMapping.evaluation(scenario, c.facts(), c.keys(), c.nodes(), kb.vocabulary());
        } finally {
            session.dispose();
        }
    }

    private Evaluation outcomeOf(Scenario scenario, KieSession session) {
        List<Object> facts = new ArrayList<>(64);
        for (FactHandle h : session.getFactHandles()) {
            facts.add(session.getObject(h));
        }
        // Only the outcome facts need keys (each fact type has its own key prefix, so the keys, suffixes
        // included, are the same as over the whole memory).
        Map<Object, String> keys = ExplanationCapture.keysOf(facts.stream().filter(o -> OutcomeMapping.isOutcomeFact(o, kb.vocabulary())).toList());
        return OutcomeMapping.evaluation(scenario, facts, keys::get, List.of(), kb.vocabulary());
    }

    private List<Object> inputFacts(Scenario scenario) {
        return inputFacts(scenario, kb.vocabulary());
    }

    /** The scenario as facts: setting (with its course), the vocabulary's agents, cells and their CD38 subsets, and one exposure per agent and population reached. */
    public static List<Object> inputFacts(Scenario scenario, Vocabulary vocabulary) {
        List<Object> facts = new ArrayList<>();
        facts.add(scenario.settingFact());
        facts.add(vocabulary.cd38Scale());
        facts.add(vocabulary.gradeScale());
        facts.addAll(vocabulary.agents().values());
        facts.addAll(scenario.cells());
        facts.addAll(scenario.subsetFacts());
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
}
