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
public final class DecisionTables {

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
        int start = 0;
        int columns = 0;
        String table = null;
        boolean atKeywords = false;
        for (Csv.Row row : Csv.rows(csv)) {
            List<String> cells = row.cells();
            int at = ruleTable(cells);
            if (at >= 0) { // Drools finds the keyword in any column, in any case
                table = cells.get(at).strip().substring(RULE_TABLE.length()).strip();
                start = at;
                columns = 0;
                atKeywords = true;
            } else if (atKeywords) {
                columns = cells.size() - start;
                atKeywords = false;
            } else if (columns > 0 && blankFrom(cells, start)) {
                columns = 0; // a blank row ends the table
            } else if (columns > 0 && cells.size() - start > columns) {
                out.add(new Problem(file, row.line(), "row '" + cells.get(start).strip() + "' has " + (cells.size() - start)
                        + " cells, and table '" + table + "' has " + columns + " columns: a cell that holds a comma must be in"
                        + " double quotes, and a row may not run past the table's last column (a comma at its end)"));
            }
        }
        return out;
    }

    /**
     * Double quotes Drools would read silently wrong: one inside a cell that does not start with a quote (it is
     * dropped), and one that opens a quoted cell never closed (the rest of the file becomes that cell).
     */
    static List<Problem> strayQuotes(String file, String csv) {
        List<Problem> out = new ArrayList<>();
        boolean quoted = false;
        boolean cellStart = true;
        int line = 1;
        int openedAt = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else if (c == '\n') {
                    line++;
                }
            } else if (c == '"' && cellStart) {
                quoted = true;
                openedAt = line;
            } else if (c == '"') {
                if (out.isEmpty() || out.get(out.size() - 1).line() != line) { // once a line
                    out.add(new Problem(file, line, "a double quote inside a cell, which Drools drops: quote the whole cell"
                            + " and double the quote (\"\"), or leave it out"));
                }
                cellStart = false;
            } else {
                cellStart = c == ',' || c == '\n' || c == '\r';
                line += c == '\n' ? 1 : 0;
            }
        }
        if (quoted) {
            out.add(new Problem(file, openedAt, "a double quote opens a cell here and is never closed: the rest of the file"
                    + " would be read as that cell"));
        }
        return out;
    }

    private static final String RULE_TABLE = "RuleTable";

    /** The column of a row's {@code RuleTable} keyword (Drools takes it in any column and any case), or -1. */
    public static int ruleTable(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).strip().regionMatches(true, 0, RULE_TABLE, 0, RULE_TABLE.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a row is blank from the table's first column on: a blank row ends a table. */
    public static boolean blankFrom(List<String> cells, int start) {
        for (int i = start; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return false;
            }
        }
        return true;
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
