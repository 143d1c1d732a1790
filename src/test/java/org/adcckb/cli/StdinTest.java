package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code -} names standard input wherever a command reads a scenario file. */
class StdinTest {

    private static final String FILE = "facts/lejeune-2021/low-target-dara.json";
    private static final InputStream SYSTEM_IN = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(SYSTEM_IN);
    }

    private static Cli.Run withStdin(byte[] in, String... args) {
        System.setIn(new ByteArrayInputStream(in));
        return Cli.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"explain", "whatif --add atra", "sweep --vary atra,ifn_alpha", "whynot --goal adcc>=moderate", "test"})
    void aScenarioFromStandardInputGivesTheAnswerOfItsFile(String command) throws IOException {
        String[] words = command.split(" ");
        String[] fromFile = new String[words.length + 1];
        String[] fromStdin = new String[words.length + 1];
        fromFile[0] = fromStdin[0] = words[0];
        fromFile[1] = FILE;
        fromStdin[1] = "-";
        System.arraycopy(words, 1, fromFile, 2, words.length - 1);
        System.arraycopy(words, 1, fromStdin, 2, words.length - 1);

        Cli.Run file = Cli.ok(fromFile);
        Cli.Run stdin = withStdin(Files.readAllBytes(Path.of(FILE)), fromStdin);

        assertThat(stdin.exit()).as(stdin.err()).isZero();
        assertThat(stdin.out()).isEqualTo(file.out());
    }

    @Test
    void standardInputIsNamedStdinInMessages() {
        Cli.Run r = withStdin("{\"id\": \"x\"".getBytes(), "explain", "-");

        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("adcc: stdin: line ").contains("malformed JSON");
    }

    @Test
    void standardInputHasTheSizeLimitOfAFile() {
        Cli.Run r = withStdin(new byte[200], "whatif", "--max-bytes", "100", "-", "--add", "atra");

        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).isEqualTo("adcc: stdin: is more than the limit of 100 bytes (--max-bytes)\n");
    }

    @Test
    void standardInputIsReadOnce() {
        Cli.Run r = withStdin(new byte[0], "explain", "-", "-");

        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("standard input is named more than once");
    }
}
