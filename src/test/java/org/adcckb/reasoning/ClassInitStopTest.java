package org.adcckb.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.TestKb;
import org.adcckb.input.Limits;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time limit does not stop a scenario inside a class's static initialiser: a stop there would leave the
 * class unusable for the rest of the JVM, so every later scenario of a batch would fail (as a JVM still
 * starting, with a limit of a few milliseconds, showed on Drools' own classes). The stop waits for the
 * initialiser to finish.
 */
class ClassInitStopTest {

    private static final String DRL = """
            package adcckb.slowinit;

            import org.adcckb.facts.*;

            rule "Touches a class whose static initialiser is slow"
                @source("doi:10.3390/cancers13123072")
                @evidence("C")
                @inferred("a test fault")
                @rationale("Runs a slow static initialiser, to test the time limit.")
            when
                Cell( id == "slowinit" )
            then
                org.adcckb.reasoning.SlowInit.touch();
            end
            """;

    @TempDir
    Path tmp;

    @Test
    void aScenarioStoppedInAStaticInitialiserLeavesTheClassUsable() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        TestKb.copyRules(rules);
        Files.writeString(rules.resolve("slowinit.drl"), DRL);
        KnowledgeBase kb = KnowledgeBaseLoader.load(rules, CompiledCache.OFF);
        ScenarioReader reader = new ScenarioReader(kb.vocabulary(), Limits.DEFAULT);
        String cell = "{\"id\": \"s\", \"cells\": [{\"id\": \"%s\", \"type\": \"myeloma\", \"cd38\": \"low\"}], \"treatments\": []}";
        Reasoner limited = new Reasoner(kb, new RunLimits(RunLimits.DEFAULT_MAX_FIRINGS, 200));
        limited.evaluate(reader.read(cell.formatted("warm").getBytes(StandardCharsets.UTF_8), "test")); // the engine's own classes
        Scenario s = reader.read(cell.formatted("slowinit").getBytes(StandardCharsets.UTF_8), "test");
        try {
            limited.evaluate(s); // the initialiser takes 1.5 s: the limit of 200 ms falls inside it
        } catch (RuleTimeoutException expected) {
            // the run ends past its limit, once the initialiser has finished
        }
        Evaluation again = new Reasoner(kb, RunLimits.DEFAULT).evaluate(s);
        assertThat(again.scenario().id()).isEqualTo("s");
        assertThat(SlowInit.touch()).isTrue();
    }
}
