package org.adcckb.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a fixed number of questions run at once ({@link ServeConfig.Capacity}); the others wait for their
 * turn, and one that waited too long is answered 503 with {@code Retry-After}, so an overloaded server
 * says so instead of leaving its clients hanging.
 *
 * <p>The request body is read before the wait, within the byte limit, and handed on from memory: a client
 * that sends its body slowly holds no turn (the JDK server cuts it off after its request time), and the
 * wait does not count against that request time.
 */
final class RequestGate extends Filter {

    /** Seconds a client is asked to wait before it tries again. */
    static final int RETRY_AFTER = 1;

    private final Semaphore turns;
    private final ServeConfig.Capacity capacity;
    private final int maxBytes;

    RequestGate(ServeConfig.Capacity capacity, int maxBytes) {
        this.turns = new Semaphore(capacity.requests(), true);
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        if (ex.getRequestURI().getPath().equals("/api/status")) {
            chain.doFilter(ex); // cheap, and what a client looks at to see whether the server is alive
            return;
        }
        readBody(ex);
        boolean turn;
        try {
            turn = turns.tryAcquire(capacity.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            ex.getResponseHeaders().set("Retry-After", "" + RETRY_AFTER);
            Exchanges.error(ex, 503, "the server is busy answering other questions (at most " + capacity.requests()
                    + " at a time); this one waited " + capacity.maxWait().toMillis() + " ms for its turn. Try again in a moment");
            return;
        }
        try {
            chain.doFilter(ex);
        } finally {
            turns.release();
        }
    }

    /**
     * Reads the body into memory, at most one byte past the limit (the handler then refuses it with 413),
     * and nothing when the declared length is already over it (the handler refuses that without reading).
     */
    private void readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = ex.getRequestHeaders().containsKey("Transfer-Encoding");
        long length;
        try {
            length = declared == null ? 0 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return; // the handler answers 400 naming the header
        }
        if (!chunked && (length == 0 || length > maxBytes)) {
            return;
        }
        InputStream in = ex.getRequestBody();
        byte[] body = in.readNBytes(maxBytes + 1);
        ex.setStreams(new ByteArrayInputStream(body), null);
    }

    @Override
    public String description() {
        return "answers a fixed number of questions at once, and 503 to one that waited too long";
    }
}
