package org.adcckb.facts;

import java.util.List;

/**
 * The two ordinal scales of the public format, and the log2 score that CD38 levels live on.
 *
 * <p>CD38 levels ({@code none < low < medium < high}) follow DOMAIN.md §3.1: a CD38-expressing cell
 * carries a log2 score {@code s}; low is s in [0, 1.5), medium [1.5, 3), high s >= 3, about a
 * 2.8-fold step per level. A level given in a scenario stands for the middle of its band, so an
 * ATRA-treated (x3, +1.58) low cell lands in medium while an untreated one stays low. Outcome grades
 * ({@code none < low < moderate < high}) rank ADCC, fratricide and NK depletion.
 *
 * <p>Rules use the string names in patterns ({@code level == "high"}) and the integer ranks for
 * comparisons ({@code rank >= 2}); these helpers translate.
 */
public final class Levels {

    public static final List<String> CD38 = List.of("none", "low", "medium", "high");
    public static final List<String> GRADES = List.of("none", "low", "moderate", "high");
    public static final List<String> CD16 = List.of("none", "158F", "158V");

    static final double MEDIUM_FLOOR = 1.5;
    static final double HIGH_FLOOR = 3.0;

    private Levels() {
    }

    /** Rank of a CD38 level, 0 (none) to 3 (high). */
    public static int cd38Rank(String level) {
        return rankIn(CD38, level, "CD38 level");
    }

    /** Name of a CD38 rank, clamped to the scale. */
    public static String cd38Name(int rank) {
        return CD38.get(clamp(rank));
    }

    /** Rank of an outcome grade, 0 (none) to 3 (high). */
    public static int gradeRank(String grade) {
        return rankIn(GRADES, grade, "grade");
    }

    /** Name of an outcome grade rank, clamped to the scale: a rule may subtract below none. */
    public static String grade(int rank) {
        return GRADES.get(clamp(rank));
    }

    /** The log2 score a scenario's CD38 level stands for: the middle of its band. */
    public static double nominalScore(String level) {
        return switch (level) {
            case "low" -> MEDIUM_FLOOR / 2;
            case "medium" -> (MEDIUM_FLOOR + HIGH_FLOOR) / 2;
            case "high" -> HIGH_FLOOR + MEDIUM_FLOOR / 2;
            default -> throw new IllegalArgumentException("no CD38 score for level '" + level + "'");
        };
    }

    /**
     * The level of a CD38-expressing cell with log2 score {@code s}. A down-regulated cell bottoms out
     * at low: a qualitative fold cannot tell "less CD38" from "no CD38", which only a knockout or a
     * negative cell has.
     */
    public static String cd38LevelOfScore(double s) {
        if (s >= HIGH_FLOOR) {
            return "high";
        }
        return s >= MEDIUM_FLOOR ? "medium" : "low";
    }

    private static int clamp(int rank) {
        return Math.max(0, Math.min(3, rank));
    }

    private static int rankIn(List<String> scale, String name, String what) {
        int i = scale.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown " + what + " '" + name + "', expected one of " + scale);
        }
        return i;
    }
}
