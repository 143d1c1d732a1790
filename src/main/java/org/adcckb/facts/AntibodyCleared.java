package org.adcckb.facts;

/** An antibody of the scenario that has cleared from the patient: treatment with it has stopped. */
public record AntibodyCleared(@Vocab(Vocab.AGENT) String antibody) implements Fact {

    @Override
    public String key() {
        return "cleared:" + antibody;
    }

    @Override
    public String describe() {
        return antibody + " has cleared: treatment with it has stopped";
    }
}
