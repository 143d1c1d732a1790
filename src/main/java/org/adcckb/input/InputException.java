package org.adcckb.input;

/**
 * Input that adcc-kb will not use, with where it is: the file, the JSON path (or line and column for
 * malformed JSON) and what is allowed. Exit code 2 on the command line.
 *
 * <p>Messages quote what the input said, and the input may be hostile: control characters (an ESC
 * sequence, a line break that fakes a message line), invisible format characters and lone surrogates are
 * shown as {@code \}{@code uXXXX} escapes, so a message is safe to print on a terminal and shows what
 * is really there ({@code 'low\}{@code u200b' is not a CD38 level} rather than an invisible difference).
 */
public class InputException extends RuntimeException {

    private final String file;
    private final String where;
    private final String detail;

    public InputException(String file, String where, String detail) {
        super(printable(file) + (where == null || where.isEmpty() ? "" : ": " + printable(where)) + ": " + printable(detail));
        this.file = printable(file);
        this.where = printable(where);
        this.detail = printable(detail);
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

    /**
     * Why a file could not be read or written, in words: an {@link java.io.IOException}'s message is often
     * only the path again ({@code NoSuchFileException: nosuch.md}).
     */
    public static String why(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static String printable(String s) {
        return Printable.of(s);
    }
}
