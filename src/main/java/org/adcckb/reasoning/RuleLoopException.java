package org.adcckb.reasoning;

import java.util.Map;
import java.util.stream.Collectors;

/** The rules kept firing past the limit: a rule set that does not settle, reported with the busiest rules. */
public class RuleLoopException extends RuntimeException {

    public RuleLoopException(String scenario, int limit, Map<String, Integer> firings) {
        super("scenario " + scenario + ": the rules did not settle within " + limit + " firings; most fired: "
                + firings.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(5)
                        .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")")
                        .collect(Collectors.joining(", "))
                + ". A rule whose conclusion changes its own premises loops; raise the limit with --max-firings if the rule set is just large");
    }
}
