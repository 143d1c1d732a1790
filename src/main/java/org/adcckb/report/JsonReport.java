package org.adcckb.report;

import org.adcckb.reasoning.Described;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.adcckb.facts.Cd38Subset;
import org.adcckb.facts.Cell;
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

    private static final byte[] HEAD = ("{\"format\":\"" + FORMAT_VERSION + "\",\"scenario\":\"")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The start of a result line up to its scenario's id and title, included: the bytes of {@link #line}
     * that name the scenario. What follows them depends on the scenario's content alone, so a batch
     * keeps that part for a content that comes back ({@code batch.ResultTable}) and writes a new head in front.
     */
    public static void head(java.io.OutputStream out, String id, String title) {
        try {
            if (title == null && plain(id)) {
                // A scenario id is lower-case letters, digits, '.', '_' and '-': nothing to escape.
                out.write(HEAD);
                for (int i = 0; i < id.length(); i++) {
                    out.write(id.charAt(i));
                }
                out.write('"');
                return;
            }
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)) {
                g.writeStartObject();
                writeHead(g, id, title);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean plain(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void writeHead(JsonGenerator g, String id, String title) throws IOException {
        g.writeFieldName(F_FORMAT);
        g.writeString(FORMAT_VERSION);
        g.writeFieldName(F_SCENARIO);
        g.writeString(id);
        if (title != null) {
            g.writeFieldName(F_TITLE);
            g.writeString(title);
        }
    }

    /** The one writer of the result object; {@link #toJson} and {@link #line} both go through it. */
    private static void write(JsonGenerator g, Evaluation ev, String rulesFingerprint,
                              boolean withExplanation) throws IOException {
        g.writeStartObject();
        writeHead(g, ev.scenario().id(), ev.scenario().title());
        g.writeFieldName(F_SETTING);
        g.writeString(ev.scenario().setting());
        if (ev.scenario().course() != null) {
            g.writeFieldName(F_COURSE);
            g.writeString(ev.scenario().courseName());
        }
        g.writeFieldName(F_TREATMENTS);
        g.writeStartArray();
        for (var t : ev.scenario().treatments()) {
            g.writeString(t.toString());
        }
        g.writeEndArray();

        g.writeFieldName(F_OUTCOME);
        g.writeStartObject();
        for (Map.Entry<String, String> e : ev.outcome().asMap().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        OutcomeJson.write(g, ev, withExplanation);

        g.writeFieldName(F_CELLS);
        g.writeStartObject();
        boolean mixed = ev.scenario().cells().stream().anyMatch(Cell::heterogeneous);
        for (CellState c : ev.cells().values()) {
            g.writeObjectFieldStart(c.id());
            g.writeFieldName(F_TYPE);
            g.writeString(c.type());
            if (c.line() != null) {
                g.writeFieldName(F_LINE);
                g.writeString(c.line());
            }
            if (c.carriesCd16()) {
                g.writeFieldName(F_CD16);
                g.writeString(c.cd16());
            }
            g.writeFieldName(F_CD38_KNOCKOUT);
            g.writeBoolean(c.cd38Knockout());
            g.writeFieldName(F_CD38_BASELINE);
            g.writeString(c.cd38Baseline());
            if (mixed) {
                subsets(g, ev.scenario().cell(c.id()).orElse(null));
            }
            g.writeFieldName(F_CD38);
            g.writeString(c.cd38());
            g.writeFieldName(F_CD38_FOLD);
            g.writeNumber(round(c.cd38Fold()));
            if (c.cd38Score() != null) {
                g.writeFieldName(F_CD38_SCORE);
                g.writeNumber(round(c.cd38Score()));
            } else {
                g.writeFieldName(F_CD38_SCORE);
                g.writeNull();
            }
            g.writeFieldName(F_BINDING);
            g.writeStartObject();
            for (Map.Entry<String, String> e : c.binding().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            if ("effector".equals(c.role())) {
                g.writeFieldName(F_DEPLETION);
                g.writeString(c.depletion());
            }
            g.writeEndObject();
        }
        g.writeEndObject();

        if (withExplanation) {
            ExplanationJson.write(g, ev.explanation());
        }
        g.writeFieldName(F_RULES_FINGERPRINT);
        g.writeString(rulesFingerprint);
        g.writeEndObject();
    }

    /** The CD38 subsets of a population given by them, as given (in order of level); nothing for another population. */
    private static void subsets(JsonGenerator g, Cell cell) throws IOException {
        if (cell == null || !cell.heterogeneous()) {
            return;
        }
        g.writeFieldName(F_SUBSETS);
        g.writeStartArray();
        for (Cd38Subset s : cell.subsets()) {
            g.writeStartObject();
            g.writeFieldName(F_CD38);
            g.writeString(s.cd38());
            g.writeFieldName(F_FRACTION);
            g.writeNumber(round(s.fraction()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * A fact value's fields after its id, as JSON text ({@code ,"type":...,"input":...,"text":...,"data":{...}});
     * {@link ExplanationJson} keeps them per value.
     */
    static String head(Described about, boolean input) {
        java.io.StringWriter text = new java.io.StringWriter(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
            g.writeStartObject();
            g.writeFieldName(F_TYPE);
            g.writeString(about.type());
            g.writeFieldName(F_INPUT);
            g.writeBoolean(input);
            g.writeFieldName(F_TEXT);
            g.writeString(about.text());
            g.writeFieldName(F_DATA);
            g.writeStartObject();
            data(g, about.data());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String json = text.toString();
        // The object's fields without its braces, led by the comma that follows "id".
        return "," + json.substring(1, json.length() - 1);
    }

    // Field names ready as quoted UTF-8: written for every result, they are not encoded again each time.
    private static final SerializedString F_BINDING = new SerializedString("binding");
    private static final SerializedString F_CD16 = new SerializedString("cd16");
    private static final SerializedString F_CD38 = new SerializedString("cd38");
    private static final SerializedString F_CD38_BASELINE = new SerializedString("cd38Baseline");
    private static final SerializedString F_CD38_FOLD = new SerializedString("cd38Fold");
    private static final SerializedString F_CD38_KNOCKOUT = new SerializedString("cd38Knockout");
    private static final SerializedString F_CD38_SCORE = new SerializedString("cd38Score");
    private static final SerializedString F_CELLS = new SerializedString("cells");
    private static final SerializedString F_COURSE = new SerializedString("course");
    private static final SerializedString F_DATA = new SerializedString("data");
    private static final SerializedString F_DEPLETION = new SerializedString("depletion");
    private static final SerializedString F_EVIDENCE = new SerializedString("evidence");
    private static final SerializedString F_FILE = new SerializedString("file");
    private static final SerializedString F_FORMAT = new SerializedString("format");
    private static final SerializedString F_FRACTION = new SerializedString("fraction");
    private static final SerializedString F_INFERRED = new SerializedString("inferred");
    private static final SerializedString F_UNKNOWN = new SerializedString("unknown");
    private static final SerializedString F_SETTLED_BY = new SerializedString("settledBy");
    private static final SerializedString F_INPUT = new SerializedString("input");
    private static final SerializedString F_LINE = new SerializedString("line");
    private static final SerializedString F_OUTCOME = new SerializedString("outcome");
    private static final SerializedString F_RATIONALE = new SerializedString("rationale");
    private static final SerializedString F_RULES_FINGERPRINT = new SerializedString("rulesFingerprint");
    private static final SerializedString F_SCENARIO = new SerializedString("scenario");
    private static final SerializedString F_SETTING = new SerializedString("setting");
    private static final SerializedString F_SOURCES = new SerializedString("sources");
    private static final SerializedString F_SUBSETS = new SerializedString("subsets");
    private static final SerializedString F_TEXT = new SerializedString("text");
    private static final SerializedString F_TITLE = new SerializedString("title");
    private static final SerializedString F_TREATMENTS = new SerializedString("treatments");
    private static final SerializedString F_TYPE = new SerializedString("type");

    /** A rule's description as a JSON object's text. */
    static String ruleObject(RuleInfo r) {
        java.io.StringWriter text = new java.io.StringWriter(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
            g.writeStartObject();
            ruleFields(g, r);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void ruleFields(JsonGenerator g, RuleInfo r) throws IOException {
        g.writeFieldName(F_FILE);
        g.writeString(r.file());
        g.writeFieldName(F_LINE);
        g.writeNumber(r.line());
        g.writeFieldName(F_SOURCES);
        g.writeStartArray();
        for (String s : r.sources()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeFieldName(F_EVIDENCE);
        g.writeString(r.evidence());
        if (r.inferred() != null) {
            g.writeFieldName(F_INFERRED);
            g.writeString(r.inferred());
        } else {
            g.writeFieldName(F_INFERRED);
            g.writeNull();
        }
        g.writeFieldName(F_RATIONALE);
        g.writeString(r.rationale());
        if (r.unknown() != null) {
            // Only for a rule that says what it leaves unknown, so the other rules' entries stay as they are.
            g.writeFieldName(F_UNKNOWN);
            g.writeString(r.unknown());
            g.writeFieldName(F_SETTLED_BY);
            g.writeString(r.settledBy());
        }
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
            } else if (v == null) {
                g.writeNullField(e.getKey()); // an end of a score's range that is nothing (no CD38, no load)
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
