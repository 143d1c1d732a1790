package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.expect.Validation;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * docs/VALIDATION.md is generated from the rules and the scenarios under facts/: a change to either that
 * changes the report fails the build until the report is regenerated with {@code ./adcc validate}.
 */
class ValidationReportTest {

    static final Path REPORT = Path.of("docs", "VALIDATION.md");

    @Test
    void committedReportIsWhatTheCurrentRulesAndFactsGive() throws IOException {
        ScenarioReader reader = new ScenarioReader(TestKb.kb().vocabulary());
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestKb.FACTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                scenarios.add(reader.read(f.normalize()));
            }
        }

        Validation.Report report = Validation.run(scenarios, TestKb.reasoner(), REPORT);

        assertThat(Files.readString(REPORT, StandardCharsets.UTF_8))
                .as("docs/VALIDATION.md is out of date: regenerate it with ./adcc validate and commit it")
                .isEqualTo(report.markdown());
        assertThat(report.failing()).as("findings that fail").isEmpty();
        assertThat(report.rows()).extracting(Validation.Row::label)
                .containsSubsequence("L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10", "L11", "L12", "L13", "L14")
                .contains("Wang2018-depletion", "NaeimiKararoudi2020-resistant", "Moreno2019-adcc-low", "Koene1997");
    }

    @Test
    void eachFindingShowsItsSourceAndTheStrongestTagOfItsScenarios() throws IOException {
        List<String> lines = Files.readAllLines(REPORT, StandardCharsets.UTF_8);
        String l09 = lines.stream().filter(l -> l.startsWith("| L09 |")).findFirst().orElseThrow();
        assertThat(l09.split(" \\| ")).satisfies(cells -> {
            assertThat(cells[1]).isEqualTo("[doi:10.3390/cancers13123072](https://doi.org/10.3390/cancers13123072)");
            assertThat(cells[2]).isEqualTo("READ");
            assertThat(cells[3]).contains("[lejeune2021-atra-low-target](../facts/lejeune-2021/atra-low-target.json) (READ)")
                    .contains("[lejeune2021-low-target-dara](../facts/lejeune-2021/low-target-dara.json) (INFER)");
            assertThat(cells[4]).contains("lejeune2021-atra-low-target: `adcc = low`; `mm.cd38 = medium`; `mm.cd38Fold = 3.0`; "
                    + "`adcc higher than in lejeune2021-low-target-dara`");
            assertThat(cells[5]).contains("lejeune2021-atra-low-target: `adcc low`; `mm.cd38 medium`; `mm.cd38Fold 3.0`; `adcc low vs none`");
            assertThat(cells[6]).isEqualTo("pass |");
        });
        long rows = lines.stream().filter(l -> l.matches("\\| [^ |-][^|]* \\| .*\\| (pass|FAIL) \\|")).count();
        assertThat(rows).isGreaterThanOrEqualTo(14);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(rows + " passed, 0 failed");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("- Rules fingerprint: `" + TestKb.kb().fingerprint() + "`"));
    }
}
