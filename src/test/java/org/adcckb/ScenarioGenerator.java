package org.adcckb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.adcckb.facts.Agent;
import org.adcckb.facts.Cd38Subset;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Levels;
import org.adcckb.kb.Vocabulary;
import org.adcckb.property.Choices;
import org.adcckb.property.Property;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/**
 * Random valid scenarios built from the knowledge base's vocabulary, not from a list written here: every
 * cell type the vocabulary declares (none to three populations of each, usually one to three), every
 * CD38 level or a knockout, a CD16 variant for types that carry CD16, either setting (in vivo, any course
 * the vocabulary declares), every agent in the whole system and/or pre-incubated on any populations, and
 * now and then a population made of two CD38 subsets.
 *
 * <p>The choices have a fixed layout, so that shrinking one does not change the meaning of the others:
 * every population slot is drawn (with a flag saying whether it is in the scenario), and so is every
 * agent's flag for every slot. Each choice's simplest answer (0) is the simpler scenario: a slot left
 * out, no treatment, CD38 {@code none}, no CD16, {@code in_vitro}. So a shrunk counterexample keeps only
 * what it needs to fail.
 */
final class ScenarioGenerator implements Property.Gen<Scenario> {

    /** At most this many populations of each cell type. */
    static final int MAX_PER_TYPE = 3;
    /** Chance (%) that each population slot of a type is used: one to three populations, none in about one scenario in twenty. */
    private static final int[] PRESENT = {85, 55, 35};
    /** Cell ids use the whole alphabet of the format, {@code [a-z0-9._-]}, so no order of ids is privileged. */
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    private static final int MAX_ID_LENGTH = 3;

    private final Vocabulary vocabulary;
    private final List<String> cellTypes;
    private final List<Agent> agents;

    ScenarioGenerator(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.cellTypes = List.copyOf(vocabulary.cellTypeNames());
        this.agents = List.copyOf(vocabulary.agents().values());
    }

    @Override
    public Scenario generate(Choices c) {
        String setting = c.pick(Scenario.SETTINGS);
        List<Cell> slots = new ArrayList<>(); // null where the slot is not used
        Set<String> ids = new HashSet<>();
        for (String type : cellTypes) {
            for (int k = 0; k < MAX_PER_TYPE; k++) {
                boolean present = c.chance(PRESENT[k]);
                Cell cell = cell(c, type);
                slots.add(present ? withUniqueId(cell, ids) : null);
            }
        }
        List<Cell> cells = slots.stream().filter(Objects::nonNull).toList();
        if (cells.isEmpty()) {
            // A scenario needs a population: the simplest one.
            cells = List.of(new Cell("a", cellTypes.get(0), "none", "none", false, null));
        }
        List<Treatment> treatments = new ArrayList<>();
        // Chances scale with the vocabulary, so a scenario holds a few treatments however many agents there are.
        int scale = Math.max(1, agents.size());
        for (Agent a : agents) {
            // Antibodies more often, so that most scenarios have something to explain.
            if (c.chance("antibody".equals(a.role()) ? Math.min(65, 260 / scale) : Math.min(35, 140 / scale))) {
                treatments.add(new Treatment(a.name(), null));
            }
            for (Cell slot : slots) {
                boolean on = c.chance(Math.max(2, Math.min(20, 40 / scale)));
                if (on && slot != null) {
                    treatments.add(new Treatment(a.name(), slot.id()));
                }
            }
        }
        // Drawn last, so that the choices above keep their meaning: a course, and CD38 subsets for some populations.
        List<Vocabulary.Course> courses = new ArrayList<>(List.of(vocabulary.defaultCourse()));
        vocabulary.courses().stream().filter(k -> !k.isDefault()).forEach(courses::add);
        Vocabulary.Course course = c.pick(courses);
        List<Cell> mixed = new ArrayList<>();
        for (Cell slot : slots) {
            Cell m = mixed(c, slot);
            if (slot != null && cells.contains(slot)) {
                mixed.add(m);
            }
        }
        if (!mixed.isEmpty()) {
            cells = mixed;
        }
        return new Scenario("generated", null, setting, "in_vivo".equals(setting) ? course : null, cells, treatments, null,
                "generated");
    }

    /** Fractions a generated subset takes: tenths, so that the two of a population sum to 1. */
    private static final List<Double> FRACTIONS = List.of(0.5, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9);

    /**
     * Sometimes a CD38-expressing population made of two subsets: its level and another, the level given
     * becoming their mean. Always draws the same choices, used or not.
     */
    private Cell mixed(Choices c, Cell slot) {
        boolean mix = c.chance(15);
        String other = c.pick(Levels.CD38);
        double fraction = c.pick(FRACTIONS);
        if (slot == null || !mix || !slot.cd38Expressed() || other.equals(slot.cd38())) {
            return slot;
        }
        List<Cd38Subset> subsets = List.of(new Cd38Subset(slot.id(), slot.cd38(), 1 - fraction),
                new Cd38Subset(slot.id(), other, fraction));
        return new Cell(slot.id(), slot.type(), Cd38Subset.meanLevel(subsets, vocabulary.cd38Scale()), slot.cd16(), false,
                slot.line(), subsets);
    }

    private Cell cell(Choices c, String type) {
        int length = 1 + c.below(MAX_ID_LENGTH);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < MAX_ID_LENGTH; i++) {
            char ch = ID_CHARS.charAt(c.below(ID_CHARS.length()));
            if (i < length) {
                id.append(ch);
            }
        }
        boolean knockout = c.chance(12);
        String cd38 = c.pick(Levels.CD38);
        String cd16 = vocabulary.carriesCd16(type) ? c.pick(Levels.CD16) : "none";
        return new Cell(id.toString(), type, knockout ? "none" : cd38, cd16, knockout, null);
    }

    private static Cell withUniqueId(Cell c, Set<String> ids) {
        String id = c.id();
        for (int i = 2; !ids.add(id); i++) {
            id = c.id() + "-" + i;
        }
        return new Cell(id, c.type(), c.cd38(), c.cd16(), c.cd38Knockout(), c.line());
    }
}
