package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenarios kept under {@code src/test/resources/regressions/}: shrunk counterexamples of the
 * scientific invariants, and hand-made edge cases. Each is checked against every invariant of
 * {@link ScientificInvariants} on every build, whatever the random runs of the properties happen to draw.
 * How to add one: the README in that directory.
 */
class RegressionScenariosTest {

    static final Path DIR = Path.of("src/test/resources/regressions");

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyRegressionScenarioKeepsEveryInvariant() throws IOException {
        ScenarioReader reader = new ScenarioReader(TestKb.kb().vocabulary());
        ScientificInvariants invariants = new ScientificInvariants(TestKb.kb());
        List<DynamicContainer> out = new ArrayList<>();
        for (Path f : files()) {
            Scenario s = reader.read(f);
            out.add(DynamicContainer.dynamicContainer(f.getFileName().toString(), invariants.all().stream().map(inv ->
                    DynamicTest.dynamicTest(inv.name(), () -> assertThat(inv.violations(s))
                            .as("%s on %s", inv.name(), f).isEmpty()))));
        }
        return out.stream();
    }

    @Test
    void theDirectoryHoldsDocumentedScenariosNamedAfterTheirIds() throws IOException {
        assertThat(DIR.resolve("README.md")).exists();
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        ScenarioReader reader = new ScenarioReader(TestKb.kb().vocabulary());
        for (Path f : files) {
            Scenario s = reader.read(f);
            assertThat(s.id() + ".json").as("file name of %s", f).isEqualTo(f.getFileName().toString());
            assertThat(s.title()).as("title of %s: say what the scenario shows", f).isNotBlank();
        }
    }
}
