package org.adcckb.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.adcckb.TestKb;

/**
 * Damaged and disguised scenarios made from the shipped ones (facts/), each with what the scenario
 * reader must make of it: the same scenario as the original (the same value spelled another way), some
 * valid scenario, a refusal, or either (random damage). The damage is the kind files really suffer and
 * the kind an attacker tries: wrong types, unknown and duplicate keys, non-JSON numbers, deep nesting,
 * huge strings and numbers, look-alike names, control characters, invalid or non-UTF-8 bytes, BOMs,
 * CRLF, truncation, bit flips.
 */
final class Mutator {

    enum Expect { SAME, ACCEPTED, REFUSED, EITHER }

    /** One input: a short name of the damage (for messages), its bytes, and what must come of it. */
    record Case(String kind, byte[] bytes, Expect expect, int seed) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 4096;
    static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "@@fuzz-mark@@";
    /** Fields whose string value is a name or an id: any change of spelling must be refused. */
    private static final Set<String> NAMES = Set.of("id", "setting", "type", "cd38", "cd16", "agent", "on", "evidence", "with");
    /** Fields whose string value is free text. */
    private static final Set<String> FREE = Set.of("title", "line", "claim");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<ObjectNode> seeds;

    Mutator(List<ObjectNode> seeds) {
        this.seeds = seeds;
    }

    /** The shipped scenarios, in a fixed order. */
    static Mutator ofShippedScenarios() {
        List<ObjectNode> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                seeds.add((ObjectNode) JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Mutator(seeds);
    }

    int seedCount() {
        return seeds.size();
    }

    /** The shipped scenario {@code i} as one compact line. */
    String seedLine(int i) {
        return seeds.get(i % seeds.size()).toString();
    }

    /** A random case made from a random seed. */
    Case next(Random r) {
        int s = r.nextInt(seeds.size());
        ObjectNode tree = seeds.get(s).deepCopy();
        Case c = switch (r.nextInt(24)) {
            case 0 -> same("reordered", reorder(tree, r), r);
            case 1 -> new Case("whitespace", utf8(new JsonText(r, 60, 0).write(tree)), Expect.SAME, s);
            case 2 -> new Case("unicode-escapes", utf8(new JsonText(r, 10, 30 + r.nextInt(71)).write(tree)), Expect.SAME, s);
            case 3 -> new Case("crlf", utf8(pretty(tree).replace("\n", r.nextBoolean() ? "\r\n" : "\r")), Expect.SAME, s);
            case 4 -> new Case("bom", concat(BOM, render(tree, r)), Expect.SAME, s);
            case 5 -> commentJunk(tree, r);
            case 6 -> freeText(tree, r);
            case 7 -> wrongType(tree, r);
            case 8 -> unknownField(tree, r);
            case 9 -> duplicateKey(tree, r);
            case 10 -> badToken(tree, r);
            case 11 -> deepNesting(tree, r);
            case 12 -> hugeString(tree, r);
            case 13 -> lookalike(tree, r);
            case 14 -> truncated(tree, r);
            case 15 -> trailing(tree, r);
            case 16 -> notAnObject(tree, r);
            case 17 -> invalidUtf8(tree, r);
            case 18 -> rawControl(tree, r);
            case 19 -> otherEncoding(tree, r);
            case 20 -> nulled(tree, r);
            case 21 -> hugeNumber(tree, r);
            case 22 -> new Case("bit-flips", flipBits(render(tree, r), r), Expect.EITHER, s);
            default -> new Case("splice", splice(render(tree, r), render(seeds.get(r.nextInt(seeds.size())), r), r), Expect.EITHER, s);
        };
        return new Case(c.kind(), c.bytes(), c.expect(), s);
    }

    // ---- the same scenario, written another way

    private Case same(String kind, JsonNode tree, Random r) {
        return new Case(kind, render(tree, r), Expect.SAME, 0);
    }

    private static ObjectNode reorder(ObjectNode node, Random r) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.shuffle(names, r);
        ObjectNode out = NODES.objectNode();
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v.isObject()) {
                out.set(n, reorder((ObjectNode) v, r));
            } else if (v.isArray()) {
                ArrayNode a = out.putArray(n);
                v.forEach(item -> a.add(item.isObject() ? reorder((ObjectNode) item, r) : item));
            } else {
                out.set(n, v);
            }
        }
        return out;
    }

    /** A top-level $comment, which is never read, full of what a reader might choke on, within every limit. */
    private Case commentJunk(ObjectNode tree, Random r) {
        JsonNode junk = switch (r.nextInt(5)) {
            case 0 -> nest(MAX_DEPTH - 1, r); // with the root object, exactly the depth limit
            case 1 -> NODES.textNode(UnicodeText.random(r, MAX_STRING));
            case 2 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + r.nextInt(900))));
            case 3 -> NODES.objectNode().put("k".repeat(1 + r.nextInt(MAX_STRING)), -0.0).put("e", 1e308);
            default -> NODES.arrayNode().add(NODES.nullNode()).add(true).add(UnicodeText.random(r, 40)).add(NODES.objectNode());
        };
        tree.set("$comment", junk);
        return new Case("comment-junk", render(tree, r), Expect.SAME, 0);
    }

    private Case freeText(ObjectNode tree, Random r) {
        List<Slot> free = slots(tree).stream().filter(s -> s.value().isTextual() && FREE.contains(s.field())).toList();
        Slot s = free.isEmpty() ? new Slot(tree, "title", -1, NODES.missingNode()) : free.get(r.nextInt(free.size()));
        int length = r.nextInt(4) == 0 ? MAX_STRING : 1 + r.nextInt(200);
        s.set(NODES.textNode(UnicodeText.random(r, length)));
        return new Case("free-text", render(tree, r), Expect.ACCEPTED, 0);
    }

    // ---- refused

    private Case wrongType(ObjectNode tree, Random r) {
        Slot s = pick(slots(tree), r);
        JsonNode other;
        do {
            other = anyValue(r);
        } while (other.getNodeType() == s.value().getNodeType());
        s.set(other);
        return new Case("wrong-type " + s, render(tree, r), Expect.REFUSED, 0);
    }

    private Case unknownField(ObjectNode tree, Random r) {
        List<Slot> objects = slots(tree).stream().filter(s -> s.value().isObject()).toList();
        ObjectNode target = objects.isEmpty() || r.nextInt(3) == 0 ? tree : (ObjectNode) pick(objects, r).value();
        String[] names = {"titel", "Cells", "cd38 ", "ID", "", "\u0000", "\u001b[2J", "\u00efd", "K".repeat(1 + r.nextInt(MAX_STRING)),
                "cd38\u200b", "$Comment", "__proto__", "constructor"};
        String name = names[r.nextInt(names.length)];
        if (target != tree && r.nextBoolean()) {
            name = "$comment"; // allowed at the top level only
        }
        target.set(name, anyValue(r));
        return new Case("unknown-field", render(tree, r), Expect.REFUSED, 0);
    }

    private Case duplicateKey(ObjectNode tree, Random r) {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(tree);
        slots(tree).stream().filter(s -> s.value().isObject() && s.value().size() > 0).forEach(s -> objects.add((ObjectNode) s.value()));
        ObjectNode target = objects.get(r.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        JsonNode value = r.nextBoolean() ? target.get(name) : anyValue(r);
        target.set(MARK, value);
        // The duplicate may spell the key with escapes: it is the same key once read.
        StringBuilder key = new StringBuilder();
        new JsonText(r, 0, r.nextInt(101)).string(name, key);
        return new Case("duplicate-key " + name, utf8(pretty(tree).replace("\"" + MARK + "\"", key)), Expect.REFUSED, 0);
    }

    private Case badToken(ObjectNode tree, Random r) {
        String[] tokens = {"NaN", "-NaN", "Infinity", "+Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x1F", "1e", "-", "'x'",
                "undefined", "True", "nul", "tru", "\"open", "[1,]", "{\"a\":1,}", "[,1]", "{\"a\"}", "\"a\\x\"", "\"\\ud800\\u12\"",
                "/* c */ 1", "// c\n1", "1 2", "\"\\uZZZZ\""};
        return marked("bad-token", tree, pick(slots(tree), r), tokens[r.nextInt(tokens.length)], Expect.REFUSED, r);
    }

    private Case deepNesting(ObjectNode tree, Random r) {
        if (r.nextBoolean()) {
            // In the top-level $comment, refused by the depth limit alone.
            int depth = r.nextInt(3) == 0 ? 100_000 : MAX_DEPTH + r.nextInt(20); // with the root, over the limit
            return marked("deep-comment", tree, new Slot(tree, "$comment", -1, NODES.missingNode()), nestText(depth, r), Expect.REFUSED, r);
        }
        return marked("deep-value", tree, pick(slots(tree), r), nestText(2 + r.nextInt(2 * MAX_DEPTH), r), Expect.REFUSED, r);
    }

    private Case hugeString(ObjectNode tree, Random r) {
        int kind = r.nextInt(4);
        if (kind == 0) {
            // Over the size limit, with the scenario itself intact.
            tree.set("$comment", NODES.textNode("x".repeat(MAX_STRING)));
            String text = pretty(tree);
            return new Case("over-max-bytes", utf8(text + " ".repeat(MAX_BYTES + 1 - utf8(text).length)), Expect.REFUSED, 0);
        }
        String s = "s".repeat(MAX_STRING + 1 + (kind == 1 ? 0 : r.nextInt(100_000)));
        Slot slot = kind == 3 ? new Slot(tree, "$comment", -1, NODES.missingNode()) : pick(slots(tree), r);
        if (r.nextBoolean() && kind != 3) {
            // As a key in the $comment, where any key is allowed.
            tree.set("$comment", NODES.objectNode().put(s, 1));
        } else {
            slot.set(NODES.textNode(s));
        }
        return new Case("huge-string", render(tree, r), Expect.REFUSED, 0);
    }

    private Case hugeNumber(ObjectNode tree, Random r) {
        String[] numbers = {"1e400", "-1e400", "1" + "0".repeat(1000 + r.nextInt(5000)), "0." + "1".repeat(1001), "1e999999999",
                "123456789012345678901234567890", "-0", "1e-400", "4.9e-324", "1.7976931348623157e308"};
        String n = numbers[r.nextInt(numbers.length)];
        List<Slot> all = slots(tree);
        Slot s = pick(all, r);
        // Numbers of more than 1000 digits are refused anywhere; the others wherever a number is not expected.
        boolean refused = n.length() > 1000 || !s.value().isNumber()
                || Set.of("1e400", "-1e400", "1e999999999", "-0", "1e-400").contains(n);
        return marked("huge-number " + n.length(), tree, s, n, refused ? Expect.REFUSED : Expect.EITHER, r);
    }

    private Case lookalike(ObjectNode tree, Random r) {
        // Not the levels of expect checks, which are bounds read with surrounding spaces stripped.
        List<Slot> names = slots(tree).stream().filter(s -> s.value().isTextual() && NAMES.contains(s.field())
                && !(s.inExpect() && "cd38".equals(s.field()))).toList();
        Slot s = pick(names, r);
        String v = s.value().textValue();
        String[][] confusable = {{"a", "\u0430"}, {"e", "\u0435"}, {"o", "\u043e"}, {"c", "\u0441"}, {"i", "\u0456"}, {"x", "\u0445"}};
        String changed = switch (r.nextInt(7)) {
            case 0 -> v + " ";
            case 1 -> " " + v;
            case 2 -> v + "\u200b";
            case 3 -> v + "\u0000";
            case 4 -> v.toUpperCase(java.util.Locale.ROOT) + "\u0301";
            case 5 -> "\ufeff" + v;
            default -> {
                for (String[] pair : confusable) {
                    if (v.contains(pair[0])) {
                        yield v.replaceFirst(pair[0], pair[1]);
                    }
                }
                yield v + "\u001b[0m";
            }
        };
        s.set(NODES.textNode(changed));
        return new Case("look-alike " + s, render(tree, r), Expect.REFUSED, 0);
    }

    private Case truncated(ObjectNode tree, Random r) {
        byte[] b = render(tree, r);
        int last = new String(b, StandardCharsets.ISO_8859_1).lastIndexOf('}');
        return new Case("truncated", java.util.Arrays.copyOf(b, r.nextInt(last)), Expect.REFUSED, 0);
    }

    private Case trailing(ObjectNode tree, Random r) {
        String[] after = {"{", "}", "x", "[]", "{}", "0", "\"s\"", "/* */", "\u0000", ",", "\ufeff", tree.toString()};
        return new Case("trailing", concat(render(tree, r), utf8(after[r.nextInt(after.length)])), Expect.REFUSED, 0);
    }

    private Case notAnObject(ObjectNode tree, Random r) {
        String[] shapes = {"[" + tree + "]", "\"" + MARK + "\"", "42", "null", "true", "[]", "\"\""};
        return new Case("not-an-object", utf8(shapes[r.nextInt(shapes.length)]), Expect.REFUSED, 0);
    }

    /** Byte sequences that are not UTF-8: overlong forms, surrogates, beyond U+10FFFF, stray or cut sequences, FE, FF. */
    static final byte[][] NOT_UTF8 = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE}, {(byte) 0xFF}, {(byte) 0xC3},
    };

    private Case invalidUtf8(ObjectNode tree, Random r) {
        byte[] bad = NOT_UTF8[r.nextInt(NOT_UTF8.length)];
        List<Slot> strings = slots(tree).stream().filter(s -> s.value().isTextual()).toList();
        Slot s = pick(strings, r);
        s.set(NODES.textNode(MARK));
        byte[] text = render(tree, r);
        String latin = new String(text, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf(MARK) + r.nextInt(MARK.length() + 1);
        return new Case("not-utf-8 " + s, concat(java.util.Arrays.copyOf(text, at), bad, java.util.Arrays.copyOfRange(text, at, text.length)),
                Expect.REFUSED, 0);
    }

    private Case rawControl(ObjectNode tree, Random r) {
        byte[] text = render(tree, r);
        String latin = new String(text, StandardCharsets.ISO_8859_1);
        if (r.nextBoolean()) {
            // Inside a string, where JSON wants every control character escaped (tab, CR and LF too).
            Slot s = pick(slots(tree).stream().filter(x -> x.value().isTextual()).toList(), r);
            s.set(NODES.textNode(MARK));
            String t = new String(render(tree, r), StandardCharsets.UTF_8);
            return new Case("raw-control-in-string", utf8(t.replace(MARK, "a" + (char) r.nextInt(0x20) + "b")), Expect.REFUSED, 0);
        }
        // Between tokens, where only space, tab, CR and LF are whitespace.
        String[] notSpace = {"\u0000", "\u000b", "\u000c", "\u00a0", "\u2028", "\ufeff", "\u0085", "\u3000"};
        int at = latin.indexOf('{'); // right after the root's brace: always between tokens
        return new Case("not-whitespace", concat(java.util.Arrays.copyOf(text, at + 1), utf8(notSpace[r.nextInt(notSpace.length)]),
                java.util.Arrays.copyOfRange(text, at + 1, text.length)), Expect.REFUSED, 0);
    }

    private Case otherEncoding(ObjectNode tree, Random r) {
        String[] charsets = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE"};
        String cs = charsets[r.nextInt(charsets.length)];
        return new Case("encoding " + cs, pretty(tree).getBytes(java.nio.charset.Charset.forName(cs)), Expect.REFUSED, 0);
    }

    private Case nulled(ObjectNode tree, Random r) {
        Slot s = pick(slots(tree), r);
        s.set(NODES.nullNode());
        return new Case("null " + s, render(tree, r), Expect.EITHER, 0);
    }

    // ---- random damage

    private static byte[] flipBits(byte[] b, Random r) {
        byte[] out = b.clone();
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
            int i = r.nextInt(out.length);
            out[i] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    private static byte[] splice(byte[] a, byte[] b, Random r) {
        int cut = r.nextInt(a.length);
        int from = r.nextInt(b.length);
        return concat(java.util.Arrays.copyOf(a, cut), java.util.Arrays.copyOfRange(b, from, b.length));
    }

    // ---- trees and text

    /**
     * A place that holds a value in a scenario, outside the top-level $comment (which is never read).
     * {@code index} is -1 for an object field.
     */
    record Slot(JsonNode parent, String field, int index, JsonNode value, String path) {
        Slot(JsonNode parent, String field, int index, JsonNode value) {
            this(parent, field, index, value, field);
        }

        void set(JsonNode v) {
            if (index < 0) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        boolean inExpect() {
            return path.startsWith("$.expect");
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static List<Slot> slots(ObjectNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, "$", null, out);
        return out;
    }

    private static void collect(JsonNode node, String path, String field, List<Slot> out) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var f = it.next();
                if ("$".equals(path) && "$comment".equals(f.getKey())) {
                    continue;
                }
                String p = path + "." + f.getKey();
                out.add(new Slot(node, f.getKey(), -1, f.getValue(), p));
                collect(f.getValue(), p, f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(node, field, i, node.get(i), p));
                collect(node.get(i), p, field, out);
            }
        }
    }

    private static <T> T pick(List<T> items, Random r) {
        return items.get(r.nextInt(items.size()));
    }

    private static JsonNode anyValue(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> NODES.numberNode(r.nextInt(3) - 1);
            case 1 -> NODES.numberNode(r.nextDouble() * 1e10);
            case 2 -> NODES.booleanNode(r.nextBoolean());
            case 3 -> NODES.arrayNode().add("low");
            case 4 -> NODES.objectNode().put("id", "a");
            case 5 -> NODES.textNode(UnicodeText.random(r, 12));
            default -> NODES.arrayNode();
        };
    }

    private static JsonNode nest(int depth, Random r) {
        JsonNode inner = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            inner = r.nextBoolean() ? NODES.arrayNode().add(inner) : NODES.objectNode().set("d", inner);
        }
        return inner;
    }

    private static String nestText(int depth, Random r) {
        boolean arrays = r.nextBoolean();
        return arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"d\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** The tree with one value replaced by raw text (a token that is not JSON, or a structure too deep to build as a tree). */
    private Case marked(String kind, ObjectNode tree, Slot s, String raw, Expect expect, Random r) {
        s.set(NODES.textNode(MARK));
        String text = new String(render(tree, r), StandardCharsets.UTF_8);
        return new Case(kind + " " + s, utf8(text.replace("\"" + MARK + "\"", raw)), expect, 0);
    }

    /** Compact, pretty or with random whitespace and escapes: each reads as the same tree. */
    private static byte[] render(JsonNode tree, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> utf8(tree.toString());
            case 1 -> utf8(pretty(tree));
            default -> utf8(new JsonText(r, 30, 0).write(tree)); // no escapes: a marker must stay findable
        };
    }

    private static String pretty(JsonNode tree) {
        return tree.toPrettyString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
