package org.adcckb.input;

/**
 * Strict UTF-8 (RFC 3629), checked before parsing. The JSON parser would decode overlong forms
 * ({@code C1 AF} as {@code o}, so {@code "l\xC1\xAFw"} read as {@code "low"}) and code points beyond
 * U+10FFFF, and would take UTF-16 and UTF-32 text for JSON; each is a guess about what the input meant,
 * so each is refused. A NUL byte is refused too: JSON text never holds one, and UTF-16 and UTF-32
 * text is full of them. A UTF-8 byte order mark is valid UTF-8, and the parser skips it.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The index of the first byte that is not part of well-formed UTF-8, or of the first NUL; -1 when there is none. */
    static int firstInvalid(byte[] b) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    return i;
                }
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                if (c == 0xE0) {
                    low = 0xA0; // shorter forms are overlong
                } else if (c == 0xED) {
                    high = 0x9F; // beyond are the surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                if (c == 0xF0) {
                    low = 0x90;
                } else if (c == 0xF4) {
                    high = 0x8F; // beyond is past U+10FFFF
                }
            } else {
                return i; // a continuation byte, C0, C1 (overlong) or F5 to FF
            }
            if (i + more >= n) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k <= more; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += more + 1;
        }
        return -1;
    }

    /** Where byte {@code at} is, as the parser says it: {@code line L, column C}, the column counted in bytes from 1. */
    static String position(byte[] b, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (at - lineStart + 1);
    }
}
