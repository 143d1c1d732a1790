package org.adcckb.explain;

import com.fasterxml.jackson.databind.JsonNode;
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

    public static final String FORMAT_VERSION = "1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static ObjectNode toJson(Evaluation ev, String rulesFingerprint) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("scenario", ev.scenario().id());
        if (ev.scenario().title() != null) {
            root.put("title", ev.scenario().title());
        }
        root.put("setting", ev.scenario().setting());
        ArrayNode treatments = root.putArray("treatments");
        ev.scenario().treatments().forEach(t -> treatments.add(t.toString()));

        ObjectNode outcome = root.putObject("outcome");
        ev.outcome().asMap().forEach(outcome::put);

        ObjectNode cells = root.putObject("cells");
        for (CellState c : ev.cells().values()) {
            ObjectNode n = cells.putObject(c.id());
            n.put("type", c.type());
            if (c.line() != null) {
                n.put("line", c.line());
            }
            if (c.carriesCd16()) {
                n.put("cd16", c.cd16());
            }
            n.put("cd38Knockout", c.cd38Knockout());
            n.put("cd38Baseline", c.cd38Baseline());
            n.put("cd38", c.cd38());
            n.put("cd38Fold", round(c.cd38Fold()));
            if (c.cd38Score() != null) {
                n.put("cd38Score", round(c.cd38Score()));
            } else {
                n.putNull("cd38Score");
            }
            ObjectNode binding = n.putObject("binding");
            c.binding().forEach(binding::put);
            if ("effector".equals(c.role())) {
                n.put("depletion", c.depletion());
            }
        }

        ObjectNode explanation = root.putObject("explanation");
        ObjectNode support = explanation.putObject("outcome");
        for (Map.Entry<String, List<String>> e : ev.explanation().outcomeSupport().entrySet()) {
            ArrayNode a = support.putArray(e.getKey());
            e.getValue().forEach(a::add);
        }
        ArrayNode facts = explanation.putArray("facts");
        for (Node node : ev.explanation().nodes()) {
            ObjectNode f = facts.addObject();
            f.put("id", node.key());
            f.put("type", node.type());
            f.put("input", node.input());
            f.put("text", node.text());
            f.set("data", data(node.data()));
            if (!node.input()) {
                ArrayNode ds = f.putArray("derivations");
                for (Derivation d : node.derivations()) {
                    ObjectNode dn = ds.addObject();
                    rule(dn, d.rule());
                    ArrayNode premises = dn.putArray("premises");
                    d.premises().forEach(premises::add);
                }
            }
        }
        root.put("rulesFingerprint", rulesFingerprint);
        return root;
    }

    static void rule(ObjectNode n, RuleInfo r) {
        n.put("rule", r.name());
        n.put("file", r.file());
        n.put("line", r.line());
        ArrayNode sources = n.putArray("sources");
        r.sources().forEach(sources::add);
        n.put("evidence", r.evidence());
        if (r.inferred() != null) {
            n.put("inferred", r.inferred());
        } else {
            n.putNull("inferred");
        }
        n.put("rationale", r.rationale());
    }

    private static JsonNode data(Map<String, Object> data) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Double d) {
                n.put(e.getKey(), round(d));
            } else if (v instanceof Boolean b) {
                n.put(e.getKey(), b);
            } else if (v instanceof Integer i) {
                n.put(e.getKey(), i);
            } else {
                n.put(e.getKey(), String.valueOf(v));
            }
        }
        return n;
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
