package org.adcckb.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The explorer page: plain files from {@code web/} on the class path (inside the jar), nothing else and
 * nothing from the network. Only simple file names are served, so no path can reach other resources.
 */
final class StaticHandler implements HttpHandler {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    /**
     * The page runs only its own script: the graph SVG and scenario texts are inserted into the page, and
     * this keeps any markup in them from running code.
     */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String name = ex.getRequestURI().getPath().substring(1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        if (!NAME.matcher(name).matches()) {
            Exchanges.send(ex, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            Exchanges.send(ex, 405, "text/plain; charset=utf-8", method + " is not allowed; use GET\n");
            return;
        }
        try (InputStream in = StaticHandler.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                Exchanges.send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            byte[] body = in.readAllBytes();
            ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            Exchanges.send(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
        }
    }
}
