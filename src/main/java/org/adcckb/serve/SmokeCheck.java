package org.adcckb.serve;

import java.util.ArrayList;
import java.util.List;
import org.adcckb.AdccKb;
import org.adcckb.input.InputException;
import org.adcckb.input.Limits;
import org.adcckb.kb.Problem;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.RuleFailureException;
import org.adcckb.reasoning.RuleLoopException;
import org.adcckb.reasoning.RuleTimeoutException;
import org.adcckb.reasoning.RunLimits;

/**
 * Newly compiled rules are tried on the scenarios of the facts directory before they answer anything: a
 * rule that compiles but throws, loops or never returns would otherwise replace good rules and break every
 * request, where the server can keep the last good ones and say which rule broke on which scenario.
 */
final class SmokeCheck {

    /** Enough to cover the shipped scenarios; a huge facts directory does not delay every reload. */
    static final int MAX_SCENARIOS = 100;

    private SmokeCheck() {
    }

    /**
     * The first failure, naming the scenario file and the rule, or null when every scenario evaluates.
     * The first scenario is evaluated with at least the default time limit: a knowledge base's first
     * evaluation builds its network and can take a second or more, far longer than any after it, and
     * should not fail rules under a short {@code --max-millis}. It also leaves the rules warm for the
     * first request.
     */
    static LiveKnowledge.LoadError run(AdccKb kb, ScenarioCatalog catalog, RunLimits run, Limits limits) {
        List<String> paths;
        try {
            paths = catalog.paths();
        } catch (HttpError e) {
            return null; // no facts directory to try: nothing to hold the rules to
        }
        AdccKb first = new AdccKb(kb.knowledgeBase(),
                run.withMaxMillis(Math.max(run.maxMillis(), RunLimits.DEFAULT_MAX_MILLIS)), limits);
        boolean warm = false;
        for (String path : paths.subList(0, Math.min(MAX_SCENARIOS, paths.size()))) {
            org.adcckb.scenario.Scenario s;
            try {
                s = kb.read(catalog.resolve(path));
            } catch (InputException | HttpError e) {
                continue; // a scenario the vocabulary does not accept says nothing about the rules
            }
            try {
                (warm ? kb : first).evaluate(s);
                warm = true;
            } catch (RuleFailureException | RuleLoopException | RuleTimeoutException e) {
                String message = "the rules fail on the scenario " + path + " of the facts directory, so they are not used: "
                        + e.getMessage();
                return new LiveKnowledge.LoadError(message, problems(kb, message));
            }
        }
        return null;
    }

    /** The rules the message names, each with its file and line, for the page to point at. */
    private static List<Problem> problems(AdccKb kb, String message) {
        List<Problem> out = new ArrayList<>();
        for (RuleInfo r : kb.knowledgeBase().rules()) {
            if (message.contains("\"" + r.name() + "\"")) {
                out.add(new Problem(r.file(), r.line(), message));
            }
        }
        out.sort(null);
        return out;
    }
}
