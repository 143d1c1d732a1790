package org.adcckb.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.adcckb.facts.Cell;

/**
 * One experiment or clinical situation: cell populations, treatments and, optionally, what the
 * literature says should come out of it. Cells and treatments are kept sorted, so the order they were
 * written in cannot change an answer.
 *
 * @param origin where it was read from, for messages
 */
public record Scenario(String id, String title, String setting, List<Cell> cells, List<Treatment> treatments,
                       Expectations expect, String origin) {

    public static final List<String> SETTINGS = List.of("in_vitro", "in_vivo");

    public Scenario {
        cells = cells.stream().sorted(Comparator.comparing(Cell::id)).toList();
        treatments = treatments.stream().sorted().toList();
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Expectations> expectations() {
        return Optional.ofNullable(expect);
    }
}
