package org.adcckb.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.cli.Main;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.RuleLoopException;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base is read at run time: an edited rule changes the next answer with no rebuild, and a looping one is stopped. */
class RuleEditTest {

    private static Path copyRules(Path to) throws IOException {
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static String adcc(Path rules) {
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("explain", "--format", "json", "--rules", rules.toString(),
                        "facts/lejeune-2021/atra-low-target.json");
        assertThat(code).isZero();
        return out.toString();
    }

    @Test
    void editingAFoldInARuleFileChangesTheNextAnswer(@TempDir Path tmp) throws IOException {
        Path rules = copyRules(tmp);
        assertThat(adcc(rules)).contains("\"cd38Fold\" : 3.0").contains("\"adcc\" : \"low\"");

        // Experts change a fold in the spreadsheet: one cell of the ATRA row.
        Path table = rules.resolve("cd38-modulators.csv");
        String text = Files.readString(table);
        assertThat(text).contains(",atra,myeloma,3.0,");
        Files.writeString(table, text.replace(",atra,myeloma,3.0,", ",atra,myeloma,1.2,"));

        String after = adcc(rules);
        assertThat(after).contains("\"cd38Fold\" : 1.2").contains("\"adcc\" : \"none\"");
        assertThat(KnowledgeBaseLoader.load(rules).fingerprint()).isNotEqualTo(TestKb.kb().fingerprint());
    }

    @Test
    void aRuleSetThatDoesNotSettleIsStoppedAndTheBusyRuleNamed(@TempDir Path tmp) throws IOException {
        Path rules = copyRules(tmp);
        Files.writeString(rules.resolve("loop.drl"), """
            package adcckb.loop;
            import org.adcckb.facts.*;
            rule "Keeps adding modulations"
                @source("doi:10.3390/cancers13123072")
                @evidence("C")
                @rationale("A deliberately broken rule for the test.")
            when
                Cell( $c : id )
                $n : Number() from accumulate( Cd38Modulation( cell == $c ), count( 1 ) )
            then
                insert( new Cd38Modulation( $c, "x" + $n, 2.0 ) );
            end
            """);
        KnowledgeBase kb = KnowledgeBaseLoader.load(rules);
        var scenario = new ScenarioReader(kb.vocabulary()).read(Path.of("facts/lejeune-2021/nk-dara.json"));
        assertThatThrownBy(() -> new Reasoner(kb, 500).evaluate(scenario))
                .isInstanceOf(RuleLoopException.class)
                .hasMessageContaining("did not settle within 500 firings")
                .hasMessageContaining("\"Keeps adding modulations\"");
        // Without explanations (sweeps, searches) the same loop is caught and named the same way.
        assertThatThrownBy(() -> new Reasoner(kb, 500).evaluateWithoutExplanation(scenario))
                .isInstanceOf(RuleLoopException.class).hasMessageContaining("\"Keeps adding modulations\"");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("explain", "--rules", rules.toString(), "--max-firings", "300", "facts/lejeune-2021/nk-dara.json");
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        // The plain insert lints with a warning, said first in one line; the rules caught in the loop are
        // named with how often they fired.
        assertThat(err.toString()).startsWith("adcc: the rules do not lint clean (0 errors, 1 warning); to see why: adcc lint --rules "
                + rules + System.lineSeparator() + "adcc: scenario lejeune2021-nk-dara: the rules did not settle within 300 firings; most fired: ")
                .containsPattern("\"Keeps adding modulations\" \\(\\d+\\)")
                .containsPattern("\"Surface CD38 is the baseline scaled by the modulation it received\" \\(\\d+\\)")
                .doesNotContain("\tat ");
    }
}
