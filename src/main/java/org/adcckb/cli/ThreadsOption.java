package org.adcckb.cli;

import org.adcckb.input.InputException;
import picocli.CommandLine.Option;

/** {@code --threads}: how many workers a command that evaluates many scenarios at once runs. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    /** The number given, else the machine's cores. */
    int count() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new InputException("--threads", "", "must be a positive number, got " + n);
        }
        return n;
    }
}
