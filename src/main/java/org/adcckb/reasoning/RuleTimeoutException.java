package org.adcckb.reasoning;

/**
 * A scenario's evaluation ran past its time limit ({@link RunLimits#maxMillis()}): a rule whose consequence
 * or condition never returns, or a rule set far too slow. Reported like the firing limit: with the rule
 * that was running, as bad input of the run (exit 2; an error record in {@code batch}).
 */
public class RuleTimeoutException extends RuntimeException {

    private final String rule;

    /** @param rule the rule that was firing, with its place, or null when none was (a condition was being matched) */
    public RuleTimeoutException(String scenario, long millis, String rule) {
        super("scenario " + scenario + ": the rules did not finish within " + millis + " ms; "
                + (rule == null ? "no rule was firing (a condition was being matched)" : "rule " + rule + " was running")
                + ". A consequence that never returns hangs, and so do rules that keep firing while each firing takes longer; raise the limit with --max-millis if the rule set is just slow, or lower --max-firings to find a loop");
        this.rule = rule;
    }

    /** The rule that was running, with its place, or null. */
    public String rule() {
        return rule;
    }
}
