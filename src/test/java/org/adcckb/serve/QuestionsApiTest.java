package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.report.SweepReport;
import org.adcckb.report.WhatIfReport;
import org.adcckb.report.WhyNotReport;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Goal;
import org.junit.jupiter.api.Test;

/** /api/whatif, /api/sweep and /api/whynot answer what the commands answer with --format json. */
class QuestionsApiTest {

    private final Server server = Api.shared();

    private static String request(String scenario, String rest) {
        return "{\"scenario\": " + Api.lejeune(scenario) + ", " + rest + "}";
    }

    @Test
    void whatIfGivesWhatIfReportJson() {
        Api.Response r = Api.post(server, "/api/whatif", request("low-target-dara", "\"add\": [\"cd38_nanobody@nk\"]"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Scenario s = TestKb.lejeune("low-target-dara");
        JsonNode expected = WhatIfReport.toJson(TestKb.api().whatIf(s, List.of(Edit.add("cd38_nanobody@nk"))), TestKb.kb().fingerprint());
        assertThat(r.json()).isEqualTo(expected);
    }

    @Test
    void whatIfEditsAreCheckedLikeTheCommandLine() {
        Api.Response unknown = Api.post(server, "/api/whatif", request("low-target-dara", "\"add\": [\"atr@mm\"]"));
        Api.Response none = Api.post(server, "/api/whatif", request("low-target-dara", "\"add\": []"));
        Api.Response field = Api.post(server, "/api/whatif", request("low-target-dara", "\"ad\": [\"atra@mm\"]"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).startsWith("add atr@mm: unknown agent 'atr'").contains("did you mean 'atra'?");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.error()).contains("give at least one edit");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.error()).startsWith("request body: $.ad: unknown field 'ad'").contains("did you mean 'add'?");
    }

    @Test
    void aMalformedEditIsNamedByItsPlaceInTheRequest() {
        Api.Response add = Api.post(server, "/api/whatif", request("low-target-dara", "\"add\": [\"atra@mm\", \"ATRA on mm\"]"));
        Api.Response set = Api.post(server, "/api/whatif", request("low-target-dara", "\"set\": [\"nk.cd38\"]"));

        assertThat(add.status()).isEqualTo(400);
        assertThat(add.error()).isEqualTo("request body: $.add[1]: 'ATRA on mm': expected AGENT or AGENT@CELL, such as atra@mm")
                .doesNotContain("--add");
        assertThat(set.status()).isEqualTo(400);
        assertThat(set.error()).startsWith("request body: $.set[0]: 'nk.cd38': expected CELL.FIELD=VALUE").doesNotContain("--set");
    }

    @Test
    void aBadNestedScenarioIsNamedAsSuch() {
        String body = "{\"scenario\": " + Api.lejeune("low-target-dara").replace("\"nk\",\n      \"line\"", "\"nkk\",\n      \"line\"")
                + ", \"add\": [\"atra@mm\"]}";

        Api.Response r = Api.post(server, "/api/whatif", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith(Questions.NESTED + ": $.cells[1].type: ").contains("'nkk'");
    }

    @Test
    void sweepGivesSweepReportJson() {
        Api.Response r = Api.post(server, "/api/sweep", request("low-target-dara", "\"vary\": [\"atra@mm,cd38_nanobody@nk\"]"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Scenario s = TestKb.lejeune("low-target-dara");
        JsonNode expected = SweepReport.json(TestKb.api().sweep(s,
                Factor.parse("atra@mm,cd38_nanobody@nk", s, TestKb.kb().vocabulary()), 2, null), TestKb.kb().fingerprint());
        assertThat(r.json()).isEqualTo(expected);
    }

    @Test
    void whyNotGivesWhyNotReportJson() {
        Api.Response r = Api.post(server, "/api/whynot", request("low-target-dara",
                "\"goal\": \"adcc>=moderate\", \"max\": 2, \"agents\": [\"atra\", \"cd38_nanobody\"]"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Scenario s = TestKb.lejeune("low-target-dara");
        JsonNode expected = WhyNotReport.json(TestKb.api().whyNot(s, Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary()), 2, List.of("atra", "cd38_nanobody")),
                TestKb.kb().fingerprint());
        assertThat(r.json()).isEqualTo(expected);
    }

    @Test
    void whyNotRefusesABadGoalAndMax() {
        Api.Response goal = Api.post(server, "/api/whynot", request("low-target-dara", "\"goal\": \"adc>=moderate\""));
        Api.Response max = Api.post(server, "/api/whynot", request("low-target-dara", "\"goal\": \"adcc>=moderate\", \"max\": 9"));

        assertThat(goal.status()).isEqualTo(400);
        assertThat(goal.error()).startsWith("request body: $.goal: 'adc>=moderate': ")
                .contains("'adc' is not an outcome").contains("did you mean 'adcc'?").doesNotContain("--goal");
        assertThat(max.status()).isEqualTo(400);
        assertThat(max.error()).isEqualTo("request body: $.max: must be a whole number from 1 to 4, got 9");
    }

    @Test
    void sweepAndWhyNotErrorsAreNamedByTheirPlaceInTheRequest() {
        Api.Response vary = Api.post(server, "/api/sweep", request("low-target-dara", "\"vary\": [\"atra@mm\", \"nk.cd38\"]"));
        Api.Response twice = Api.post(server, "/api/sweep", request("low-target-dara", "\"vary\": [\"atra@mm\", \"atra@mm\"]"));
        Api.Response agents = Api.post(server, "/api/whynot", request("low-target-dara",
                "\"goal\": \"adcc>=moderate\", \"agents\": [\"atr\"]"));

        assertThat(vary.status()).isEqualTo(400);
        assertThat(vary.error()).startsWith("request body: $.vary[1]: 'nk.cd38': ").doesNotContain("--vary");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.error()).startsWith("request body: $.vary: ").contains("given twice").doesNotContain("--vary");
        assertThat(agents.status()).isEqualTo(400);
        assertThat(agents.error()).startsWith("request body: $.agents: 'atr': unknown agent 'atr'").doesNotContain("--agents");
        Api.Response noAgents = Api.post(server, "/api/whynot", request("low-target-dara", "\"goal\": \"adcc>=moderate\", \"agents\": []"));
        assertThat(noAgents.status()).isEqualTo(400);
        assertThat(noAgents.error()).startsWith("request body: $.agents").contains("names no agent").doesNotContain("--agents");
        Api.Response noVary = Api.post(server, "/api/sweep", request("low-target-dara", "\"vary\": []"));
        assertThat(noVary.status()).isEqualTo(400);
        assertThat(noVary.error()).isEqualTo("request body: $.vary: is empty; give a list such as [\"atra@mm,cd38_nanobody@nk\"]");
    }
}
