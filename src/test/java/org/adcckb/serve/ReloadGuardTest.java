package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.adcckb.TestKb;
import org.adcckb.reasoning.RunLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New rules that compile but throw or never return on a scenario of the facts directory are not put in
 * service: the last good rules keep answering, /api/status names the rule and the scenario, and the log
 * says so once. Rules that start out that way leave the server without rules (503) until they are fixed.
 */
class ReloadGuardTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @TempDir
    Path tmp;

    private final StringWriter log = new StringWriter();

    private Server start(Path rules) {
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules).withRulesPoll(POLL)
                .withRun(RunLimits.DEFAULT.withMaxMillis(1000));
        try {
            return Server.start(config, new PrintWriter(log, true));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Polls /api/status until the condition holds, failing with the last status after the deadline. */
    private static JsonNode awaitStatus(Server s, Predicate<JsonNode> condition, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        JsonNode status = Api.get(s, "/api/status").json();
        while (!condition.test(status)) {
            assertThat(System.nanoTime()).as("%s within %s; last status:%n%s", what, DEADLINE, status).isLessThan(end);
            Thread.sleep(100); // polling interval, not a timing assertion
            status = Api.get(s, "/api/status").json();
        }
        return status;
    }

    private static boolean stale(JsonNode st, String rule) {
        return "stale".equals(st.path("state").asText()) && st.path("error").path("message").asText().contains("\"" + rule + "\"");
    }

    @Test
    void rulesThatThrowOrHangOnAShippedScenarioAreNotPutInService() throws Exception {
        Path rules = DefectiveRules.copy(tmp);
        Path defect = rules.resolve("defect.drl");
        try (Server s = start(rules)) {
            String good = awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the first load").path("fingerprint").asText();

            Files.writeString(defect, DefectiveRules.file(DefectiveRules.throwing("Boom", "type == \"myeloma\"")));
            JsonNode thrown = awaitStatus(s, st -> stale(st, "Boom"), "the throwing rule to be refused");
            assertThat(thrown.path("error").path("message").asText())
                    .startsWith("the rules fail on the scenario ").contains(" of the facts directory, so they are not used: ")
                    .contains("IllegalStateException: boom");
            JsonNode problem = thrown.path("error").path("problems").get(0);
            assertThat(problem.path("file").asText()).endsWith("defect.drl");
            assertThat(problem.path("line").asInt()).isPositive();
            assertThat(thrown.path("fingerprint").asText()).as("the last good rules stay in service").isEqualTo(good);
            Api.Response answer = Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("rulesFingerprint").asText()).isEqualTo(good);

            Files.writeString(defect, DefectiveRules.file(DefectiveRules.spinning("Spin", "type == \"myeloma\"")));
            JsonNode hung = awaitStatus(s, st -> stale(st, "Spin"), "the rule that never returns to be refused");
            assertThat(hung.path("error").path("message").asText()).contains("did not finish within");
            assertThat(hung.path("fingerprint").asText()).isEqualTo(good);
            assertThat(Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara")).status()).isEqualTo(200);

            Files.delete(defect);
            awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the recovery");
            // A few more polls: a refused file is tried once, so reported once.
            Thread.sleep(5 * POLL.toMillis());
        }
        String out = log.toString();
        assertThat(out.split("\"Boom\"", -1).length - 1).as("the throwing rule reported once:%n%s", out).isEqualTo(1);
        assertThat(out.split("\"Spin\"", -1).length - 1).as("the hanging rule reported once:%n%s", out).isEqualTo(1);
        assertThat(out).contains("still answering with the last good rules").doesNotContain("\tat ");
    }

    @Test
    void rulesThatFailFromTheStartAnswer503UntilFixed() throws Exception {
        Path rules = DefectiveRules.copy(tmp);
        Path defect = rules.resolve("defect.drl");
        Files.writeString(defect, DefectiveRules.file(DefectiveRules.throwing("Boom", "type == \"myeloma\"")));
        try (Server s = start(rules)) {
            assertThat(s.loadError()).contains("\"Boom\"");
            Api.Response r = Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara"));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).startsWith("no knowledge base is loaded: the rules fail on the scenario ").contains("\"Boom\"");

            Files.delete(defect);
            awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the recovery");
            assertThat(Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara")).status()).isEqualTo(200);
        }
    }
}
