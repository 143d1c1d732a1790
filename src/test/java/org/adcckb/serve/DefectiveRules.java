package org.adcckb.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.TestKb;

/** Copies of the shipped rules directory with rules of the tests' own: one that throws, one that never returns. */
final class DefectiveRules {

    private DefectiveRules() {
    }

    /** A rule file with the header and citations every rule file needs, around the given rules. */
    static String file(String... rules) {
        StringBuilder b = new StringBuilder("package adcckb.servetest;\n\nimport org.adcckb.facts.*;\n\n");
        for (String r : rules) {
            b.append(r).append("\n\n");
        }
        return b.toString();
    }

    /** A rule with the metadata the loader requires, firing {@code then} whenever {@code when} matches. */
    static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\n"
                + "    @source(\"doi:10.3390/cancers13123072\")\n"
                + "    @evidence(\"A\")\n"
                + "    @rationale(\"A defect on purpose, for the server's tests.\")\n"
                + "when\n    " + when + "\nthen\n    " + then + "\nend";
    }

    /** Throws for the cell with the given id. */
    static String throwing(String name, String cellCondition) {
        return rule(name, "Cell( " + cellCondition + " )", "if (true) { throw new IllegalStateException(\"boom\"); }");
    }

    /** Never returns, for the cell with the given id: the watchdog must stop it. */
    static String spinning(String name, String cellCondition) {
        return rule(name, "Cell( " + cellCondition + " )", "while (System.nanoTime() != 0) { }");
    }

    /** The shipped rules copied to {@code dir}/rules. */
    static Path copy(Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        TestKb.copyRules(rules);
        return rules;
    }

    /** Myeloma cells (with the given population id, so a rule can single them out), NK cells, daratumumab. */
    static String scenarioWithTarget(String id) {
        return "{\"id\": \"with-" + id + "\", \"setting\": \"in_vitro\", \"cells\": ["
                + "{\"id\": \"" + id + "\", \"type\": \"myeloma\", \"cd38\": \"low\"}, "
                + "{\"id\": \"nk\", \"type\": \"nk\", \"cd16\": \"158V\", \"cd38\": \"high\"}], "
                + "\"treatments\": [{\"agent\": \"daratumumab\"}]}";
    }
}
