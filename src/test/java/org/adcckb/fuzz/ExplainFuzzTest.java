package org.adcckb.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.adcckb.TestKb;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adcc explain FILE} on damaged and disguised scenario files, half of them good: a good file
 * gives exit 0 and its result, a bad one exit 2, nothing on standard output and on standard error exactly
 * the reader's message, which names the file; never a stack trace.
 */
@org.junit.jupiter.api.extension.ExtendWith(Timing.class)
class ExplainFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScenarioReader READER = new ScenarioReader(TestKb.kb().vocabulary());

    @Test
    void aGoodFileExitsZeroAndABadOneTwoWithAMessageNamingIt(@TempDir Path tmp) throws IOException {
        Mutator mutator = Mutator.ofShippedScenarios();
        String replay = Fuzz.replay("ExplainFuzzTest");
        Failures failures = new Failures(replay);
        int runs = Fuzz.share(4, 4);
        int good = 0;
        for (int i = 0; i < runs; i++) {
            Random r = Fuzz.random("explain", i);
            boolean wantGood = i % 2 == 0;
            // Draw until the reader's verdict is the one wanted, so good and bad files are both run.
            Mutator.Case c = mutator.next(r);
            Path file = tmp.resolve("case " + i + " \u00e9.json"); // a space and a non-ASCII letter in the name
            Verdict v = verdict(c.bytes(), file);
            for (int tries = 0; tries < 50 && (v.scenario() != null) != wantGood; tries++) {
                c = mutator.next(r);
                v = verdict(c.bytes(), file);
            }
            Files.write(file, c.bytes());
            String about = "case " + i + " (" + c.kind() + ")";
            try {
                check(InProcess.run(replay + ", " + about, "explain", "--format", "jsonl", file.toString()), v, file, about);
                good += v.scenario() != null ? 1 : 0;
            } catch (AssertionError e) {
                failures.add(about + ": " + e.getMessage() + "\n  (input kept in " + Fuzz.keep("explain-" + i + ".json", c.bytes()) + ")");
            }
        }
        failures.assertNone();
        assertThat(good).as(replay + ": good files run").isBetween(1, runs - 1);
    }

    /**
     * Free text of a scenario (its title, a population's line) may hold any character, escaped in the
     * file; the text report must not hand control characters to the terminal (an ESC sequence can recolour,
     * clear or retitle it, a bare CR overwrite a line).
     */
    @Test
    void theTextReportPassesNoControlCharacterOfTheInputToTheTerminal(@TempDir Path tmp) throws IOException {
        Random r = Fuzz.random("explain-text", 0);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Mutator.ofShippedScenarios().seedLine(r.nextInt(10)));
        tree.put("title", "T\u001b]0;retitled\u0007\u001b[2J" + UnicodeText.random(r, 60));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("cells").get(0)).put("line", "L\r\u001b[31m" + UnicodeText.random(r, 40));
        Path file = tmp.resolve("text.json");
        Files.write(file, Mutator.utf8(new JsonText(r, 0, 0).write(tree)));
        InProcess.Run run = InProcess.run(Fuzz.replay("ExplainFuzzTest"), "explain", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.outText();
        for (int k = 0; k < out.length(); k++) {
            char c = out.charAt(k);
            if (Character.getType(c) == Character.CONTROL && c != '\n') {
                throw new AssertionError(Fuzz.replay("ExplainFuzzTest") + ": explain writes control character U+"
                        + String.format("%04X", (int) c) + " of the input at " + k + ": " + Failures.printable(out.substring(0, Math.min(out.length(), 200))));
            }
        }
    }

    private record Verdict(Scenario scenario, String message) {
    }

    /** What the reader makes of the file: the oracle the command line must agree with. */
    private static Verdict verdict(byte[] bytes, Path file) {
        try {
            return new Verdict(READER.read(bytes, file.toString()), null);
        } catch (InputException e) {
            return new Verdict(null, e.getMessage());
        }
    }

    private static void check(InProcess.Run run, Verdict v, Path file, String about) throws IOException {
        assertThat(run.err()).as(about + ": stderr").doesNotContain("\tat ").doesNotContain("Exception");
        if (v.scenario() != null) {
            assertThat(run.exit()).as(about + ": exit code; stderr: " + run.err()).isZero();
            assertThat(run.err()).as(about + ": stderr").isEmpty();
            assertThat(run.outLines()).as(about + ": one result").hasSize(1);
            JsonNode result = JSON.readTree(run.outLines().get(0));
            assertThat(result.path("scenario").asText()).as(about).isEqualTo(v.scenario().id());
        } else {
            assertThat(run.exit()).as(about + ": exit code; stderr: " + run.err()).isEqualTo(2);
            assertThat(run.out()).as(about + ": stdout").isEmpty();
            assertThat(run.err()).as(about + ": the message names the file").startsWith("adcc: " + file + ": ");
            assertThat(run.err()).as(about + ": the reader's message").isEqualTo("adcc: " + v.message() + System.lineSeparator());
            ScenarioReaderFuzzTest.assertSafeMessage(run.err().strip().substring("adcc: ".length()), file.toString(), about);
        }
    }
}
