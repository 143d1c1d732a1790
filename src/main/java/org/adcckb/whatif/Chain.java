package org.adcckb.whatif;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How an edit reaches an outcome: from the changed input, through each conclusion it changed, to the
 * conclusion that sets the outcome.
 *
 * @param outcome the outcome field
 * @param steps   edit first, outcome last
 */
public record Chain(String outcome, List<Step> steps) {

    /** One link: a fact key, how it changed, and a readable sentence. */
    public record Step(String key, String kind, String text) {
    }

    /** The chain on one line, links joined by arrows. */
    public String text() {
        return steps.stream().map(Step::text).collect(Collectors.joining(" -> "));
    }
}
