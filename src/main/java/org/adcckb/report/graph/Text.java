package org.adcckb.report.graph;

import java.util.ArrayList;
import java.util.List;

/** Escaping and line wrapping shared by the writers. */
final class Text {

    private Text() {
    }

    /** For XML and HTML text and attribute values; characters XML 1.0 forbids are dropped. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Words into lines of at most {@code width} characters, at most {@code maxLines} of them; a word
     * longer than a line is cut, and text that does not fit ends with an ellipsis.
     */
    static List<String> wrap(String s, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        for (String word : s.trim().split("\\s+")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            cut = true;
            lines = new ArrayList<>(lines.subList(0, maxLines));
        }
        if (cut) {
            String last = lines.get(maxLines - 1);
            lines.set(maxLines - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + "\u2026");
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /** At most {@code width} characters, with an ellipsis when cut. */
    static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }
}
