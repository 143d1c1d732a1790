package org.adcckb.whatif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Node;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleShapes;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Outcome;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/**
 * Why a scenario misses a goal, and the smallest sets of added treatments that reach it. The search runs
 * the engine itself on every set of one to {@code maxSize} additions (each known agent in the system or on
 * one population), keeping only the sets with no smaller solution inside, within a {@link Budget}
 * ({@link WhyNotSearch}). What stands in the way is then read off the difference each solution makes,
 * and what is missing is asked of the rules that would derive it: their first condition that no fact
 * satisfies now.
 */
public record WhyNot(Scenario scenario, Goal goal, Evaluation current, boolean met, List<Obstacle> obstacles,
                     List<Missing> missing, List<Solution> solutions, int maxSize, int evaluated) {

    /**
     * A conclusion on the path to the goal that solutions remove or change ({@code change} lost or changed),
     * or, when no solution was found, one the outcome rests on now ({@code change} holds).
     *
     * @param movedBy how many of the solutions remove or change it
     */
    public record Obstacle(String key, String text, String change, int movedBy) {
    }

    /**
     * A conclusion the goal needs that is not there, with the rule that would derive it and that rule's first
     * unmet condition now (null when all its conditions hold but it concludes something else here).
     */
    public record Missing(String key, String text, String rule, Probes.Unmet unmet, int gainedBy) {
    }

    /**
     * A minimal set of added treatments that reaches the goal, with the outcome and the chains to it.
     *
     * @param alike other sets of the same agents, placed elsewhere, that lead to exactly the same conclusions
     *              (an agent in the whole system and on the one population it acts on): one answer, not several
     * @param adds    the keys of the {@link Missing} conclusions this answer adds
     * @param support how sure the answer's goal outcome is (null when no rule decides it)
     */
    public record Solution(List<Treatment> added, Outcome outcome, List<Chain> chains, List<List<Treatment>> alike,
                           List<String> adds, org.adcckb.reasoning.Support support) {
        public String label() {
            return label(added);
        }

        /** "atra@mm + cd38_nanobody@nk": a set of treatments as the command line writes them. */
        public static String label(List<Treatment> set) {
            return String.join(" + ", set.stream().map(Treatment::toString).toList());
        }
    }

    /**
     * @param agents  the agents the search may add (a scientist's toolbox), or null for every agent the
     *                vocabulary knows
     * @param threads evaluations run in parallel
     * @param budget  how many sets may be evaluated, how many solutions kept and for how long; a search over
     *                it is refused before it runs, or stopped, with a {@link BudgetException}
     */
    public static WhyNot ask(Scenario s, Goal goal, int maxSize, java.util.Collection<String> agents, Reasoner reasoner,
                             KnowledgeBase kb, java.util.function.Supplier<Probes> probes, int threads,
                             Budget budget, Progress progress) {
        if (maxSize < 1 || maxSize > 4) {
            throw new IllegalArgumentException("maxSize must be 1 to 4, got " + maxSize);
        }
        if (agents != null && agents.isEmpty()) {
            throw new org.adcckb.input.InputException("--agents", "", "names no agent; give one or more, or leave it out to search every agent");
        }
        Budget.Deadline deadline = budget.start();
        if (agents != null) {
            for (String a : agents) {
                if (!kb.vocabulary().knows(a)) {
                    throw new org.adcckb.input.InputException("--agents " + a, "", "unknown agent '" + a + "'; the knowledge base knows: "
                            + String.join(", ", kb.vocabulary().agentNames()) + org.adcckb.input.Suggest.hint(a, kb.vocabulary().agentNames()));
                }
            }
        }
        Evaluation current = reasoner.evaluate(s);
        if (goal.met(current.outcome())) {
            return new WhyNot(s, goal, current, true, List.of(), List.of(), List.of(), maxSize, 0);
        }
        List<Treatment> candidates = new ArrayList<>();
        int agentCount = 0;
        for (String agent : kb.vocabulary().agentNames()) {
            if (agents != null && !agents.contains(agent)) {
                continue;
            }
            agentCount++;
            List<String> targets = new ArrayList<>();
            targets.add(null);
            s.cells().forEach(c -> targets.add(c.id()));
            for (String on : targets) {
                Treatment t = new Treatment(agent, on);
                if (!s.treatments().contains(t)) {
                    candidates.add(t);
                }
            }
        }
        String scope = agentCount + (agentCount == 1 ? " agent" : " agents") + ", each in the whole system or on one of "
                + s.cells().size() + (s.cells().size() == 1 ? " cell population" : " cell populations");
        WhyNotSearch search = new WhyNotSearch(s, goal, candidates, maxSize, budget, deadline, scope);
        search.checkCount();
        WhyNotSearch.Found result = search.run(reasoner, kb.vocabulary(), threads, progress);
        List<List<Treatment>> found = result.solutions();
        int evaluated = result.evaluated();

        List<Solution> solutions = new ArrayList<>();
        // One answer per distinct effect: sets of the same agents whose conclusions are identical differ only in
        // where an agent was put, not in what it does (panobinostat in the whole system acts on the myeloma cells
        // alone, as panobinostat on them does).
        Map<String, Integer> answerOf = new java.util.HashMap<>();
        List<List<List<Treatment>>> alike = new ArrayList<>();
        Map<String, Obstacle> obstacles = new TreeMap<>();
        Map<String, Missing> missing = new LinkedHashMap<>();
        // The fact type the goal's outcome is read from (for a type shared by several kinds, its conclusions of
        // every kind count as the goal's: a wider path, never a missed one).
        String goalFact = kb.vocabulary().outcome(goal.field()).orElseThrow().fact();
        Set<String> onPathNow = ancestorsOfType(current, goalFact);
        Probes.Session probe = null;
        try {
            for (List<Treatment> set : found) {
                if (deadline.passed()) {
                    throw search.overTime();
                }
                List<Edit> edits = set.stream().<Edit>map(Edit.Add::new).toList();
                Evaluation variant = reasoner.evaluate(WhyNotSearch.withAdded(s, set, kb.vocabulary()));
                String effect = effect(set, variant);
                Integer same = answerOf.get(effect);
                if (same != null) {
                    alike.get(same).add(List.copyOf(set));
                    continue;
                }
                answerOf.put(effect, solutions.size());
                alike.add(new ArrayList<>());
                WhatIf w = WhatIf.compare(edits, current, variant, kb.shapes());
                List<String> adds = new ArrayList<>();
                solutions.add(new Solution(List.copyOf(set), variant.outcome(),
                        w.chains().stream().filter(c -> c.outcome().equals(goal.field())).toList(), List.of(), adds,
                        variant.explanation().support().get(goal.field())));
                // On the way there: what the goal's conclusions rest on, and what changed the obstacles.
                Set<String> roots = new HashSet<>();
                variant.explanation().nodes().stream().filter(n -> n.type().equals(goalFact)).forEach(n -> roots.add(n.key()));
                w.conclusions().stream().filter(c -> "changed".equals(c.kind()) && onPathNow.contains(c.key()))
                        .forEach(c -> roots.add(c.key()));
                Set<String> onPathThen = ancestors(variant, roots);
                for (ConclusionChange c : w.conclusions()) {
                    boolean derived = !"added".equals(c.kind()) && !"removed".equals(c.kind());
                    if (!derived || c.type().equals(goalFact)) {
                        continue;
                    }
                    if (("lost".equals(c.kind()) || "changed".equals(c.kind())) && onPathNow.contains(c.key())) {
                        Obstacle before = obstacles.get(c.key());
                        obstacles.put(c.key(), new Obstacle(c.key(), c.before(), c.kind(), before == null ? 1 : before.movedBy() + 1));
                    }
                    if ("gained".equals(c.kind()) && onPathThen.contains(c.key()) && missing.containsKey(c.key())) {
                        Missing m = missing.get(c.key());
                        missing.put(c.key(), new Missing(m.key(), m.text(), m.rule(), m.unmet(), m.gainedBy() + 1));
                        adds.add(c.key());
                    } else if ("gained".equals(c.kind()) && onPathThen.contains(c.key())) {
                        Node n = variant.explanation().node(c.key()).orElseThrow();
                        String rule = n.derivations().isEmpty() ? null : n.derivations().get(0).rule().name();
                        if (probe == null) {
                            probe = probes.get().open(s, reasoner.limits());
                        }
                        Probes.Unmet unmet = rule == null ? null : probe.unmet(rule);
                        // A rule whose conditions all hold already concludes here, only about other facts:
                        // what it adds in a solution is a consequence there, not something missing here.
                        if (unmet != null) {
                            missing.put(c.key(), new Missing(c.key(), c.after(), rule, unmet, 1));
                            adds.add(c.key());
                        }
                    }
                }
            }
            if (found.isEmpty()) {
                List<String> support = current.explanation().outcomeSupport().getOrDefault(goal.field(), List.of());
                if (!support.isEmpty()) {
                    // The outcome is concluded, only not as wanted: what it rests on now is what would have to change.
                    Map<String, Node> nodes = current.explanation().byKey();
                    for (String k : ancestors(current, new HashSet<>(support))) {
                        Node n = nodes.get(k);
                        if (!n.type().equals(goalFact)) {
                            obstacles.put(k, new Obstacle(k, n.text(), "holds", 0));
                        }
                    }
                } else {
                    // Nothing concluded: ask the rules that would conclude it, and what they wait for.
                    if (probe == null) {
                        probe = probes.get().open(s, reasoner.limits());
                    }
                    backwards(goalFact, kb.shapes(), probe, missing, new HashSet<>(), 3);
                }
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        for (int i = 0; i < solutions.size(); i++) {
            Solution x = solutions.get(i);
            solutions.set(i, new Solution(x.added(), x.outcome(), x.chains(), List.copyOf(alike.get(i)),
                    x.adds().stream().sorted().toList(), x.support()));
        }
        // Smallest first (the search found them so); among equals, the ones that cost the effectors least; among
        // those, the surest: fewer unknowns, then fewer of the model's own assumptions.
        solutions.sort(java.util.Comparator.<Solution>comparingInt(x -> x.added().size())
                .thenComparing(Solution::outcome, org.adcckb.reasoning.Outcome.BEST_FIRST)
                .thenComparingInt(x -> x.support() == null ? 0 : x.support().unknowns().size())
                .thenComparingInt(x -> x.support() == null ? 0 : x.support().inferredSteps())
                .thenComparing(Solution::label));
        List<Obstacle> ranked = new ArrayList<>(obstacles.values());
        ranked.sort(java.util.Comparator.comparingInt((Obstacle o) -> -o.movedBy()).thenComparing(Obstacle::key));
        // What most solutions add comes first: a conclusion only some solutions gain may be a side effect.
        List<Missing> needed = new ArrayList<>(missing.values());
        needed.sort(java.util.Comparator.comparingInt((Missing m) -> -m.gainedBy()).thenComparing(Missing::key));
        return new WhyNot(s, goal, current, false, List.copyOf(ranked), List.copyOf(needed),
                List.copyOf(solutions), maxSize, evaluated);
    }

    /** What a set of added treatments does: its agents and every conclusion it leads to, with their values. */
    private static String effect(List<Treatment> set, Evaluation variant) {
        StringBuilder out = new StringBuilder();
        set.stream().map(Treatment::agent).sorted().forEach(a -> out.append(a).append('|'));
        variant.explanation().nodes().stream().filter(n -> !n.input()).map(n -> n.key() + "=" + n.text()).sorted()
                .forEach(k -> out.append(k).append('\n'));
        return out.toString();
    }

    private static void backwards(String type, RuleShapes shapes, Probes.Session probe, Map<String, Missing> out,
                                  Set<String> seen, int depth) {
        if (depth == 0 || !seen.add(type)) {
            return;
        }
        for (RuleShapes.Shape shape : shapes.producing(type)) {
            Probes.Unmet unmet = probe.unmet(shape.name());
            if (unmet == null) {
                continue;
            }
            out.putIfAbsent("rule:" + shape.name(), new Missing("rule:" + shape.name(),
                    "a " + type + " conclusion", shape.name(), unmet, 0));
            if (!unmet.negated()) {
                RuleShapes.Condition c = shape.conditions().get(unmet.index() - 1);
                for (String t : c.types()) {
                    backwards(t, shapes, probe, out, seen, depth - 1);
                }
            }
        }
    }

    /** The derived facts behind the conclusions of a type (and those conclusions). */
    static Set<String> ancestorsOfType(Evaluation ev, String type) {
        Set<String> roots = new HashSet<>();
        ev.explanation().nodes().stream().filter(n -> n.type().equals(type)).forEach(n -> roots.add(n.key()));
        return ancestors(ev, roots);
    }

    /** The derived facts behind some conclusions (and those conclusions). */
    static Set<String> ancestors(Evaluation ev, Set<String> roots) {
        Map<String, Node> nodes = ev.explanation().byKey();
        Set<String> out = new HashSet<>();
        List<String> todo = new ArrayList<>(new java.util.TreeSet<>(roots));
        while (!todo.isEmpty()) {
            String k = todo.remove(todo.size() - 1);
            Node n = nodes.get(k);
            if (n == null || n.input() || !out.add(k)) {
                continue;
            }
            for (Derivation d : n.derivations()) {
                todo.addAll(d.premises());
            }
        }
        return out;
    }
}
