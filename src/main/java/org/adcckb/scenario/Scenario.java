package org.adcckb.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.adcckb.facts.Cd38Subset;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Setting;
import org.adcckb.kb.Vocabulary;

/**
 * One experiment or clinical situation: cell populations, treatments and, optionally, what the
 * literature says should come out of it. Cells and treatments are kept sorted, so the order they were
 * written in cannot change an answer.
 *
 * @param course the course of treatment of an {@code in_vivo} scenario (never null there); null {@code in_vitro}
 * @param origin where it was read from, for messages
 */
public record Scenario(String id, String title, String setting, Vocabulary.Course course, List<Cell> cells,
                       List<Treatment> treatments, Expectations expect, String origin) {

    public static final List<String> SETTINGS = List.of("in_vitro", "in_vivo");

    public Scenario {
        java.util.Objects.requireNonNull(cells, "a scenario needs a list of cells (null given)");
        java.util.Objects.requireNonNull(treatments, "a scenario needs a list of treatments, which may be empty (null given)");
        if ("in_vivo".equals(setting) == (course == null)) {
            throw new IllegalArgumentException(course == null ? "an in_vivo scenario needs a course"
                    : "course applies only to in_vivo scenarios, and " + id + " is " + setting);
        }
        cells = cells.stream().sorted(Comparator.comparing(Cell::id)).toList();
        treatments = treatments.stream().sorted().toList();
    }

    /**
     * A scenario in {@code setting}, on the vocabulary's default course when that is {@code in_vivo}: what a
     * scenario file that gives no course reads as.
     */
    public Scenario(String id, String title, String setting, List<Cell> cells, List<Treatment> treatments,
                    Expectations expect, String origin, Vocabulary vocabulary) {
        this(id, title, setting, "in_vivo".equals(setting) ? vocabulary.defaultCourse() : null, cells, treatments, expect, origin);
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Expectations> expectations() {
        return Optional.ofNullable(expect);
    }

    public boolean inVivo() {
        return "in_vivo".equals(setting);
    }

    /** The name of the course of treatment, null in vitro. */
    public String courseName() {
        return course == null ? null : course.name();
    }

    /** The setting as rules see it. */
    public Setting settingFact() {
        return new Setting(setting, courseName());
    }

    /** The CD38 subsets of the populations given by them, as rules see them: by cell id, then level. */
    public List<Cd38Subset> subsetFacts() {
        List<Cd38Subset> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.heterogeneous()) {
                out.addAll(c.subsets());
            }
        }
        return out;
    }

    /** The same scenario with other cells and treatments, without expectations (an edited copy). */
    Scenario with(List<Cell> newCells, List<Treatment> newTreatments) {
        return new Scenario(id, title, setting, course, newCells, newTreatments, null, origin);
    }
}
