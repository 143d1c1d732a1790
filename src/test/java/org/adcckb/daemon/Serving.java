package org.adcckb.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A daemon's server serving on a thread of its own, for the tests that talk to it through a client. */
public final class Serving {

    private Serving() {
    }

    /** Starts {@code server.serve()} on a new thread; the test closes the server and joins the thread. */
    public static Thread start(Server server) {
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        serving.start();
        return serving;
    }
}
