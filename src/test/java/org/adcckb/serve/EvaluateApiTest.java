package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.TestKb;
import org.adcckb.report.JsonReport;
import org.junit.jupiter.api.Test;

/** POST /api/evaluate: explain's JSON plus the graph, and the command line's messages for bad scenarios. */
class EvaluateApiTest {

    private final Server server = Api.shared();

    @Test
    void answersWhatExplainFormatJsonAnswersPlusTheGraph() {
        Api.Response r = Api.post(server, "/api/evaluate", Api.lejeune("atra-nanobody-low-target"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        ObjectNode got = (ObjectNode) r.json();
        assertThat(got.path("graph").asText().strip()).startsWith("<svg").contains("data-key=\"surface:mm\"").endsWith("</svg>");
        got.remove("graph");
        ObjectNode expected = JsonReport.toJson(TestKb.api().evaluate(TestKb.lejeune("atra-nanobody-low-target")),
                TestKb.kb().fingerprint());
        assertThat(got).isEqualTo(expected);
        assertThat(got.path("outcome").path("adcc").asText()).isEqualTo("moderate");
    }

    @Test
    void aBadValueIsRefusedWith400NamingTheJsonPathAndTheValue() {
        String body = Api.lejeune("low-target-dara").replace("\"cd38\": \"low\"", "\"cd38\": \"lowish\"");

        Api.Response r = Api.post(server, "/api/evaluate", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("request body: $.cells[0].cd38: ").contains("'lowish'").contains("low, medium, high");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedJsonIsRefusedWithLineAndColumn() {
        Api.Response r = Api.post(server, "/api/evaluate", "{\"id\": \"x\",\n \"cells\": [}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("request body: line 2, column").contains("malformed JSON");
    }

    @Test
    void anUnknownAgentIsRefusedWithTheClosestKnownOne() {
        String body = Api.lejeune("low-target-dara").replace("\"agent\": \"daratumumab\"", "\"agent\": \"daratumumb\"");

        Api.Response r = Api.post(server, "/api/evaluate", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("request body: $.treatments[0].agent: unknown agent 'daratumumb'")
                .contains("did you mean 'daratumumab'?");
    }

    @Test
    void theHtmlReportOfAScenario() {
        Api.Response byPath = Api.get(server, "/api/report?path=lejeune-2021/low-target-dara.json");
        Api.Response posted = Api.post(server, "/api/report", Api.lejeune("low-target-dara"));

        assertThat(byPath.status()).isEqualTo(200);
        assertThat(byPath.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(byPath.body()).contains("<html").contains("lejeune2021-low-target-dara");
        assertThat(posted.body()).isEqualTo(byPath.body());
    }
}
