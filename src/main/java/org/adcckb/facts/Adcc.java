package org.adcckb.facts;

import java.util.List;

/**
 * The net antibody-dependent cytotoxicity of an NK population against a myeloma population.
 *
 * @param score   the ADCC on the log2 scale, with its range
 * @param grading the grade the score reads, with its range
 */
public record Adcc(String target, String effector, @Vocab(Vocab.AGENT) String antibody, Estimate score, Grading grading)
        implements Fact, Graded {

    /**
     * The balance of an engagement (docs/MODEL.md, "The graded balance"): the potential moved by its modifiers,
     * less a share ({@code weight}) of the effectors' fratricide, and never above what the surviving effectors
     * can do ({@code capacity} less the fratricide). Fratricide enters once, through this balance.
     *
     * @param fratricide the fratricide among the effectors (nothing when there is none)
     */
    public static Adcc balance(AdccEngagement engagement, List<AdccModifier> modifiers, Estimate fratricide,
                               Estimate weight, Estimate capacity, GradeScale grades, int calibration) {
        Estimate score = engagement.score();
        for (AdccModifier m : modifiers.stream().sorted(java.util.Comparator.comparing(AdccModifier::reason)).toList()) {
            if (m.target().equals(engagement.target()) && m.effector().equals(engagement.effector())
                    && m.antibody().equals(engagement.antibody())) {
                score = score.plus(m.change());
            }
        }
        Estimate cost = fratricide.positive();
        score = score.minus(weight.times(cost)).min(capacity.minus(cost));
        return new Adcc(engagement.target(), engagement.effector(), engagement.antibody(), score,
                grades.grading(score, calibration));
    }

    @Override
    public String key() {
        return "adcc:" + effector + ">" + target + ":" + antibody;
    }

    @Override
    public String describe() {
        return "ADCC of " + effector + " against " + target + " with " + antibody + ": " + grading;
    }
}
