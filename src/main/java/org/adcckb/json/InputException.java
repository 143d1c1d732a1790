package org.adcckb.json;

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

    /** The text with every character that a terminal would act on, or that would not show, escaped. */
    static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (hidden && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (hidden) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
