package org.adcckb.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Levels;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;
import org.adcckb.input.JsonInput.Obj;
import org.adcckb.input.JsonInput.Value;
import org.adcckb.input.Suggest;
import org.adcckb.kb.Evidence;
import org.adcckb.kb.Vocabulary;

/**
 * Reads scenario files (the public JSON format, docs/SCENARIO-FORMAT.md) and refuses anything it would
 * have to guess about, naming the file, the JSON path, the value and what is allowed.
 */
public final class ScenarioReader {

    public static final Pattern ID = Pattern.compile("[a-z0-9._-]+");
    public static final List<String> DIRECTIONS = List.of("higher", "lower", "same");
    public static final List<String> CELL_CHECKS = List.of("cd38", "cd38Fold", "depletion", "binding");
    private static final Pattern BOUND = Pattern.compile("(>=|<=|>|<|=)?\\s*([A-Za-z0-9]+)");

    private static final List<String> TOP = List.of("id", "title", "setting", "course", "cells", "treatments", "expect", "$comment");
    private static final List<String> TREATMENT = List.of("agent", "on");
    private static final List<String> EXPECT = List.of("findings", "claim", "source", "evidence", "outcome", "cells", "compare", "whatif");
    private static final List<String> WHATIF = List.of("add", "remove", "set", "outcome", "cells");
    private static final List<String> COMPARE = List.of("with", "outcome", "cells");

    private final Vocabulary vocabulary;
    private final org.adcckb.input.Limits limits;
    private final CellReader cellReader;

    public ScenarioReader(Vocabulary vocabulary) {
        this(vocabulary, org.adcckb.input.Limits.DEFAULT);
    }

    public ScenarioReader(Vocabulary vocabulary, org.adcckb.input.Limits limits) {
        this.vocabulary = vocabulary;
        this.limits = limits;
        this.cellReader = new CellReader(vocabulary);
    }

    /** This reader with no bound on a file's bytes (its other limits kept), for files it wrote itself. */
    ScenarioReader unboundedInBytes() {
        return new ScenarioReader(vocabulary, new org.adcckb.input.Limits(Integer.MAX_VALUE, limits.maxDepth(), limits.maxString(),
                limits.maxCells(), limits.maxTreatments()));
    }

    public Scenario read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > limits.maxBytes()) {
                throw new InputException(file.toString(), "", "is " + Files.size(file) + " bytes, more than the limit of "
                        + limits.maxBytes() + " (--max-bytes)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            throw new InputException(file.toString(), "", "cannot be read: " + why);
        }
        return read(bytes, file.toString());
    }

    /**
     * Reads a scenario from a stream (standard input), named {@code origin} in messages; refused, as a
     * file is, when longer than the limit.
     */
    public Scenario read(java.io.InputStream in, String origin) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(limits.maxBytes() + 1);
        } catch (IOException e) {
            throw new InputException(origin, "", "cannot be read: " + InputException.why(e));
        }
        if (bytes.length > limits.maxBytes()) {
            throw new InputException(origin, "", "is more than the limit of " + limits.maxBytes() + " bytes (--max-bytes)");
        }
        return read(bytes, origin);
    }

    public Scenario read(byte[] content, String origin) {
        Obj root = Obj.root(JsonInput.parse(content, origin, limits), origin).only(TOP);

        String id = root.get("id").text();
        if (!ID.matcher(id).matches()) {
            throw root.get("id").error("'" + id + "' is not a scenario id; use lower-case letters, digits, '.', '_' and '-'");
        }
        String title = root.text("title", null);
        String setting = root.has("setting") ? root.get("setting").oneOf(Scenario.SETTINGS, "a setting") : "in_vitro";
        Vocabulary.Course course = course(root, setting);

        List<Value> cellValues = root.get("cells").array();
        if (cellValues.isEmpty()) {
            throw root.get("cells").error("a scenario needs at least one cell population");
        }
        if (cellValues.size() > limits.maxCells()) {
            throw root.get("cells").error(cellValues.size() + " cell populations, more than the limit of " + limits.maxCells()
                    + " (--max-cells)");
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, String> cellPaths = new LinkedHashMap<>();
        for (Value v : cellValues) {
            Cell c = cell(v.object().only(CellReader.FIELDS));
            String before = cellPaths.putIfAbsent(c.id(), v.path());
            if (before != null) {
                throw v.object().get("id").error("duplicate cell id '" + c.id() + "', already used at " + before);
            }
            cells.add(c);
        }

        List<Treatment> treatments = new ArrayList<>();
        if (root.has("treatments")) {
            Set<Treatment> seen = new HashSet<>();
            List<Value> treatmentValues = root.get("treatments").array();
            if (treatmentValues.size() > limits.maxTreatments()) {
                throw root.get("treatments").error(treatmentValues.size() + (treatmentValues.size() == 1 ? " treatment" : " treatments") + ", more than the limit of "
                        + limits.maxTreatments() + " (--max-treatments)");
            }
            for (Value v : treatmentValues) {
                Obj t = v.object().only(TREATMENT);
                String agent = t.get("agent").text();
                if (!vocabulary.knows(agent)) {
                    throw t.get("agent").error("unknown agent '" + agent + "'; the knowledge base knows: "
                            + String.join(", ", vocabulary.agentNames()) + Suggest.hint(agent, vocabulary.agentNames()));
                }
                agent = vocabulary.agents().get(agent).name(); // the vocabulary's own instance (see JsonInput.oneOf)
                String on = ids(t.text("on", null));
                if (on != null && !cellPaths.containsKey(on)) {
                    throw t.get("on").error("'" + on + "' names no cell of this scenario; cells: "
                            + String.join(", ", cellPaths.keySet()) + Suggest.hint(on, cellPaths.keySet()));
                }
                Treatment treatment = new Treatment(agent, on);
                if (!seen.add(treatment)) {
                    throw v.error("duplicate treatment " + treatment + ": each agent is given once per population");
                }
                treatments.add(treatment);
            }
        }

        Map<String, String> cellTypes = new TreeMap<>();
        cells.forEach(c -> cellTypes.put(c.id(), c.type()));
        Scenario plain = new Scenario(id, title, setting, course, cells, treatments, null, origin);
        Expectations expect = root.has("expect")
                ? expectations(root.get("expect").object().only(EXPECT), plain, cellTypes) : null;
        return new Scenario(id, title, setting, course, cells, treatments, expect, origin);
    }

    /** The course of treatment: only in vivo, where it defaults to the vocabulary's default course. */
    private Vocabulary.Course course(Obj root, String setting) {
        if (!root.has("course")) {
            return "in_vivo".equals(setting) ? vocabulary.defaultCourse() : null;
        }
        Value v = root.get("course");
        if (!"in_vivo".equals(setting)) {
            throw v.error("course '" + v.text() + "' given for an in_vitro scenario; course applies only to in_vivo scenarios: "
                    + "give \"setting\": \"in_vivo\", or leave \"course\" out");
        }
        return vocabulary.course(v.oneOf(vocabulary.courseNames(), "a course")).orElseThrow();
    }

    /**
     * Cell ids as one shared instance each, like the vocabulary's strings (see JsonInput.oneOf): a cohort
     * names its cells mm0, nk0, ... in every line. Bounded: past the bound, ids stay as read.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_IDS = 4096;

    private static String ids(String id) {
        if (id == null) {
            return null;
        }
        String shared = IDS.get(id);
        if (shared == null) {
            if (IDS.size() >= MAX_IDS) {
                return id;
            }
            shared = IDS.putIfAbsent(id, id);
            return shared != null ? shared : id;
        }
        return shared;
    }

    private Cell cell(Obj o) {
        String id = ids(o.get("id").text());
        if (!ID.matcher(id).matches()) {
            throw o.get("id").error("'" + id + "' is not a cell id; use lower-case letters, digits, '.', '_' and '-'");
        }
        return cellReader.read(o, id);
    }

    private Expectations expectations(Obj e, Scenario plain, Map<String, String> cellTypes) {
        String scenarioId = plain.id();
        List<String> findings = new ArrayList<>();
        if (e.has("findings")) {
            for (Value v : e.get("findings").array()) {
                findings.add(v.text());
            }
        }
        Map<String, String> outcome = e.has("outcome") ? outcomeChecks(e.get("outcome").object(), false) : Map.of();
        Map<String, Map<String, String>> cells = e.has("cells") ? cellChecks(e.get("cells").object(), cellTypes, false) : Map.of();
        List<Expectations.Comparison> compare = new ArrayList<>();
        if (e.has("compare")) {
            for (Value v : e.get("compare").array()) {
                Obj c = v.object().only(COMPARE);
                String with = c.get("with").text();
                if (!ID.matcher(with).matches()) {
                    throw c.get("with").error("'" + with + "' is not a scenario id");
                }
                if (with.equals(scenarioId)) {
                    throw c.get("with").error("a scenario cannot be compared with itself");
                }
                Map<String, String> co = c.has("outcome") ? outcomeChecks(c.get("outcome").object(), true) : Map.of();
                Map<String, Map<String, String>> cc = c.has("cells") ? cellChecks(c.get("cells").object(), cellTypes, true) : Map.of();
                if (co.isEmpty() && cc.isEmpty()) {
                    throw c.error("a comparison needs at least one 'outcome' or 'cells' check");
                }
                compare.add(new Expectations.Comparison(with, List.of(), co, cc, v.path()));
            }
        }
        List<Expectations.Comparison> whatif = new ArrayList<>();
        if (e.has("whatif")) {
            for (Value v : e.get("whatif").array()) {
                Obj w = v.object().only(WHATIF);
                List<Edit> edits = new ArrayList<>();
                // The same order as the whatif command: removals, additions, then changes.
                for (String kind : List.of("remove", "add", "set")) {
                    if (!w.has(kind)) {
                        continue;
                    }
                    for (Value ev : w.get(kind).array()) {
                        try {
                            edits.add(switch (kind) {
                                case "remove" -> Edit.remove(ev.text());
                                case "add" -> Edit.add(ev.text());
                                default -> Edit.set(ev.text());
                            });
                        } catch (InputException x) {
                            throw ev.error("'" + ev.text() + "': " + x.detail());
                        }
                    }
                }
                if (edits.isEmpty()) {
                    throw w.error("a what-if needs at least one edit in 'add', 'remove' or 'set'");
                }
                try {
                    Edit.applyAll(plain, edits, vocabulary);
                } catch (InputException x) {
                    throw w.error(x.getMessage());
                }
                Map<String, String> wo = w.has("outcome") ? outcomeChecks(w.get("outcome").object(), true) : Map.of();
                Map<String, Map<String, String>> wc = w.has("cells") ? cellChecks(w.get("cells").object(), cellTypes, true) : Map.of();
                if (wo.isEmpty() && wc.isEmpty()) {
                    throw w.error("a what-if needs at least one 'outcome' or 'cells' check");
                }
                whatif.add(new Expectations.Comparison(null, List.copyOf(edits), wo, wc, v.path()));
            }
        }
        if (outcome.isEmpty() && cells.isEmpty() && compare.isEmpty() && whatif.isEmpty()) {
            throw e.error("an expect block needs at least one check in 'outcome', 'cells', 'compare' or 'whatif'");
        }
        String source = e.text("source", null);
        if (source != null) {
            for (String ref : source.split(";")) {
                if (ref.isBlank()) {
                    continue; // as in a rule's @source: an empty part between separators says nothing
                }
                if (!Evidence.isSource(ref.trim())) {
                    throw e.get("source").error("'" + ref.trim() + "' is not a source; expected doi:10.xxxx/... or PMID:nnn, several separated by ';'");
                }
            }
        }
        String evidence = e.has("evidence") ? e.get("evidence").oneOf(Evidence.PROVENANCE, "a provenance tag") : null;
        return new Expectations(List.copyOf(findings), e.text("claim", null), source, evidence,
                outcome, cells, List.copyOf(compare), List.copyOf(whatif));
    }

    private Map<String, String> outcomeChecks(Obj o, boolean comparative) {
        o.only(vocabulary.outcomeNames());
        Map<String, String> out = new TreeMap<>();
        for (String field : o.fieldNames()) {
            Value v = o.get(field);
            out.put(field, comparative ? v.oneOf(DIRECTIONS, "a direction") : bound(v, Levels.GRADES, "an outcome grade"));
        }
        return out;
    }

    private Map<String, Map<String, String>> cellChecks(Obj o, Map<String, String> cellTypes, boolean comparative) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        Set<String> cellIds = cellTypes.keySet();
        for (String id : o.fieldNames()) {
            if (!cellIds.contains(id)) {
                throw new InputException(o.file(), o.path() + "." + id, "'" + id + "' names no cell of this scenario; cells: "
                        + String.join(", ", cellIds) + Suggest.hint(id, cellIds));
            }
            Obj c = o.get(id).object().only(CELL_CHECKS);
            Map<String, String> checks = new TreeMap<>();
            for (String field : c.fieldNames()) {
                Value v = c.get(field);
                if ("depletion".equals(field) && !vocabulary.isEffector(cellTypes.get(id))) {
                    throw v.error("depletion is checked on effector cells; '" + id + "' is a " + cellTypes.get(id) + " population");
                }
                if ("binding".equals(field)) {
                    Obj b = v.object();
                    for (String agent : b.fieldNames()) {
                        if (!vocabulary.knows(agent)) {
                            // Only antibodies bind: the suggestion is drawn from them.
                            List<String> antibodies = vocabulary.agents().values().stream()
                                    .filter(a -> "antibody".equals(a.role())).map(org.adcckb.facts.Agent::name).toList();
                            throw new InputException(b.file(), b.path() + "." + agent, "unknown agent '" + agent
                                    + "'; the antibodies the knowledge base knows: " + String.join(", ", antibodies)
                                    + Suggest.hint(agent, antibodies));
                        }
                        if (!"antibody".equals(vocabulary.agents().get(agent).role())) {
                            throw new InputException(b.file(), b.path() + "." + agent, "'" + agent + "' is a "
                                    + vocabulary.agents().get(agent).role() + ", not an antibody; binding is checked for antibodies");
                        }
                        Value bv = b.get(agent);
                        checks.put("binding." + agent, comparative ? bv.oneOf(DIRECTIONS, "a direction")
                                : bound(bv, Levels.CD38, "a CD38 level"));
                    }
                } else if (comparative) {
                    checks.put(field, v.oneOf(DIRECTIONS, "a direction"));
                } else if ("cd38Fold".equals(field)) {
                    double d = v.number();
                    if (!(d > 0)) {
                        throw v.error("a fold change is a positive number, got " + d);
                    }
                    checks.put(field, Double.toString(d));
                } else {
                    checks.put(field, bound(v, "cd38".equals(field) ? Levels.CD38 : Levels.GRADES,
                            "cd38".equals(field) ? "a CD38 level" : "an outcome grade"));
                }
            }
            out.put(id, checks);
        }
        return out;
    }

    /** A level, optionally after a comparison operator: {@code "moderate"}, {@code ">= low"}. */
    private static String bound(Value v, List<String> scale, String what) {
        String s = v.text().strip();
        var m = BOUND.matcher(s);
        if (!m.matches() || !scale.contains(m.group(2))) {
            String level = m.matches() ? m.group(2) : s;
            throw v.error("'" + s + "' is not " + what + " or a bound such as '>= " + scale.get(1) + "'; levels: "
                    + String.join(", ", scale) + Suggest.hint(level, scale));
        }
        return (m.group(1) == null ? "=" : m.group(1)) + " " + m.group(2);
    }
}
