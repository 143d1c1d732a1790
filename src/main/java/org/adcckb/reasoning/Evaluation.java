package org.adcckb.reasoning;

import java.util.Map;
import org.adcckb.scenario.Scenario;

/** A scenario with everything reasoning derived from it. Cells are keyed and ordered by id. */
public record Evaluation(Scenario scenario, Outcome outcome, Map<String, CellState> cells, Explanation explanation) {
}
