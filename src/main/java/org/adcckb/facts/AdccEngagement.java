package org.adcckb.facts;

/**
 * A CD16-bearing effector able to engage antibody-coated target cells, with the ADCC the target's
 * antibody load alone would allow ({@code potential}).
 */
public record AdccEngagement(String target, String effector, @Vocab(Vocab.AGENT) String antibody,
                             @Vocab(Vocab.GRADE) String potential) implements Fact {

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
