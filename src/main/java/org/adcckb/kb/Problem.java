package org.adcckb.kb;

/**
 * One thing wrong with the knowledge base: where it is and what is wrong, in words a rule author
 * can act on.
 *
 * @param file    the file, as given on the command line or relative to the rules directory
 * @param line    1-based line, or 0 when the problem has no single line
 * @param message what is wrong and what is allowed
 */
public record Problem(String file, int line, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
