package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.adcckb.TestKb;
import org.adcckb.input.Limits;
import org.junit.jupiter.api.Test;

/** Unknown routes, wrong methods, oversize bodies, foreign Host headers; status and rules. */
class RoutingApiTest {

    private final Server server = Api.shared();

    @Test
    void anUnknownRouteIs404WithTheRoutes() {
        Api.Response r = Api.get(server, "/api/evaluat");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).startsWith("no route /api/evaluat; routes: ").contains("/api/evaluate");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        Api.Response r = Api.get(server, "/api/evaluate");
        Api.Response scenarios = Api.method(server, "DELETE", "/api/scenarios/lejeune-2021/low-target-dara.json");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(r.error()).isEqualTo("GET is not allowed on /api/evaluate; use POST");
        assertThat(scenarios.status()).isEqualTo(405);
        assertThat(scenarios.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(Api.method(server, "PUT", "/api/rules").headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void headIsGetWithoutTheBodyWhereverGetIsAllowed() {
        for (String path : new String[] {"/api/status", "/api/rules", "/api/scenarios", "/api/scenarios/lejeune-2021/low-target-dara.json",
                "/api/report?path=lejeune-2021/low-target-dara.json"}) {
            Api.Response get = Api.get(server, path);
            Api.Response head = Api.method(server, "HEAD", path);
            assertThat(head.status()).as(path).isEqualTo(200).isEqualTo(get.status());
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void aBodyOverTheByteLimitIsRefusedWith413() {
        Limits small = new Limits(500, 32, 4096, 64, 256);
        try (Server tight = Api.start(ServeConfig.local(TestKb.FACTS, TestKb.RULES).withLimits(small))) {
            Api.Response r = Api.post(tight, "/api/evaluate", Api.lejeune("low-target-dara"));

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.error()).startsWith("request body: is ").endsWith("more than the limit of 500 (--max-bytes)");
        }
    }

    @Test
    void aRequestForAnotherHostIsRefused() throws IOException {
        // HttpClient will not set Host; a DNS-rebinding page would, so send the request by hand.
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.getOutputStream().write(("GET /api/status HTTP/1.1\r\nHost: evil.example:" + server.address().getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("only requests to localhost or 127.0.0.1");
        }
    }

    @Test
    void statusGivesTheFingerprintAndNoError() {
        Api.Response r = Api.get(server, "/api/status");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("state").asText()).isEqualTo("ok");
        assertThat(r.json().path("fingerprint").asText()).isEqualTo(TestKb.kb().fingerprint());
        assertThat(r.json().path("error").isNull()).isTrue();
    }

    @Test
    void rulesListsEveryRuleWithItsCitationsAndTheAgents() {
        Api.Response r = Api.get(server, "/api/rules");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("rules").size()).isEqualTo(TestKb.kb().rules().size());
        assertThat(r.json().path("rules").get(0).path("sources").isArray()).isTrue();
        assertThat(r.json().path("agents").findValuesAsText("name")).contains("daratumumab", "cd38_nanobody", "atra");
    }

    @Test
    void thePageAndItsScriptsAreServedWithAContentSecurityPolicy() {
        Api.Response page = Api.get(server, "/");
        Api.Response script = Api.get(server, "/app.js");
        Api.Response missing = Api.get(server, "/../pom.xml");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"app.js\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
        assertThat(script.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(404);
    }
}
