package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server follows its rules directory: a broken rule file is reported by /api/status while the last
 * good rules keep answering, a fixed one is loaded again, and a server that never had rules answers 503.
 */
class ReloadTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        TestKb.copyRules(rules);
        return rules;
    }

    /** Polls /api/status until the condition holds, failing with the last status after the deadline. */
    private static JsonNode awaitStatus(Server s, Predicate<JsonNode> condition, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        JsonNode status = Api.get(s, "/api/status").json();
        while (!condition.test(status)) {
            assertThat(System.nanoTime()).as("%s within %s; last status:%n%s", what, DEADLINE, status).isLessThan(end);
            Thread.onSpinWait();
            try {
                Thread.sleep(100);   // polling interval, not a timing assertion
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = Api.get(s, "/api/status").json();
        }
        return status;
    }

    @Test
    void aBrokenRuleIsReportedAndTheServerRecoversWhenItIsFixed() throws IOException {
        Path rules = copyRules();
        Path adcc = rules.resolve("adcc.drl");
        String good = Files.readString(adcc);
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules).withRulesPoll(Duration.ofMillis(200));
        try (Server s = Api.start(config)) {
            JsonNode ok = awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the first load");
            String fingerprint = ok.path("fingerprint").asText();
            assertThat(fingerprint).isEqualTo(TestKb.kb().fingerprint());

            Files.writeString(adcc, good.replaceFirst("\\bthen\\b", "thenn"));
            JsonNode broken = awaitStatus(s, st -> "stale".equals(st.path("state").asText()), "the error to be reported");
            assertThat(broken.path("error").path("message").asText()).contains("adcc.drl");
            assertThat(broken.path("error").path("problems").get(0).path("file").asText()).endsWith("adcc.drl");
            assertThat(broken.path("fingerprint").asText()).as("the last good rules stay in service").isEqualTo(fingerprint);
            assertThat(Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara")).status()).isEqualTo(200);

            Files.writeString(adcc, good);
            JsonNode fixed = awaitStatus(s, st -> "ok".equals(st.path("state").asText())
                    && fingerprint.equals(st.path("fingerprint").asText()), "the recovery");
            assertThat(fixed.path("error").isNull()).isTrue();
            assertThat(fixed.path("loads").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyReloadIsLoggedWithItsResult() throws IOException {
        Path rules = copyRules();
        Path adcc = rules.resolve("adcc.drl");
        String good = Files.readString(adcc);
        java.io.StringWriter log = new java.io.StringWriter();
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules).withRulesPoll(Duration.ofMillis(200));
        try (Server s = Server.start(config, new java.io.PrintWriter(log, true))) {
            awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the first load");
            assertThat(log.toString()).as("the first load is the caller's to report").doesNotContain("reloaded");

            Files.writeString(adcc, good.replaceFirst("\\bthen\\b", "thenn"));
            awaitStatus(s, st -> "stale".equals(st.path("state").asText()), "the error to be reported");
            Files.writeString(adcc, good + "\n// an edit that changes nothing but the text\n");
            awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the recovery");
        }
        String[] lines = log.toString().split("\n");
        assertThat(lines).anyMatch(l -> l.startsWith("adcc serve: the rules under " + rules + " changed but do not load; "
                + "still answering with the last good rules ("));
        assertThat(lines).anyMatch(l -> l.matches("adcc serve: the rules under .* changed and reloaded: \\d+ rules, "
                + "fingerprint [0-9a-f]{12}, answering with them"));
    }

    @Test
    void withoutAnyGoodRulesEvaluateIs503WithTheRuleError() throws IOException {
        Path rules = copyRules();
        Path vocabulary = rules.resolve("vocabulary.json");
        String good = Files.readString(vocabulary);
        Files.writeString(vocabulary, "{ \"cellTypes\": ");
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules).withRulesPoll(Duration.ofMillis(200));
        try (Server s = Api.start(config)) {
            JsonNode status = awaitStatus(s, st -> "error".equals(st.path("state").asText()), "the error");
            assertThat(status.path("error").path("message").asText()).contains("vocabulary.json");

            Api.Response r = Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara"));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).startsWith("no knowledge base is loaded: ").contains("vocabulary.json");

            Files.writeString(vocabulary, good);
            awaitStatus(s, st -> "ok".equals(st.path("state").asText()), "the recovery");
            assertThat(Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara")).status()).isEqualTo(200);
        }
    }
}
