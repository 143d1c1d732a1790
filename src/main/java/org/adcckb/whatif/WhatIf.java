package org.adcckb.whatif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Node;
import org.adcckb.facts.Grading;
import org.adcckb.facts.Levels;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleShapes;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;

/**
 * The difference an edit makes: outcome and cell changes with their direction, the conclusions gained,
 * lost and changed with the changed premises behind each, and for every changed outcome the chain
 * from the edit to it.
 */
public record WhatIf(List<Edit> edits, Evaluation baseline, Evaluation variant, List<Change> outcome,
                     List<Change> cells, List<ConclusionChange> conclusions, List<Chain> chains) {

    static final String ADDED = "added";
    static final String REMOVED = "removed";
    static final String GAINED = "gained";
    static final String LOST = "lost";
    static final String CHANGED = "changed";

    /**
     * Evaluates the scenario and its edited copy, each in a fresh session, and compares them; the
     * question stops with a {@link BudgetException} once the budget's time is spent (an evaluation in
     * progress is held by the reasoner's own time limit).
     */
    public static WhatIf ask(Scenario s, List<Edit> edits, Reasoner reasoner, KnowledgeBase kb, Budget budget) {
        Budget.Deadline deadline = budget.start();
        Scenario edited = Edit.applyAll(s, edits, kb.vocabulary());
        Evaluation baseline = reasoner.evaluate(s);
        checkTime(deadline, budget);
        Evaluation variant = reasoner.evaluate(edited);
        checkTime(deadline, budget);
        return compare(edits, baseline, variant, kb.shapes());
    }

    private static void checkTime(Budget.Deadline deadline, Budget budget) {
        if (deadline.passed()) {
            throw new BudgetException("whatif: stopped at the time budget of " + Budget.count(budget.maxMillis())
                    + " ms ({maxMillis}) before both scenarios were evaluated; allow more time with {maxMillis}");
        }
    }

    /** Compares two evaluations made with explanations; {@code shapes} names what a {@code not} in a rule waits for. */
    public static WhatIf compare(List<Edit> edits, Evaluation baseline, Evaluation variant, RuleShapes shapes) {
        return new Differ(baseline, variant, shapes).whatIf(edits);
    }

    /** "ADCC of nk against mm: high (was: moderate)": the beginning both texts share is said once. */
    public static String changedText(String before, String after) {
        // "low (unchanged from low)" as the old value says "low" twice: the level is the news, not that it held.
        before = before.replaceFirst(" \\(unchanged from [^()]*\\)$", "");
        int common = 0;
        while (common < before.length() && common < after.length() && before.charAt(common) == after.charAt(common)) {
            common++;
        }
        int cut = before.lastIndexOf(' ', Math.max(0, common - 1)) + 1;
        String was = cut < 12 ? before : before.substring(cut);
        if (was.startsWith("(") && was.endsWith(")") && was.indexOf(')') == was.length() - 1) {
            was = was.substring(1, was.length() - 1); // "(was: x2.00 from low)", not "(was: (x2.00 from low))"
        }
        return after + " (was: " + was + ")";
    }

    /** Whether an outcome's grade, range or score changed. */
    public boolean anyOutcomeChanged() {
        return outcome.stream().anyMatch(Change::changed);
    }

    private static final class Differ {
        private final Evaluation base;
        private final Evaluation var;
        private final Map<String, Node> b;
        private final Map<String, Node> v;
        private final Map<String, String> status = new TreeMap<>();
        private final RuleShapes shapes;

        Differ(Evaluation base, Evaluation var, RuleShapes shapes) {
            this.base = base;
            this.var = var;
            this.b = base.explanation().byKey();
            this.v = var.explanation().byKey();
            this.shapes = shapes;
            Set<String> keys = new TreeSet<>(b.keySet());
            keys.addAll(v.keySet());
            for (String k : keys) {
                Node nb = b.get(k);
                Node nv = v.get(k);
                if (org.adcckb.facts.FactTypes.VOCABULARY.contains((nb != null ? nb : nv).type())) {
                    continue; // the same in both; shown on one side only because a rule used it there
                }
                if (nb == null) {
                    status.put(k, nv.input() ? ADDED : GAINED);
                } else if (nv == null) {
                    status.put(k, nb.input() ? REMOVED : LOST);
                } else if (!nb.data().equals(nv.data())) {
                    status.put(k, CHANGED);
                }
            }
        }

        WhatIf whatIf(List<Edit> edits) {
            return new WhatIf(List.copyOf(edits), base, var, outcomeChanges(), cellChanges(), conclusions(), chains());
        }

        private List<Change> outcomeChanges() {
            List<Change> out = new ArrayList<>();
            for (Map.Entry<String, String> e : base.outcome().asMap().entrySet()) {
                String kind = e.getKey();
                String to = var.outcome().asMap().get(kind);
                Double sb = base.outcome().score(kind);
                Double sv = var.outcome().score(kind);
                int rb = Levels.gradeRank(e.getValue());
                int rv = Levels.gradeRank(to);
                // Within one grade the scores tell which way it moved; below low there is nothing to tell.
                String direction = rb == rv && rb > 0 && sb != null && sv != null ? Change.direction(sb, sv) : Change.direction(rb, rv);
                out.add(new Change("outcome." + kind, e.getValue(), to, direction));
                Grading gb = base.outcome().grading(kind);
                Grading gv = var.outcome().grading(kind);
                out.add(new Change("outcomeRange." + kind, gb.from() + " to " + gb.to(), gv.from() + " to " + gv.to(),
                        Change.rangeDirection(Levels.gradeRank(gb.from()), Levels.gradeRank(gb.to()),
                                Levels.gradeRank(gv.from()), Levels.gradeRank(gv.to()))));
                out.add(new Change("outcomeScore." + kind, score(sb), score(sv),
                        sb == null && sv == null ? "unchanged" : sb == null ? "increased" : sv == null ? "decreased"
                                : Change.direction(sb, sv)));
            }
            return out;
        }

        private List<Change> cellChanges() {
            List<Change> out = new ArrayList<>();
            for (CellState cb : base.cells().values()) {
                CellState cv = var.cells().get(cb.id());
                if (cv == null) {
                    continue;
                }
                String p = "cells." + cb.id() + ".";
                out.add(new Change(p + "cd38", cb.cd38(), cv.cd38(), Change.direction(Levels.cd38Rank(cb.cd38()), Levels.cd38Rank(cv.cd38()))));
                out.add(new Change(p + "cd38Fold", fold(cb.cd38Fold()), fold(cv.cd38Fold()), Change.direction(cb.cd38Fold(), cv.cd38Fold())));
                Set<String> antibodies = new TreeSet<>(cb.binding().keySet());
                antibodies.addAll(cv.binding().keySet());
                for (String ab : antibodies) {
                    String from = cb.binding().getOrDefault(ab, "none");
                    String to = cv.binding().getOrDefault(ab, "none");
                    out.add(new Change(p + "binding." + ab, from, to, Change.direction(Levels.cd38Rank(from), Levels.cd38Rank(to))));
                }
                if ("effector".equals(cb.role())) {
                    out.add(new Change(p + "depletion", cb.depletion(), cv.depletion(),
                            Change.direction(Levels.gradeRank(cb.depletion()), Levels.gradeRank(cv.depletion()))));
                }
            }
            return out;
        }

        private static String score(Double s) {
            return s == null ? "none" : String.format(java.util.Locale.ROOT, "%.2f", s);
        }

        private static String fold(double f) {
            return Double.toString(Math.round(f * 1000.0) / 1000.0);
        }

        private List<ConclusionChange> conclusions() {
            List<ConclusionChange> out = new ArrayList<>();
            for (Map.Entry<String, String> e : status.entrySet()) {
                String k = e.getKey();
                Node nb = b.get(k);
                Node nv = v.get(k);
                Node n = nv != null ? nv : nb;
                out.add(new ConclusionChange(k, n.type(), e.getValue(), nb == null ? null : nb.text(),
                        nv == null ? null : nv.text(), causes(k)));
            }
            return out;
        }

        private List<ConclusionChange.Cause> causes(String key) {
            String st = status.get(key);
            List<ConclusionChange.Cause> out = new ArrayList<>();
            if (ADDED.equals(st) || REMOVED.equals(st)) {
                return out;
            }
            // One cause per rule: a changed conclusion may be explained by its variant and its baseline derivation alike.
            Map<String, ConclusionChange.Cause> byRule = new LinkedHashMap<>();
            for (Link link : links(key, LOST.equals(st))) {
                ConclusionChange.Cause before = byRule.get(link.rule().name());
                if (before == null) {
                    byRule.put(link.rule().name(), new ConclusionChange.Cause(link.rule().name(), link.rule().sources(),
                            link.premises(), link.note()));
                } else {
                    Set<String> premises = new TreeSet<>(before.changed());
                    premises.addAll(link.premises());
                    byRule.put(link.rule().name(), new ConclusionChange.Cause(before.rule(), before.sources(),
                            List.copyOf(premises), before.note() != null && link.note() != null ? before.note() : null));
                }
            }
            out.addAll(byRule.values());
            return out;
        }

        /** One derivation of a moved conclusion with the premises that moved with it, and on which side they live. */
        private record Link(org.adcckb.kb.RuleInfo rule, List<String> premises, boolean baselineSide, String note) {
        }

        /**
         * For a conclusion seen from one side, each derivation with its moved premises. A changed conclusion
         * is also explained by what its baseline derivation had and lost (an accumulated fact that went).
         */
        private List<Link> links(String key, boolean baselineSide) {
            List<Link> out = new ArrayList<>();
            Node n = baselineSide ? b.get(key) : v.get(key);
            if (n == null || n.input()) {
                return out;
            }
            for (Derivation d : n.derivations()) {
                List<String> moved = d.premises().stream().filter(p -> moved(p, baselineSide)).toList();
                if (!moved.isEmpty()) {
                    out.add(new Link(d.rule(), moved, baselineSide, null));
                }
            }
            if (!baselineSide && CHANGED.equals(status.get(key))) {
                for (Derivation d : b.get(key).derivations()) {
                    List<String> gone = d.premises().stream()
                            .filter(p -> LOST.equals(status.get(p)) || REMOVED.equals(status.get(p))).toList();
                    if (!gone.isEmpty()) {
                        out.add(new Link(d.rule(), gone, true, null));
                    }
                }
            }
            if (out.isEmpty()) {
                for (Derivation d : n.derivations()) {
                    List<String> blockers = blockers(d.rule().name(), baselineSide);
                    String note = baselineSide
                            ? "its premises still hold, but the rule requires the absence of what is now present"
                            : "what the rule requires to be absent is now absent";
                    out.add(new Link(d.rule(), blockers, !baselineSide, note));
                }
            }
            return out;
        }

        /** Whether a premise moved with the edit: on the variant side gained or changed, on the baseline side lost or changed. */
        private boolean moved(String premise, boolean baselineSide) {
            String st = status.get(premise);
            if (st == null) {
                return false;
            }
            return baselineSide ? LOST.equals(st) || REMOVED.equals(st) || CHANGED.equals(st)
                    : GAINED.equals(st) || ADDED.equals(st) || CHANGED.equals(st);
        }

        /**
         * Facts of the types a rule's {@code not} conditions name that appeared (for a lost conclusion) or
         * went (for a gained one): what blocks or unblocks it.
         */
        private List<String> blockers(String rule, boolean lost) {
            Set<String> types = shapes == null ? Set.of() : shapes.negatedTypes(rule);
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, String> e : status.entrySet()) {
                Node n = lost ? v.get(e.getKey()) : b.get(e.getKey());
                boolean fits = lost ? GAINED.equals(e.getValue()) || ADDED.equals(e.getValue())
                        : LOST.equals(e.getValue()) || REMOVED.equals(e.getValue());
                if (fits && n != null && types.contains(n.type())) {
                    out.add(e.getKey());
                }
            }
            return out;
        }

        /** For every changed outcome, one chain from each edit that reaches it, in the order of the edits' keys. */
        private List<Chain> chains() {
            List<Chain> out = new ArrayList<>();
            for (Change c : outcomeChanges()) {
                if (!c.changed()) {
                    continue;
                }
                String field = c.path().substring("outcome.".length());
                String start = null;
                boolean side = false;
                for (String k : var.explanation().outcomeSupport().getOrDefault(field, List.of())) {
                    if (status.containsKey(k)) {
                        start = k;
                        break;
                    }
                }
                if (start == null) {
                    side = true;
                    for (String k : base.explanation().outcomeSupport().getOrDefault(field, List.of())) {
                        if (status.containsKey(k)) {
                            start = k;
                            break;
                        }
                    }
                }
                if (start == null) {
                    continue;
                }
                Set<String> edits = new TreeSet<>();
                reachableEdits(start, side, new HashSet<>(), edits);
                for (String edit : edits) {
                    List<String> keys = pathTo(start, side, edit, new HashSet<>());
                    if (keys != null) {
                        List<Chain.Step> steps = new ArrayList<>();
                        for (int i = keys.size() - 1; i >= 0; i -= 2) {
                            steps.add(step(keys.get(i - 1), status.get(keys.get(i - 1)), Boolean.parseBoolean(keys.get(i))));
                        }
                        out.add(new Chain(field, List.copyOf(steps)));
                    }
                }
            }
            return out;
        }

        /** The added or removed inputs behind a moved conclusion. */
        private void reachableEdits(String key, boolean side, Set<String> seen, Set<String> edits) {
            if (!seen.add(key + side)) {
                return;
            }
            String st = status.get(key);
            if (ADDED.equals(st) || REMOVED.equals(st) || (isInput(key) && CHANGED.equals(st))) {
                edits.add(key);
                return;
            }
            for (Link link : links(key, side)) {
                for (String p : link.premises()) {
                    String ps = status.get(p);
                    reachableEdits(p, LOST.equals(ps) || REMOVED.equals(ps), seen, edits);
                }
            }
        }

        /**
         * A path from {@code key} down to the edit {@code target}, as (key, side) pairs from the top,
         * preferring conclusions over inputs so that the chain shows the mechanism.
         */
        private List<String> pathTo(String key, boolean side, String target, Set<String> seen) {
            if (!seen.add(key + side)) {
                return null;
            }
            List<String> here = List.of(key, Boolean.toString(side));
            if (key.equals(target)) {
                return new ArrayList<>(here);
            }
            for (Link link : links(key, side)) {
                List<String> ordered = new ArrayList<>(link.premises().stream().filter(p -> !isInput(p)).toList());
                link.premises().stream().filter(this::isInput).forEach(ordered::add);
                for (String p : ordered) {
                    String ps = status.get(p);
                    List<String> rest = pathTo(p, LOST.equals(ps) || REMOVED.equals(ps), target, seen);
                    if (rest != null) {
                        List<String> out = new ArrayList<>(here);
                        out.addAll(rest);
                        return out;
                    }
                }
            }
            return null;
        }

        private boolean isInput(String key) {
            Node n = b.containsKey(key) ? b.get(key) : v.get(key);
            return n == null || n.input();
        }

        private Chain.Step step(String key, String st, boolean baselineSide) {
            Node nb = b.get(key);
            Node nv = v.get(key);
            String text = switch (st == null ? "" : st) {
                case ADDED -> edit(nv);
                case REMOVED -> "removed: " + nb.text();
                case LOST -> "no longer: " + nb.text();
                case CHANGED -> changedText(nb.text(), nv.text());
                default -> (nv != null ? nv : nb).text();
            };
            return new Chain.Step(key, st == null ? "unchanged" : st, text);
        }

        static String changedText(String before, String after) {
            return WhatIf.changedText(before, after);
        }

        private static String edit(Node added) {
            return "added: " + added.text();
        }
    }
}
