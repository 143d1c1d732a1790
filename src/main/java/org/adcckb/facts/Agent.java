package org.adcckb.facts;

/**
 * What the knowledge base's vocabulary ({@code rules/vocabulary.json}) says an agent is, so that rules
 * can speak of "an Fc-bearing antibody against CD38" instead of naming each drug.
 *
 * @param name    the name scenarios use
 * @param role    {@code antibody} (binds a target, engages CD16 when it has an Fc), {@code blocker}
 *                (occupies an epitope without effector function) or {@code modulator} (changes expression)
 * @param target  the molecule bound, or null
 * @param epitope the binding site on the target, shared by agents that compete for it, or null
 * @param fc      whether the agent carries an Fc that CD16 can engage
 * @param label   a human name
 */
public record Agent(@Vocab(Vocab.AGENT) String name, @Vocab(Vocab.AGENT_ROLE) String role, @Vocab(Vocab.TARGET) String target, @Vocab(Vocab.EPITOPE) String epitope, boolean fc, String label)
        implements Fact {

    @Override
    public String key() {
        return "agent:" + name;
    }

    @Override
    public String describe() {
        return name + " is " + label;
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
