package org.adcckb.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.input.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A content that comes back is answered from the table with the same bytes a fresh evaluation gives, its
 * own id and title written in, whatever the order of its cells, treatments and fields.
 */
class TablingTest {

    private static final String MM_HIGH = "{\"id\":\"mm\",\"type\":\"myeloma\",\"cd38\":\"high\"}";
    private static final String NK = "{\"id\":\"nk\",\"type\":\"nk\",\"cd16\":\"158V\",\"cd38\":\"high\"}";
    private static final String DARA = "{\"agent\":\"daratumumab\"}";
    private static final String ATRA = "{\"agent\":\"atra\",\"on\":\"mm\"}";

    /** The same two contents under many ids and titles, in permuted orders, and one bad line among them. */
    static List<String> cohort() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String cells = i % 2 == 0 ? MM_HIGH + "," + NK : NK + "," + MM_HIGH;
            String treatments = i % 3 == 0 ? DARA + "," + ATRA : ATRA + "," + DARA;
            String title = i % 4 == 0 ? "" : ",\"title\":\"run \\\"" + i + "\\\" \\u00e9\"";
            if (i % 5 == 4) {
                lines.add("{\"cells\":[" + cells + "],\"id\":\"s" + i + "\"" + title + ",\"treatments\":[" + DARA + "]}");
            } else {
                lines.add("{\"id\":\"s-" + i + ".x\"" + title + ",\"cells\":[" + cells + "],\"treatments\":[" + treatments + "]}");
            }
        }
        lines.add(6, "{\"id\":\"bad\",\"cells\":[" + MM_HIGH + "],\"treatments\":[{\"agent\":\"atr\"}]}");
        return lines;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRepeatedContentGivesTheBytesOfAFreshEvaluation(boolean explain) {
        Lines shared = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, explain);
        List<String> lines = cohort();
        for (int i = 0; i < lines.size(); i++) {
            Lines fresh = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, explain);
            String expected = fresh.evaluate(lines.get(i), i + 1, "cohort.jsonl");
            assertThat(shared.evaluate(lines.get(i), i + 1, "cohort.jsonl")).as("line %d", i + 1).isEqualTo(expected);
        }
        // Two contents (with daratumumab and ATRA, with daratumumab alone): two results tabled for 12 good lines.
        assertThat(shared.tabled()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aFullTableTurnsOverAndStaysBounded(int seed) {
        ResultTable table = new ResultTable(4_000);
        for (int i = 0; i < 200; i++) {
            var content = new ResultTable.Content("in_vitro", null, List.of(), List.of(
                    new org.adcckb.scenario.Treatment("agent" + (i + seed), null)));
            table.put(content, new byte[100]);
            assertThat(table.get(content)).hasSize(100);
        }
        // 612 bytes an entry against 4,000 a generation: never more than two generations' worth.
        assertThat(table.size()).isLessThanOrEqualTo(2 * (4_000 / 612 + 1));
    }
}
