package org.adcckb.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.input.Limits;
import org.adcckb.property.Choices;
import org.adcckb.property.Property;
import org.junit.jupiter.api.Test;

/**
 * A line found by its raw key (its bytes but for its id and title, {@link RawLine}) gets the bytes it
 * would get with no tabling at all: generated cohorts of lines with repeats, members reordered, white
 * space varied, good and bad ids and titles (escapes, Unicode, control characters, bad UTF-8, over the
 * limits), repeated members, escaped member names, expectations and broken lines.
 */
class RawKeyTest {

    private static final List<String> LEVELS = List.of("none", "low", "medium", "high");
    private static final List<String> WS = List.of("", " ", "  ", "\t", " \r");

    /** One generated cohort: its lines, and the limits it is read with. */
    record Cohort(List<byte[]> lines, Limits limits, boolean explain) {
    }

    /** A member of the top-level object: its name as written (quoted, maybe escaped) and its value's JSON. */
    record Member(String name, byte[] value) {
        Member(String name, String value) {
            this(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The shape of a line but for its values: members in order, names escaped or not, white space. */
    record Layout(List<String> members, boolean escapedId, boolean escapedTitle, List<String> spaces) {
        String ws(int i) {
            return spaces.get(i % spaces.size());
        }
    }

    private static Layout layout(Choices c) {
        List<String> members = new ArrayList<>();
        if (!c.chance(3)) {
            members.add("id");
        }
        if (c.chance(60)) {
            members.add("title");
        }
        members.add("cells");
        if (!c.chance(20)) {
            members.add("treatments");
        }
        if (c.chance(10)) {
            members.add("setting");
        }
        if (c.chance(8)) {
            members.add("$comment");
        }
        if (c.chance(15)) {
            members.add("expect");
        }
        if (c.chance(4)) { // a repeated member
            members.add(members.get(c.below(members.size())));
        }
        for (int k = members.size() - 1; k > 0; k--) { // reordered
            if (c.chance(30)) {
                int j = c.below(k + 1);
                String t = members.get(k);
                members.set(k, members.get(j));
                members.set(j, t);
            }
        }
        List<String> spaces = new ArrayList<>();
        int n = 1 + c.below(24);
        for (int i = 0; i < n; i++) {
            spaces.add(c.chance(70) ? "" : c.pick(WS));
        }
        return new Layout(members, c.chance(5), c.chance(3), spaces);
    }

    private static String content(Choices c) {
        String nkExtra = c.chance(20) ? ", \"cd38Knockout\": true" : "";
        String cells = "[{\"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"" + c.pick(LEVELS) + "\"}, "
                + "{\"id\": \"nk\", \"type\": \"nk\", \"cd16\": \"" + c.pick(List.of("none", "158F", "158V")) + "\", \"cd38\": \""
                + (nkExtra.isEmpty() ? c.pick(LEVELS) : "none") + "\"" + nkExtra + "}]";
        List<String> tr = new ArrayList<>();
        if (c.chance(50)) {
            tr.add("{\"agent\": \"daratumumab\"}");
        }
        if (c.chance(50)) {
            tr.add("{\"agent\": \"atra\", \"on\": \"" + c.pick(List.of("mm", "nk")) + "\"}");
        }
        if (c.chance(30)) {
            tr.add("{\"agent\": \"cd38_nanobody\", \"on\": \"mm\"}");
        }
        return cells + "\u0001" + "[" + String.join(", ", tr) + "]";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] idValue(Choices c, int n) {
        return switch (c.below(12)) {
            case 0 -> utf8("\"S" + n + "\"");            // upper case: refused
            case 1 -> utf8("\"\"");                      // empty: refused
            case 2 -> utf8("\"s\\u0031" + n + "\"");     // escaped, valid once decoded
            case 3 -> utf8(String.valueOf(n));           // not a string
            case 4 -> utf8("\"a b\"");                   // a space: refused
            case 5 -> utf8("\"é" + n + "\"");            // non-ASCII: refused
            default -> utf8("\"s" + c.below(4) + (c.chance(30) ? ".x_y-z" + n : "") + "\"");
        };
    }

    private static byte[] titleValue(Choices c, int n) {
        return switch (c.below(16)) {
            case 0 -> utf8("\"A \\\"quoted\\\" title " + n + "\"");
            case 1 -> utf8("\"é, \u2028 and \\u2028, a tab \\t " + n + "\"");
            case 2 -> utf8("\"\\ud83d\\ude00 emoji \uD83D\uDE00 " + n + "\"");
            case 3 -> utf8("\"lone \\ud800 surrogate\"");
            case 4 -> utf8("\"raw\tcontrol\"");                                // refused by the parser
            case 5 -> utf8("null");
            case 6 -> utf8(String.valueOf(n));
            case 7 -> utf8("\"" + "long title ".repeat(1 + c.below(8)) + "\""); // maybe over --max-string
            case 8 -> new byte[] {'"', 'b', 'a', 'd', (byte) 0xC3, '"'};          // bad UTF-8
            case 9 -> utf8("\"back\\\\slash \\/ \\b\\f\\n\\r\"");
            case 10 -> utf8("\"\\x bad escape\"");
            default -> utf8("\"plain title " + (c.chance(50) ? n : 0) + "\"");
        };
    }

    private static Cohort cohort(Choices c) {
        Limits limits = switch (c.below(4)) { // near the lengths of ids, titles and lines
            case 1 -> new Limits(1 << 20, 32, 20 + c.below(40), 64, 256);
            case 2 -> new Limits(250 + c.below(200), 32, 4096, 64, 256);
            default -> Limits.DEFAULT;
        };
        List<String> pool = new ArrayList<>();
        int contents = 1 + c.below(3);
        for (int i = 0; i < contents; i++) {
            pool.add(content(c));
        }
        // Layouts (which members, their order, the white space between them) are drawn per cohort and
        // shared by its lines, so that lines equal but for their id and title come up often.
        List<Layout> layouts = new ArrayList<>();
        int layoutCount = 1 + c.below(2);
        for (int i = 0; i < layoutCount; i++) {
            layouts.add(layout(c));
        }
        List<byte[]> lines = new ArrayList<>();
        int count = 1 + c.below(40);
        for (int n = 0; n < count; n++) {
            String[] parts = pool.get(c.below(pool.size())).split("\u0001");
            Layout layout = layouts.get(c.below(layouts.size()));
            List<Member> members = new ArrayList<>();
            for (String name : layout.members()) {
                members.add(switch (name) {
                    case "id" -> new Member(layout.escapedId() ? "\"\\u0069d\"" : "\"id\"", idValue(c, n));
                    case "title" -> new Member(layout.escapedTitle() ? "\"titl\\u0065\"" : "\"title\"", titleValue(c, n));
                    case "cells" -> new Member("\"cells\"", parts[0]);
                    case "treatments" -> new Member("\"treatments\"", parts[1]);
                    case "setting" -> new Member("\"setting\"", "\"in_vitro\"");
                    case "$comment" -> new Member("\"$comment\"", "{\"id\": \"nested\", \"title\": [1, {\"x\": \"}\"}]}");
                    default -> new Member("\"expect\"", "{\"compare\": [{\"with\": \"s" + (n % 2) + "\", \"cells\": {\"mm\": {\"cd38\": \"higher\"}}}]}");
                });
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int w = 0;
            b.writeBytes(utf8(layout.ws(w++) + "{" + layout.ws(w++)));
            for (int k = 0; k < members.size(); k++) {
                if (k > 0) {
                    b.writeBytes(utf8(layout.ws(w++) + "," + layout.ws(w++)));
                }
                b.writeBytes(utf8(members.get(k).name() + layout.ws(w++) + ":" + layout.ws(w++)));
                b.writeBytes(members.get(k).value());
            }
            b.writeBytes(utf8(layout.ws(w++) + "}" + layout.ws(w++)));
            switch (c.below(30)) {
                case 0 -> b.writeBytes(utf8(" x"));       // trailing content
                case 1 -> b.writeBytes(utf8("{}"));       // a second object
                case 2 -> {                               // cut short
                    byte[] all = b.toByteArray();
                    b.reset();
                    b.write(all, 0, all.length / 2);
                }
                default -> { }
            }
            lines.add(b.toByteArray());
        }
        return new Cohort(lines, limits, c.chance(50));
    }

    private static List<String> outputs(Cohort cohort, Lines.Tabling tabling) {
        Lines lines = new Lines(TestKb.kb(), TestKb.reasoner(), cohort.limits(), cohort.explain(), tabling);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cohort.lines().size(); i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            lines.evaluate(cohort.lines().get(i), i + 1, "cohort.jsonl", b);
            out.add(b.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String show(Cohort cohort) {
        StringBuilder s = new StringBuilder("limits " + cohort.limits() + ", explain " + cohort.explain() + "\n");
        for (byte[] line : cohort.lines()) {
            s.append(new String(line, StandardCharsets.UTF_8)).append('\n');
        }
        return s.toString();
    }

    @Test
    void aLineFoundByItsRawKeyGetsTheBytesItWouldGetUntabled() {
        Property.check("rawKeyTabling", 60, RawKeyTest::cohort, RawKeyTest::show, cohort -> {
            List<String> plain = outputs(cohort, Lines.Tabling.NONE);
            List<String> raw = outputs(cohort, Lines.Tabling.RAW);
            List<String> violations = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                if (!plain.get(i).equals(raw.get(i))) {
                    violations.add("line " + (i + 1) + ": untabled " + plain.get(i).substring(0, Math.min(300, plain.get(i).length()))
                            + "\n  raw-key tabled " + raw.get(i).substring(0, Math.min(300, raw.get(i).length())));
                }
            }
            return violations;
        });
    }

    @Test
    void repeatsButForTheIdAndTitleAreFoundByTheirRawKey() {
        Lines lines = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, false, Lines.Tabling.RAW);
        String rest = "\"cells\": [{\"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"high\"}], \"treatments\": [{\"agent\": \"daratumumab\"}]}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.evaluate(utf8("{\"id\": \"a\", \"title\": \"one\", " + rest), 1, "c", out);
        lines.evaluate(utf8("{\"id\": \"b\", \"title\": \"two \\\"2\\\"\", " + rest), 2, "c", out);
        lines.evaluate(utf8("{\"id\": \"B\", \"title\": \"three\", " + rest), 3, "c", out);
        String[] results = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(results[0]).startsWith("{\"format\":").contains("\"scenario\":\"a\",\"title\":\"one\"");
        assertThat(results[1]).contains("\"scenario\":\"b\",\"title\":\"two \\\"2\\\"\"")
                .isEqualTo(results[0].replace("\"a\",\"title\":\"one\"", "\"b\",\"title\":\"two \\\"2\\\"\""));
        assertThat(results[2]).startsWith("{\"line\":3,\"error\":").contains("'B' is not a scenario id");
        assertThat(lines.tabledContents()).isEqualTo(1);
        assertThat(lines.tabledEntries()).as("the content and the raw key of the first line").isEqualTo(2);
    }

    @Test
    void theScanPlacesTheIdAndTitleOrGivesUp() {
        assertThat(RawLine.scan(utf8("{\"id\":\"x\",\"cells\":[{\"id\":\"y\"}]}")).id(Limits.DEFAULT)).isEqualTo("x");
        assertThat(RawLine.scan(utf8(" { \"cells\" : [ ] , \"title\" : \"t\\\"\" , \"id\" : \"x\" } ")).id(Limits.DEFAULT)).isEqualTo("x");
        assertThat(RawLine.scan(utf8("{\"cells\":[{\"id\":\"y\"}]}"))).as("no id at the top").isNull();
        assertThat(RawLine.scan(utf8("{\"id\":\"x\",\"id\":\"y\"}"))).as("two ids").isNull();
        assertThat(RawLine.scan(utf8("{\"\\u0069d\":\"x\",\"id\":\"y\"}"))).as("an escaped name").isNull();
        assertThat(RawLine.scan(utf8("{\"id\":\"x\",\"expect\":{}}"))).as("expectations").isNull();
        assertThat(RawLine.scan(utf8("{\"id\":\"x\"} {}"))).as("trailing").isNull();
        assertThat(RawLine.scan(utf8("{\"id\":\"x\",\"title\":null}"))).as("a title not a string").isNull();
        assertThat(RawLine.scan(utf8("{\"id\":\"x\",\"cells\":[\"]\"]}")).id(Limits.DEFAULT)).isEqualTo("x");
        assertThat(RawLine.scan(utf8("{\"id\":\"abcdefghi\"}")).id(new Limits(1 << 20, 32, 8, 64, 256)))
                .as("an id past --max-string: left to the reader, which refuses it").isNull();
        assertThat(RawLine.scan(utf8("{\"id\":\"abcdefgh\"}")).id(new Limits(1 << 20, 32, 8, 64, 256))).isEqualTo("abcdefgh");
        assertThat(RawLine.scan(utf8("{\"id\":\"x\", \"cells\": [1,2]}")).key())
                .isEqualTo(RawLine.scan(utf8("{\"id\":\"yy\", \"cells\": [1,2]}")).key())
                .isNotEqualTo(RawLine.scan(utf8("{\"id\":\"x\", \"cells\": [1,3]}")).key())
                .isNotEqualTo(RawLine.scan(utf8("{\"id\":\"x\", \"title\":\"t\", \"cells\": [1,2]}")).key());
    }
}
