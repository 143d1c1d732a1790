package org.adcckb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adcckb.report.JsonReport;

/** Reading requests within limits and writing answers, for every handler of the server. */
final class Exchanges {

    /** Named in error messages where the command line would name a file. */
    static final String BODY = "request body";

    private Exchanges() {
    }

    /**
     * The whole request body, refused with 413 beyond {@code max} bytes. The declared length is checked
     * first, and the stream is read no further than one byte past the limit, so a client cannot make the
     * server buffer more than the limit whatever it declares.
     */
    static byte[] body(HttpExchange ex, int max) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                long n = Long.parseLong(declared.trim());
                if (n > max) {
                    throw tooLarge("is " + n + " bytes", max);
                }
            } catch (NumberFormatException e) {
                throw new HttpError(400, BODY + ": Content-Length '" + declared + "' is not a number");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                // chunked: its length was not known beforehand, only that it runs past the limit
                throw new HttpError(413, BODY + ": more than the limit of " + max + " bytes (--max-bytes)");
            }
            return b;
        }
    }

    private static HttpError tooLarge(String size, int max) {
        return new HttpError(413, BODY + ": " + size + ", more than the limit of " + max + " (--max-bytes)");
    }

    /** {@code a=1&b=2} of the query string or a form body, decoded; the first value of a repeated name wins. */
    static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JsonReport.pretty(body) + "\n");
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("error", message));
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        // Answers depend on the rules, which change under the server's feet: never reuse an old one.
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
