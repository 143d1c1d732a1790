package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.adcckb.expect.Check;
import org.adcckb.expect.ExpectationChecker;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scientific expectations under facts/ are tests: every check of every scenario's expect block
 * becomes one JUnit test, so a rule change that breaks a published finding fails the build.
 */
class FactsTest {

    private static Map<String, Evaluation> evaluations;

    @BeforeAll
    static void evaluateAll() throws IOException {
        ScenarioReader reader = new ScenarioReader(TestKb.kb().vocabulary());
        evaluations = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(TestKb.FACTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Scenario s = reader.read(f);
                assertThat(evaluations.put(s.id(), TestKb.reasoner().evaluate(s))).as("duplicate id %s", s.id()).isNull();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPublishedExpectationHolds() {
        List<Check> checks = ExpectationChecker.check(evaluations, TestKb.reasoner());
        assertThat(checks).hasSizeGreaterThan(40);
        return checks.stream().map(c -> DynamicTest.dynamicTest(
                String.join(",", c.findings()) + " " + c.scenario() + ": " + c.what(),
                () -> assertThat(c.passed()).as("%s (got %s)", c.what(), c.actual()).isTrue()));
    }

    @Test
    void everyLejeuneComparisonL01ToL14IsEncoded() {
        Set<String> encoded = new TreeSet<>();
        evaluations.values().stream()
                .filter(e -> e.scenario().origin().contains("lejeune-2021"))
                .forEach(e -> encoded.addAll(e.scenario().expect().findings()));
        List<String> wanted = IntStream.rangeClosed(1, 14).mapToObj(i -> String.format("L%02d", i)).toList();
        assertThat(encoded).containsAll(wanted);
    }

    @Test
    void everyScenarioUnderFactsStatesWhatItExpectsAndWhereFrom() {
        assertThat(evaluations).isNotEmpty();
        for (Evaluation e : evaluations.values()) {
            assertThat(e.scenario().expect()).as(e.scenario().origin()).isNotNull();
            assertThat(e.scenario().expect().source()).as(e.scenario().origin()).matches("(doi:10\\..+|PMID:\\d+)");
            assertThat(e.scenario().expect().claim()).as(e.scenario().origin()).isNotBlank();
            assertThat(e.scenario().expect().evidence()).as(e.scenario().origin()).isNotNull();
        }
    }
}
