package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.adcckb.facts.AntibodyBinding;
import org.adcckb.facts.Cd38Surface;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Graded;
import org.adcckb.facts.Grading;
import org.adcckb.facts.Levels;
import org.adcckb.facts.NkDepletion;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Scenario;

/**
 * The answer read off a settled session's final working memory: the outcome (for each outcome kind of the
 * vocabulary, the grade its conclusions aggregate to, with the keys of the conclusions at it) and the state of
 * each cell.
 */
final class OutcomeMapping {

    private OutcomeMapping() {
    }

    /** The conclusions some declared outcome is read from; the keys of these are what an outcome cites. */
    static boolean isOutcomeFact(Object o, Vocabulary vocabulary) {
        if (o instanceof Graded) {
            for (OutcomeKind k : vocabulary.outcomes()) {
                if (k.counts(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param facts the final working memory, in the session's order
     * @param keys  each fact's key, unique within the memory (for the outcome facts at least)
     * @param nodes the explanation's nodes, or none
     */
    static Evaluation evaluation(Scenario scenario, List<Object> facts, Function<Object, String> keys,
                                 List<Node> nodes, Vocabulary vocabulary) {
        // Each declared outcome from its facts (the highest grade, or the lowest, as the vocabulary says),
        // with the facts at that grade as its support. The range's ends and the score aggregate the same way:
        // the highest (lowest) of the facts' lower ends is the outcome's lower end, and so on.
        List<OutcomeKind> kinds = vocabulary.outcomes();
        int n = kinds.size();
        int[] grade = new int[n];
        int[] from = new int[n];
        int[] to = new int[n];
        double[] score = new double[n];
        Arrays.fill(grade, -1);
        Arrays.fill(from, -1);
        Arrays.fill(to, -1);
        Arrays.fill(score, Double.NaN);
        List<List<Object>> atGrade = new ArrayList<>(n);
        List<List<Object>> counted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            atGrade.add(new ArrayList<>());
            counted.add(new ArrayList<>());
        }
        for (Object o : facts) {
            if (!(o instanceof Graded g)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                OutcomeKind kind = kinds.get(i);
                if (!kind.counts(o)) {
                    continue;
                }
                counted.get(i).add(o);
                int rank = Levels.gradeRank(g.level());
                int next = kind.combine(grade[i], rank);
                if (next != grade[i]) {
                    grade[i] = next;
                    atGrade.get(i).clear();
                }
                if (rank == grade[i]) {
                    atGrade.get(i).add(o);
                }
                from[i] = kind.combine(from[i], Levels.gradeRank(g.levelFrom()));
                to[i] = kind.combine(to[i], Levels.gradeRank(g.levelTo()));
                double s = g.score().at();
                score[i] = Double.isNaN(score[i]) ? s : "max".equals(kind.aggregate()) ? Math.max(score[i], s) : Math.min(score[i], s);
            }
        }
        Map<String, List<String>> support = new TreeMap<>();
        Map<String, Grading> gradings = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<String>> decidingKeys = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            // An outcome of none may still be a conclusion (ADCC engaged but cancelled by fratricide): cite it.
            List<String> ids = new ArrayList<>(atGrade.get(i).size());
            for (Object o : atGrade.get(i)) {
                ids.add(keys.apply(o));
            }
            ids.sort(null);
            support.put(kinds.get(i).name(), List.copyOf(ids));
            gradings.put(kinds.get(i).name(), new Grading(Levels.grade(Math.max(0, grade[i])),
                    Levels.grade(Math.max(0, from[i])), Levels.grade(Math.max(0, to[i]))));
            scores.put(kinds.get(i).name(), Double.isNaN(score[i]) || Double.isInfinite(score[i]) ? null : score[i]);
            // The deciding conclusions: those whose range reaches the outcome's range (for a maximum, whose upper
            // end is at least the outcome's lower end); the others cannot set it.
            List<String> deciding = new ArrayList<>();
            for (Object o : counted.get(i)) {
                Graded g = (Graded) o;
                boolean reaches = "max".equals(kinds.get(i).aggregate())
                        ? Levels.gradeRank(g.levelTo()) >= Math.max(0, from[i])
                        : Levels.gradeRank(g.levelFrom()) <= Math.max(0, to[i]);
                if (reaches) {
                    deciding.add(keys.apply(o));
                }
            }
            deciding.sort(null);
            decidingKeys.put(kinds.get(i).name(), deciding);
        }
        return new Evaluation(scenario, new Outcome(kinds, gradings, scores), cellStates(scenario, facts, vocabulary),
                new Explanation(List.copyOf(nodes), support, nodes.isEmpty() ? Map.of() : Support.of(decidingKeys, nodes)));
    }

    private static Map<String, CellState> cellStates(Scenario scenario, List<Object> facts, Vocabulary vocabulary) {
        // One pass over the memory, then one state per cell.
        Map<String, Cd38Surface> surfaces = new HashMap<>();
        Map<String, Map<String, String>> bindings = new HashMap<>();
        Map<String, Integer> depletions = new HashMap<>();
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
            Vocabulary.CellType type = vocabulary.cellTypes().get(c.type());
            out.put(c.id(), new CellState(c.id(), c.type(), type == null ? "target" : type.role(),
                    type != null && type.cd16(), c.cd16(), c.cd38Knockout(), c.line(), c.cd38(), level,
                    surface != null ? surface.fold() : 1.0, surface != null ? surface.score() : null,
                    binding, Levels.grade(depletion)));
        }
        return out;
    }
}
