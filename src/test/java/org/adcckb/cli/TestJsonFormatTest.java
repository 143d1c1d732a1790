package org.adcckb.cli;

import static org.adcckb.cli.Cli.ok;
import static org.adcckb.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adcc test --format json}: every check with its scenario, findings and result, and the counts. */
class TestJsonFormatTest {

    @TempDir
    Path temp;

    @Test
    void everyCheckIsAnObjectAndTheCountsAgreeWithTheText() throws IOException {
        Cli.Run text = ok("test", "facts/krejcik-2017");
        JsonNode root = new ObjectMapper().readTree(ok("test", "facts/krejcik-2017", "--format", "json").out());
        assertThat(root.path("failed").asLong()).isZero();
        assertThat(root.path("passed").asLong()).isEqualTo(root.path("checks").size()).isPositive();
        assertThat(text.out()).endsWith(root.path("passed").asLong() + " passed, 0 failed\n");
        for (JsonNode c : root.path("checks")) {
            assertThat(c.path("scenario").asText()).startsWith("krejcik2017-");
            assertThat(c.path("findings").get(0).asText()).isEqualTo("Krejcik2017");
            assertThat(c.path("passed").asBoolean()).isTrue();
            assertThat(c.path("got").isNull()).isTrue();
            assertThat(text.out()).contains(c.path("scenario").asText() + ": " + c.path("check").asText());
        }
        assertThat(root.path("rulesFingerprint").asText()).hasSize(64);
    }

    @Test
    void aFailedCheckSaysWhatItGotAndTheExitCodeIsThree() throws IOException {
        Path f = temp.resolve("wrong.json");
        String s = Files.readString(Path.of("facts/krejcik-2017/no-fall-without-effectors.json"))
                .replace("\"mm\": { \"cd38\": \"high\", \"cd38Fold\": 1.0 }", "\"mm\": { \"cd38\": \"low\", \"cd38Fold\": 1.0 }")
                .replace("\"compare\": [\n      { \"with\": \"krejcik2017-cd38-falls-after-first-infusion\", \"cells\": { \"mm\": { \"cd38\": \"higher\" } } }\n    ]", "\"compare\": []");
        Files.writeString(f, s);
        Cli.Run r = run("test", f.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(3);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("failed").asLong()).isEqualTo(1);
        assertThat(root.path("checks")).anySatisfy(c -> {
            assertThat(c.path("check").asText()).isEqualTo("cells.mm.cd38 = low");
            assertThat(c.path("passed").asBoolean()).isFalse();
            assertThat(c.path("got").asText()).isEqualTo("high");
        });
    }
}
