package org.adcckb.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict JSON reading with errors that say where: the parse refuses duplicate keys and trailing
 * content, and {@link Obj} walks a tree keeping the JSON path of every value it hands out.
 */
public final class JsonInput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private JsonInput() {
    }

    /** Parses a whole document within the default limits. */
    public static JsonNode parse(byte[] content, String file) {
        return parse(content, file, Limits.DEFAULT);
    }

    /**
     * Parses a whole document; empty, malformed or oversized input names the file and, when known, line
     * and column, and the limit it broke.
     */
    public static JsonNode parse(byte[] content, String file, Limits limits) {
        if (content.length > limits.maxBytes()) {
            throw new InputException(file, "", "is " + content.length + " bytes, more than the limit of " + limits.maxBytes()
                    + " (--max-bytes)");
        }
        int invalid = Utf8.firstInvalid(content);
        if (invalid >= 0) {
            throw new InputException(file, Utf8.position(content, invalid), content[invalid] == 0
                    ? "a NUL byte, which JSON text never holds (UTF-16 or UTF-32 text has them; input is read as UTF-8)"
                    : String.format("byte 0x%02X is not UTF-8 here (input is read as UTF-8; overlong forms, surrogates and "
                    + "code points beyond U+10FFFF are refused)", content[invalid] & 0xFF));
        }
        if (content.length == 0 || new String(content, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new InputException(file, "", "the file is empty; expected a JSON object");
        }
        try {
            JsonNode node = mapper(limits).readTree(content);
            if (node == null || node.isMissingNode()) {
                throw new InputException(file, "", "the file is empty; expected a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw overLimit(content, file, limits, e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputException(file, where, "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(file, "", "cannot be read: " + InputException.why(e));
        }
    }

    /**
     * Which limit a document broke, and where. Jackson's message is not enough: a number that outgrows a
     * buffer segment of the parser is reported as a string too long, and a number too long has no place.
     * A second walk, with strings unbounded (the document is within --max-bytes), finds the first token
     * over a limit in document order: a string or key longer than --max-string, or a number longer than
     * Jackson's fixed limit.
     */
    private static InputException overLimit(byte[] content, String file, Limits limits,
            com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.contains("depth")) {
            return new InputException(file, where(e.getLocation()),
                    "JSON nested deeper than the limit of " + limits.maxDepth() + " (--max-depth)");
        }
        String string = "a string longer than the limit of " + limits.maxString() + " characters (--max-string)";
        com.fasterxml.jackson.core.JsonFactory unbounded = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth()).maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE).build())
                .build();
        try (com.fasterxml.jackson.core.JsonParser p = unbounded.createParser(content)) {
            try {
                for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    // Jackson counts a key's limit in its UTF-8 bytes, a value's in characters.
                    boolean over = t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getTextLength() > limits.maxString()
                            : t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                            && p.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > limits.maxString();
                    if (over) {
                        return new InputException(file, where(p.currentTokenLocation()), string);
                    }
                }
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException n) {
                if (n.getOriginalMessage() != null && n.getOriginalMessage().startsWith("Number")) {
                    return new InputException(file, numberStart(content, p.currentLocation()), "a number longer than the limit of "
                            + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters");
                }
            }
        } catch (IOException | RuntimeException other) {
            // the first walk's message stands
        }
        return new InputException(file, where(e.getLocation()), original.startsWith("Number")
                ? "a number longer than the limit of " + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_NUM_LEN
                        + " characters"
                : string);
    }

    /**
     * Where the number ends at {@code location} (the parser stops inside or just after the number it
     * refuses; its token location is the field name before it): back over the characters of a number.
     */
    private static String numberStart(byte[] content, com.fasterxml.jackson.core.JsonLocation location) {
        long offset = location.getByteOffset();
        if (offset < 0 || offset > content.length || location.getLineNr() < 1) {
            return where(location);
        }
        int start = (int) offset;
        while (start > 0 && "0123456789+-.eE".indexOf(content[start - 1]) >= 0) {
            start--;
        }
        return "line " + location.getLineNr() + ", column " + (location.getColumnNr() - ((int) offset - start));
    }

    private static String where(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        if (first.startsWith("Trailing token")) {
            return "unexpected trailing token after the end of the JSON value; a file holds one JSON object";
        }
        // Jackson names a redacted source inside its location; the file is already named in front.
        return first.replaceAll("\\[Source: [^;\\]]*; ", "[");
    }

    /**
     * The line of the value at {@code path} ({@code $.agents.atra.source}, {@code $[3].DOI}) in a document that
     * parses, or 0 when there is no such value: for messages that point an author at a line of a file that is
     * data rather than code. Object keys holding '.', '[' or ']' are not addressed.
     */
    public static int lineOf(byte[] content, String path) {
        String pointer = path.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(content)) {
            while (p.nextToken() != null) {
                if (p.getParsingContext().pathAsPointer().toString().equals(pointer)) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /**
     * The string of the JSON string token {@code b[from, to)} (its quotes included) as {@link #parse} would
     * read it within {@code limits}, or null when those bytes are not exactly one valid string token within
     * them (then the caller reads the whole document, which says what is wrong).
     */
    public static String stringToken(byte[] b, int from, int to, Limits limits) {
        int n = to - from;
        if (from < 0 || n < 2 || b[from] != '"' || b[to - 1] != '"' || n - 2 > limits.maxString()) {
            return null; // bytes, so at least as many as the characters the limit counts
        }
        boolean plain = true;
        for (int i = from + 1; i < to - 1; i++) {
            byte c = b[i];
            if (c < 0x20 || c > 0x7e || c == '\\' || c == '"') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(b, from + 1, n - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        byte[] token = java.util.Arrays.copyOfRange(b, from, to);
        if (Utf8.firstInvalid(token) >= 0) {
            return null;
        }
        try (com.fasterxml.jackson.core.JsonParser p = mapper(limits).getFactory().createParser(token)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                return null;
            }
            String s = p.getText();
            return p.nextToken() == null ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final java.util.Map<Limits, ObjectMapper> MAPPERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A strict mapper whose parser refuses nesting and strings beyond the limits. */
    private static ObjectMapper mapper(Limits limits) {
        return MAPPERS.computeIfAbsent(limits, l -> {
            com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(l.maxDepth()).maxStringLength(l.maxString()).maxNameLength(l.maxString()).build())
                    .build();
            return JsonMapper.builder(factory)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .build();
        });
    }

    /** A JSON value with its path, for messages. */
    public record Value(JsonNode node, String path, String file) {

        public InputException error(String detail) {
            return new InputException(file, path, detail);
        }

        public Obj object() {
            if (!node.isObject()) {
                throw error("expected a JSON object, got " + describe(node));
            }
            return new Obj(node, path, file);
        }

        public String text() {
            if (!node.isTextual()) {
                throw error("expected a string, got " + describe(node));
            }
            return node.textValue();
        }

        /**
         * A string that must be one of {@code allowed}, returned as the allowed instance itself: facts
         * then share their strings across scenarios, whose hashes are computed once and whose equality
         * is decided by identity (the reasoner compares fact values by content, millions of times in a cohort).
         */
        public String oneOf(Collection<String> allowed, String what) {
            String s = text();
            for (String a : allowed) {
                if (a.equals(s)) {
                    return a;
                }
            }
            throw error("'" + s + "' is not " + what + "; allowed: " + String.join(", ", allowed)
                    + Suggest.hint(s, allowed));
        }

        public boolean bool() {
            if (!node.isBoolean()) {
                throw error("expected true or false, got " + describe(node));
            }
            return node.booleanValue();
        }

        public double number() {
            if (!node.isNumber()) {
                throw error("expected a number, got " + describe(node));
            }
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw error("expected a finite number, got " + node);
            }
            return d;
        }

        public List<Value> array() {
            if (!node.isArray()) {
                throw error("expected a JSON array, got " + describe(node));
            }
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(new Value(node.get(i), path + "[" + i + "]", file));
            }
            return out;
        }
    }

    /** A JSON object with its path. */
    public record Obj(JsonNode node, String path, String file) {

        public static Obj root(JsonNode node, String file) {
            return new Value(node, "$", file).object();
        }

        public InputException error(String detail) {
            return new InputException(file, path, detail);
        }

        /** Refuses any field not in {@code known}, suggesting the closest known one. */
        public Obj only(Collection<String> known) {
            Set<String> sorted = new TreeSet<>(known);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw new InputException(file, path + "." + f, "unknown field '" + f + "'; allowed here: "
                            + String.join(", ", known) + Suggest.hint(f, sorted));
                }
            }
            return this;
        }

        public boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        public Value get(String field) {
            if (!has(field)) {
                throw error("missing required field '" + field + "'");
            }
            return new Value(node.get(field), path + "." + field, file);
        }

        public String text(String field, String fallback) {
            return has(field) ? get(field).text() : fallback;
        }

        public List<String> fieldNames() {
            List<String> out = new ArrayList<>();
            node.fieldNames().forEachRemaining(out::add);
            return out;
        }
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n;
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "true" : "false";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
