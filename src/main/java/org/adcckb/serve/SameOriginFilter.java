package org.adcckb.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a request that would make the server work or change something (any method but GET, HEAD and
 * OPTIONS) when a browser says it comes from another site's page. Such a page cannot read the answer (the
 * server sends no CORS headers), but a form or a {@code text/plain} POST would still make the server
 * evaluate on its behalf. Clients that are not browsers send no Origin and are not concerned.
 */
final class SameOriginFilter extends Filter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        if (!SAFE.contains(ex.getRequestMethod())) {
            String origin = ex.getRequestHeaders().getFirst("Origin");
            String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
            String host = ex.getRequestHeaders().getFirst("Host");
            if (origin != null && !sameOrigin(origin, host) || "cross-site".equalsIgnoreCase(site)) {
                Exchanges.error(ex, 403, ex.getRequestMethod() + " from the page of another origin ('"
                        + (origin == null ? site : origin) + "') is refused; only this server's own page may send it");
                return;
            }
        }
        chain.doFilter(ex);
    }

    /** Whether {@code origin} (scheme, host and port) names this server as the request's Host does. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        URI o;
        URI h;
        try {
            o = new URI(origin.trim());
            h = new URI("http://" + host.trim());
        } catch (java.net.URISyntaxException e) {
            return false; // "null" (a sandboxed page or a file) and anything malformed
        }
        return "http".equalsIgnoreCase(o.getScheme()) && o.getHost() != null && h.getHost() != null
                && o.getRawPath() != null && o.getRawPath().isEmpty() && o.getRawUserInfo() == null
                && o.getHost().toLowerCase(Locale.ROOT).equals(h.getHost().toLowerCase(Locale.ROOT))
                && port(o) == port(h);
    }

    private static int port(URI u) {
        return u.getPort() == -1 ? 80 : u.getPort();
    }

    @Override
    public String description() {
        return "refuses state-changing requests from the pages of other origins";
    }
}
