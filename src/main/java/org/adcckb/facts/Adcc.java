package org.adcckb.facts;

/** The net antibody-dependent cytotoxicity of an NK population against a myeloma population. */
public record Adcc(String target, String effector, @Vocab(Vocab.AGENT) String antibody, @Vocab(Vocab.GRADE) String level) implements Fact, Graded {

    /**
     * The potential of an engagement moved by every modifier that applies to it, clamped to the grade
     * scale: two reasons to lower ADCC lower it two steps, but never below none.
     */
    public static Adcc of(AdccEngagement engagement, java.util.List<AdccModifier> modifiers) {
        int rank = engagement.rank();
        for (AdccModifier m : modifiers) {
            if (m.target().equals(engagement.target()) && m.effector().equals(engagement.effector())
                    && m.antibody().equals(engagement.antibody())) {
                rank += m.steps();
            }
        }
        return new Adcc(engagement.target(), engagement.effector(), engagement.antibody(), Levels.grade(rank));
    }

    public int rank() {
        return Levels.gradeRank(level);
    }

    @Override
    public String key() {
        return "adcc:" + effector + ">" + target + ":" + antibody;
    }

    @Override
    public String describe() {
        return "ADCC of " + effector + " against " + target + " with " + antibody + ": " + level;
    }
}
