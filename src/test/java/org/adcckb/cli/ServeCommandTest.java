package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code adcc serve}: prints its loopback URL, serves until stopped, refuses a bad port. */
class ServeCommandTest {

    @AfterEach
    void forgetHook() {
        ServeCommand.onStarted = null;
    }

    @Test
    void servesOnLoopbackAndPrintsTheUrl() throws Exception {
        CompletableFuture<Runnable> stop = new CompletableFuture<>();
        ServeCommand.onStarted = stop::complete;
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> Cli.run("serve", "--port", "0"));
        stop.get(60, TimeUnit.SECONDS).run();

        // The run's stderr is whole only once the command returns.
        Cli.Run r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        Matcher m = Pattern.compile("adcc serve: http://127\\.0\\.0\\.1:\\d+/").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void answersWhileRunning() throws Exception {
        CompletableFuture<Runnable> stop = new CompletableFuture<>();
        ServeCommand.onStarted = stop::complete;
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> Cli.run("serve", "--port", "" + port));
        Runnable stopper = stop.get(60, TimeUnit.SECONDS);
        try {
            HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"state\" : \"ok\"");
        } finally {
            stopper.run();
            assertThat(run.get(60, TimeUnit.SECONDS).exit()).isZero();
        }
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        Cli.Run r = Cli.badInput("serve", "--port", "70000");

        assertThat(r.err()).contains("--port: must be 0 to 65535, got 70000");
    }

    @Test
    void aMissingFactsDirectoryIsBadInputNotAnEmptyPage() {
        assertThat(Cli.badInput("serve", "--port", "0", "--facts", "nosuch").err())
                .isEqualTo("adcc: --facts nosuch: no such directory\n");
        assertThat(Cli.badInput("serve", "--port", "0", "--facts", "README.md").err())
                .isEqualTo("adcc: --facts README.md: is not a directory; --facts names the directory of scenarios the page offers\n");
    }
}
