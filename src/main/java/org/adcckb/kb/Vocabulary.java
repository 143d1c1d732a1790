package org.adcckb.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adcckb.facts.Agent;
import org.adcckb.facts.Cd38Scale;
import org.adcckb.facts.GradeScale;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;
import org.adcckb.input.JsonInput.Obj;

/**
 * The cell types, agents, outcome kinds and courses of treatment the knowledge base knows, read from {@code vocabulary.json} in the
 * rules directory, so that adding an agent, a cell type or an outcome kind is an edit to the knowledge base, not
 * to Java. {@code outcomes} keeps the declared order: it is the order of every report; so does {@code courses}.
 * Scenario validation checks names against it, and lint checks the names rules use.
 */
public record Vocabulary(Map<String, CellType> cellTypes, Map<String, Agent> agents, Cd38Scale cd38Scale,
                         GradeScale gradeScale, List<OutcomeKind> outcomes, List<Course> courses) {

    public static final String FILE = "vocabulary.json";
    public static final List<String> ROLES = List.of("antibody", "blocker", "modulator");
    public static final List<String> CELL_ROLES = List.of("target", "effector");

    /**
     * A kind of cell population.
     *
     * @param role  {@code target} (killed by ADCC) or {@code effector} (kills through CD16)
     * @param cd16  whether the type carries CD16, so a scenario may give its variant
     * @param label a human name, plural ("NK cells")
     */
    public record CellType(String name, String role, boolean cd16, String label) {
    }

    /**
     * A course of treatment an {@code in_vivo} scenario may be on ({@code "course"} in a scenario).
     *
     * @param label     how reports say it ("on continued treatment")
     * @param isDefault whether an in vivo scenario without a course gets this one; exactly one course is
     */
    public record Course(String name, String label, boolean isDefault) {
    }

    public Vocabulary {
        cellTypes = Collections.unmodifiableMap(new TreeMap<>(cellTypes));
        agents = Collections.unmodifiableMap(new TreeMap<>(agents));
        outcomes = List.copyOf(outcomes);
        courses = List.copyOf(courses);
    }

    /** The courses' names, in declared order. */
    public List<String> courseNames() {
        return courses.stream().map(Course::name).toList();
    }

    public java.util.Optional<Course> course(String name) {
        return courses.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The course an in vivo scenario that gives none is on. */
    public Course defaultCourse() {
        return courses.stream().filter(Course::isDefault).findFirst().orElseThrow();
    }

    /** The outcome kinds' names, in declared order. */
    public List<String> outcomeNames() {
        return outcomes.stream().map(OutcomeKind::name).toList();
    }

    public java.util.Optional<OutcomeKind> outcome(String name) {
        return outcomes.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public Set<String> cellTypeNames() {
        return cellTypes.keySet();
    }

    public boolean carriesCd16(String cellType) {
        CellType t = cellTypes.get(cellType);
        return t != null && t.cd16();
    }

    public boolean isEffector(String cellType) {
        CellType t = cellTypes.get(cellType);
        return t != null && "effector".equals(t.role());
    }

    public boolean isTarget(String cellType) {
        CellType t = cellTypes.get(cellType);
        return t != null && "target".equals(t.role());
    }

    public Set<String> agentNames() {
        return agents.keySet();
    }

    public boolean knows(String agent) {
        return agents.containsKey(agent);
    }

    private static List<OutcomeKind> outcomes(Obj obj, String shownAs) {
        List<OutcomeKind> kinds = new java.util.ArrayList<>();
        for (String name : obj.fieldNames()) {
            if (name.equals("$comment")) {
                continue;
            }
            if (!name.matches("[a-z][A-Za-z0-9]*")) {
                throw new InputException(shownAs, obj.path() + "." + name,
                        "outcome name '" + name + "' must be a letter, then letters and digits (camelCase, as in JSON)");
            }
            Obj o = obj.get(name).object().only(List.of("label", "fact", "scale", "aggregate", "better", "$comment"));
            String fact = o.get("fact").text();
            Class<?> type = org.adcckb.facts.FactTypes.ALL.stream().filter(t -> t.getSimpleName().equals(fact))
                    .findFirst().orElse(null);
            if (type == null || !org.adcckb.facts.Graded.class.isAssignableFrom(type)) {
                List<String> graded = org.adcckb.facts.FactTypes.ALL.stream()
                        .filter(org.adcckb.facts.Graded.class::isAssignableFrom).map(Class::getSimpleName).sorted().toList();
                throw o.get("fact").error("'" + fact + "' is not a graded fact type; allowed: " + String.join(", ", graded)
                        + org.adcckb.input.Suggest.hint(fact, graded));
            }
            kinds.add(new OutcomeKind(name, o.get("label").text(), fact,
                    o.get("scale").oneOf(OutcomeKind.SCALES, "a scale"),
                    o.get("aggregate").oneOf(OutcomeKind.AGGREGATES, "an aggregation"),
                    o.get("better").oneOf(OutcomeKind.DIRECTIONS, "a direction")));
        }
        if (kinds.isEmpty()) {
            throw obj.error("declares no outcome");
        }
        return kinds;
    }

    private static List<Course> courses(Obj obj, String shownAs) {
        List<Course> courses = new java.util.ArrayList<>();
        Course byDefault = null;
        for (String name : obj.fieldNames()) {
            if (name.equals("$comment")) {
                continue;
            }
            if (!name.matches("[a-z0-9_]+")) {
                throw new InputException(shownAs, obj.path() + "." + name,
                        "course name '" + name + "' must be lower-case letters, digits and '_'");
            }
            Obj c = obj.get(name).object().only(List.of("label", "default", "$comment"));
            boolean isDefault = c.has("default") && c.get("default").bool();
            Course course = new Course(name, c.get("label").text(), isDefault);
            if (isDefault && byDefault != null) {
                throw c.get("default").error("'" + byDefault.name() + "' is already the default course; only one course may be");
            }
            byDefault = isDefault ? course : byDefault;
            courses.add(course);
        }
        if (courses.isEmpty()) {
            throw obj.error("declares no course");
        }
        if (byDefault == null) {
            throw obj.error("declares no default course; mark the course an in_vivo scenario without \"course\" is on with \"default\": true");
        }
        return courses;
    }

    /** Reads and checks {@code vocabulary.json}; problems are reported with the file and JSON path. */
    public static Vocabulary read(Path file, String shownAs) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new KnowledgeBaseException(new Problem(shownAs, 0, "cannot be read: " + e.getMessage()));
        }
        return read(bytes, shownAs);
    }

    /** Reads and checks the bytes of a {@code vocabulary.json} shown as {@code shownAs}. */
    public static Vocabulary read(byte[] bytes, String shownAs) {
        try {
            Obj root = Obj.root(JsonInput.parse(bytes, shownAs), shownAs).only(List.of("cellTypes", "agents", "outcomes", "courses", "cd38Scale", "gradeScale", "$comment"));
            Cd38Scale scale = Cd38Scale.DEFAULT;
            if (root.has("cd38Scale")) {
                Obj sc = root.get("cd38Scale").object().only(List.of("mediumFrom", "highFrom", "lowAt", "mediumAt", "highAt", "$comment"));
                try {
                    scale = new Cd38Scale(sc.get("mediumFrom").number(), sc.get("highFrom").number(), sc.get("lowAt").number(),
                            sc.get("mediumAt").number(), sc.get("highAt").number());
                } catch (IllegalArgumentException e) {
                    throw sc.error(e.getMessage());
                }
            }
            GradeScale grades = GradeScale.DEFAULT;
            if (root.has("gradeScale")) {
                Obj gs = root.get("gradeScale").object().only(List.of("lowFrom", "moderateFrom", "highFrom", "$comment"));
                try {
                    grades = new GradeScale(gs.get("lowFrom").number(), gs.get("moderateFrom").number(), gs.get("highFrom").number());
                } catch (IllegalArgumentException e) {
                    throw gs.error(e.getMessage());
                }
            }
            Obj typesObj = root.get("cellTypes").object();
            Map<String, CellType> cellTypes = new TreeMap<>();
            for (String name : typesObj.fieldNames()) {
                if (!name.matches("[a-z0-9_]+")) {
                    throw new InputException(shownAs, typesObj.path() + "." + name,
                            "cell type '" + name + "' must be lower-case letters, digits and '_'");
                }
                Obj t = typesObj.get(name).object().only(List.of("role", "cd16", "label", "$comment"));
                cellTypes.put(name, new CellType(name, t.get("role").oneOf(CELL_ROLES, "a cell role"),
                        t.has("cd16") && t.get("cd16").bool(), t.get("label").text()));
            }
            if (cellTypes.isEmpty()) {
                throw typesObj.error("declares no cell type");
            }
            Obj agentsObj = root.get("agents").object();
            Map<String, Agent> agents = new TreeMap<>();
            for (String name : agentsObj.fieldNames()) {
                if (!name.matches("[a-z0-9_]+")) {
                    throw new InputException(shownAs, agentsObj.path() + "." + name,
                            "agent name '" + name + "' must be lower-case letters, digits and '_'");
                }
                Obj a = agentsObj.get(name).object()
                        .only(List.of("role", "target", "epitope", "fc", "label", "source", "$comment"));
                String role = a.get("role").oneOf(ROLES, "an agent role");
                String target = a.text("target", null);
                String epitope = a.text("epitope", null);
                boolean fc = a.has("fc") && a.get("fc").bool();
                String label = a.get("label").text();
                if (a.has("source")) {
                    String src = a.get("source").text();
                    for (String s : src.split(";")) {
                        if (!Evidence.isSource(s.trim())) {
                            throw a.get("source").error("'" + s.trim()
                                    + "' is not a source; expected doi:10.xxxx/... or PMID:nnn");
                        }
                    }
                }
                if (!"modulator".equals(role) && (target == null || epitope == null)) {
                    throw a.error("an " + role + " needs a 'target' and an 'epitope'");
                }
                if (fc && !"antibody".equals(role)) {
                    throw a.get("fc").error("only an antibody can carry an Fc");
                }
                agents.put(name, new Agent(name, role, target, epitope, fc, label));
            }
            if (agents.isEmpty()) {
                throw agentsObj.error("declares no agent");
            }
            return new Vocabulary(cellTypes, agents, scale, grades, outcomes(root.get("outcomes").object(), shownAs),
                    courses(root.get("courses").object(), shownAs));
        } catch (InputException e) {
            throw new KnowledgeBaseException(new Problem(shownAs, 0,
                    (e.where().isEmpty() ? "" : e.where() + ": ") + e.detail()));
        }
    }
}
