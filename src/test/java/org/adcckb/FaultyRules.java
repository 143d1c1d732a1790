package org.adcckb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of the shipped knowledge base with deliberately faulty rules added: one that throws for the cell
 * {@code boom}, one whose consequence never returns for the cell {@code spin}. Everything else answers as
 * the shipped rules do, so the faults can be placed in one line of a cohort.
 */
public final class FaultyRules {

    public static final String THROWS = "Deliberate failure for the boom cell";
    public static final String SPINS = "Deliberate endless loop for the spin cell";
    public static final String FILE = "faults.drl";

    private static final String DRL = """
            // Faults for the tests of failure handling: never part of the shipped rules.
            package adcckb.faults;

            import org.adcckb.facts.*;

            rule "%s"
                @source("doi:10.3390/cancers13123072")
                @evidence("C")
                @inferred("a test fault")
                @rationale("Throws, to test that a failing rule costs one scenario only.")
            when
                Cell( id == "boom" )
            then
                throw new IllegalStateException("deliberate failure in a rule");
            end

            rule "%s"
                @source("doi:10.3390/cancers13123072")
                @evidence("C")
                @inferred("a test fault")
                @rationale("Never returns, to test the time limit.")
            when
                Cell( id == "spin" )
            then
                long n = 1;
                while (n != 0) {
                    n = (n * 31 + 7) %% 1000003 + 1;
                }
            end
            """.formatted(THROWS, SPINS);

    private FaultyRules() {
    }

    /** The shipped rules and the faults, in {@code dir}/rules. */
    public static Path copy(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        TestKb.copyRules(rules);
        Files.writeString(rules.resolve(FILE), DRL);
        return rules;
    }

    /** The line of a fault rule's {@code rule} keyword in {@link #FILE}. */
    public static int line(String rule) {
        String[] lines = DRL.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("rule \"" + rule + "\"")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(rule);
    }
}
