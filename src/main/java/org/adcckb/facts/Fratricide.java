package org.adcckb.facts;

/**
 * NK cells of {@code killer} lysing antibody-coated NK cells of {@code victim} through CD16.
 *
 * @param score   the fratricide on the log2 scale, with its range
 * @param grading the grade the score reads, with its range
 */
public record Fratricide(String killer, String victim, @Vocab(Vocab.AGENT) String antibody, Estimate score, Grading grading)
        implements Fact, Graded {

    /**
     * Fratricide graded by the victims' antibody load, lowered by {@code cd16Cost} when the killers carry a
     * weaker CD16 allele (zero otherwise).
     */
    public static Fratricide of(Cell killer, AntibodyBinding victimLoad, Estimate cd16Cost, GradeScale grades, int calibration) {
        Estimate score = victimLoad.load().minus(cd16Cost);
        return new Fratricide(killer.id(), victimLoad.cell(), victimLoad.antibody(), score, grades.grading(score, calibration));
    }

    /** The strongest of some fratricides, as a score with its range; nothing when there is none. */
    public static Estimate strongest(java.util.List<Fratricide> fratricides) {
        Estimate s = Estimate.NONE;
        for (Fratricide f : fratricides) {
            s = s.max(f.score());
        }
        return s;
    }

    @Override
    public String key() {
        return "fratricide:" + killer + ">" + victim + ":" + antibody;
    }

    @Override
    public String describe() {
        String who = killer.equals(victim) ? "NK cells of " + killer + " kill each other"
                : "NK cells of " + killer + " kill NK cells of " + victim;
        return who + " through " + antibody + " (fratricide): " + grading;
    }
}
