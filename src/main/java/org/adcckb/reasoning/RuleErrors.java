package org.adcckb.reasoning;

import org.adcckb.engine.RunningRule;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

/** What went wrong inside the rules of one evaluation, told with the rule's name and place. */
final class RuleErrors {

    private RuleErrors() {
    }

    /** The error for something thrown while the rules ran: a time-out if the watchdog ended it, else a rule failure. */
    static RuntimeException of(String scenario, Throwable thrown, Watchdog.Run run, KnowledgeBase kb) {
        if (run.timedOut()) {
            return timeout(scenario, run, kb);
        }
        if (thrown instanceof ThreadDeath td) {
            throw td; // not ours: let it end the thread
        }
        Rule rule = null;
        Throwable cause = thrown;
        if (thrown instanceof ConsequenceException ce) {
            rule = ce.getMatch() != null ? ce.getMatch().getRule() : null;
            cause = ce.getCause() != null ? ce.getCause() : ce;
        }
        String name = rule != null ? place(rule.getName(), kb) : named(thrown, kb);
        if (name == null && thrown instanceof StackOverflowError) {
            Rule deepest = RunningRule.in(thrown.getStackTrace(), kb.kieBase());
            name = deepest == null ? null : place(deepest.getName(), kb);
        }
        return new RuleFailureException(scenario, name, cause);
    }

    static RuleTimeoutException timeout(String scenario, Watchdog.Run run, KnowledgeBase kb) {
        Rule r = RunningRule.in(run.atLimit(), kb.kieBase());
        return new RuleTimeoutException(scenario, run.maxMillis(), r == null ? null : place(r.getName(), kb));
    }

    /** A rule the engine's message names ("Error evaluating constraint ... in [Rule "X" in file]"), or null. */
    private static String named(Throwable thrown, KnowledgeBase kb) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            String best = null;
            for (RuleInfo r : kb.rules()) {
                if (m.contains("\"" + r.name() + "\"") && (best == null || r.name().length() > best.length())) {
                    best = r.name();
                }
            }
            if (best != null) {
                return place(best, kb);
            }
        }
        return null;
    }

    private static String place(String rule, KnowledgeBase kb) {
        return kb.rule(rule).map(r -> "\"" + r.name() + "\" (" + r.file() + ":" + r.line() + ")").orElse("\"" + rule + "\"");
    }
}
