package org.adcckb.batch;

import java.util.Arrays;
import org.adcckb.input.JsonInput;
import org.adcckb.input.Limits;

/**
 * A scenario line's bytes with the values of its top-level {@code "id"} and {@code "title"} cut out: a
 * key under which a line that repeats an earlier one but for its id and title finds the earlier result
 * without being read again ({@link Lines}).
 *
 * <p>The scan is light: it walks the members of the top-level object, skipping strings and nested values,
 * and finds where the id's and the title's string values lie. Each is replaced by a NUL byte in the key
 * (a byte valid JSON text never holds), so two lines with equal keys are the same bytes but for those two
 * strings. A key is only ever recorded for a line the full reader accepted and whose id and title it read
 * as this scan decodes them; a line with an equal key is then the same JSON document but for two strings,
 * which are checked here as the reader would check them (a valid string token within the limits, an id of
 * the allowed characters) before the earlier result is used. Whatever the scan cannot place with
 * certainty (an escaped member name at the top level, a repeated id or title, an id or title that is not a
 * string, an {@code "expect"} member, whose checks depend on the id, anything after the object) gives no
 * key: the line goes through the full reader.
 */
final class RawLine {

    /** What a table holds: the line's bytes without its id and title, and their hash. */
    static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        /** The key's bytes (not copied: not to be changed). */
        byte[] bytes() {
            return bytes;
        }

        /** Bytes this key takes in a table. */
        int size() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Key key;
    private final byte[] text;
    private final int idFrom;
    private final int idTo;
    private final int titleFrom;
    private final int titleTo;

    private RawLine(byte[] key, byte[] text, int idFrom, int idTo, int titleFrom, int titleTo) {
        this.key = new Key(key);
        this.text = text;
        this.idFrom = idFrom;
        this.idTo = idTo;
        this.titleFrom = titleFrom;
        this.titleTo = titleTo;
    }

    /** The key of the line in a table. */
    Key key() {
        return key;
    }

    /**
     * The scenario id, as the reader reads it, when it is a plain one (lower-case letters, digits, '.',
     * '_' and '-', no escapes) within {@code --max-string}; otherwise null, and the line is left to the full
     * reader.
     */
    String id(Limits limits) {
        int from = idFrom + 1;
        int to = idTo - 1;
        if (to <= from || to - from > limits.maxString()) {
            return null;
        }
        for (int i = from; i < to; i++) {
            byte c = text[i];
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return null;
            }
        }
        return new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Whether the line has a title. */
    boolean hasTitle() {
        return titleFrom >= 0;
    }

    /**
     * The title as the reader reads it ({@link JsonInput#stringToken}), or null if it is not a valid string
     * token within the limits (then the line is left to the full reader). Only called when there is one.
     */
    String title(Limits limits) {
        return JsonInput.stringToken(text, titleFrom, titleTo, limits);
    }

    /**
     * The key of a line, or null when the scan cannot place its id and title with certainty.
     */
    static RawLine scan(byte[] b) {
        int n = b.length;
        int i = ws(b, 0);
        if (i >= n || b[i] != '{') {
            return null;
        }
        i = ws(b, i + 1);
        int idFrom = -1;
        int idTo = -1;
        int titleFrom = -1;
        int titleTo = -1;
        while (true) {
            if (i >= n || b[i] != '"') {
                return null;
            }
            int nameEnd = string(b, i);
            if (nameEnd < 0) {
                return null;
            }
            int nameFrom = i + 1;
            int nameTo = nameEnd - 1;
            for (int k = nameFrom; k < nameTo; k++) {
                if (b[k] == '\\') {
                    return null; // an escaped name could spell id, title or expect
                }
            }
            i = ws(b, nameEnd);
            if (i >= n || b[i] != ':') {
                return null;
            }
            i = ws(b, i + 1);
            int valueFrom = i;
            int valueTo = value(b, i);
            if (valueTo < 0) {
                return null;
            }
            if (is(b, nameFrom, nameTo, "id")) {
                if (idFrom >= 0 || b[valueFrom] != '"') {
                    return null;
                }
                idFrom = valueFrom;
                idTo = valueTo;
            } else if (is(b, nameFrom, nameTo, "title")) {
                if (titleFrom >= 0 || b[valueFrom] != '"') {
                    return null;
                }
                titleFrom = valueFrom;
                titleTo = valueTo;
            } else if (is(b, nameFrom, nameTo, "expect")) {
                return null;
            }
            i = ws(b, valueTo);
            if (i >= n) {
                return null;
            }
            if (b[i] == ',') {
                i = ws(b, i + 1);
                continue;
            }
            if (b[i] == '}') {
                i = ws(b, i + 1);
                break;
            }
            return null;
        }
        if (i != n || idFrom < 0) {
            return null;
        }
        // The line without the two values, a NUL in place of each (in the order they come).
        int cut = (idTo - idFrom) + (titleFrom < 0 ? 0 : titleTo - titleFrom);
        byte[] key = new byte[n - cut + (titleFrom < 0 ? 1 : 2)];
        int firstFrom = idFrom;
        int firstTo = idTo;
        int secondFrom = titleFrom;
        int secondTo = titleTo;
        if (titleFrom >= 0 && titleFrom < idFrom) {
            firstFrom = titleFrom;
            firstTo = titleTo;
            secondFrom = idFrom;
            secondTo = idTo;
        }
        int k = 0;
        System.arraycopy(b, 0, key, k, firstFrom);
        k += firstFrom;
        key[k++] = 0;
        if (secondFrom < 0) {
            System.arraycopy(b, firstTo, key, k, n - firstTo);
        } else {
            System.arraycopy(b, firstTo, key, k, secondFrom - firstTo);
            k += secondFrom - firstTo;
            key[k++] = 0;
            System.arraycopy(b, secondTo, key, k, n - secondTo);
        }
        return new RawLine(key, b, idFrom, idTo, titleFrom, titleTo);
    }

    /** The index after JSON white space from {@code i}. */
    private static int ws(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** The index after the string starting at {@code i} (a quote), or -1 if it does not end. */
    private static int string(byte[] b, int i) {
        for (int k = i + 1; k < b.length; k++) {
            byte c = b[k];
            if (c == '\\') {
                k++;
            } else if (c == '"') {
                return k + 1;
            }
        }
        return -1;
    }

    /**
     * The index after the value starting at {@code i}: a string, an object or array (brackets counted,
     * strings skipped), or a scalar up to the next delimiter; -1 if it does not end. Not a validation: the
     * full reader validates a line before its key is recorded.
     */
    private static int value(byte[] b, int i) {
        int n = b.length;
        if (i >= n) {
            return -1;
        }
        byte c = b[i];
        if (c == '"') {
            return string(b, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int k = i; k < n; k++) {
                byte d = b[k];
                if (d == '"') {
                    k = string(b, k);
                    if (k < 0) {
                        return -1;
                    }
                    k--;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        return k + 1;
                    }
                }
            }
            return -1;
        }
        int k = i;
        while (k < n) {
            byte d = b[k];
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '"' || d == '{' || d == '[') {
                break;
            }
            k++;
        }
        return k == i ? -1 : k;
    }

    private static boolean is(byte[] b, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (b[from + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
