package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.TestKb;
import org.adcckb.reasoning.RunLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws answers 500 naming the rule, logged on one line; a rule that never returns is
 * stopped at --max-millis and answers 400 like a rule set that does not settle; the server answers the
 * next request as before. The defective rules fire only for populations named "boom" and "spin", so the
 * shipped scenarios (which new rules are tried on) pass and the rules load.
 */
class RuleErrorsApiTest {

    private static final long MAX_MILLIS = 500;

    @TempDir
    static Path tmp;

    private static Server server;
    private static final StringWriter LOG = new StringWriter();

    @BeforeAll
    static void start() throws IOException {
        Path rules = DefectiveRules.copy(tmp);
        Files.writeString(rules.resolve("defects.drl"), DefectiveRules.file(
                DefectiveRules.throwing("Boom", "id == \"boom\""), DefectiveRules.spinning("Spin", "id == \"spin\"")));
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules).withRun(RunLimits.DEFAULT.withMaxMillis(MAX_MILLIS));
        server = Server.start(config, new PrintWriter(LOG, true));
        assertThat(server.loadError()).as("the rules with the defects load").isNull();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRuleThatThrowsIs500NamingTheRuleWithOneLogLine() {
        int logLines = LOG.toString().split("\n", -1).length;

        Api.Response r = Api.post(server, "/api/evaluate", DefectiveRules.scenarioWithTarget("boom"));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.error()).contains("rule \"Boom\" (").contains("defects.drl:").contains("IllegalStateException: boom")
                .doesNotContain("ConsequenceException").doesNotContain("\tat ");
        String log = LOG.toString();
        String[] lines = log.split("\n", -1);
        assertThat(lines.length - logLines).as("one more log line:%n%s", log).isEqualTo(1);
        assertThat(lines[lines.length - 2]).startsWith("adcc serve: POST /api/evaluate: ").contains("\"Boom\"")
                .contains("IllegalStateException: boom");
        assertThat(log).doesNotContain("ConsequenceException").doesNotContain("\tat ");
    }

    @Test
    void everyQuestionReportsTheFailingRule() {
        String boom = DefectiveRules.scenarioWithTarget("boom");

        Api.Response whatIf = Api.post(server, "/api/whatif", "{\"scenario\": " + boom + ", \"add\": [\"atra@boom\"]}");
        Api.Response sweep = Api.post(server, "/api/sweep", "{\"scenario\": " + boom + ", \"vary\": [\"atra@boom\"]}");

        assertThat(whatIf.status()).isEqualTo(500);
        assertThat(whatIf.error()).contains("\"Boom\"");
        assertThat(sweep.status()).isEqualTo(500);
        assertThat(sweep.error()).contains("\"Boom\"");
    }

    @Test
    void aRuleThatNeverReturnsIsStoppedAndAnswered400NamingTheRule() {
        Api.Response r = Api.post(server, "/api/evaluate", DefectiveRules.scenarioWithTarget("spin"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("did not finish within " + MAX_MILLIS + " ms").contains("rule \"Spin\" (")
                .contains("defects.drl:");
    }

    @Test
    void theServerKeepsAnsweringAfterEither() {
        for (int i = 0; i < 3; i++) {
            assertThat(Api.post(server, "/api/evaluate", DefectiveRules.scenarioWithTarget("spin")).status()).isEqualTo(400);
            assertThat(Api.post(server, "/api/evaluate", DefectiveRules.scenarioWithTarget("boom")).status()).isEqualTo(500);
            Api.Response ok = Api.post(server, "/api/evaluate", DefectiveRules.scenarioWithTarget("mm"));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().path("outcome").path("adcc").asText()).isEqualTo("none");
        }
        assertThat(Api.get(server, "/api/status").json().path("state").asText()).isEqualTo("ok");
    }
}
