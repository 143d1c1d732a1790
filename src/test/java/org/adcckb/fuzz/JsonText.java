package org.adcckb.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * Writes a JSON tree the many ways a valid file can spell the same value: any JSON whitespace between
 * tokens (space, tab, LF, CR, CRLF), and any character of a key or a string written as a
 * {@code \}{@code uXXXX} escape. Whatever the choices, the text reads back as the same tree.
 */
final class JsonText {

    private static final String[] SPACE = {" ", "\t", "\n", "\r", "\r\n", "  ", "\n\t"};

    private final Random random;
    private final int spacePercent;
    private final int escapePercent;

    /**
     * @param spacePercent  chance of whitespace between two tokens
     * @param escapePercent chance that a character of a string is written as a unicode escape
     */
    JsonText(Random random, int spacePercent, int escapePercent) {
        this.random = random;
        this.spacePercent = spacePercent;
        this.escapePercent = escapePercent;
    }

    String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        space(out);
        value(node, out);
        space(out);
        return out.toString();
    }

    private void value(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!first) {
                    space(out);
                    out.append(',');
                }
                first = false;
                space(out);
                string(f.getKey(), out);
                space(out);
                out.append(':');
                space(out);
                value(f.getValue(), out);
            }
            space(out);
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    space(out);
                    out.append(',');
                }
                space(out);
                value(node.get(i), out);
            }
            space(out);
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else {
            out.append(node); // numbers, booleans and null as Jackson writes them
        }
    }

    /** A JSON string literal; lone surrogates are always escaped, since they have no UTF-8 form. */
    void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = random.nextInt(100) < escapePercent;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                char low = s.charAt(++i); // a pair: raw (one UTF-8 sequence) or two escapes, never one of each
                out.append(escape ? String.format("\\u%04x\\u%04x", (int) c, (int) low) : "" + c + low);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private void space(StringBuilder out) {
        if (random.nextInt(100) < spacePercent) {
            out.append(SPACE[random.nextInt(SPACE.length)]);
        }
    }
}
