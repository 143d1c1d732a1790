package org.adcckb.input;

/**
 * Text from a scenario made safe to show on a terminal: messages and text reports quote what the user
 * wrote, and a control sequence in a title must neither act on the terminal nor fake a line of output.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with every character that a terminal would act on, or that would not show, escaped. */
    public static String of(String s) {
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
