package org.adcckb.facts;

import java.util.List;

/**
 * The two ordinal scales of the public format, and the log2 score that CD38 levels live on.
 *
 * <p>CD38 levels ({@code none < low < medium < high}) stand on a log2 score whose bands the knowledge
 * base declares ({@link Cd38Scale}). Outcome grades ({@code none < low < moderate < high}) rank ADCC,
 * fratricide and NK depletion. The names are part of the scenario format and the JSON output.
 *
 * <p>Rules use the string names in patterns ({@code level == "high"}) and the integer ranks for
 * comparisons ({@code rank >= 2}); these helpers translate.
 */
public final class Levels {

    public static final List<String> CD38 = List.of("none", "low", "medium", "high");
    public static final List<String> GRADES = List.of("none", "low", "moderate", "high");
    public static final List<String> CD16 = List.of("none", "158F", "158V");

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
