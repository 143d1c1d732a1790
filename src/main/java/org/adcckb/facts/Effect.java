package org.adcckb.facts;

/**
 * A graded effect on a population, for an outcome kind that the vocabulary declares without a fact type of
 * its own: a rule concludes {@code new Effect("phagocytosis", $mm.id(), "daratumumab", "moderate")} and the
 * vocabulary's entry for {@code phagocytosis} names {@code Effect} as its fact.
 *
 * @param kind  the outcome kind, as the vocabulary names it
 * @param cell  the population affected
 * @param cause what brings the effect about (an agent, a mechanism)
 * @param score the effect on the log2 scale, with its range
 * @param grading the grade the score reads, with its range
 */
public record Effect(@Vocab(Vocab.OUTCOME_KIND) String kind, String cell, String cause, Estimate score, Grading grading) implements Fact, Graded {

    /** An effect given as a grade, exactly: its score is the middle of the grade's band on the default scale. */
    public Effect(String kind, String cell, String cause, String level) {
        this(kind, cell, cause, NkDepletion.graded(cell, cause, level, GradeScale.DEFAULT, 0).score(),
                new Grading(level, level, level));
    }

    /** An effect graded from a score, with the range the score and the model's calibration allow. */
    public static Effect of(String kind, String cell, String cause, Estimate score, GradeScale grades, int calibration) {
        return new Effect(kind, cell, cause, score, grades.grading(score, calibration));
    }

    @Override
    public String key() {
        return kind + ":" + cell + ":" + cause;
    }

    @Override
    public String describe() {
        return kind + " of " + cell + " by " + cause + ": " + grading;
    }
}
