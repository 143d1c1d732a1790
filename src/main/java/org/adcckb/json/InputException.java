package org.adcckb.json;

/**
 * Input that adcc-kb will not use, with where it is: the file, the JSON path (or line and column for
 * malformed JSON) and what is allowed. Exit code 2 on the command line.
 */
public class InputException extends RuntimeException {

    private final String file;
    private final String where;
    private final String detail;

    public InputException(String file, String where, String detail) {
        super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + detail);
        this.file = file;
        this.where = where;
        this.detail = detail;
    }

    public String file() {
        return file;
    }

    /** The JSON path ({@code $.cells[1].cd38}) or {@code line L, column C}. */
    public String where() {
        return where;
    }

    public String detail() {
        return detail;
    }
}
