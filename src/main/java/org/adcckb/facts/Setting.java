package org.adcckb.facts;

/** Where the scenario plays: {@code in_vitro} (a cell assay) or {@code in_vivo} (a patient or an animal). */
public record Setting(@Vocab(Vocab.SETTING) String name) implements Fact {

    public boolean inVivo() {
        return "in_vivo".equals(name);
    }

    @Override
    public String key() {
        return "setting:" + name;
    }

    @Override
    public String describe() {
        return inVivo() ? "the scenario is in vivo" : "the scenario is in vitro";
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
