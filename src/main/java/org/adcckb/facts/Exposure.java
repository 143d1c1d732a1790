package org.adcckb.facts;

/**
 * An agent reaching a cell population: pre-incubated on it and washed ({@code preIncubated}), or
 * present in the whole system. One treatment without {@code on} gives one exposure per population.
 */
public record Exposure(@Vocab(Vocab.AGENT) String agent, String cell, boolean preIncubated) implements Fact {

    @Override
    public String key() {
        return "exposure:" + agent + "@" + cell;
    }

    @Override
    public String describe() {
        return preIncubated
                ? cell + " was pre-incubated with " + agent + " and washed"
                : agent + " is present in the system and reaches " + cell;
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
