package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adcckb.TestKb;
import org.adcckb.input.JsonInput;
import org.junit.jupiter.api.Test;

/**
 * 200 requests at once, each on its own connection: evaluations, status and page files. Every one is
 * answered 200 with a well-formed body. The latencies are reported, not asserted; the only time limit is
 * a generous one that catches a hang.
 */
class LoadTest {

    private static final int REQUESTS = 200;

    private record Sent(String kind, long startNanos, CompletableFuture<HttpResponse<String>> answer) {
    }

    @Test
    void twoHundredConcurrentRequestsAreAllAnswered() throws Exception {
        String scenario = Api.lejeune("low-target-dara");
        String expectedFingerprint = TestKb.kb().fingerprint();
        try (Server s = Api.start(ServeConfig.local(TestKb.FACTS, TestKb.RULES))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            List<Sent> sent = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                String kind = i % 8 == 6 ? "status" : i % 8 == 7 ? "page" : "evaluate";
                HttpRequest.Builder b = switch (kind) {
                    case "status" -> HttpRequest.newBuilder(s.url().resolve("/api/status"));
                    case "page" -> HttpRequest.newBuilder(s.url().resolve(i % 16 == 7 ? "/" : "/app.js"));
                    default -> HttpRequest.newBuilder(s.url().resolve("/api/evaluate"))
                            .POST(HttpRequest.BodyPublishers.ofString(scenario));
                };
                sent.add(new Sent(kind, System.nanoTime(),
                        client.sendAsync(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString())));
            }
            long[] millis = new long[REQUESTS];
            List<CompletableFuture<?>> timed = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int k = i;
                // Answered or failed, each request is timed; a failure is counted below, not thrown here.
                timed.add(sent.get(i).answer().handle((r, e) -> millis[k] = (System.nanoTime() - sent.get(k).startNanos()) / 1_000_000));
            }
            CompletableFuture.allOf(timed.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
            long wall = (System.nanoTime() - t0) / 1_000_000;

            int errors = 0;
            for (int i = 0; i < REQUESTS; i++) {
                Sent x = sent.get(i);
                String problem;
                try {
                    HttpResponse<String> r = x.answer().get();
                    problem = r.statusCode() == 200 && wellFormed(x.kind(), r.body(), expectedFingerprint) ? null
                            : "answered " + r.statusCode() + ": " + r.body();
                } catch (java.util.concurrent.ExecutionException e) {
                    problem = "failed: " + e.getCause();
                }
                if (problem != null) {
                    errors++;
                    System.out.printf("LoadTest: request %d (%s) after %d ms %.200s%n", i, x.kind(), millis[i], problem);
                }
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf("LoadTest: %d concurrent requests on %d cores: %d errors; latency p50 %d ms, p90 %d ms, p99 %d ms, "
                            + "max %d ms; all answered in %d ms%n", REQUESTS, Runtime.getRuntime().availableProcessors(), errors,
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[REQUESTS - 1], wall);
            for (String kind : List.of("evaluate", "status", "page")) {
                long[] k = java.util.stream.IntStream.range(0, REQUESTS).filter(i -> sent.get(i).kind().equals(kind))
                        .mapToLong(i -> millis[i]).sorted().toArray();
                System.out.printf("LoadTest:   %-8s x%3d: p50 %d ms, p99 %d ms, max %d ms%n", kind, k.length,
                        percentile(k, 50), percentile(k, 99), k[k.length - 1]);
            }
            // For scale: the same question asked alone, one after the other, on the machine as loaded now.
            long[] alone = new long[20];
            for (int i = 0; i < alone.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(s.url().resolve("/api/evaluate"))
                        .POST(HttpRequest.BodyPublishers.ofString(scenario)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                alone[i] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(alone);
            System.out.printf("LoadTest: one evaluate at a time: p50 %d ms, max %d ms%n", percentile(alone, 50), alone[alone.length - 1]);
            assertThat(errors).isZero();
        }
    }

    private static boolean wellFormed(String kind, String body, String fingerprint) throws java.io.IOException {
        return switch (kind) {
            case "evaluate" -> {
                JsonNode n = JsonInput.mapper().readTree(body);
                yield "none".equals(n.path("outcome").path("adcc").asText()) && fingerprint.equals(n.path("rulesFingerprint").asText())
                        && n.path("graph").asText().startsWith("<svg");
            }
            case "status" -> "ok".equals(JsonInput.mapper().readTree(body).path("state").asText());
            default -> body.contains("<script src=\"app.js\"") || body.contains("fetch(");
        };
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
