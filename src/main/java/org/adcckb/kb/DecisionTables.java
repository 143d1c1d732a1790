package org.adcckb.kb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.engine.DrlCompiler;

/**
 * CSV decision tables, the spreadsheets domain experts edit: compiled to DRL by Drools' own compiler,
 * with a map from each generated line back to the table row it came from, so that errors, rule
 * locations and why-not answers point at the row an author wrote.
 */
final class DecisionTables {

    private static final Pattern ROW = Pattern.compile("//\\s*rule values at [A-Z]+(\\d+)");

    private DecisionTables() {
    }

    static String toDrl(String csv) {
        return DrlCompiler.decisionTable(csv);
    }

    /** For each line of generated DRL (1-based), the table row of the rule it belongs to; 0 before the first rule. */
    static int[] rowsOf(String drl) {
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length + 2];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ROW.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(1));
            }
            rows[i + 1] = row;
        }
        return rows;
    }
}
