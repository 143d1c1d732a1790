package org.adcckb.facts;

import java.util.Locale;

/**
 * One reason the ADCC of an effector against a target is raised or lowered, by {@code change} on the log2 scale
 * of the outcome scores (1.5, a grade's width, is about one grade), with the range the knowledge allows.
 */
public record AdccModifier(String target, String effector, @Vocab(Vocab.AGENT) String antibody, Estimate change, String reason)
        implements Fact {

    /** A change of about {@code at}, somewhere between {@code from} and {@code to}. */
    public static AdccModifier of(AdccEngagement e, double at, double from, double to, String reason) {
        return new AdccModifier(e.target(), e.effector(), e.antibody(), Estimate.of(at, from, to), reason);
    }

    /**
     * A lift of the potential to at least {@code floor}: the change is what the load lacks of the floor (nothing
     * once the load reaches it), so the potential plus the change never falls as the load rises.
     */
    public static AdccModifier floor(AdccEngagement e, Estimate load, Estimate floor, String reason) {
        // A load of nothing lacks the whole floor, as a load of 0 does: the lift is never more than the floor.
        double at = Math.max(0, floor.at() - Math.max(0, load.at()));
        double from = Math.max(0, floor.from() - Math.max(0, load.to()));
        double to = Math.max(0, floor.to() - Math.max(0, load.from()));
        at = Math.min(Math.max(at, from), to);
        return new AdccModifier(e.target(), e.effector(), e.antibody(), Estimate.of(at, from, to), reason);
    }

    @Override
    public String key() {
        return "modifier:" + effector + ">" + target + ":" + antibody + ":" + reason;
    }

    @Override
    public String describe() {
        return "ADCC of " + effector + " against " + target + (change.at() < 0 ? " is lowered" : " is raised")
                + String.format(Locale.ROOT, " by about %.1f on the log2 scale: ", Math.abs(change.at())) + reason;
    }
}
