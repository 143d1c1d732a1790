package org.adcckb.facts;

/** A blocking agent occupying a CD38 epitope on a population, so antibodies against it cannot bind. */
public record EpitopeMasked(String cell, @Vocab(Vocab.EPITOPE) String epitope, @Vocab(Vocab.AGENT) String agent) implements Fact {

    @Override
    public String key() {
        return "masked:" + epitope + "@" + cell + ":" + agent;
    }

    @Override
    public String describe() {
        return agent + " masks the " + epitope + " epitope of CD38 on " + cell;
    }
}
