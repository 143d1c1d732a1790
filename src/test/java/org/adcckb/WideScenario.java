package org.adcckb;

import java.util.ArrayList;
import java.util.List;

/**
 * The widest scenario the default limits accept: 63 CD38-low myeloma populations and one NK-92 population
 * (64 cells) with daratumumab. A why-not over it with every agent has 779 candidate treatments, so
 * {@code --max 3} means 78,788,839 sets: the question that budgets exist for.
 */
public final class WideScenario {

    public static final int CELLS = 64;
    /** 12 agents, each in the system or on one of 64 cells, less daratumumab already in the system. */
    public static final int CANDIDATES = 12 * (CELLS + 1) - 1;

    private WideScenario() {
    }

    /** The scenario as a JSON document. */
    public static String json() {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < CELLS - 1; i++) {
            cells.add(String.format(java.util.Locale.ROOT,
                    "{\"id\": \"mm%02d\", \"type\": \"myeloma\", \"line\": \"CD38-low myeloma line\", \"cd38\": \"low\"}", i));
        }
        cells.add("{\"id\": \"nk\", \"type\": \"nk\", \"line\": \"NK-92 with CD16 (158V, assumed)\", \"cd16\": \"158V\", \"cd38\": \"high\"}");
        return "{\"id\": \"wide-64\", \"title\": \"63 CD38-low myeloma populations and NK-92 with daratumumab\", "
                + "\"setting\": \"in_vitro\", \"cells\": [" + String.join(", ", cells) + "], "
                + "\"treatments\": [{\"agent\": \"daratumumab\"}]}";
    }

    /** The scenario, read as a file would be. */
    public static org.adcckb.scenario.Scenario read() {
        return new org.adcckb.scenario.ScenarioReader(TestKb.kb().vocabulary(), org.adcckb.input.Limits.DEFAULT)
                .read(json().getBytes(java.nio.charset.StandardCharsets.UTF_8), "wide-64.json");
    }
}
