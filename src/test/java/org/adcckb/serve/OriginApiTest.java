package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;

/**
 * Only this machine's own names reach the server (DNS rebinding), only its own page may make it work
 * (cross-origin POSTs are refused), and no answer ever carries a CORS header that would let another
 * page read it.
 */
class OriginApiTest {

    private final Server server = Api.shared();

    private RawHttp.Answer status(String hostLines) {
        return RawHttp.send(server, "GET", "/api/status", hostLines, "");
    }

    private RawHttp.Answer evaluate(String headers) {
        return RawHttp.send(server, "POST", "/api/evaluate", RawHttp.host(server, "127.0.0.1") + headers,
                Api.lejeune("low-target-dara"));
    }

    @Test
    void loopbackNamesAreAnswered() {
        for (String name : List.of("127.0.0.1", "localhost", "LocalHost", "[::1]")) {
            RawHttp.Answer a = status(RawHttp.host(server, name));
            assertThat(a.status()).as(name + ": " + a.text()).isEqualTo(200);
        }
        assertThat(status("Host: localhost\r\n").status()).as("without a port").isEqualTo(200);
    }

    @Test
    void aRequestWithoutHostIsAnswered() {
        // No browser leaves Host out, and a program that does could have named any host it liked.
        RawHttp.Answer a = RawHttp.exchange(server, "GET /api/status HTTP/1.0\r\n\r\n".getBytes(), new byte[0]);

        assertThat(a.status()).as(a.text()).isEqualTo(200);
    }

    @Test
    void otherNamesAreRefusedEvenWhenTheyResolveToThisMachine() {
        for (String name : List.of("evil.example", "127.0.0.1.nip.io", "localhost.evil.example", "127.0.0.2",
                "0.0.0.0", "[::ffff:127.0.0.1]", "evil.example@127.0.0.1")) {
            RawHttp.Answer a = status(RawHttp.host(server, name));
            assertThat(a.status()).as(name).isEqualTo(403);
            assertThat(a.body()).as(name).contains("\"error\"").contains("only requests to localhost or 127.0.0.1");
        }
        RawHttp.Answer page = RawHttp.send(server, "GET", "/", RawHttp.host(server, "rebound.example"), "");
        assertThat(page.status()).as("the page too").isEqualTo(403);
        RawHttp.Answer two = status(RawHttp.host(server, "127.0.0.1") + RawHttp.host(server, "evil.example"));
        assertThat(two.status()).as("a second Host header").isEqualTo(403);
    }

    @Test
    void aServerOnTheIpv6LoopbackChecksHostToo() throws IOException {
        Server six;
        try {
            six = Api.start(ServeConfig.local(TestKb.FACTS, TestKb.RULES).withHost("::1"));
        } catch (java.io.UncheckedIOException e) {
            // A machine without IPv6 on its loopback interface cannot serve there: nothing more to check.
            assertThat(e.getCause()).isInstanceOfAny(BindException.class, SocketException.class);
            return;
        }
        try (six) {
            assertThat(six.url().toString()).as("the URL as a browser writes it").startsWith("http://[::1]:");
            assertThat(RawHttp.send(six, "GET", "/api/status", RawHttp.host(six, "[::1]"), "").status()).isEqualTo(200);
            assertThat(RawHttp.send(six, "GET", "/api/status", RawHttp.host(six, "[0:0:0:0:0:0:0:1]"), "").status()).isEqualTo(200);
            assertThat(RawHttp.send(six, "GET", "/api/status", RawHttp.host(six, "evil.example"), "").status()).isEqualTo(403);
        }
    }

    @Test
    void aPostFromAnotherOriginIsRefused() {
        for (String origin : List.of("http://evil.example", "null", "http://localhost:" + server.address().getPort(),
                "http://127.0.0.1:1", "https://127.0.0.1:" + server.address().getPort(), "file://")) {
            RawHttp.Answer a = evaluate("Origin: " + origin + "\r\n");
            assertThat(a.status()).as(origin).isEqualTo(403);
            assertThat(a.body()).as(origin).contains("\"error\"").contains("another origin").doesNotContain("\"outcome\"");
        }
        RawHttp.Answer site = evaluate("Sec-Fetch-Site: cross-site\r\n");
        assertThat(site.status()).as("Sec-Fetch-Site without Origin").isEqualTo(403);
        RawHttp.Answer form = RawHttp.send(server, "POST", "/api/report", RawHttp.host(server, "127.0.0.1")
                + "Origin: http://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n", "scenario=%7B%7D");
        assertThat(form.status()).as("a form posted from another site").isEqualTo(403);
    }

    @Test
    void aPostFromTheServersOwnPageOrFromNoBrowserIsAnswered() {
        int port = server.address().getPort();
        assertThat(evaluate("Origin: http://127.0.0.1:" + port + "\r\n").status()).isEqualTo(200);
        assertThat(evaluate("Origin: http://127.0.0.1:" + port + "\r\nSec-Fetch-Site: same-origin\r\n").status()).isEqualTo(200);
        assertThat(evaluate("").status()).as("no Origin: not a browser").isEqualTo(200);
        RawHttp.Answer named = RawHttp.send(server, "POST", "/api/evaluate",
                RawHttp.host(server, "localhost") + "Origin: http://LOCALHOST:" + port + "\r\n", Api.lejeune("low-target-dara"));
        assertThat(named.status()).as(named.text()).isEqualTo(200);
    }

    @Test
    void noAnswerCarriesACorsHeader() {
        String own = RawHttp.host(server, "127.0.0.1");
        String evil = "Origin: http://evil.example\r\n";
        String preflight = evil + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n";
        List<RawHttp.Answer> answers = new ArrayList<>();
        answers.add(RawHttp.send(server, "GET", "/", own + evil, ""));
        answers.add(RawHttp.send(server, "GET", "/app.js", own + evil, ""));
        answers.add(RawHttp.send(server, "GET", "/api/status", own + evil, ""));
        answers.add(RawHttp.send(server, "GET", "/api/scenarios", own + evil, ""));
        answers.add(RawHttp.send(server, "POST", "/api/evaluate", own + evil, Api.lejeune("low-target-dara")));
        answers.add(RawHttp.send(server, "POST", "/api/evaluate", own, Api.lejeune("low-target-dara")));
        answers.add(RawHttp.send(server, "OPTIONS", "/api/evaluate", own + preflight, ""));
        answers.add(RawHttp.send(server, "OPTIONS", "/", own + preflight, ""));
        answers.add(RawHttp.send(server, "OPTIONS", "/index.html", own + preflight, ""));
        answers.add(RawHttp.send(server, "OPTIONS", "*", own + preflight, ""));

        for (RawHttp.Answer a : answers) {
            assertThat(a.hasHeader("access-control-")).as(a.headers()).isFalse();
            assertThat(a.status()).as(a.headers()).isNotEqualTo(204).isBetween(200, 499);
        }
        assertThat(answers.get(6).status()).as("a preflight is not answered as one").isEqualTo(405);
    }
}
