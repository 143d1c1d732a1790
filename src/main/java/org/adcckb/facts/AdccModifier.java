package org.adcckb.facts;

/** One reason the ADCC of an effector against a target is raised or lowered, in steps of one grade. */
public record AdccModifier(String target, String effector, @Vocab(Vocab.AGENT) String antibody, int steps, String reason)
        implements Fact {

    @Override
    public String key() {
        return "modifier:" + effector + ">" + target + ":" + antibody + ":" + reason;
    }

    @Override
    public String describe() {
        String by = Math.abs(steps) == 1 ? "one step" : Math.abs(steps) + " steps";
        return "ADCC of " + effector + " against " + target + (steps < 0 ? " is lowered " : " is raised ")
                + by + ": " + reason;
    }
}
