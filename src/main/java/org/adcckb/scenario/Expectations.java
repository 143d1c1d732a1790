package org.adcckb.scenario;

import java.util.List;
import java.util.Map;

/**
 * What the literature says a scenario should give, checked by {@code ./adcc test} and the JUnit suite.
 *
 * <p>Absolute checks hold a level or a bound ({@code "low"}, {@code ">= moderate"}), or a number for
 * {@code cd38Fold}; comparisons with another scenario hold {@code higher}, {@code lower} or
 * {@code same}.
 *
 * @param findings the findings it encodes (ids of docs/LITERATURE.md such as {@code L09})
 * @param claim    the published statement, in a sentence
 * @param source   the DOI or PMID of the finding
 * @param evidence the provenance tag of the finding (docs/LITERATURE.md, "Provenance tags": {@code READ}, {@code READ-2nd},
 *                 {@code RECALL}, {@code INFER}; the weakest when it encodes several), or null
 * @param outcome  outcome field ({@code adcc}, {@code fratricide}, {@code nkDepletion}) to expected value
 * @param cells    cell id to field ({@code cd38}, {@code cd38Fold}, {@code depletion},
 *                 {@code binding.<antibody>}) to expected value
 * @param compare  comparisons with other scenarios
 * @param whatif   comparisons with edited copies of this scenario ("adding atra@mm raises adcc")
 */
public record Expectations(List<String> findings, String claim, String source, String evidence, Map<String, String> outcome,
                           Map<String, Map<String, String>> cells, List<Comparison> compare, List<Comparison> whatif) {

    /**
     * A comparison of one scenario ("A") against another ("B"): A's value is higher, lower or the same.
     * Against scenario {@code with}, A is this scenario; for a what-if ({@code with} null), A is this
     * scenario after {@code edits} and B the scenario as written.
     */
    public record Comparison(String with, List<Edit> edits, Map<String, String> outcome,
                             Map<String, Map<String, String>> cells, String path) {

        public String label() {
            return with != null ? with : String.join(", ", edits.stream().map(Edit::describe).toList());
        }
    }
}
