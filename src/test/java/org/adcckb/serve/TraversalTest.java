package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request reads a file outside the page's own files or the facts directory: climbing paths in every
 * spelling, absolute paths, null bytes, very long paths, and symbolic links inside the facts directory
 * that point out of it. Next to the facts directory lies a secret file; no answer may contain it.
 */
class TraversalTest {

    private static final String SECRET = "SECRET-8d1f";

    @TempDir
    static Path tmp;

    private static Server server;

    @BeforeAll
    static void start() throws IOException {
        Path facts = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(facts.resolve("ok.json"), Api.lejeune("low-target-dara"));
        Files.writeString(tmp.resolve("secret.json"), "{\"id\": \"" + SECRET + "\", \"title\": \"" + SECRET + "\"}");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("x.json"), "{\"id\": \"" + SECRET + "\"} " + SECRET);
        Files.createSymbolicLink(facts.resolve("link.json"), tmp.resolve("secret.json"));
        Files.createSymbolicLink(facts.resolve("relative.json"), Path.of("..", "secret.json"));
        Files.createSymbolicLink(facts.resolve("dirlink"), outside);
        server = Api.start(ServeConfig.local(facts, TestKb.RULES));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Answer get(String rawPath) {
        return RawHttp.send(server, "GET", rawPath, RawHttp.host(server, "127.0.0.1"), "");
    }

    private static void assertRefused(String rawPath, RawHttp.Answer a) {
        assertThat(a.text()).as(rawPath).doesNotContain(SECRET).doesNotContain("<project").doesNotContain("root:x:")
                .doesNotContain("cellTypes");
        assertThat(a.status()).as(rawPath + ": " + a.text()).isIn(400, 404);
    }

    private static List<String> escapes(String prefix) {
        List<String> out = new ArrayList<>();
        for (String p : List.of("../secret.json", "%2e%2e/secret.json", "%2E%2E%2Fsecret.json", "..%2fsecret.json",
                ".%2e/secret.json", "..%5csecret.json", "%2e%2e%5csecret.json", "ok.json/../../secret.json",
                "./../secret.json", "/" + "%2e%2e/secret.json", "%2fetc%2fpasswd", "/etc/passwd", "//etc/passwd",
                "%00../secret.json", "ok.json%00", "..%00/secret.json", "%252e%252e/secret.json", "%c0%ae%c0%ae/secret.json",
                "C:%5cWindows%5cwin.ini", "file:%2f%2f%2fetc%2fpasswd", "~/secret.json",
                "../../../../../../../../../../../../etc/passwd", "../rules/vocabulary.json", "../../pom.xml")) {
            out.add(prefix + p);
        }
        return out;
    }

    @Test
    void scenarioPathsThatLeaveTheFactsDirectoryAreRefused() {
        for (String path : escapes("/api/scenarios/")) {
            assertRefused(path, get(path));
        }
        for (String path : escapes("/api/report?path=")) {
            assertRefused(path, get(path));
        }
    }

    @Test
    void symbolicLinksThatLeadOutAreRefusedAndNeverRead() {
        for (String path : List.of("link.json", "relative.json", "dirlink/x.json")) {
            RawHttp.Answer a = get("/api/scenarios/" + path);
            assertRefused(path, a);
            assertThat(a.status()).as(path).isEqualTo(400);
            assertThat(a.body()).as(path).contains("leads outside the facts directory");
            assertRefused("report " + path, get("/api/report?path=" + path));
        }
        RawHttp.Answer list = get("/api/scenarios");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(SECRET).contains("\"ok.json\"").contains("leads outside the facts directory");
        assertThat(get("/api/scenarios/ok.json").body()).isEqualTo(Api.lejeune("low-target-dara"));
    }

    @Test
    void thePageServesItsOwnFilesOnly() {
        List<String> paths = new ArrayList<>(escapes("/"));
        paths.addAll(List.of("/app.js/../../pom.xml", "/web/app.js", "/%2e%2e/pom.xml", "/..%2fpom.xml",
                "/index.html%00.js", "/index.html%2f..%2f..%2fpom.xml", "/..%5c..%5cpom.xml", "/.%2e/.%2e/pom.xml",
                "/META-INF/MANIFEST.MF", "/org/adcckb/serve/Server.class", "/app.js%3f", "/APP.JS", "/.git/config"));
        for (String path : paths) {
            assertRefused(path, get(path));
        }
        assertThat(get("/app.js").status()).isEqualTo(200);
    }

    @Test
    void veryLongPathsAreRefusedWithoutHarm() {
        for (int n : List.of(1_000, 20_000, 200_000)) {
            String longPath = "a/".repeat(n / 2) + "x.json";
            for (String prefix : List.of("/api/scenarios/", "/", "/api/scenarios/" + "../".repeat(n / 6))) {
                RawHttp.Answer a;
                try {
                    a = get(prefix + longPath);
                } catch (java.io.UncheckedIOException e) {
                    continue; // the JDK server may close a connection whose request line is over its header limit
                }
                if (!a.text().isEmpty()) {
                    assertThat(a.text()).doesNotContain(SECRET);
                    assertThat(a.status()).as(prefix.length() + longPath.length() + " characters").isIn(400, 404, 413, 414, 431);
                }
            }
        }
        assertThat(get("/api/scenarios/ok.json").status()).as("still serving").isEqualTo(200);
    }

    @Test
    void rawBackslashesAndSpacesInTheRequestLineAreRefused() {
        for (String path : List.of("/api/scenarios/..\\secret.json", "/..\\..\\pom.xml", "/api/scenarios/.. /secret.json")) {
            RawHttp.Answer a = get(path);
            assertRefused(path, a);
        }
    }
}
