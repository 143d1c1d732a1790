package org.adcckb.cli;

import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.RunLimits;
import picocli.CommandLine.Option;

/**
 * {@code --max-firings} and {@code --max-millis}: how far the engine may run on one scenario. Shown in
 * their own section of the help, on the commands that run the rules.
 */
final class RunLimitOptions {

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Reasoner.DEFAULT_MAX_FIRINGS,
            description = "Stop a scenario whose rules fire more than N times (default: ${DEFAULT-VALUE}).")
    int maxFirings = Reasoner.DEFAULT_MAX_FIRINGS;

    @Option(names = "--max-millis", paramLabel = "MS", defaultValue = "" + RunLimits.DEFAULT_MAX_MILLIS,
            description = "Stop a scenario whose rules run longer than MS milliseconds, naming the rule that was running (default: ${DEFAULT-VALUE}).")
    long maxMillis = RunLimits.DEFAULT_MAX_MILLIS;

    /** How far each scenario may run. */
    RunLimits runLimits() {
        if (maxMillis < 1) {
            throw new org.adcckb.input.InputException("--max-millis", "", "must be a positive number of milliseconds, got " + maxMillis);
        }
        if (maxFirings < 1) {
            throw new org.adcckb.input.InputException("--max-firings", "", "must be a positive number, got " + maxFirings);
        }
        return new RunLimits(maxFirings, maxMillis);
    }
}
