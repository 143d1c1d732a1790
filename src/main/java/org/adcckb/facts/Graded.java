package org.adcckb.facts;

/**
 * A conclusion with a grade (none, low, moderate, high) that an outcome of a scenario can be aggregated from,
 * with the score the grade reads and the range the knowledge allows for it.
 * Which fact type feeds which outcome is declared in the vocabulary ({@code outcomes}), not here.
 */
public interface Graded {

    /** The grade with its range. */
    Grading grading();

    /** The score on the log2 scale that the grade reads, with its range. */
    Estimate score();

    /** The grade: none, low, moderate or high. */
    default String level() {
        return grading().level();
    }

    /** The lowest grade the knowledge allows. */
    default String levelFrom() {
        return grading().from();
    }

    /** The highest grade the knowledge allows. */
    default String levelTo() {
        return grading().to();
    }

    /** Rank of the grade, 0 (none) to 3 (high). */
    default int rank() {
        return Levels.gradeRank(level());
    }

    /**
     * The outcome kind this fact is about, for a fact type shared by several kinds ({@link Effect}); null for a
     * type that stands for one kind only.
     */
    default String kind() {
        return null;
    }
}
