package org.adcckb.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * On a loopback-only server, answers only requests addressed to a loopback name. A web page elsewhere
 * could otherwise point a DNS name of its own at 127.0.0.1 (DNS rebinding) and read the API.
 */
final class LoopbackHostFilter extends Filter {

    private static final Pattern LOCAL = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\]|\\[0:0:0:0:0:0:0:1\\])(:\\d+)?",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        // Every Host header counts, not just the first. A request without one comes from no browser (they
        // all send it), so from a program that could name any host it likes: refusing it protects nothing.
        for (String host : ex.getRequestHeaders().getOrDefault("Host", List.of())) {
            if (!LOCAL.matcher(host.trim()).matches()) {
                Exchanges.error(ex, 403, "this server answers only requests to localhost or 127.0.0.1, not '" + host + "'");
                return;
            }
        }
        chain.doFilter(ex);
    }

    @Override
    public String description() {
        return "refuses requests whose Host is not a loopback name";
    }
}
