package org.adcckb.reasoning;

import java.util.Map;
import java.util.TreeMap;

/** The qualitative answer: each field one of none, low, moderate, high. */
public record Outcome(String adcc, String fratricide, String nkDepletion) {

    /** By the names the JSON format and expectations use. */
    public Map<String, String> asMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("adcc", adcc);
        m.put("fratricide", fratricide);
        m.put("nkDepletion", nkDepletion);
        return m;
    }
}
