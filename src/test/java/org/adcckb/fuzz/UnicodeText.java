package org.adcckb.fuzz;

import java.util.Random;

/**
 * Random text of an exact length in UTF-16 units (the unit of the string limit), from the parts of
 * Unicode that break naive code: control characters (NUL, ESC and terminal sequences), lone surrogates,
 * pairs outside the BMP, BOM and non-characters, bidirectional overrides, combining marks, wide scripts.
 */
final class UnicodeText {

    private static final String[] PIECES = {
        "a", "Z", " ", "\"", "\\", "/", "'", "<", "&", "\u0000", "\u0007", "\u001b[31m", "\u001b]0;title\u0007", "\n", "\r\n", "\t",
        "\u007f", "\u0085", "\u009b", "\u00e9", "e\u0301", "\u00a0", "\u2028", "\u2029", "\u200b", "\u200d", "\u202e", "\u2066",
        "\ufeff", "\ufffd", "\uffff", "\ufffe", "\ud800", "\udfff", "\ud83d\ude00", "\udbff\udfff", "\u4e2d\u6587", "\u0645\u0631",
        "%s", "%n", "${x}", "{{x}}", "\u0130", "\u00df",
    };

    private UnicodeText() {
    }

    static String random(Random r, int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            String p = PIECES[r.nextInt(PIECES.length)];
            if (s.length() + p.length() <= length) {
                s.append(p);
            } else {
                s.append('x');
            }
        }
        return s.toString();
    }
}
