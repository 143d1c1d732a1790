package org.adcckb.facts;

/**
 * How much of an antibody a population carries: the CD38 it can reach ({@code none} when the epitope
 * is masked or there is no CD38).
 *
 * @param maskedBy the agent that masks the epitope, or null
 */
public record AntibodyBinding(String cell, @Vocab(Vocab.AGENT) String antibody, @Vocab(Vocab.CD38_LEVEL) String level,
                              @Vocab(Vocab.AGENT) String maskedBy) implements Fact {

    public int rank() {
        return Levels.cd38Rank(level);
    }

    @Override
    public String key() {
        return "binding:" + antibody + "@" + cell;
    }

    @Override
    public String describe() {
        if (maskedBy != null) {
            return antibody + " cannot bind " + cell + ": " + maskedBy + " masks its epitope";
        }
        return "none".equals(level)
                ? antibody + " finds no CD38 to bind on " + cell
                : antibody + " binds " + cell + " at a " + level + " level";
    }
}
