package org.adcckb.facts;

/**
 * Loss of an NK population from one cause ("fratricide", "in vivo antibody", ...).
 *
 * @param score   the loss on the log2 scale, with its range
 * @param grading the grade the score reads, with its range
 */
public record NkDepletion(String cell, String cause, Estimate score, Grading grading) implements Fact, Graded {

    /** A loss graded like the score it follows. */
    public static NkDepletion of(String cell, String cause, Estimate score, GradeScale grades, int calibration) {
        return new NkDepletion(cell, cause, score, grades.grading(score, calibration));
    }

    /** A loss given as a grade, not computed: the score is the middle of the grade's band. */
    public static NkDepletion graded(String cell, String cause, @Vocab(Vocab.GRADE) String level, GradeScale grades, int calibration) {
        double s = switch (level) {
            case "high" -> grades.highFrom() + (grades.highFrom() - grades.moderateFrom()) / 2;
            case "moderate" -> (grades.moderateFrom() + grades.highFrom()) / 2;
            case "low" -> (grades.lowFrom() + grades.moderateFrom()) / 2;
            default -> Estimate.NOTHING;
        };
        return of(cell, cause, Estimate.exactly(s), grades, calibration);
    }

    @Override
    public String key() {
        return "depletion:" + cell + ":" + cause + ":" + level();
    }

    @Override
    public String describe() {
        return "NK cells of " + cell + " are depleted by " + cause + ": " + grading;
    }
}
