package org.adcckb;

import java.nio.file.Path;
import java.util.List;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioCheck;
import org.adcckb.scenario.ScenarioReader;
import org.adcckb.whatif.Budget;
import org.adcckb.whatif.WhatIf;

/**
 * The questions adcc-kb answers, as a Java API; the command line is a thin layer over it.
 *
 * <pre>{@code
 * AdccKb kb = AdccKb.load(Path.of("rules"));
 * Scenario s = kb.read(Path.of("facts/lejeune-2021/low-target-dara.json"));
 * Evaluation ev = kb.evaluate(s);                                  // outcome, cells, explanation
 * WhatIf w = kb.whatIf(s, List.of(Edit.add("cd38_nanobody@nk")));  // what changes, and why
 * }</pre>
 *
 * <p>A scenario built in code rather than read is checked as the reader checks a file ({@link ScenarioCheck}):
 * an unknown agent, cell type or CD38 level, a treatment on no cell or two cells of one id is an
 * {@link org.adcckb.input.InputException} naming the value, not an answer.
 *
 * <p>One instance may be shared by any number of threads: the compiled knowledge base is read-only and
 * every evaluation runs in a session of its own. The questions that evaluate many scenarios (sweep,
 * why-not) and what-if run within a {@link Budget}: {@link Budget#DEFAULT} unless one is given.
 */
public final class AdccKb {

    private final KnowledgeBase kb;
    private final Reasoner reasoner;
    private volatile org.adcckb.whatif.Probes probes;

    private final org.adcckb.input.Limits limits;
    private final ScenarioReader reader;

    public AdccKb(KnowledgeBase kb, int maxFirings) {
        this(kb, maxFirings, org.adcckb.input.Limits.DEFAULT);
    }

    /** @param limits what scenario files may hold before they are refused */
    public AdccKb(KnowledgeBase kb, int maxFirings, org.adcckb.input.Limits limits) {
        this(kb, org.adcckb.reasoning.RunLimits.DEFAULT.withMaxFirings(maxFirings), limits);
    }

    /**
     * @param run    how far each scenario's evaluation may go (firings, time)
     * @param limits what scenario files may hold before they are refused
     */
    public AdccKb(KnowledgeBase kb, org.adcckb.reasoning.RunLimits run, org.adcckb.input.Limits limits) {
        this.kb = kb;
        this.limits = limits;
        this.reasoner = new Reasoner(kb, run);
        this.reader = new ScenarioReader(kb.vocabulary(), limits);
    }

    /** Compiles the rules directory; problems are reported as a {@link org.adcckb.kb.KnowledgeBaseException}. */
    public static AdccKb load(Path rules) {
        return new AdccKb(KnowledgeBaseLoader.load(rules), Reasoner.DEFAULT_MAX_FIRINGS);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public Reasoner reasoner() {
        return reasoner;
    }

    public Scenario read(Path file) {
        return reader.read(file);
    }

    /** A scenario from the bytes of a scenario file (UTF-8 JSON); messages name it {@code name}. */
    public Scenario read(byte[] json, String name) {
        return reader.read(json, name);
    }

    public Evaluation evaluate(Scenario s) {
        return reasoner.evaluate(ScenarioCheck.checked(s, reader));
    }

    /** Every combination of the factors, {@code threads} at a time; {@code progress} may be null. */
    public org.adcckb.whatif.Sweep.Result sweep(Scenario s, List<org.adcckb.whatif.Factor> factors, int threads,
                                                org.adcckb.whatif.Progress progress) {
        return sweep(s, factors, threads, progress, Budget.DEFAULT);
    }

    /** As {@link #sweep(Scenario, List, int, org.adcckb.whatif.Progress)}, within {@code budget}. */
    public org.adcckb.whatif.Sweep.Result sweep(Scenario s, List<org.adcckb.whatif.Factor> factors, int threads,
                                                org.adcckb.whatif.Progress progress, Budget budget) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return org.adcckb.whatif.Sweep.run(ScenarioCheck.checked(s, reader), factors, reasoner, kb.vocabulary(), threads, progress, budget);
    }

    /**
     * Why the scenario misses the goal, and the smallest sets of 1 to {@code maxSize} added treatments that
     * reach it (none when the goal already holds). {@code maxSize} is 1 to 4 (else an
     * {@link IllegalArgumentException}); an empty collection of agents is an {@link org.adcckb.input.InputException}.
     */
    public org.adcckb.whatif.WhyNot whyNot(Scenario s, org.adcckb.whatif.Goal goal, int maxSize) {
        return whyNot(s, goal, maxSize, null);
    }

    /** As {@link #whyNot(Scenario, org.adcckb.whatif.Goal, int)}, searching only among {@code agents} (null: all). */
    public org.adcckb.whatif.WhyNot whyNot(Scenario s, org.adcckb.whatif.Goal goal, int maxSize, java.util.Collection<String> agents) {
        return whyNot(s, goal, maxSize, agents, Budget.DEFAULT);
    }

    /**
     * As {@link #whyNot(Scenario, org.adcckb.whatif.Goal, int, java.util.Collection)}, within {@code budget}:
     * a search over it is refused before it runs, or stopped, with a {@link org.adcckb.whatif.BudgetException}.
     */
    public org.adcckb.whatif.WhyNot whyNot(Scenario s, org.adcckb.whatif.Goal goal, int maxSize,
                                           java.util.Collection<String> agents, Budget budget) {
        return whyNot(s, goal, maxSize, agents, budget, org.adcckb.whatif.Progress.NONE);
    }

    /** As {@link #whyNot(Scenario, org.adcckb.whatif.Goal, int, java.util.Collection, Budget)}, reporting the sets done. */
    public org.adcckb.whatif.WhyNot whyNot(Scenario s, org.adcckb.whatif.Goal goal, int maxSize,
                                           java.util.Collection<String> agents, Budget budget,
                                           org.adcckb.whatif.Progress progress) {
        return org.adcckb.whatif.WhyNot.ask(ScenarioCheck.checked(s, reader), goal, maxSize, agents, reasoner, kb, this::probes,
                Runtime.getRuntime().availableProcessors(), budget, progress);
    }

    /** The rules compiled again with why-not's prefix queries, built on first use. */
    private org.adcckb.whatif.Probes probes() {
        org.adcckb.whatif.Probes p = probes;
        if (p == null) {
            synchronized (this) {
                if (probes == null) {
                    probes = org.adcckb.whatif.Probes.build(kb);
                }
                p = probes;
            }
        }
        return p;
    }

    /** Applies the edits to a copy of the scenario and compares both, each in a fresh session. */
    public WhatIf whatIf(Scenario s, List<Edit> edits) {
        return whatIf(s, edits, Budget.DEFAULT);
    }

    /** As {@link #whatIf(Scenario, List)}, within the time of {@code budget}. */
    public WhatIf whatIf(Scenario s, List<Edit> edits, Budget budget) {
        return WhatIf.ask(ScenarioCheck.checked(s, reader), edits, reasoner, kb, budget);
    }
}
