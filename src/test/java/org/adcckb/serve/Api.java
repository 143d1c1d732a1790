package org.adcckb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adcckb.TestKb;
import org.adcckb.input.JsonInput;

/** The explorer server in-process on a free port, and an HTTP client for the API tests. */
final class Api {

    private static Server shared;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    /** One server over the shipped rules and facts for every API test class; it dies with the test JVM. */
    static synchronized Server shared() {
        if (shared == null) {
            shared = start(ServeConfig.local(TestKb.FACTS, TestKb.RULES));
        }
        return shared;
    }

    static Server start(ServeConfig config) {
        try {
            return Server.start(config, new PrintWriter(System.err, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JsonInput.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String error() {
            return json().path("error").asText();
        }
    }

    static Response get(Server s, String path) {
        return send(s, HttpRequest.newBuilder(s.url().resolve(path)).GET());
    }

    static Response post(Server s, String path, String body) {
        return send(s, HttpRequest.newBuilder(s.url().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Response method(Server s, String method, String path) {
        return send(s, HttpRequest.newBuilder(s.url().resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** A path sent as written, without the client's normalisation, for traversal tests. */
    static Response rawGet(Server s, String rawPath) {
        return send(s, HttpRequest.newBuilder(URI.create(s.url().toString().replaceAll("/$", "") + rawPath)).GET());
    }

    static Response send(Server s, HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A shipped scenario file's text. */
    static String lejeune(String name) {
        try {
            return Files.readString(TestKb.FACTS.resolve("lejeune-2021").resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path facts() {
        return TestKb.FACTS;
    }
}
