package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.adcckb.cli.Cli.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code explain --format dot|mermaid|html}, {@code whatif --format html} and {@code sweep --format html} on the command line. */
class GraphFormatsCommandTest {

    private static final String ATRA_NANOBODY = "facts/lejeune-2021/atra-nanobody-low-target.json";
    private static final String LOW = "facts/lejeune-2021/low-target-dara.json";

    @Test
    void explainDot() {
        Run r = ok("explain", ATRA_NANOBODY, "--format", "dot");
        assertThat(r.out()).contains("digraph derivation {").contains("doi:10.3390/cancers13123072")
                .contains("ADCC: moderate").endsWith("}\n");
    }

    @Test
    void explainMermaid() {
        Run r = ok("explain", ATRA_NANOBODY, "--format", "mermaid");
        assertThat(r.out()).startsWith("flowchart TB\n").contains("classDef outcome").contains("ADCC: moderate");
    }

    @Test
    void explainHtml() {
        Run r = ok("explain", ATRA_NANOBODY, "-f", "html");
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<svg ").contains("rules fingerprint").endsWith("</html>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot", "mermaid", "html", "json"})
    void oneScenarioFormatsRefuseSeveral(String format) {
        Run r = badInput("explain", "facts/lejeune-2021", "--format", format);
        assertThat(r.err()).contains("--format " + format).contains("takes exactly one scenario").contains("given")
                .contains("--format jsonl");
    }

    @Test
    void anUnknownFormatNamesTheOnesThereAre() {
        Run r = badInput("explain", ATRA_NANOBODY, "--format", "svg");
        assertThat(r.err()).contains("svg").contains("dot").contains("mermaid").contains("html");
    }

    @Test
    void whatIfHtml() {
        Run r = ok("whatif", LOW, "--add", "atra@mm", "--format", "html");
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("What if: add atra@mm")
                .contains("data-change=\"gained\"");
        assertThat(r.out().split("<svg ", -1)).hasSize(3);
    }

    @Test
    void sweepHtml() {
        Run r = ok("sweep", LOW, "--vary", "atra@mm,cd38_nanobody@nk", "--format", "html", "--threads", "1");
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<table class=\"heatmap\">")
                .contains("<table class=\"ranked\">");
    }

    @Test
    void sameInputSameBytes() {
        for (String f : new String[] {"dot", "mermaid", "html"}) {
            assertThat(ok("explain", ATRA_NANOBODY, "--format", f).out()).isEqualTo(ok("explain", ATRA_NANOBODY, "--format", f).out());
        }
    }
}
