package org.adcckb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.adcckb.report.JsonReport;
import org.adcckb.facts.Cell;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/** Writes a scenario in the public scenario format (docs/SCENARIO-FORMAT.md), in a given order of cells and treatments. */
final class ScenarioJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScenarioJson() {
    }

    static ObjectNode toJson(Scenario s, Vocabulary vocabulary) {
        return toJson(s, s.cells(), s.treatments(), vocabulary);
    }

    static ObjectNode toJson(Scenario s, List<Cell> cells, List<Treatment> treatments, Vocabulary vocabulary) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", s.id());
        if (s.title() != null) {
            root.put("title", s.title());
        }
        root.put("setting", s.setting());
        if (s.course() != null) {
            root.put("course", s.courseName());
        }
        ArrayNode cs = root.putArray("cells");
        for (Cell c : cells) {
            ObjectNode n = cs.addObject();
            n.put("id", c.id());
            n.put("type", c.type());
            if (c.line() != null) {
                n.put("line", c.line());
            }
            if (c.heterogeneous()) {
                ArrayNode subsets = n.putArray("subsets");
                c.subsets().forEach(x -> subsets.addObject().put("cd38", x.cd38()).put("fraction", x.fraction()));
            } else {
                n.put("cd38", c.cd38());
            }
            if (vocabulary.carriesCd16(c.type())) {
                n.put("cd16", c.cd16());
            }
            if (c.cd38Knockout()) {
                n.put("cd38Knockout", true);
            }
        }
        ArrayNode ts = root.putArray("treatments");
        for (Treatment t : treatments) {
            ObjectNode n = ts.addObject();
            n.put("agent", t.agent());
            if (t.on() != null) {
                n.put("on", t.on());
            }
        }
        return root;
    }

    /** Pretty JSON, ready to be saved as a scenario file. */
    static String pretty(Scenario s, Vocabulary vocabulary) {
        return JsonReport.pretty(toJson(s, vocabulary));
    }

    /** The same object with its fields, and the fields of the objects in its arrays, in a random order. */
    static ObjectNode reorderFields(ObjectNode node, Random random) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.shuffle(names, random);
        ObjectNode out = MAPPER.createObjectNode();
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v.isArray()) {
                ArrayNode a = out.putArray(n);
                v.forEach(item -> a.add(item.isObject() ? reorderFields((ObjectNode) item, random) : item));
            } else {
                out.set(n, v);
            }
        }
        return out;
    }

    static byte[] bytes(ObjectNode node) {
        return JsonReport.compact(node).getBytes(StandardCharsets.UTF_8);
    }
}
