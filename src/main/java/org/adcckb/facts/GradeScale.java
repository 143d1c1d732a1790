package org.adcckb.facts;

/**
 * The bands of the outcome scores: an outcome (ADCC, fratricide, NK depletion) is computed as a score on the
 * same log2 scale as the CD38 it rests on, and read as a grade here: none below {@code lowFrom}, low below
 * {@code moderateFrom}, moderate below {@code highFrom}, high from it. A knowledge base may declare other bands
 * ({@code gradeScale} in vocabulary.json; the shipped one keeps {@link #DEFAULT}); rules receive them as a fact.
 */
public record GradeScale(double lowFrom, double moderateFrom, double highFrom) implements Fact {

    /** Low from 0, moderate from 1.5, high from 3: the CD38 bands, so a load reads as the grade of its level. */
    public static final GradeScale DEFAULT = new GradeScale(0.0, 1.5, 3.0);

    public GradeScale {
        if (!(lowFrom < moderateFrom && moderateFrom < highFrom)) {
            throw new IllegalArgumentException("the grade scale must satisfy lowFrom < moderateFrom < highFrom");
        }
    }

    /** The rank (0 none .. 3 high) of a score; nothing is none. */
    public int rankOf(double s) {
        if (s >= highFrom) {
            return 3;
        }
        if (s >= moderateFrom) {
            return 2;
        }
        return s >= lowFrom ? 1 : 0;
    }

    public String gradeOf(double s) {
        return Levels.grade(rankOf(s));
    }

    /**
     * The grade of an estimate with its range. The range is the grades of the estimate's ends, widened by
     * {@code calibration} grades either way around the point: the number of grades the model's own arithmetic
     * (how a score maps to a grade, which the sources do not give) is taken to be worth. A point of nothing
     * has no arithmetic to doubt, so its range is its estimate's alone.
     */
    public Grading grading(Estimate e, int calibration) {
        int at = rankOf(e.at());
        int from = rankOf(e.from());
        int to = rankOf(e.to());
        if (e.present() && calibration > 0) {
            from = Math.min(from, Math.max(0, at - calibration));
            to = Math.max(to, Math.min(3, at + calibration));
        }
        return new Grading(Levels.grade(at), Levels.grade(from), Levels.grade(to));
    }

    @Override
    public String key() {
        return "scale:grade";
    }

    @Override
    public String describe() {
        return "outcome grades on the log2 scale: low from " + lowFrom + ", moderate from " + moderateFrom
                + ", high from " + highFrom;
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
