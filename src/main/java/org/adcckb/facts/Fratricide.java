package org.adcckb.facts;

/** NK cells of {@code killer} lysing antibody-coated NK cells of {@code victim} through CD16. */
public record Fratricide(String killer, String victim, @Vocab(Vocab.AGENT) String antibody, @Vocab(Vocab.GRADE) String level) implements Fact, Graded {

    public int rank() {
        return Levels.gradeRank(level);
    }

    @Override
    public String key() {
        return "fratricide:" + killer + ">" + victim + ":" + antibody;
    }

    @Override
    public String describe() {
        String who = killer.equals(victim) ? "NK cells of " + killer + " kill each other"
                : "NK cells of " + killer + " kill NK cells of " + victim;
        return who + " through " + antibody + " (fratricide): " + level;
    }
}
