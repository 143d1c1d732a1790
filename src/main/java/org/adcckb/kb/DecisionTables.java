package org.adcckb.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.engine.DrlCompiler;
import org.adcckb.input.Csv;

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

    /**
     * Rows with more cells than their table has columns (its row of keywords, CONDITION, ACTION and so on).
     * Drools reads cells by position, so a comma left unquoted in a cell (a rationale, say) would shift every
     * cell after it into the next column, silently: a fragment of the rationale read as an assumption, another
     * as an open question. A spreadsheet pads every row it exports to the same number of cells.
     */
    static List<Problem> overfullRows(String file, String csv) {
        List<Problem> out = new ArrayList<>();
        int columns = 0;
        String table = null;
        boolean atKeywords = false;
        for (Csv.Row row : Csv.rows(csv)) {
            List<String> cells = row.cells();
            String first = cells.isEmpty() ? "" : cells.get(0).trim();
            if (first.startsWith("RuleTable")) {
                table = first.substring("RuleTable".length()).trim();
                columns = 0;
                atKeywords = true;
                continue;
            }
            if (atKeywords) {
                columns = cells.size();
                atKeywords = false;
                continue;
            }
            if (columns > 0 && cells.size() > columns) {
                out.add(new Problem(file, row.line(), "row '" + first + "' has " + cells.size() + " cells, and table '" + table
                        + "' has " + columns + " columns: a cell that holds a comma must be in double quotes"));
            }
        }
        return out;
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
