package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adcckb.TestKb;
import org.adcckb.WideScenario;
import org.adcckb.report.WhyNotReport;
import org.adcckb.whatif.Goal;
import org.junit.jupiter.api.Test;

/**
 * Questions over their budget are answered 422 with what to narrow, named by the request's fields, while
 * the server goes on answering other requests; a request's "budget" lowers the server's but cannot raise it.
 */
class BudgetApiTest {

    private static final String WIDE_REFUSAL = "whynot: 78,788,839 combinations of up to 3 added treatments from 779 "
            + "candidates (12 agents, each in the whole system or on one of 64 cell populations) exceed the budget of "
            + "100,000 ($.budget.maxCombinations); narrow with $.agents, a smaller $.max, or fewer cells";

    private static String wide(String rest) {
        return "{\"scenario\": " + WideScenario.json() + ", " + rest + "}";
    }

    private static String low(String rest) {
        return "{\"scenario\": " + Api.lejeune("low-target-dara") + ", " + rest + "}";
    }

    @Test
    void theWideWhyNotIsRefusedWhileEvaluationsKeepAnswering() throws Exception {
        try (Server server = Api.start(ServeConfig.local(Api.facts(), TestKb.RULES))) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Api.Response>> whyNots = new ArrayList<>();
                List<Future<Api.Response>> evaluations = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    whyNots.add(clients.submit(() -> Api.post(server, "/api/whynot", wide("\"goal\": \"adcc>=moderate\", \"max\": 3"))));
                }
                // Within the count (19,110 sets) but not within half a second: stopped by its time.
                Future<Api.Response> timed = clients.submit(() -> Api.post(server, "/api/whynot", wide("\"goal\": \"adcc>=moderate\", "
                        + "\"max\": 2, \"agents\": [\"atra\", \"ifn_alpha\", \"cd38_nanobody\"], \"budget\": {\"maxMillis\": 500}")));
                for (int i = 0; i < 24; i++) {
                    evaluations.add(clients.submit(() -> Api.post(server, "/api/evaluate", Api.lejeune("low-target-dara"))));
                }

                assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
                    for (Future<Api.Response> f : whyNots) {
                        Api.Response r = f.get();
                        assertThat(r.status()).as(r.body()).isEqualTo(422);
                        assertThat(r.error()).isEqualTo(WIDE_REFUSAL);
                    }
                    Api.Response t = timed.get();
                    assertThat(t.status()).as(t.body()).isEqualTo(422);
                    assertThat(t.error()).isEqualTo("whynot: stopped at the time budget of 500 ms ($.budget.maxMillis) before the "
                            + "answer over sets of up to 2 added treatments from 195 candidates was complete; narrow with $.agents, "
                            + "a smaller $.max, or fewer cells, or allow more time with $.budget.maxMillis");
                    for (Future<Api.Response> f : evaluations) {
                        Api.Response r = f.get();
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        assertThat(r.json().path("outcome").path("adcc").asText()).isEqualTo("none");
                    }
                });
            } finally {
                clients.shutdownNow();
            }
            assertThat(Api.get(server, "/api/status").status()).as("the server is still up").isEqualTo(200);
        }
    }

    @Test
    void aRequestCannotRaiseTheServersBudget() {
        Api.Response r = Api.post(Api.shared(), "/api/whynot", wide("\"goal\": \"adcc>=moderate\", \"max\": 3, "
                + "\"budget\": {\"maxCombinations\": 1000000000000, \"maxMillis\": 100000000}"));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error()).isEqualTo(WIDE_REFUSAL);
    }

    @Test
    void aRequestWithinItsBudgetGetsTheAnswerItGetsWithoutOne() {
        Api.Response r = Api.post(Api.shared(), "/api/whynot", low("\"goal\": \"adcc>=moderate\", \"max\": 2, "
                + "\"agents\": [\"atra\", \"cd38_nanobody\"], \"budget\": {\"maxCombinations\": 27, \"maxSolutions\": 5}"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode expected = WhyNotReport.json(TestKb.api().whyNot(TestKb.lejeune("low-target-dara"), Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary()),
                2, List.of("atra", "cd38_nanobody")), TestKb.kb().fingerprint());
        assertThat(r.json()).isEqualTo(expected);
        // 2 agents, each in the system or on mm or nk: 6 candidates, 6 + 15 sets.
        Api.Response over = Api.post(Api.shared(), "/api/whynot", low("\"goal\": \"adcc>=moderate\", \"max\": 2, "
                + "\"agents\": [\"atra\", \"cd38_nanobody\"], \"budget\": {\"maxCombinations\": 20}"));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.error()).isEqualTo("whynot: 21 combinations of up to 2 added treatments from 6 candidates (2 agents, "
                + "each in the whole system or on one of 2 cell populations) exceed the budget of 20 ($.budget.maxCombinations); "
                + "narrow with $.agents, a smaller $.max, or fewer cells");
    }

    @Test
    void aSweepOverItsBudgetIs422NamingTheRequestsFields() {
        Api.Response r = Api.post(Api.shared(), "/api/sweep", low("\"vary\": [\"atra@mm,ifn_alpha@mm,cd38_nanobody@nk\"], "
                + "\"budget\": {\"maxCombinations\": 7}"));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("sweep: 8 combinations of 3 factors exceed the budget of 7 ($.budget.maxCombinations); "
                + "vary fewer factors or levels ($.vary)");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("--");
    }

    @Test
    void theBudgetFieldsAreCheckedLikeEveryOther() {
        Api.Response typo = Api.post(Api.shared(), "/api/whynot", low("\"goal\": \"adcc>=moderate\", \"budget\": {\"maxCombinatons\": 5}"));
        Api.Response zero = Api.post(Api.shared(), "/api/sweep", low("\"vary\": [\"atra@mm\"], \"budget\": {\"maxMillis\": 0}"));
        Api.Response fraction = Api.post(Api.shared(), "/api/whynot", low("\"goal\": \"adcc>=moderate\", \"budget\": {\"maxSolutions\": 2.5}"));
        Api.Response notAnObject = Api.post(Api.shared(), "/api/sweep", low("\"vary\": [\"atra@mm\"], \"budget\": 5"));
        Api.Response whatIf = Api.post(Api.shared(), "/api/whatif", low("\"add\": [\"atra@mm\"], \"budget\": {\"maxCombinations\": 5}"));

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error()).isEqualTo("request body: $.budget.maxCombinatons: unknown field 'maxCombinatons'; allowed here: "
                + "maxCombinations, maxMillis, maxSolutions (did you mean 'maxCombinations'?)");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.error()).isEqualTo("request body: $.budget.maxMillis: must be a whole number from 1 up, got 0");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.error()).isEqualTo("request body: $.budget.maxSolutions: must be a whole number from 1 up, got 2.5");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.error()).startsWith("request body: $.budget: expected a JSON object");
        assertThat(whatIf.status()).as("what-if evaluates two scenarios: only its time is bounded").isEqualTo(400);
        assertThat(whatIf.error()).startsWith("request body: $.budget.maxCombinations: unknown field 'maxCombinations'; allowed here: maxMillis");
    }

    @Test
    void aWhatIfOutOfTimeIs422() {
        Api.Response r = Api.post(Api.shared(), "/api/whatif", wide("\"add\": [\"atra@mm00\"], \"budget\": {\"maxMillis\": 1}"));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("whatif: stopped at the time budget of 1 ms ($.budget.maxMillis) before both scenarios "
                + "were evaluated; allow more time with $.budget.maxMillis");
    }

    @Test
    void theServersBudgetIsItsConfiguration() {
        var ceiling = org.adcckb.whatif.Budget.DEFAULT.withMaxCombinations(7);
        try (Server server = Api.start(ServeConfig.local(Api.facts(), TestKb.RULES).withBudget(ceiling))) {
            String sweep = low("\"vary\": [\"atra@mm\", \"ifn_alpha@mm\", \"cd38_nanobody@nk\"]");
            Api.Response r = Api.post(server, "/api/sweep", sweep);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.error()).startsWith("sweep: 8 combinations of 3 factors exceed the budget of 7 ($.budget.maxCombinations)");
        }
        // The same request within the default budget is answered.
        Api.Response ok = Api.post(Api.shared(), "/api/sweep",
                low("\"vary\": [\"atra@mm\", \"ifn_alpha@mm\", \"cd38_nanobody@nk\"]"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
}
