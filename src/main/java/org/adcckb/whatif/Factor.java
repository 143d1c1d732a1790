package org.adcckb.whatif;

import java.util.ArrayList;
import java.util.List;
import org.adcckb.input.InputException;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/** One dimension of a sweep: a treatment present or absent, or a cell field taking each of several values. */
public sealed interface Factor {

    /** How it is written: {@code atra@mm} or {@code mm.cd38}. */
    String label();

    /** The levels, first the reference: {@code absent, present} or the values in the order given. */
    List<String> levels();

    /** The scenario with this factor at level {@code level}. */
    Scenario apply(Scenario s, int level, Vocabulary vocabulary);

    record TreatmentFactor(Treatment treatment) implements Factor {
        @Override
        public String label() {
            return treatment.toString();
        }

        @Override
        public List<String> levels() {
            return List.of("absent", "present");
        }

        @Override
        public Scenario apply(Scenario s, int level, Vocabulary vocabulary) {
            boolean there = s.treatments().contains(treatment);
            if (level == 1 && !there) {
                return new Edit.Add(treatment).apply(s, vocabulary);
            }
            if (level == 0 && there) {
                return new Edit.Remove(treatment).apply(s, vocabulary);
            }
            return s;
        }
    }

    /** {@code cell} is null for the scenario's {@code setting} or {@code course}. */
    record FieldFactor(String cell, String field, List<String> values) implements Factor {
        @Override
        public String label() {
            return cell == null ? field : cell + "." + field;
        }

        @Override
        public List<String> levels() {
            return values;
        }

        @Override
        public Scenario apply(Scenario s, int level, Vocabulary vocabulary) {
            return new Edit.SetField(cell, field, values.get(level)).apply(s, vocabulary);
        }
    }

    /**
     * Parses one {@code --vary} value: comma-separated {@code AGENT[@CELL]} or {@code CELL.FIELD=v1|v2|...}
     * items; each factor is checked against the scenario by applying all its levels.
     */
    static List<Factor> parse(String text, Scenario s, Vocabulary vocabulary) {
        List<Factor> out = parse(text);
        check(out, s, vocabulary);
        return out;
    }

    /**
     * The factors one {@code --vary} value names, as written, not yet checked against a scenario; blank
     * items between commas name nothing. A value that names no factor at all is refused.
     */
    static List<Factor> parse(String text) {
        List<Factor> out = new ArrayList<>();
        for (String raw : text.split(",")) {
            String t = raw.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.contains("=")) {
                int eq = t.indexOf('=');
                String left = t.substring(0, eq);
                int dot = left.lastIndexOf('.'); // the field is after the last dot: cell ids may hold dots
                List<String> values = java.util.Arrays.stream(t.substring(eq + 1).split("\\|", -1)).map(String::strip).toList();
                boolean scenarioField = Edit.SCENARIO_FIELDS.contains(left.strip());
                if ((dot < 1 && !scenarioField) || values.stream().anyMatch(String::isBlank)
                        || values.stream().distinct().count() != values.size()) {
                    throw new InputException("--vary " + t, "", "expected CELL.FIELD=v1|v2|..., setting=in_vitro|in_vivo "
                            + "or course=v1|v2|..., distinct values, such as nk.cd38=low|high");
                }
                out.add(scenarioField ? new FieldFactor(null, left.strip(), values)
                        : new FieldFactor(left.substring(0, dot).strip(), left.substring(dot + 1).strip(), values));
            } else {
                out.add(new TreatmentFactor(Edit.treatment("--vary", t)));
            }
        }
        if (out.isEmpty()) {
            throw new InputException("--vary " + (text.isBlank() ? "'" + text + "'" : text), "", "names no factor; expected AGENT[@CELL],... or CELL.FIELD=v1|v2");
        }
        return out;
    }

    /** Refuses a factor that does not fit the scenario (an unknown agent or cell, a bad value) by applying each of its levels. */
    static void check(List<Factor> factors, Scenario s, Vocabulary vocabulary) {
        boolean course = factors.stream().anyMatch(f -> f instanceof FieldFactor ff && ff.cell() == null && "course".equals(ff.field()));
        for (Factor f : factors) {
            if (course && f instanceof FieldFactor ff && ff.cell() == null && "setting".equals(ff.field())
                    && ff.values().contains("in_vitro")) {
                throw new InputException("--vary " + f.label(), "", "course applies only to in_vivo scenarios, and "
                        + "course is varied too; vary the course in an in_vivo scenario, without setting=in_vitro");
            }
        }
        for (Factor f : factors) {
            for (int level = 0; level < f.levels().size(); level++) {
                try {
                    f.apply(s, level, vocabulary);
                } catch (InputException e) {
                    throw new InputException("--vary " + f.label(), "", e.detail());
                }
            }
        }
    }
}
