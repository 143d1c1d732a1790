package org.adcckb.cli;

import org.adcckb.input.InputException;
import org.adcckb.whatif.Budget;

/**
 * The budget of a question from its options: {@code --max-combinations}, {@code --budget-millis} and
 * {@code --max-solutions}, each a positive number. Each command declares only the options that bound it
 * (what-if evaluates two scenarios, so only its time is bounded); the others keep their defaults.
 */
final class BudgetOptions {

    static final String MILLIS_HELP = "Stop the whole question after MS milliseconds, saying what to narrow "
            + "(default: ${DEFAULT-VALUE}; --max-millis bounds each scenario).";

    private BudgetOptions() {
    }

    static Budget of(long maxCombinations, long budgetMillis, int maxSolutions) {
        positive("--max-combinations", maxCombinations, "number");
        positive("--budget-millis", budgetMillis, "number of milliseconds");
        positive("--max-solutions", maxSolutions, "number");
        return new Budget(maxCombinations, budgetMillis, maxSolutions);
    }

    static Budget ofMillis(long budgetMillis) {
        return of(Budget.DEFAULT_MAX_COMBINATIONS, budgetMillis, Budget.DEFAULT_MAX_SOLUTIONS);
    }

    private static void positive(String option, long value, String what) {
        if (value < 1) {
            throw new InputException(option, "", "must be a positive " + what + ", got " + value);
        }
    }
}
