package org.adcckb.cli;

import static org.adcckb.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.FaultyRules;
import org.adcckb.cli.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws or never returns costs the scenario it strikes and nothing else: in batch it becomes
 * that line's error record naming the rule, the run goes on in order; the single-scenario commands name the
 * rule without a stack trace (exit 1 for a throw, exit 2 for the time limit, like the firing limit).
 */
class RuleFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path rules;

    @BeforeEach
    void faultyRules() throws IOException {
        rules = FaultyRules.copy(tmp);
    }

    static String scenario(String id, String myelomaId) {
        return "{\"id\":\"" + id + "\",\"setting\":\"in_vitro\",\"cells\":[{\"id\":\"" + myelomaId
                + "\",\"type\":\"myeloma\",\"cd38\":\"low\"},{\"id\":\"nk\",\"type\":\"nk\",\"cd38\":\"high\",\"cd16\":\"158V\"}],"
                + "\"treatments\":[{\"agent\":\"daratumumab\"},{\"agent\":\"atra\",\"on\":\"" + myelomaId + "\"}]}";
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static String place(String rule) {
        return "\"" + rule + "\" (" + FaultyRules.FILE + ":" + FaultyRules.line(rule) + ")";
    }

    @Test
    void aThrowingRuleCostsItsLineOnlyAndTheRunGoesOnInOrder() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            lines.add(scenario("s" + i, i == 700 ? "boom" : "mm"));
        }
        Path in = file("cohort.jsonl", String.join("\n", lines) + "\n");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run("batch", "--no-explain", "--rules", rules.toString(), in.toString()));
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        List<String> out = r.outLines();
        assertThat(out).hasSize(2000);
        for (int i = 0; i < out.size(); i++) {
            JsonNode n = JSON.readTree(out.get(i));
            if (i == 699) {
                assertThat(n.path("line").asInt()).isEqualTo(700);
                assertThat(n.path("error").asText()).startsWith(in + ":700: scenario s700: rule " + place(FaultyRules.THROWS))
                        .contains("IllegalStateException: deliberate failure in a rule");
            } else {
                assertThat(n.path("scenario").asText()).isEqualTo("s" + (i + 1));
                assertThat(n.path("outcome").path("adcc").asText()).isNotEmpty();
            }
        }
        assertThat(r.err()).contains("batch: 2000 scenarios, 1 failed").doesNotContain("\tat ");
        assertThat(Files.readString(DOC)).as("the record shown in " + DOC)
                .contains(out.get(699).replace(in.toString(), "cohort.jsonl"));
    }

    private static final Path DOC = Path.of("docs/SCENARIO-FORMAT.md");

    /** The messages docs/SCENARIO-FORMAT.md shows are the ones the tool prints. */
    @Test
    void theDocumentedMessagesAreWhatTheToolPrints() throws IOException {
        String doc = Files.readString(DOC);
        Run boom = run("explain", "--rules", rules.toString(), file("boom.json", scenario("boom", "boom")).toString());
        Run spin = run("explain", "--rules", rules.toString(), "--max-millis", "2000", file("spin.json", scenario("spin", "spin")).toString());
        assertThat(boom.err().lines()).hasSize(2).allSatisfy(line -> assertThat(doc).contains(line));
        assertThat(spin.err().lines()).hasSize(1).allSatisfy(line -> assertThat(doc).contains(line));
    }

    @Test
    void aRuleThatNeverReturnsIsStoppedAtTheTimeLimitAndTheRestIsUnchanged() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            boolean spin = i == 5 || i == 41;
            lines.add(scenario("s" + i, spin ? "spin" : "mm"));
            clean.add(spin ? "" : scenario("s" + i, "mm"));
        }
        Path in = file("cohort.jsonl", String.join("\n", lines) + "\n");
        Path without = file("clean.jsonl", String.join("\n", clean) + "\n");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("batch", "--rules", rules.toString(), "--max-millis", "2000", "--threads", "2", in.toString()));
        Run good = run("batch", "--rules", rules.toString(), "--threads", "2", without.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        List<String> out = r.outLines();
        assertThat(out).hasSize(60);
        for (int spin : new int[] {5, 41}) {
            JsonNode n = JSON.readTree(out.get(spin - 1));
            assertThat(n.path("line").asInt()).isEqualTo(spin);
            assertThat(n.path("error").asText()).isEqualTo(in + ":" + spin + ": scenario s" + spin
                    + ": the rules did not finish within 2000 ms; rule " + place(FaultyRules.SPINS) + " was running. "
                    + "A consequence that never returns hangs, and so do rules that keep firing while each firing takes longer; raise the limit with --max-millis if the rule set is just slow, or lower --max-firings to find a loop");
        }
        // Every other line, evaluated by the same threads after a stopped rule, is what a clean run gives.
        List<String> rest = new ArrayList<>(out);
        rest.remove(40);
        rest.remove(4);
        assertThat(rest).isEqualTo(good.outLines());
    }

    @Test
    void explainNamesTheThrowingRuleWithoutATraceAndExitsOne() throws IOException {
        Path boom = file("boom.json", scenario("boom-scenario", "boom"));
        Run r = run("explain", "--rules", rules.toString(), boom.toString());
        assertThat(r.exit()).isEqualTo(Main.INTERNAL);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("adcc: scenario boom-scenario: rule " + place(FaultyRules.THROWS)
                        + " failed: IllegalStateException: deliberate failure in a rule")
                .contains("--debug").doesNotContain("\tat ").doesNotContain("ConsequenceException");

        Run debug = run("explain", "--debug", "--rules", rules.toString(), boom.toString());
        assertThat(debug.exit()).isEqualTo(Main.INTERNAL);
        assertThat(debug.err()).contains("\tat ").contains("deliberate failure in a rule");
    }

    @Test
    void theQuestionsNameTheThrowingRuleAndExitOne() throws IOException {
        Path boom = file("boom.json", scenario("boom-scenario", "boom"));
        Path fine = file("fine.json", scenario("fine-scenario", "mm"));
        String r = rules.toString();
        for (String[] args : List.of(
                new String[] {"whatif", "--rules", r, boom.toString(), "--add", "cd38_nanobody@nk"},
                new String[] {"sweep", "--rules", r, boom.toString(), "--vary", "cd38_nanobody@nk"},
                new String[] {"whynot", "--rules", r, boom.toString(), "--goal", "adcc>=high", "--max", "1"},
                new String[] {"whatif", "--rules", r, fine.toString(), "--set", "mm.cd38=high", "--set", "nk.cd38=low",
                        "--add", "cd38_nanobody@nk", "--remove", "atra@mm", "--format", "json"})) {
            Run run = run(args);
            if (args[3].equals(fine.toString())) {
                assertThat(run.exit()).as("%s%n%s", String.join(" ", args), run.err()).isZero();
                continue;
            }
            assertThat(run.exit()).as("%s%n%s", String.join(" ", args), run.err()).isEqualTo(Main.INTERNAL);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("rule " + place(FaultyRules.THROWS) + " failed").doesNotContain("\tat ");
        }
    }

    @Test
    void explainStopsARuleThatNeverReturnsAndNamesIt() throws IOException {
        Path spin = file("spin.json", scenario("spin-scenario", "spin"));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("explain", "--rules", rules.toString(), "--max-millis", "2000", spin.toString()));
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("scenario spin-scenario: the rules did not finish within 2000 ms; rule "
                + place(FaultyRules.SPINS) + " was running").doesNotContain("\tat ");
        // The thread that was stopped evaluates the next scenario normally.
        Run after = run("explain", "--rules", rules.toString(), "--format", "json", file("fine.json", scenario("fine", "mm")).toString());
        assertThat(after.exit()).as(after.err()).isZero();
    }

    @Test
    void aRuleThatExhaustsTheHeapIsToldWithoutATraceAndExitsOne() throws IOException, InterruptedException {
        // Rules that keep firing while their facts grow end in an OutOfMemoryError, which picocli does not handle.
        Files.writeString(rules.resolve("hog.drl"), """
                package adcckb.hog;

                import org.adcckb.facts.*;

                rule "Deliberate heap exhaustion for the hog cell"
                    @source("doi:10.3390/cancers13123072")
                    @evidence("C")
                    @inferred("a test fault")
                    @rationale("Fills the heap, to test that running out of memory is told without a stack trace.")
                when
                    Cell( id == "hog" )
                then
                    java.util.List<long[]> held = new java.util.ArrayList<>();
                    while (true) {
                        held.add(new long[1 << 20]);
                    }
                end
                """);
        ProcessBuilder pb = Subprocess.adcc("explain", "--rules", rules.toString(), "--max-millis", "60000",
                file("hog.json", scenario("hog", "hog")).toString());
        pb.command().add(1, "-Xmx96m");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(1);
        assertThat(err).startsWith("adcc: out of memory (Java heap space): rules that keep firing while their facts grow")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void theTimeLimitMustBePositive() {
        Run r = run("explain", "--max-millis", "0", "facts/lejeune-2021/atra-low-target.json");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--max-millis").contains("must be a positive number of milliseconds, got 0");
    }
}
