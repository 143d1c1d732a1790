package org.adcckb.expect;

import java.util.List;

/**
 * One checked expectation.
 *
 * @param scenario the scenario the expectation belongs to
 * @param findings the findings it encodes
 * @param what     what was checked, as {@code outcome.adcc = low} or {@code outcome.adcc higher than in <id>}
 * @param actual   what the rules gave
 */
public record Check(String scenario, List<String> findings, String what, boolean passed, String actual) {

    /** One line like a test runner's: {@code ok  L09  id: what}. */
    public String line() {
        String f = findings.isEmpty() ? "-" : String.join(",", findings);
        return (passed ? "ok   " : "FAIL ") + f + "  " + scenario + ": " + what
                + (passed ? "" : "  (got " + actual + ")");
    }
}
