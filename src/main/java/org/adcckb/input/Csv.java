package org.adcckb.input;

import java.util.ArrayList;
import java.util.List;

/** The cells of a CSV text (RFC 4180: quoted cells may hold commas, line breaks and doubled quotes). */
public final class Csv {

    /** A row and the line of the text it starts on (1-based). */
    public record Row(int line, List<String> cells) {
    }

    private Csv() {
    }

    public static List<List<String>> parse(String text) {
        return rows(text).stream().map(Row::cells).toList();
    }

    public static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int line = 1;
        int start = 1;
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(start, row));
                row = new ArrayList<>();
                line++;
                start = line;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(new Row(start, row));
        }
        return rows;
    }
}
