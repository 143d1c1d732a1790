package org.adcckb.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.facts.Cd38Subset;
import org.adcckb.facts.Cell;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;

/**
 * A scenario built in code, checked as if it had been read from a file: written as the scenario file it
 * stands for and read back by the {@link ScenarioReader}, so that a caller of the Java API gets the
 * reader's refusal (an unknown agent or CD38 level, a treatment on no cell, two cells of one id), with
 * the JSON path of the value in that file, rather than a silent answer to a scenario the rules do not
 * know. Its expectations are not checked: they are for {@code adcc test}.
 */
public final class ScenarioCheck {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScenarioCheck() {
    }

    /**
     * {@code s} itself when a scenario file could say the same; otherwise an {@link InputException} naming the
     * scenario (its origin, or its id) and the path of the value in the file written for it.
     */
    public static Scenario checked(Scenario s, ScenarioReader reader) {
        String name = s.origin() != null ? s.origin() : "scenario '" + s.id() + "'";
        // JSON null reads as absent, so a null field is refused here rather than written.
        required(name, "$.id", s.id());
        required(name, "$.setting", s.setting());
        for (int i = 0; i < s.cells().size(); i++) {
            Cell c = s.cells().get(i);
            required(name, "$.cells[" + i + "].id", c.id());
            required(name, "$.cells[" + i + "].type", c.type());
            required(name, "$.cells[" + i + "].cd38", c.cd38());
            required(name, "$.cells[" + i + "].cd16", c.cd16());
        }
        byte[] file;
        try {
            file = JsonInput.mapper().writeValueAsBytes(asFile(s));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(name, "", "cannot be written as a scenario file: " + e.getOriginalMessage());
        }
        // The file written here may be longer than one the reader accepted (every field spelt out): --max-bytes
        // is for what comes in, so it does not apply to it; every other limit does.
        Scenario read = reader.unboundedInBytes().read(file, name);
        for (int i = 0; i < s.cells().size(); i++) {
            Cell given = s.cells().get(i);
            Cell back = read.cells().get(i);
            if (!given.cd38().equals(back.cd38())) {
                // What can differ: a population given by subsets has the level of their mean.
                throw new InputException(name, "$.cells[" + i + "].cd38", "'" + given.cd38() + "' is not the mean level of the subsets of cell '"
                        + given.id() + "', '" + back.cd38() + "'");
            }
            if (!given.equals(back)) {
                throw new InputException(name, "$.cells[" + i + "]", "cell '" + given.id() + "' does not read back as given: " + back);
            }
        }
        return s;
    }

    private static void required(String name, String path, String value) {
        if (value == null) {
            throw new InputException(name, path, "is null; a value is required here");
        }
    }

    /** The scenario file {@code s} stands for: cells and treatments in the scenario's own (sorted) order. */
    static ObjectNode asFile(Scenario s) {
        ObjectNode root = JSON.objectNode();
        root.put("id", s.id());
        if (s.title() != null) {
            root.put("title", s.title());
        }
        return content(root, s.setting(), s.courseName(), s.cells(), s.treatments());
    }

    /**
     * What a scenario says besides its id, title and expectations, as compact JSON in UTF-8: the members of its
     * file in one fixed form, cells and treatments in the scenario's sorted order. Two scenarios with the same
     * content give the same bytes, and different contents different bytes, so the bytes can stand for the
     * content where it is kept outside this process (the results a batch keeps on disk).
     */
    public static byte[] canonicalContent(String setting, String course, java.util.List<Cell> cells, java.util.List<Treatment> treatments) {
        return content(JSON.objectNode(), setting, course, cells, treatments).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ObjectNode content(ObjectNode root, String setting, String course, java.util.List<Cell> cells,
            java.util.List<Treatment> treatments) {
        root.put("setting", setting);
        if (course != null) {
            root.put("course", course);
        }
        ArrayNode cellArray = root.putArray("cells");
        for (Cell c : cells) {
            ObjectNode o = cellArray.addObject();
            o.put("id", c.id());
            o.put("type", c.type());
            if (c.heterogeneous()) {
                ArrayNode subsets = o.putArray("subsets");
                for (Cd38Subset sub : c.subsets()) {
                    subsets.addObject().put("cd38", sub.cd38()).put("fraction", sub.fraction());
                }
            } else {
                o.put("cd38", c.cd38());
            }
            if (!"none".equals(c.cd16())) {
                o.put("cd16", c.cd16());
            }
            if (c.cd38Knockout()) {
                o.put("cd38Knockout", true);
            }
            if (c.line() != null) {
                o.put("line", c.line());
            }
        }
        ArrayNode treatmentArray = root.putArray("treatments");
        for (Treatment t : treatments) {
            ObjectNode o = treatmentArray.addObject().put("agent", t.agent());
            if (t.on() != null) {
                o.put("on", t.on());
            }
        }
        return root;
    }
}
