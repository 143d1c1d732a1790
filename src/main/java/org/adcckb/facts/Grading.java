package org.adcckb.facts;

/**
 * A grade with its range: {@code level} is the model's answer, {@code from} and {@code to} the lowest and
 * highest grades the knowledge allows (none, low, moderate, high; from <= level <= to).
 */
public record Grading(@Vocab(Vocab.GRADE) String level, @Vocab(Vocab.GRADE) String from, @Vocab(Vocab.GRADE) String to) {

    public static final Grading NONE = new Grading("none", "none", "none");

    public Grading {
        int l = Levels.gradeRank(level);
        if (Levels.gradeRank(from) > l || l > Levels.gradeRank(to)) {
            throw new IllegalArgumentException("a grading needs from <= level <= to, got " + from + " <= " + level + " <= " + to);
        }
    }

    public boolean exact() {
        return from.equals(to);
    }

    /** "moderate", or "moderate (low to high)". */
    @Override
    public String toString() {
        return exact() ? level : level + " (" + from + " to " + to + ")";
    }
}
