package org.adcckb.cli;

import picocli.CommandLine.Option;

/**
 * {@code --max-bytes}, {@code --max-depth}, {@code --max-string}, {@code --max-cells} and
 * {@code --max-treatments}: how large a scenario a command that reads scenarios accepts
 * (docs/SCENARIO-FORMAT.md, "Limits"). Shown in their own section of the help.
 */
final class InputLimitOptions {

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Refuse a scenario file or batch line larger than N bytes (default: ${DEFAULT-VALUE}).")
    int maxBytes = 1048576;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "32",
            description = "Refuse JSON nested deeper than N (default: ${DEFAULT-VALUE}).")
    int maxDepth = 32;

    @Option(names = "--max-string", paramLabel = "N", defaultValue = "4096",
            description = "Refuse a JSON string longer than N characters (default: ${DEFAULT-VALUE}).")
    int maxString = 4096;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "64",
            description = "Refuse a scenario with more than N cell populations (default: ${DEFAULT-VALUE}).")
    int maxCells = 64;

    @Option(names = "--max-treatments", paramLabel = "N", defaultValue = "256",
            description = "Refuse a scenario with more than N treatments (default: ${DEFAULT-VALUE}).")
    int maxTreatments = 256;

    /** The input limits these options set; a value out of range is named with its option and what is allowed. */
    org.adcckb.input.Limits limits() {
        atLeast("--max-bytes", maxBytes, 1);
        atLeast("--max-depth", maxDepth, 2);
        atLeast("--max-string", maxString, 1);
        atLeast("--max-cells", maxCells, 1);
        atLeast("--max-treatments", maxTreatments, 0);
        return new org.adcckb.input.Limits(maxBytes, maxDepth, maxString, maxCells, maxTreatments);
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new org.adcckb.input.InputException(option, "", "must be at least " + least + ", got " + value);
        }
    }
}
