package org.adcckb.reasoning;

/**
 * A rule failed while a scenario was evaluated: its consequence or one of its conditions threw. Rules are
 * code written by the knowledge base's authors, so this is a defect of the rules, not of the scenario: the
 * command line reports it as an internal error (exit 1) naming the rule, and {@code batch} as that line's
 * error record.
 */
public class RuleFailureException extends RuntimeException {

    private final String scenario;
    private final String rule;

    /**
     * @param rule  the rule's name with its place ({@code "Name" (file.drl:12)}), or null when no rule could be named
     * @param cause what the rule threw
     */
    public RuleFailureException(String scenario, String rule, Throwable cause) {
        super("scenario " + scenario + ": " + (rule == null ? "a rule condition" : "rule " + rule) + " failed: "
                + describe(cause), cause);
        this.scenario = scenario;
        this.rule = rule;
    }

    public String scenario() {
        return scenario;
    }

    /** The rule that threw, with its place, or null when it could not be named. */
    public String rule() {
        return rule;
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("").strip();
        if (first.length() > 300) {
            first = first.substring(0, 300) + "...";
        }
        return t.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }
}
