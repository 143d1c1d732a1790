package org.adcckb.cli;

import static org.adcckb.cli.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scenarios under {@code examples/} (the format's newer fields at work) explain, as text and as JSON. */
class ExamplesTest {

    @Test
    void everyExampleExplains() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (Path e : examples) {
            assertThat(ok("explain", e.toString()).out()).as("%s", e).startsWith("Scenario ");
            assertThat(ok("explain", "--format", "json", e.toString()).out()).as("%s", e).contains("\"rulesFingerprint\"");
        }
        assertThat(ok("explain", "examples/in-vivo-refractory.json").outLines())
                .contains("  setting: in vivo, refractory to daratumumab (progressing on it)");
        assertThat(ok("explain", "examples/mixed-cd38-myeloma.json").out()).contains("CD38 mixed: 40% low, 60% high (mean medium)");
    }
}
