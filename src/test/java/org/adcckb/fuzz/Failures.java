package org.adcckb.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The failing cases of one fuzz run, reported together at its end: one failure seldom comes alone, and
 * seeing several at once tells a defect from a coincidence.
 */
final class Failures {

    private static final int SHOWN = Integer.getInteger("adcc.fuzz.shown", 12);

    private final String replay;
    private final List<String> messages = new ArrayList<>();

    Failures(String replay) {
        this.replay = replay;
    }

    void add(String message) {
        messages.add(message);
    }

    void assertNone() {
        if (messages.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder(messages.size() + " failing case(s); " + replay + ". The first:\n");
        messages.stream().limit(SHOWN).forEach(m -> out.append("- ").append(printable(m)).append('\n'));
        throw new AssertionError(out.toString());
    }

    /** A text with its control characters shown as escapes and cut to a readable length, for failure messages. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 600; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return s.length() > out.length() ? out + "..." : out.toString();
    }
}
