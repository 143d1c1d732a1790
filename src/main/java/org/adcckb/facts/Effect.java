package org.adcckb.facts;

/**
 * A graded effect on a population, for an outcome kind that the vocabulary declares without a fact type of
 * its own: a rule concludes {@code new Effect("phagocytosis", $mm.id(), "daratumumab", "moderate")} and the
 * vocabulary's entry for {@code phagocytosis} names {@code Effect} as its fact.
 *
 * @param kind  the outcome kind, as the vocabulary names it
 * @param cell  the population affected
 * @param cause what brings the effect about (an agent, a mechanism)
 * @param level the grade
 */
public record Effect(String kind, String cell, String cause, @Vocab(Vocab.GRADE) String level) implements Fact, Graded {

    @Override
    public String key() {
        return kind + ":" + cell + ":" + cause;
    }

    @Override
    public String describe() {
        return kind + " of " + cell + " by " + cause + ": " + level;
    }
}
