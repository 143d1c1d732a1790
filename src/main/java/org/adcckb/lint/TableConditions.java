package org.adcckb.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.adcckb.input.Csv;
import org.adcckb.kb.DecisionTables;

/**
 * A condition cell left empty in a decision table, where the other rows of that column give one. Drools
 * reads an empty condition cell as "any", so a forgotten cell type or agent makes the row apply to every
 * cell type or agent, silently. A column that most rows leave empty ("any setting") is a choice; one that
 * a row alone leaves empty is most likely a slip, and is reported as a warning.
 */
final class TableConditions {

    static final String CHECK = "table";

    /** After the keyword row come the object types, the code and the column labels, then the rows. */
    private static final int LABELS = 3;

    private TableConditions() {
    }

    static void check(String file, String csv, Consumer<Linter.Finding> out) {
        List<Csv.Row> rows = Csv.rows(csv);
        for (int r = 0; r < rows.size(); r++) {
            int start = DecisionTables.ruleTable(rows.get(r).cells());
            if (start >= 0 && r + 1 + LABELS < rows.size()) {
                checkTable(file, rows, r + 1, start, out);
            }
        }
    }

    private static void checkTable(String file, List<Csv.Row> rows, int keywords, int start, Consumer<Linter.Finding> out) {
        List<Csv.Row> data = new ArrayList<>();
        for (int r = keywords + LABELS + 1; r < rows.size() && !DecisionTables.blankFrom(rows.get(r).cells(), start); r++) {
            data.add(rows.get(r));
        }
        List<String> kinds = rows.get(keywords).cells();
        List<String> labels = rows.get(keywords + LABELS).cells();
        for (int col = start; col < kinds.size(); col++) {
            if (!kinds.get(col).strip().equalsIgnoreCase("CONDITION")) {
                continue;
            }
            List<Csv.Row> empty = new ArrayList<>();
            for (Csv.Row row : data) {
                if (cell(row.cells(), col).isBlank()) {
                    empty.add(row);
                }
            }
            int filled = data.size() - empty.size();
            if (empty.isEmpty() || filled < 3 || empty.size() > Math.max(1, data.size() / 10)) {
                continue;
            }
            String label = cell(labels, col).strip();
            for (Csv.Row row : empty) {
                String rule = cell(row.cells(), start).strip();
                out.accept(new Linter.Finding("warning", file, row.line(), rule.isEmpty() ? null : rule, CHECK,
                        "condition '" + label + "' is empty, and the other " + filled + " rows give one: an empty condition"
                                + " cell matches anything, so this row applies to every " + label + "; leave it empty only for that"));
            }
        }
    }

    private static String cell(List<String> cells, int col) {
        return col < cells.size() ? cells.get(col) : "";
    }
}
