package org.adcckb.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDK HTTP server's own limits, which it reads from system properties once, when the first server of
 * the JVM is created. Its defaults let a client take as long as it likes to send a request, so a few
 * clients that send half a request line and stall would hold the server's threads for good. Each value is
 * set only where the user has not set the property (with {@code -D} on the java command line).
 */
final class ConnectionLimits {

    /** Seconds from a request's first byte to its last, body included, before the connection is closed. */
    static final int REQUEST_SECONDS = 10;
    /**
     * Seconds from a request's last byte to its answer's last, before the connection is closed: well past
     * the wait for a turn ({@link ServeConfig.Capacity}) and a long sweep or why-not search, so that only a
     * client that stops reading its answer is cut off.
     */
    static final int RESPONSE_SECONDS = 300;
    /** Open connections at most; the server closes any further one as soon as it is accepted. */
    static final int CONNECTIONS = 256;

    /** Property and value, in the order they are set. */
    static final Map<String, String> DEFAULTS = defaults();

    private ConnectionLimits() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sun.net.httpserver.maxReqTime", "" + REQUEST_SECONDS);
        m.put("sun.net.httpserver.maxRspTime", "" + RESPONSE_SECONDS);
        // A kept-alive connection with no request is closed after this many seconds...
        m.put("sun.net.httpserver.idleInterval", "30");
        // ...and idle connections are looked at every second (the JDK's default is every ten).
        m.put("sun.net.httpserver.clockTick", "1000");
        // A browser sends about twenty headers of a few hundred bytes.
        m.put("sun.net.httpserver.maxReqHeaders", "100");
        m.put("sun.net.httpserver.maxReqHeaderSize", "" + 64 * 1024);
        m.put("jdk.httpserver.maxConnections", "" + CONNECTIONS);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Sets every property the user has not set; call before the first {@code HttpServer.create}. */
    static synchronized void applyDefaults() {
        DEFAULTS.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }
}
