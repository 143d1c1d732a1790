package org.adcckb.facts;

/** Loss of an NK population from one cause ("fratricide", "in vivo antibody", ...). */
public record NkDepletion(String cell, String cause, @Vocab(Vocab.GRADE) String level) implements Fact, Graded {

    public int rank() {
        return Levels.gradeRank(level);
    }

    @Override
    public String key() {
        return "depletion:" + cell + ":" + cause + ":" + level;
    }

    @Override
    public String describe() {
        return "NK cells of " + cell + " are depleted by " + cause + ": " + level;
    }
}
