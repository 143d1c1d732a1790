package org.adcckb.facts;

/**
 * A CD16-bearing effector able to engage antibody-coated target cells, with the ADCC the target's
 * antibody load alone would allow ({@code potential}, a grade, and its score on the log2 scale).
 */
public record AdccEngagement(String target, String effector, @Vocab(Vocab.AGENT) String antibody,
                             @Vocab(Vocab.GRADE) String potential, Estimate score) implements Fact {

    /** The potential read off the target's antibody load. */
    public static AdccEngagement of(AntibodyBinding targetLoad, String effector, GradeScale grades) {
        return new AdccEngagement(targetLoad.cell(), effector, targetLoad.antibody(),
                grades.gradeOf(targetLoad.load().at()), targetLoad.load());
    }

    public int rank() {
        return Levels.gradeRank(potential);
    }

    @Override
    public String key() {
        return "engagement:" + effector + ">" + target + ":" + antibody;
    }

    @Override
    public String describe() {
        return "NK cells of " + effector + " can engage " + antibody + "-coated " + target
                + " through CD16: ADCC potential " + potential;
    }
}
