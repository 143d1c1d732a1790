package org.adcckb.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adcckb.facts.Levels;
import org.adcckb.input.InputException;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Expectations;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Expectations.Comparison;

/**
 * Checks the {@code expect} blocks of evaluated scenarios: absolute levels and bounds, comparisons
 * between scenarios of one run, and comparisons with edited copies of a scenario (what-ifs). Used by {@code ./adcc test} and by the JUnit suite, so the published
 * findings under facts/ are tests wherever they run.
 */
public final class ExpectationChecker {

    private static final double FOLD_TOLERANCE = 1e-9;

    private ExpectationChecker() {
    }

    /** Every check of a run, in order, and how many passed and failed. */
    public record Result(List<Check> checks) {
        public Result {
            checks = List.copyOf(checks);
        }

        public long failed() {
            return checks.stream().filter(c -> !c.passed()).count();
        }

        public long passed() {
            return checks.size() - failed();
        }
    }

    /**
     * Evaluates every scenario of a run and checks their expectations ({@code ./adcc test}).
     *
     * @throws InputException when a comparison names a scenario that is not in the run
     */
    public static Result run(List<org.adcckb.scenario.Scenario> scenarios, org.adcckb.reasoning.Reasoner reasoner) {
        Map<String, Evaluation> byId = new java.util.LinkedHashMap<>();
        for (org.adcckb.scenario.Scenario s : scenarios) {
            byId.put(s.id(), reasoner.evaluate(s));
        }
        return new Result(check(byId, reasoner));
    }

    /**
     * @param byId       every evaluation of the run, by scenario id; comparisons must name one of them
     * @param reasoner   evaluates the edited copies that {@code whatif} expectations compare with
     * @throws InputException when a comparison names a scenario that is not in the run
     */
    public static List<Check> check(Map<String, Evaluation> byId, org.adcckb.reasoning.Reasoner reasoner) {
        org.adcckb.kb.Vocabulary vocabulary = reasoner.knowledgeBase().vocabulary();
        List<Check> checks = new ArrayList<>();
        for (Evaluation ev : byId.values()) {
            Expectations x = ev.scenario().expect();
            if (x == null) {
                continue;
            }
            String id = ev.scenario().id();
            for (Map.Entry<String, String> e : x.outcome().entrySet()) {
                String actual = ev.outcome().asMap().get(e.getKey());
                checks.add(new Check(id, x.findings(), "outcome." + e.getKey() + " " + e.getValue(),
                        bound(Levels.GRADES, actual, e.getValue()), actual));
            }
            for (Map.Entry<String, Map<String, String>> c : x.cells().entrySet()) {
                CellState cell = ev.cells().get(c.getKey());
                for (Map.Entry<String, String> e : c.getValue().entrySet()) {
                    String what = "cells." + c.getKey() + "." + e.getKey();
                    if ("cd38Fold".equals(e.getKey())) {
                        double want = Double.parseDouble(e.getValue());
                        checks.add(new Check(id, x.findings(), what + " = " + e.getValue(),
                                Math.abs(cell.cd38Fold() - want) <= FOLD_TOLERANCE * Math.max(1, want),
                                Double.toString(cell.cd38Fold())));
                    } else {
                        String actual = cellLevel(cell, e.getKey());
                        checks.add(new Check(id, x.findings(), what + " " + e.getValue(),
                                bound(scaleOf(e.getKey()), actual, e.getValue()), actual));
                    }
                }
            }
            for (Comparison cmp : x.compare()) {
                Evaluation other = byId.get(cmp.with());
                if (other == null) {
                    throw new InputException(ev.scenario().origin(), cmp.path() + ".with", "compares with scenario '"
                            + cmp.with() + "', which is not among the scenarios of this run; give its file too");
                }
                compare(checks, ev.scenario(), x, cmp, ev, other, "than in " + cmp.with(), "as in " + cmp.with());
            }
            for (Comparison w : x.whatif()) {
                Evaluation variant = reasoner.evaluateWithoutExplanation(Edit.applyAll(ev.scenario(), w.edits(), vocabulary));
                compare(checks, ev.scenario(), x, w, variant, ev, "after " + w.label(), "after " + w.label());
            }
        }
        return checks;
    }

    /** Checks A against B: "outcome.adcc higher than in B", "outcome.adcc higher after add atra@mm". */
    private static void compare(List<Check> checks, org.adcckb.scenario.Scenario s, Expectations x, Comparison cmp,
                                Evaluation a, Evaluation b, String than, String as) {
        String id = s.id();
        for (Map.Entry<String, String> e : cmp.outcome().entrySet()) {
            String va = a.outcome().asMap().get(e.getKey());
            String vb = b.outcome().asMap().get(e.getKey());
            int ra = Levels.gradeRank(va);
            int rb = Levels.gradeRank(vb);
            Double sa = a.outcome().score(e.getKey());
            Double sb = b.outcome().score(e.getKey());
            // Within one grade the scores tell (a grade is a band of scores); below low there is nothing to tell.
            boolean byScore = ra == rb && ra > 0 && sa != null && sb != null;
            boolean holds = byScore ? direction(sa, sb, e.getValue()) : direction(ra, rb, e.getValue());
            String got = byScore ? String.format(java.util.Locale.ROOT, "%s (score %.2f) vs %s (score %.2f)", va, sa, vb, sb)
                    : va + " vs " + vb;
            checks.add(new Check(id, x.findings(), "outcome." + e.getKey() + " " + relation(e.getValue(), than, as),
                    holds, got));
        }
        for (Map.Entry<String, Map<String, String>> c : cmp.cells().entrySet()) {
            CellState ca = a.cells().get(c.getKey());
            CellState cb = b.cells().get(c.getKey());
            if (ca == null || cb == null) {
                throw new InputException(s.origin(), cmp.path() + ".cells." + c.getKey(),
                        "scenario '" + cmp.label() + "' has no cell '" + c.getKey() + "' to compare with");
            }
            for (Map.Entry<String, String> e : c.getValue().entrySet()) {
                String what = "cells." + c.getKey() + "." + e.getKey() + " " + relation(e.getValue(), than, as);
                if ("cd38Fold".equals(e.getKey())) {
                    checks.add(new Check(id, x.findings(), what,
                            direction(ca.cd38Fold(), cb.cd38Fold(), e.getValue()), ca.cd38Fold() + " vs " + cb.cd38Fold()));
                } else {
                    String va = cellLevel(ca, e.getKey());
                    String vb = cellLevel(cb, e.getKey());
                    List<String> scale = scaleOf(e.getKey());
                    boolean byScore = "cd38".equals(e.getKey()) && va.equals(vb) && ca.cd38Score() != null && cb.cd38Score() != null;
                    checks.add(new Check(id, x.findings(), what,
                            byScore ? direction(ca.cd38Score(), cb.cd38Score(), e.getValue())
                                    : direction(scale.indexOf(va), scale.indexOf(vb), e.getValue()),
                            byScore ? String.format(java.util.Locale.ROOT, "%s (score %.2f) vs %s (score %.2f)", va, ca.cd38Score(), vb, cb.cd38Score())
                                    : va + " vs " + vb));
                }
            }
        }
    }

    private static String relation(String direction, String than, String as) {
        return "same".equals(direction) ? "same " + as : direction + " " + than;
    }

    private static List<String> scaleOf(String field) {
        return "depletion".equals(field) ? Levels.GRADES : Levels.CD38;
    }

    private static String cellLevel(CellState c, String field) {
        if (field.startsWith("binding.")) {
            return c.binding().getOrDefault(field.substring("binding.".length()), "none");
        }
        return "depletion".equals(field) ? c.depletion() : c.cd38();
    }

    /** {@code "= low"}, {@code ">= moderate"}: the reader normalised the operator and the level. */
    static boolean bound(List<String> scale, String actual, String expected) {
        String[] parts = expected.split(" ", 2);
        int a = scale.indexOf(actual);
        int e = scale.indexOf(parts[1]);
        return switch (parts[0]) {
            case "=" -> a == e;
            case ">=" -> a >= e;
            case "<=" -> a <= e;
            case ">" -> a > e;
            case "<" -> a < e;
            default -> throw new IllegalArgumentException("operator " + parts[0]);
        };
    }

    static boolean direction(double a, double b, String direction) {
        return switch (direction) {
            case "higher" -> a > b + FOLD_TOLERANCE * Math.max(1, Math.abs(b));
            case "lower" -> a < b - FOLD_TOLERANCE * Math.max(1, Math.abs(b));
            case "same" -> Math.abs(a - b) <= FOLD_TOLERANCE * Math.max(1, Math.abs(b));
            default -> throw new IllegalArgumentException("direction " + direction);
        };
    }
}
