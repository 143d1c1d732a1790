package org.adcckb.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adcckb.TestKb;
import org.adcckb.report.JsonReport;
import org.adcckb.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The reasoner keeps descriptions of fact values, and the JSON writer their encodings, in bounded memos. Past the
 * bounds (a cohort of ever new cell ids) values are described and written without them: the
 * results must not change by a byte.
 */
class MemoBoundsTest {

    private static Scenario scenario(int i) {
        String[] levels = {"low", "medium", "high"};
        return TestKb.scenario("bounds-" + i)
                .myeloma("mm-" + i, levels[i % 3])
                .myeloma("mx-" + i, levels[(i + 1) % 3])
                .nk("nk-" + i, levels[(i + 2) % 3], i % 2 == 0 ? "158V" : "158F")
                .treat("daratumumab")
                .treat(i % 2 == 0 ? "atra" : "ifn_alpha", "mm-" + i)
                .treat("cd38_nanobody", "nk-" + i)
                .build();
    }

    @Test
    void pastTheMemosBoundsResultsAreTheSameBytes() {
        Reasoner reasoner = TestKb.reasoner(); // one reasoner: its memos fill up as the cohort goes on
        Set<String> distinctFacts = new HashSet<>();
        List<byte[]> late = new ArrayList<>();
        int n = 420;
        for (int i = 0; i < n; i++) {
            Evaluation ev = reasoner.evaluate(scenario(i));
            for (Node node : ev.explanation().nodes()) {
                distinctFacts.add(node.key() + "=" + node.data());
            }
            if (i >= n - 10) {
                late.add(JsonReport.line(ev, "fp", true));
            }
        }
        // More distinct fact values than the memos keep (8,192 each): the last results were made past the bounds.
        assertThat(distinctFacts.size()).isGreaterThan(8192);
        for (int k = 0; k < late.size(); k++) {
            Evaluation fresh = TestKb.reasoner().evaluate(scenario(n - 10 + k));
            assertThat(new String(late.get(k), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(JsonReport.line(fresh, "fp", true), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
