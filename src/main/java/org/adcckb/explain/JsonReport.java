package org.adcckb.explain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;

/**
 * The JSON form of an evaluation (docs/JSON-OUTPUT.md): the outcome, the cells after reasoning and the
 * explanation as data. Field order is fixed and numbers are rounded, so the same input gives the same
 * bytes.
 */
public final class JsonReport {

    public static final String FORMAT_VERSION = "2";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static ObjectNode toJson(Evaluation ev, String rulesFingerprint) {
        try {
            return (ObjectNode) MAPPER.readTree(line(ev, rulesFingerprint, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The result as one line of UTF-8 JSON with its newline: what {@code batch} and
     * {@code explain --format jsonl} print. Written straight to bytes, without a tree in between: at
     * cohort scale the explanation's JSON is most of the work.
     *
     * @param explanation false to leave the explanation out
     */
    public static byte[] line(Evaluation ev, String rulesFingerprint, boolean explanation) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(explanation ? 16384 : 1024);
        line(bytes, ev, rulesFingerprint, explanation);
        return bytes.toByteArray();
    }

    /** {@link #line(Evaluation, String, boolean)} appended to {@code out}, with no copy in between. */
    public static void line(java.io.OutputStream out, Evaluation ev, String rulesFingerprint, boolean explanation) {
        try {
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                write(g, ev, rulesFingerprint, explanation);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one writer of the result object; {@link #toJson} and {@link #line} both go through it. */
    static void write(JsonGenerator g, Evaluation ev, String rulesFingerprint, boolean withExplanation) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT_VERSION);
        g.writeStringField("scenario", ev.scenario().id());
        if (ev.scenario().title() != null) {
            g.writeStringField("title", ev.scenario().title());
        }
        g.writeStringField("setting", ev.scenario().setting());
        g.writeArrayFieldStart("treatments");
        for (var t : ev.scenario().treatments()) {
            g.writeString(t.toString());
        }
        g.writeEndArray();

        g.writeObjectFieldStart("outcome");
        for (Map.Entry<String, String> e : ev.outcome().asMap().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();

        g.writeObjectFieldStart("cells");
        for (CellState c : ev.cells().values()) {
            g.writeObjectFieldStart(c.id());
            g.writeStringField("type", c.type());
            if (c.line() != null) {
                g.writeStringField("line", c.line());
            }
            if (c.carriesCd16()) {
                g.writeStringField("cd16", c.cd16());
            }
            g.writeBooleanField("cd38Knockout", c.cd38Knockout());
            g.writeStringField("cd38Baseline", c.cd38Baseline());
            g.writeStringField("cd38", c.cd38());
            g.writeNumberField("cd38Fold", round(c.cd38Fold()));
            if (c.cd38Score() != null) {
                g.writeNumberField("cd38Score", round(c.cd38Score()));
            } else {
                g.writeNullField("cd38Score");
            }
            g.writeObjectFieldStart("binding");
            for (Map.Entry<String, String> e : c.binding().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            if ("effector".equals(c.role())) {
                g.writeStringField("depletion", c.depletion());
            }
            g.writeEndObject();
        }
        g.writeEndObject();

        if (withExplanation) {
            explanation(g, ev.explanation());
        }
        g.writeStringField("rulesFingerprint", rulesFingerprint);
        g.writeEndObject();
    }

    private static void explanation(JsonGenerator g, Explanation explanation) throws IOException {
        g.writeObjectFieldStart("explanation");
        g.writeObjectFieldStart("outcome");
        for (Map.Entry<String, List<String>> e : explanation.outcomeSupport().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String k : e.getValue()) {
                g.writeString(text(k));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        // A rule is described once, under "rules"; derivations name it. Most results use a rule more than once.
        Map<String, RuleInfo> rules = new TreeMap<>();
        g.writeArrayFieldStart("facts");
        for (Node node : explanation.nodes()) {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(text(node.key()));
            g.writeRaw(head(node));
            if (!node.input()) {
                g.writeArrayFieldStart("derivations");
                for (Derivation d : node.derivations()) {
                    rules.putIfAbsent(d.rule().name(), d.rule());
                    g.writeStartObject();
                    g.writeFieldName(RULE);
                    g.writeString(text(d.rule().name()));
                    g.writeArrayFieldStart("premises");
                    for (String p : d.premises()) {
                        g.writeString(text(p));
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("rules");
        for (RuleInfo r : rules.values()) {
            g.writeFieldName(r.name());
            g.writeRawValue(rule(r));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * A fact's fields after its id, as raw JSON ({@code ,"type":...,"data":{...}}), remembered per value:
     * a cohort repeats the same few hundred facts, and copying their bytes is much cheaper than escaping
     * and writing them again. Bounded like the reasoner's memo of descriptions.
     */
    private record Head(String type, boolean input, String text, Map<String, Object> data) {
        // By identity: the reasoner hands out one sentence and one field map per distinct fact value
        // (Reasoner's memo), so equal facts meet here as the same objects, and hashing the map's
        // contents for every fact of every result would cost much of what the memo saves.
        @Override
        public boolean equals(Object o) {
            return o instanceof Head h && h.input == input && h.type == type && h.text == text && h.data == data;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(data) * 31 + System.identityHashCode(text) + (input ? 1 : 0);
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<Head, SerializedString> HEADS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_HEADS = 8192;

    private static SerializedString head(Node node) throws IOException {
        Head key = new Head(node.type(), node.input(), node.text(), node.data());
        SerializedString raw = HEADS.get(key);
        if (raw == null) {
            java.io.StringWriter text = new java.io.StringWriter(256);
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
                g.writeStartObject();
                g.writeStringField("type", node.type());
                g.writeBooleanField("input", node.input());
                g.writeStringField("text", node.text());
                g.writeObjectFieldStart("data");
                data(g, node.data());
                g.writeEndObject();
                g.writeEndObject();
            }
            String json = text.toString();
            // The object's fields without its braces, led by the comma that follows "id".
            raw = new SerializedString("," + json.substring(1, json.length() - 1));
            if (HEADS.size() < MAX_HEADS) {
                HEADS.putIfAbsent(key, raw);
            }
        }
        return raw;
    }

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString RULE = new SerializedString("rule");

    /**
     * Fact ids and rule names as JSON strings whose quoted UTF-8 bytes are kept once made: a cohort's
     * results repeat the same few hundred ids, many of them long (a modifier's id holds its reason).
     * Bounded; past the bound, strings are written the ordinary way.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, SerializedString> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_TEXTS = 16384;

    private static com.fasterxml.jackson.core.SerializableString text(String s) {
        SerializedString t = TEXTS.get(s);
        if (t == null) {
            t = new SerializedString(s);
            if (TEXTS.size() < MAX_TEXTS) {
                TEXTS.putIfAbsent(s, t);
            }
        }
        return t;
    }

    /** A rule's description as raw JSON, remembered per rule (a knowledge base has a few dozen). */
    private static final java.util.concurrent.ConcurrentHashMap<RuleInfo, SerializedString> RULES = new java.util.concurrent.ConcurrentHashMap<>();

    private static SerializedString rule(RuleInfo r) throws IOException {
        SerializedString raw = RULES.get(r);
        if (raw == null) {
            java.io.StringWriter text = new java.io.StringWriter(512);
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
                g.writeStartObject();
                ruleFields(g, r);
                g.writeEndObject();
            }
            raw = new SerializedString(text.toString());
            if (RULES.size() < MAX_HEADS) {
                RULES.putIfAbsent(r, raw);
            }
        }
        return raw;
    }

    private static void ruleFields(JsonGenerator g, RuleInfo r) throws IOException {
        g.writeStringField("file", r.file());
        g.writeNumberField("line", r.line());
        g.writeArrayFieldStart("sources");
        for (String s : r.sources()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeStringField("evidence", r.evidence());
        if (r.inferred() != null) {
            g.writeStringField("inferred", r.inferred());
        } else {
            g.writeNullField("inferred");
        }
        g.writeStringField("rationale", r.rationale());
    }

    private static void data(JsonGenerator g, Map<String, Object> data) throws IOException {
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Double d) {
                g.writeNumberField(e.getKey(), round(d));
            } else if (v instanceof Boolean b) {
                g.writeBooleanField(e.getKey(), b);
            } else if (v instanceof Integer i) {
                g.writeNumberField(e.getKey(), i);
            } else {
                g.writeStringField(e.getKey(), String.valueOf(v));
            }
        }
    }

    /** Three decimals: more than the qualitative model means, few enough to be stable across platforms. */
    static double round(double d) {
        return Math.round(d * 1000.0) / 1000.0;
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
