package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;

/**
 * Clients that open a connection and send nothing, half a request line, or half a body, then stall, hold
 * no one else up: a normal request is answered at once, and the stalled connections are closed once the
 * JDK server's request time ({@link ConnectionLimits#REQUEST_SECONDS}) is up.
 */
class SlowClientTest {

    private static final int SLOW = 60;
    /** Far beyond a normal answer (milliseconds), far below the request time: a hang, not a speed, fails it. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    private static Socket stall(Server s, String partial) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(s.address().getAddress(), s.address().getPort()), 10_000);
        socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void stalledClientsHoldNoOneUpAndAreCutOff() throws Exception {
        ServeConfig config = ServeConfig.local(TestKb.FACTS, TestKb.RULES)
                .withCapacity(new ServeConfig.Capacity(1, Duration.ofSeconds(2)));
        List<Socket> slow = new ArrayList<>();
        try (Server s = Api.start(config)) {
            String host = "Host: 127.0.0.1:" + s.address().getPort() + "\r\n";
            for (int i = 0; i < SLOW; i++) {
                slow.add(stall(s, switch (i % 3) {
                    case 0 -> "";
                    case 1 -> "GET /api/sta";
                    // Half a body: the only turn of this server (capacity 1) must not be held while it waits.
                    default -> "POST /api/evaluate HTTP/1.1\r\n" + host + "Content-Length: 1000\r\n\r\n{\"id\": ";
                }));
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long t0 = System.nanoTime();
            HttpResponse<String> status = client.send(HttpRequest.newBuilder(s.url().resolve("/api/status")).timeout(PROMPT).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> evaluate = client.send(HttpRequest.newBuilder(s.url().resolve("/api/evaluate")).timeout(PROMPT)
                    .POST(HttpRequest.BodyPublishers.ofString(Api.lejeune("low-target-dara"))).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("SlowClientTest: with %d stalled connections, status and evaluate answered in %d ms%n",
                    SLOW, (System.nanoTime() - t0) / 1_000_000);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(evaluate.statusCode()).as(evaluate.body()).isEqualTo(200);
            assertThat(evaluate.body()).contains("\"outcome\"");

            // Each stalled connection is closed by the server, with no answer or a 4xx: within the request
            // time, plus the JDK's timer tick and idle sweep; the read time-out is only there to catch a hang.
            long cutOff = System.nanoTime();
            for (Socket socket : slow) {
                socket.setSoTimeout((ConnectionLimits.REQUEST_SECONDS + 20) * 1000);
                assertThat(readToEnd(socket)).as("what the server sent a stalled client before closing")
                        .satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
            }
            System.out.printf("SlowClientTest: the stalled connections were closed %d ms after the normal requests%n",
                    (System.nanoTime() - cutOff) / 1_000_000);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Everything until the server closes the connection; fails on the read time-out. */
    private static String readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a stalled connection was still open after " + socket.getSoTimeout() + " ms", e);
        } catch (SocketException e) {
            return ""; // reset by the server: closed too
        }
    }

    @Test
    void aQuestionThatWaitsTooLongForItsTurnIs503WithRetryAfter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        // One turn, held about two seconds by a rule that never returns; the others wait 100 ms at most.
        java.nio.file.Path rules = DefectiveRules.copy(tmp);
        java.nio.file.Files.writeString(rules.resolve("defects.drl"),
                DefectiveRules.file(DefectiveRules.spinning("Spin", "id == \"spin\"")));
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules)
                .withRun(org.adcckb.reasoning.RunLimits.DEFAULT.withMaxMillis(2000))
                .withCapacity(new ServeConfig.Capacity(1, Duration.ofMillis(100)));
        try (Server s = Api.start(config)) {
            Api.Response refused = null;
            Api.Response statusWhileBusy = null;
            Api.Response spun = null;
            // The spinning question may itself be the one that waits; then it is sent again.
            for (int attempt = 0; attempt < 10 && refused == null; attempt++) {
                var busy = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> Api.post(s, "/api/evaluate", DefectiveRules.scenarioWithTarget("spin")));
                while (refused == null && !busy.isDone()) {
                    Api.Response r = Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara"));
                    if (r.status() == 503) {
                        refused = r;
                        statusWhileBusy = Api.get(s, "/api/status");
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(200); // it had the turn before the spinning one
                    }
                }
                spun = busy.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(spun.status()).as(spun.body()).isIn(400, 503);
            }
            assertThat(refused).as("a 503 while the only turn was held").isNotNull();
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.error()).startsWith("the server is busy answering other questions (at most 1 at a time); "
                    + "this one waited 100 ms for its turn");
            assertThat(statusWhileBusy.status()).as("status takes no turn").isEqualTo(200);

            assertThat(spun.status()).as("the spinning question was stopped at its time limit").isEqualTo(400);
            assertThat(Api.post(s, "/api/evaluate", Api.lejeune("low-target-dara")).status()).isEqualTo(200);
        }
    }

    @Test
    void theJdkServerLimitsFillOnlyWhatTheUserLeftUnset() {
        String user = "sun.net.httpserver.maxReqTime";
        String unset = "sun.net.httpserver.maxRspTime";
        String before = System.getProperty(user);
        String beforeUnset = System.getProperty(unset);
        try {
            System.setProperty(user, "7");
            System.clearProperty(unset);
            ConnectionLimits.applyDefaults();
            assertThat(System.getProperty(user)).as("the user's value stays").isEqualTo("7");
            assertThat(System.getProperty(unset)).isEqualTo("" + ConnectionLimits.RESPONSE_SECONDS);
        } finally {
            restore(user, before);
            restore(unset, beforeUnset);
        }
        assertThat(ConnectionLimits.DEFAULTS).containsEntry("sun.net.httpserver.maxReqTime", "10")
                .containsEntry("jdk.httpserver.maxConnections", "256").containsKey("sun.net.httpserver.maxReqHeaderSize");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
