package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adcckb.WideScenario;
import org.adcckb.cli.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** whynot, sweep and whatif over their budget: exit 2, a message saying what to narrow, and no hang. */
class QuestionBudgetCommandTest {

    private static final String LOW = "facts/lejeune-2021/low-target-dara.json";
    /** Catches a hang; a refusal takes milliseconds once the rules are loaded. */
    private static final Duration HANG = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    private String wide;

    @BeforeEach
    void writeTheWideScenario() throws IOException {
        Path file = temp.resolve("wide-64.json");
        Files.writeString(file, WideScenario.json());
        wide = file.toString();
    }

    @Test
    void theWideWhyNotIsRefusedAtOnceWithWhatToNarrow() {
        Run r = assertTimeoutPreemptively(HANG, () -> badInput("whynot", wide, "--goal", "adcc>=moderate", "--max", "3"));

        assertThat(r.err()).isEqualTo("adcc: whynot: 78,788,839 combinations of up to 3 added treatments from 779 candidates "
                + "(12 agents, each in the whole system or on one of 64 cell populations) exceed the budget of 100,000 "
                + "(--max-combinations); narrow with --agents, a smaller --max, or fewer cells" + System.lineSeparator());
    }

    @Test
    void theWideWhyNotWithinItsCountStopsAtItsTime() {
        Run r = assertTimeoutPreemptively(HANG, () -> badInput("whynot", wide, "--goal", "adcc>=moderate", "--max", "2",
                "--agents", "atra,ifn_alpha,cd38_nanobody", "--budget-millis", "300"));

        assertThat(r.err()).startsWith("adcc: whynot: stopped at the time budget of 300 ms (--budget-millis) before the answer "
                + "over sets of up to 2 added treatments from 195 candidates was complete; narrow with --agents");
    }

    @Test
    void aWhyNotWithinItsBudgetAnswersAsWithout() {
        Run plain = ok("whynot", LOW, "--agents", "atra,cd38_nanobody", "--goal", "adcc>=moderate", "--max", "2", "-f", "json");
        Run within = ok("whynot", LOW, "--agents", "atra,cd38_nanobody", "--goal", "adcc>=moderate", "--max", "2", "-f", "json",
                "--max-combinations", "21", "--max-solutions", "10", "--budget-millis", "600000");

        assertThat(within.out()).isEqualTo(plain.out());
        assertThat(badInput("whynot", LOW, "--agents", "atra,cd38_nanobody", "--goal", "adcc>=moderate", "--max", "2",
                "--max-combinations", "20").err()).contains("21 combinations").contains("exceed the budget of 20 (--max-combinations)");
    }

    @Test
    void aSweepOverItsCountIsRefused() {
        Run r = badInput("sweep", LOW, "--vary", "atra@mm,ifn_alpha@mm,cd38_nanobody@nk", "--max-combinations", "7");

        assertThat(r.err()).isEqualTo("adcc: sweep: 8 combinations of 3 factors exceed the budget of 7 (--max-combinations); "
                + "vary fewer factors or levels (--vary)" + System.lineSeparator());
    }

    @Test
    void aWideSweepIsRefusedByTheDefaultBudget() {
        String[] args = {"sweep", wide};
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        for (int i = 0; i < 9; i++) {
            all.add("--vary");
            all.add(String.format("mm%02d.cd38=none|low|medium|high", i));
        }
        Run r = assertTimeoutPreemptively(HANG, () -> badInput(all.toArray(String[]::new)));

        assertThat(r.err()).contains("sweep: 262,144 combinations of 9 factors exceed the budget of 100,000 (--max-combinations)");
    }

    @Test
    void aWhatIfOutOfTimeStops() {
        Run r = badInput("whatif", wide, "--add", "atra@mm00", "--budget-millis", "1");

        assertThat(r.err()).isEqualTo("adcc: whatif: stopped at the time budget of 1 ms (--budget-millis) before both scenarios "
                + "were evaluated; allow more time with --budget-millis" + System.lineSeparator());
    }

    @Test
    void theBudgetOptionsArePositiveNumbers() {
        assertThat(badInput("whynot", LOW, "--goal", "adcc=high", "--max-combinations", "0").err())
                .contains("--max-combinations: must be a positive number, got 0");
        assertThat(badInput("sweep", LOW, "--vary", "atra@mm", "--budget-millis", "-5").err())
                .contains("--budget-millis: must be a positive number of milliseconds, got -5");
        assertThat(badInput("whynot", LOW, "--goal", "adcc=high", "--max-solutions", "0").err())
                .contains("--max-solutions: must be a positive number, got 0");
        assertThat(badInput("whatif", LOW, "--add", "atra@mm", "--budget-millis", "0").err())
                .contains("--budget-millis: must be a positive number of milliseconds, got 0");
    }
}
