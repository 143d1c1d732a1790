package org.adcckb.whatif;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question refused before it runs, or stopped while it runs, because it would exceed its {@link Budget}:
 * the message says which bound and what to narrow. Exit code 2 on the command line, HTTP 422 from the
 * server.
 *
 * <p>The message names the knobs the asker can turn, which differ between the command line
 * ({@code --max-combinations}, {@code --agents}) and a request ({@code $.budget.maxCombinations},
 * {@code $.agents}); it is kept as a template with {@code {knob}} placeholders and written out for either.
 */
public final class BudgetException extends RuntimeException {

    private static final Pattern KNOB = Pattern.compile("\\{(\\w+)}");

    private static final Map<String, String> OPTIONS = Map.of(
            "maxCombinations", "--max-combinations", "maxMillis", "--budget-millis", "maxSolutions", "--max-solutions",
            "agents", "--agents", "max", "--max", "vary", "--vary");

    private static final Map<String, String> REQUEST = Map.of(
            "maxCombinations", "$.budget.maxCombinations", "maxMillis", "$.budget.maxMillis",
            "maxSolutions", "$.budget.maxSolutions", "agents", "$.agents", "max", "$.max", "vary", "$.vary");

    private final String template;

    /** @param template the message, with {@code {maxCombinations}}, {@code {agents}} and so on where a knob is named */
    BudgetException(String template) {
        this(template, OPTIONS);
    }

    private BudgetException(String template, Map<String, String> names) {
        super(write(template, names));
        this.template = template;
    }

    /** The same refusal with the knobs named as fields of an HTTP request. */
    public BudgetException inRequest() {
        return new BudgetException(template, REQUEST);
    }

    private static String write(String template, Map<String, String> names) {
        Matcher m = KNOB.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.get(m.group(1));
            if (name == null) {
                throw new IllegalStateException("no name for the knob " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString();
    }
}
