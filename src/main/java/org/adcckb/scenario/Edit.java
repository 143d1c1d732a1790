package org.adcckb.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Levels;
import org.adcckb.input.InputException;
import org.adcckb.input.Suggest;
import org.adcckb.kb.Vocabulary;

/**
 * A what-if change to a scenario, written as on the command line: {@code --add AGENT[@CELL]},
 * {@code --remove AGENT[@CELL]}, {@code --set CELL.FIELD=VALUE}, {@code --set setting=VALUE} or
 * {@code --set course=VALUE}.
 */
public sealed interface Edit {

    List<String> CELL_FIELDS = List.of("cd38", "cd16", "cd38Knockout", "line");
    /** The scenario's own fields an edit may set, written without a cell. */
    List<String> SCENARIO_FIELDS = List.of("setting", "course");

    /** How the edit is written: {@code add atra@mm}. */
    String describe();

    /** Applies the edit, refusing what does not fit the scenario (an unknown cell, removing what is not there). */
    Scenario apply(Scenario s, Vocabulary vocabulary);

    record Add(Treatment treatment) implements Edit {
        @Override
        public String describe() {
            return "add " + treatment;
        }

        @Override
        public Scenario apply(Scenario s, Vocabulary vocabulary) {
            checkTreatment(this, treatment, s, vocabulary);
            if (s.treatments().contains(treatment)) {
                throw error(this, treatment + " is already in the scenario");
            }
            List<Treatment> t = new ArrayList<>(s.treatments());
            t.add(treatment);
            return s.with(s.cells(), t);
        }
    }

    record Remove(Treatment treatment) implements Edit {
        @Override
        public String describe() {
            return "remove " + treatment;
        }

        @Override
        public Scenario apply(Scenario s, Vocabulary vocabulary) {
            if (!s.treatments().contains(treatment)) {
                List<String> present = s.treatments().stream().map(Treatment::toString).toList();
                throw error(this, treatment + " is not in the scenario; its treatments: "
                        + (present.isEmpty() ? "none" : String.join(", ", present))
                        + Suggest.hint(treatment.toString(), present));
            }
            List<Treatment> t = new ArrayList<>(s.treatments());
            t.remove(treatment);
            return s.with(s.cells(), t);
        }
    }

    /**
     * {@code cell} is null for a scenario-level field: {@code setting} (in vivo, the scenario keeps its course or
     * gets the default one; in vitro it has none) or {@code course} (in vivo only). Setting a cell's
     * {@code cd38} replaces its CD38 subsets, if it had any, with that one level.
     */
    record SetField(String cell, String field, String value) implements Edit {
        @Override
        public String describe() {
            return "set " + (cell == null ? "" : cell + ".") + field + "=" + value;
        }

        @Override
        public Scenario apply(Scenario s, Vocabulary vocabulary) {
            if (cell == null) {
                return "course".equals(field) ? course(s, vocabulary) : setting(s, vocabulary);
            }
            Cell c = s.cell(cell).orElseThrow(() -> error(this, "'" + cell + "' names no cell of the scenario; cells: "
                    + String.join(", ", s.cells().stream().map(Cell::id).toList())
                    + Suggest.hint(cell, s.cells().stream().map(Cell::id).toList())));
            Cell changed = switch (field) {
                case "cd38" -> {
                    check(Levels.CD38, "a CD38 level");
                    if (c.cd38Knockout() && !"none".equals(value)) {
                        throw error(this, cell + " is a CD38 knockout; set " + cell + ".cd38Knockout=false first");
                    }
                    yield c.withCd38(value);
                }
                case "cd16" -> {
                    check(Levels.CD16, "a CD16 variant");
                    if (!vocabulary.carriesCd16(c.type())) {
                        throw error(this, cell + " is a " + c.type() + " population, which carries no CD16 here");
                    }
                    yield new Cell(c.id(), c.type(), c.cd38(), value, c.cd38Knockout(), c.line(), c.subsets());
                }
                case "cd38Knockout" -> {
                    check(List.of("true", "false"), "true or false");
                    boolean ko = Boolean.parseBoolean(value);
                    // A knockout has no CD38: switching it on clears the level, as the scenario format requires.
                    yield ko ? new Cell(c.id(), c.type(), "none", c.cd16(), true, c.line())
                            : new Cell(c.id(), c.type(), c.cd38(), c.cd16(), false, c.line(), c.subsets());
                }
                case "line" -> new Cell(c.id(), c.type(), c.cd38(), c.cd16(), c.cd38Knockout(), value, c.subsets());
                default -> throw error(this, "'" + field + "' cannot be set; fields: " + String.join(", ", CELL_FIELDS)
                        + Suggest.hint(field, CELL_FIELDS));
            };
            List<Cell> cells = new ArrayList<>(s.cells());
            cells.replaceAll(x -> x.id().equals(cell) ? changed : x);
            return s.with(cells, s.treatments());
        }

        private Scenario setting(Scenario s, Vocabulary vocabulary) {
            check(Scenario.SETTINGS, "a setting");
            boolean inVivo = "in_vivo".equals(value);
            Vocabulary.Course course = !inVivo ? null : s.course() != null ? s.course() : vocabulary.defaultCourse();
            return new Scenario(s.id(), s.title(), value, course, s.cells(), s.treatments(), null, s.origin());
        }

        private Scenario course(Scenario s, Vocabulary vocabulary) {
            if (!s.inVivo()) {
                throw error(this, "course applies only to in_vivo scenarios, and " + s.id() + " is " + s.setting()
                        + "; set setting=in_vivo first");
            }
            check(vocabulary.courseNames(), "a course");
            Vocabulary.Course course = vocabulary.course(value).orElseThrow();
            return new Scenario(s.id(), s.title(), s.setting(), course, s.cells(), s.treatments(), null, s.origin());
        }

        private void check(List<String> allowed, String what) {
            if (!allowed.contains(value)) {
                throw error(this, "'" + value + "' is not " + what + "; allowed: " + String.join(", ", allowed)
                        + Suggest.hint(value, allowed));
            }
        }
    }

    Pattern TREATMENT = Pattern.compile("([a-z0-9_]+)(?:@([a-z0-9._-]+))?");
    Pattern SET = Pattern.compile("(?:([a-z0-9._-]+)\\.)?([A-Za-z0-9]+)=(.+)");

    /** {@code AGENT} or {@code AGENT@CELL}, as given to {@code --add} or {@code --remove}. */
    static Treatment treatment(String option, String text) {
        Matcher m = TREATMENT.matcher(text.strip());
        if (!m.matches()) {
            throw new InputException(option + " " + text, "", "expected AGENT or AGENT@CELL, such as atra@mm");
        }
        return new Treatment(m.group(1), m.group(2));
    }

    static Edit add(String text) {
        return new Add(treatment("--add", text));
    }

    static Edit remove(String text) {
        return new Remove(treatment("--remove", text));
    }

    String SET_FORMS = "expected CELL.FIELD=VALUE (such as nk.cd38=low), setting=VALUE or course=VALUE";

    /** {@code CELL.FIELD=VALUE}, {@code setting=VALUE} or {@code course=VALUE}. */
    static Edit set(String text) {
        Matcher m = SET.matcher(text.strip());
        if (!m.matches()) {
            throw new InputException("--set " + text, "", SET_FORMS);
        }
        if (m.group(1) == null) {
            if (!SCENARIO_FIELDS.contains(m.group(2))) {
                throw new InputException("--set " + text, "", SET_FORMS);
            }
            return new SetField(null, m.group(2), m.group(3));
        }
        return new SetField(m.group(1), m.group(2), m.group(3));
    }

    /** Applies edits in order. */
    static Scenario applyAll(Scenario s, List<Edit> edits, Vocabulary vocabulary) {
        Scenario out = s;
        for (Edit e : edits) {
            out = e.apply(out, vocabulary);
        }
        return out;
    }

    private static void checkTreatment(Edit e, Treatment t, Scenario s, Vocabulary vocabulary) {
        if (!vocabulary.knows(t.agent())) {
            throw error(e, "unknown agent '" + t.agent() + "'; the knowledge base knows: "
                    + String.join(", ", vocabulary.agentNames()) + Suggest.hint(t.agent(), vocabulary.agentNames()));
        }
        if (t.on() != null && s.cell(t.on()).isEmpty()) {
            List<String> ids = s.cells().stream().map(Cell::id).toList();
            throw error(e, "'" + t.on() + "' names no cell of the scenario; cells: " + String.join(", ", ids)
                    + Suggest.hint(t.on(), ids));
        }
    }

    private static InputException error(Edit e, String detail) {
        return new InputException(e.describe(), "", detail);
    }
}
