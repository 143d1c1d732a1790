package org.adcckb.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.report.JsonReport;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two distinct facts that claim one key (a rule-authoring slip: here a second ATRA fold for the same
 * population) both stay in the explanation, the second under a numbered key, and every premise names
 * the fact it really rests on, in the Java model and in the JSON alike.
 */
class KeyClashTest {

    @TempDir
    static Path rules;
    static KnowledgeBase kb;
    static Scenario scenario;

    @BeforeAll
    static void rulesWithASecondAtraFold() throws IOException {
        TestKb.copyRules(rules);
        Files.writeString(rules.resolve("clash.drl"), """
            package adcckb.clash;
            import org.adcckb.facts.*;
            rule "A second ATRA fold for the same population"
                @source("doi:10.3390/cancers13123072")
                @evidence("C")
                @rationale("A deliberate key clash for the test.")
            when
                Exposure( agent == "atra", $c : cell )
                Cell( id == $c, type == "myeloma" )
            then
                insertLogical( new Cd38Modulation( $c, "atra", 1.5 ) );
            end
            """);
        kb = KnowledgeBaseLoader.load(rules);
        scenario = new ScenarioReader(kb.vocabulary()).read(Path.of("facts/lejeune-2021/atra-low-target.json"));
    }

    @Test
    void bothFactsKeepTheirOwnKeyAndTheSecondIsNumbered() {
        Evaluation ev = new Reasoner(kb).evaluate(scenario);
        var byKey = ev.explanation().byKey();
        // Suffixes follow the facts' printed form: fold 1.5 sorts before 3.0 and keeps the plain key.
        assertThat(byKey.get("modulation:atra@mm").data()).containsEntry("fold", 1.5);
        assertThat(byKey.get("modulation:atra@mm#2").data()).containsEntry("fold", 3.0);
        assertThat(byKey.get("modulation:atra@mm#2").key()).isEqualTo("modulation:atra@mm#2");
        assertThat(byKey.get("modulation:atra@mm#2").about().key()).isEqualTo("modulation:atra@mm");

        List<String> premises = new ArrayList<>();
        for (Node n : ev.explanation().nodes()) {
            for (Derivation d : n.derivations()) {
                premises.addAll(d.premises());
            }
        }
        assertThat(premises).contains("modulation:atra@mm", "modulation:atra@mm#2");
        // Every premise is a node of the explanation: no reference dangles after the renaming.
        assertThat(byKey.keySet()).containsAll(premises);
    }

    @Test
    void theJsonNamesTheSameFactsAndPremisesAsTheModel() throws IOException {
        Reasoner reasoner = new Reasoner(kb);
        Evaluation ev = reasoner.evaluate(scenario);
        JsonNode json = new ObjectMapper().readTree(JsonReport.line(ev, kb.fingerprint(), true));
        JsonNode facts = json.path("explanation").path("facts");
        List<String> ids = new ArrayList<>();
        List<String> premises = new ArrayList<>();
        for (JsonNode f : facts) {
            ids.add(f.path("id").asText());
            if (f.path("id").asText().startsWith("modulation:atra@mm")) {
                double fold = f.path("data").path("fold").asDouble();
                assertThat(f.path("id").asText()).isEqualTo(fold == 1.5 ? "modulation:atra@mm" : "modulation:atra@mm#2");
            }
            for (JsonNode d : f.path("derivations")) {
                d.path("premises").forEach(p -> premises.add(p.asText()));
            }
        }
        assertThat(ids).contains("modulation:atra@mm", "modulation:atra@mm#2").doesNotHaveDuplicates();
        assertThat(premises).contains("modulation:atra@mm", "modulation:atra@mm#2");
        assertThat(ids).containsAll(premises);
        assertThat(json.path("explanation").path("rules").has("A second ATRA fold for the same population")).isTrue();

        // Stable: the second time the same reasoner writes from its memoised descriptions and their bytes.
        assertThat(JsonReport.line(reasoner.evaluate(scenario), kb.fingerprint(), true))
                .isEqualTo(JsonReport.line(ev, kb.fingerprint(), true))
                .isEqualTo(JsonReport.line(new Reasoner(kb).evaluate(scenario), kb.fingerprint(), true));
    }

    @Test
    void withoutExplanationTheOutcomeAndItsSupportAreTheSame() {
        Evaluation with = new Reasoner(kb).evaluate(scenario);
        Evaluation without = new Reasoner(kb).evaluateWithoutExplanation(scenario);
        assertThat(without.outcome()).isEqualTo(with.outcome());
        assertThat(without.explanation().outcomeSupport()).isEqualTo(with.explanation().outcomeSupport());
    }
}
