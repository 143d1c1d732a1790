package org.adcckb.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.facts.Cd38Subset;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Levels;
import org.adcckb.input.JsonInput.Obj;
import org.adcckb.input.JsonInput.Value;
import org.adcckb.kb.Vocabulary;

/**
 * Reads one element of a scenario's {@code cells}: a population given by one CD38 level ({@code "cd38"}) or
 * by its CD38 subsets ({@code "subsets"}), refusing anything it would have to guess about.
 */
final class CellReader {

    static final List<String> FIELDS = List.of("id", "type", "cd38", "subsets", "cd16", "cd38Knockout", "line");
    static final List<String> SUBSET_FIELDS = List.of("cd38", "fraction");
    /**
     * At most this many subsets per population, checked before they are read: each CD38 level may be given
     * once, so a valid population has at most four, and a longer list is refused without reading it.
     */
    static final int MAX_SUBSETS = 8;
    /** How far the fractions of a population's subsets may sum from 1. */
    static final double SUM_TOLERANCE = 0.001;

    private final Vocabulary vocabulary;

    CellReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** @param id the population's id, read and checked by the caller */
    Cell read(Obj o, String id) {
        String type = o.get("type").oneOf(vocabulary.cellTypeNames(), "a cell type");
        if (o.has("cd38") && o.has("subsets")) {
            throw o.get("subsets").error("give either \"cd38\" (one level for the whole population) or \"subsets\" "
                    + "(the CD38 levels of its parts), not both");
        }
        if (!o.has("cd38") && !o.has("subsets")) {
            throw o.error("missing required field 'cd38' (or 'subsets', for a population whose cells carry different CD38 levels)");
        }
        List<Cd38Subset> subsets = o.has("subsets") ? subsets(o.get("subsets"), id) : null;
        String cd38 = subsets != null ? Cd38Subset.meanLevel(subsets, vocabulary.cd38Scale())
                : o.get("cd38").oneOf(Levels.CD38, "a CD38 level");
        String cd16 = "none";
        if (o.has("cd16")) {
            if (!vocabulary.carriesCd16(type)) {
                throw o.get("cd16").error("cd16 is given for a " + type + " cell; only "
                        + String.join(", ", vocabulary.cellTypes().values().stream().filter(Vocabulary.CellType::cd16)
                                .map(Vocabulary.CellType::name).toList()) + " cells carry CD16 here");
            }
            cd16 = o.get("cd16").oneOf(Levels.CD16, "a CD16 variant");
        }
        boolean knockout = o.has("cd38Knockout") && o.get("cd38Knockout").bool();
        if (knockout && subsets != null) {
            throw o.get("subsets").error("a CD38 knockout has no CD38 subsets: give \"cd38\": \"none\" with \"cd38Knockout\": true");
        }
        if (knockout && !"none".equals(cd38)) {
            throw o.get("cd38").error("a CD38 knockout has no CD38: give \"cd38\": \"none\" with \"cd38Knockout\": true");
        }
        return new Cell(id, type, cd38, cd16, knockout, o.text("line", null), subsets);
    }

    private static List<Cd38Subset> subsets(Value v, String cell) {
        List<Value> items = v.array();
        if (items.isEmpty()) {
            throw v.error("a population given by subsets needs 1 to " + MAX_SUBSETS + " of them, got none");
        }
        if (items.size() > MAX_SUBSETS) {
            throw v.error(items.size() + " subsets, more than the limit of " + MAX_SUBSETS
                    + "; give each CD38 level at most once, with the fraction of the cells that have it");
        }
        List<Cd38Subset> out = new ArrayList<>();
        Map<String, Value> byLevel = new LinkedHashMap<>();
        double sum = 0;
        for (Value item : items) {
            Obj s = item.object().only(SUBSET_FIELDS);
            String level = s.get("cd38").oneOf(Levels.CD38, "a CD38 level");
            Value f = s.get("fraction");
            double fraction = f.number();
            if (!(fraction > 0 && fraction <= 1)) {
                throw f.error("a fraction is a number in (0, 1], more than 0 and at most 1, got " + number(fraction));
            }
            Value before = byLevel.putIfAbsent(level, item);
            if (before != null) {
                double first = before.node().get("fraction").doubleValue();
                throw s.get("cd38").error("CD38 level '" + level + "' is already given at " + before.path()
                        + "; each level once: merge the two subsets into one with fraction "
                        + number(first) + " + " + number(fraction) + " = " + number(first + fraction));
            }
            sum += fraction;
            out.add(new Cd38Subset(cell, level, fraction));
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw v.error("the fractions sum to " + number(sum) + "; those of one population sum to 1 (within "
                    + SUM_TOLERANCE + ")");
        }
        return out;
    }

    /** A number as people write it: {@code 0.3}, {@code 1}, {@code 0.9}, without floating-point noise. */
    static String number(double d) {
        return BigDecimal.valueOf(Math.round(d * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }
}
