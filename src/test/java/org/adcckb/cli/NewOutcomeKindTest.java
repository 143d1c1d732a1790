package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.cli.Cli.Run;
import org.adcckb.serve.ServeConfig;
import org.adcckb.serve.Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outcome kind is knowledge, not code: a copy of the knowledge base gains one (phagocytosis, declared in
 * the vocabulary, concluded by one rule through the generic {@code Effect} fact, expected by one scenario) and
 * every way of asking shows it, with no Java changed: explain (text and JSON), test, whatif, sweep, whynot and
 * the explorer's API.
 */
class NewOutcomeKindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RULE = """
            package adcckb.phagocytosis;

            import org.adcckb.facts.*;

            rule "Macrophages engulf myeloma cells coated with an Fc-bearing antibody"
                @source("doi:10.3390/cancers13123072")
                @evidence("C")
                @inferred("a test of a new outcome kind, not a published finding")
                @rationale("An outcome kind added as data: a rule, a vocabulary entry and a scenario.")
            when
                Cell( $cell : id, type == "myeloma" )
                AntibodyBinding( cell == $cell, $antibody : antibody, level == "high" )
            then
                insertLogical(new Effect("phagocytosis", $cell, $antibody, "high"));
            end
            """;

    private static final String ENTRY = """
            {
              "label": "phagocytosis by macrophages",
              "fact": "Effect",
              "scale": "grade",
              "aggregate": "max",
              "better": "higher"
            }
            """;

    private static final String SCENARIO = """
            {
              "id": "phagocytosis-with-dara",
              "setting": "in_vitro",
              "cells": [
                { "id": "mm", "type": "myeloma", "cd38": "high" },
                { "id": "nk", "type": "nk", "cd38": "low", "cd16": "158V" }
              ],
              "treatments": [ { "agent": "daratumumab" } ],
              "expect": {
                "claim": "Antibody-coated myeloma cells are engulfed (a test of a new outcome kind).",
                "source": "doi:10.3390/cancers13123072",
                "evidence": "INFER",
                "outcome": { "phagocytosis": "high" },
                "whatif": [ { "remove": ["daratumumab"], "outcome": { "phagocytosis": "lower" } } ]
              }
            }
            """;

    @TempDir
    static Path tmp;

    private static Path rules;
    private static Path scenario;
    private static Path bare;

    @BeforeAll
    static void knowledgeBaseWithANewOutcome() throws IOException {
        rules = Files.createDirectories(tmp.resolve("rules"));
        TestKb.copyRules(rules);
        Files.writeString(rules.resolve("phagocytosis.drl"), RULE);
        Path vocabulary = rules.resolve("vocabulary.json");
        ObjectNode v = (ObjectNode) JSON.readTree(vocabulary.toFile());
        ((ObjectNode) v.get("outcomes")).set("phagocytosis", JSON.readTree(ENTRY));
        JSON.writerWithDefaultPrettyPrinter().writeValue(vocabulary.toFile(), v);
        Path facts = Files.createDirectories(tmp.resolve("facts"));
        scenario = Files.writeString(facts.resolve("phagocytosis.json"), SCENARIO);
        ObjectNode without = (ObjectNode) JSON.readTree(SCENARIO);
        without.remove("expect");
        without.putArray("treatments");
        without.put("id", "phagocytosis-without-dara");
        bare = Files.writeString(tmp.resolve("bare.json"), JSON.writeValueAsString(without));
    }

    private static String[] withRules(String... args) {
        String[] out = new String[args.length + 1];
        out[0] = args[0];
        out[1] = "--rules=" + rules;
        System.arraycopy(args, 1, out, 2, args.length - 1);
        return out;
    }

    @Test
    void explainShowsItAsText() {
        String out = Cli.ok(withRules("explain", scenario.toString())).out();
        assertThat(out).contains("  phagocytosis by macrophages high (")
                .contains("Why phagocytosis by macrophages is high")
                .contains("Macrophages engulf myeloma cells coated with an Fc-bearing antibody");
    }

    @Test
    void explainShowsItAsJson() throws IOException {
        JsonNode j = JSON.readTree(Cli.ok(withRules("explain", "--format", "json", scenario.toString())).out());
        assertThat(j.path("outcome").path("phagocytosis").asText()).isEqualTo("high");
        assertThat(j.path("outcome").path("adcc").asText()).isNotEmpty();
        assertThat(j.path("explanation").path("outcome").path("phagocytosis").toString()).contains("phagocytosis:mm:daratumumab");
    }

    @Test
    void itsExpectationIsTested() {
        Run r = Cli.run(withRules("test", scenario.toString()));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("phagocytosis-with-dara: outcome.phagocytosis = high")
                .contains("outcome.phagocytosis lower after remove daratumumab");
    }

    @Test
    void whatIfReportsItsChange() {
        String out = Cli.ok(withRules("whatif", "--remove", "daratumumab", scenario.toString())).out();
        assertThat(out).containsPattern("phagocytosis by macrophages\\s+high\\s+none");
    }

    @Test
    void sweepHasItsColumn() {
        Run r = Cli.run(withRules("sweep", "--vary", "daratumumab", "--format", "csv", bare.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).isEqualTo("rank,daratumumab,adcc,fratricide,nkDepletion,phagocytosis,adccScore,mm.cd38After");
        assertThat(lines.subList(1, lines.size())).as("best first: daratumumab raises ADCC and phagocytosis")
                .containsExactly("1,+,high,low,low,high,3.45,high", "2,-,none,none,none,none,,high");
    }

    @Test
    void whyNotReachesIt() {
        String out = Cli.ok(withRules("whynot", "--goal", "phagocytosis=high", "--max", "1", bare.toString())).out();
        assertThat(out).contains("Why not phagocytosis=high in phagocytosis-without-dara? Now phagocytosis is none.")
                .containsPattern("\n  1\\. Add daratumumab to mm\\. Outcome: ADCC high( \\([a-z]+ to [a-z]+\\))?, fratricide none, NK depletion none, phagocytosis by macrophages high\\.\n")
                .contains("      so phagocytosis of mm by daratumumab: high.\n");
    }

    @Test
    void theExplorerApiShowsIt() throws Exception {
        try (Server server = Server.start(ServeConfig.local(tmp.resolve("facts"), rules), new PrintWriter(new StringWriter()))) {
            assertThat(server.loadError()).isNull();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode kinds = JSON.readTree(http.send(HttpRequest.newBuilder(server.url().resolve("/api/rules")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("outcomes");
            assertThat(kinds.toString()).contains("\"name\":\"phagocytosis\"").contains("\"label\":\"phagocytosis by macrophages\"");
            String body = Files.readString(bare).replace("\"treatments\":[]", "\"treatments\":[{\"agent\":\"daratumumab\"}]");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.url().resolve("/api/evaluate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("outcome").path("phagocytosis").asText()).isEqualTo("high");
        }
    }
}
