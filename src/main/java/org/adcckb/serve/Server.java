package org.adcckb.serve;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local web explorer ({@code adcc serve}): the JDK's HTTP server with the page and the JSON API,
 * over a knowledge base that follows the rules directory. Start it, use {@link #url()}, close it.
 */
public final class Server implements AutoCloseable {

    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final LiveKnowledge knowledge;

    private Server(HttpServer http, ThreadPoolExecutor executor, LiveKnowledge knowledge) {
        this.http = http;
        this.executor = executor;
        this.knowledge = knowledge;
    }

    /**
     * Loads the rules (a failure is kept for /api/status, not thrown: the server starts anyway and
     * recovers when the rules are fixed), binds and starts serving.
     *
     * @param log where internal errors are logged (standard error on the command line)
     */
    public static Server start(ServeConfig config, PrintWriter log) throws IOException {
        LiveKnowledge knowledge = new LiveKnowledge(config.rules(), config.facts(), config.run(), config.limits(), log);
        knowledge.start(config.rulesPoll());
        InetAddress address = InetAddress.getByName(config.host());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, config.port()), 0);
        } catch (IOException e) {
            knowledge.close();
            throw e;
        }
        ScenarioCatalog catalog = new ScenarioCatalog(config.facts(), config.limits());
        Questions questions = new Questions(knowledge, catalog, config.limits());
        HttpContext api = http.createContext("/api/", new ApiHandler(knowledge, catalog, questions, log));
        HttpContext page = http.createContext("/", new StaticHandler());
        for (HttpContext c : List.of(api, page)) {
            if (address.isLoopbackAddress()) {
                c.getFilters().add(new LoopbackHostFilter());
            }
            c.getFilters().add(new SameOriginFilter());
        }
        // A few workers for a local user; when all are busy, the accepting thread answers the next
        // request itself, which slows new connections instead of queueing without bound.
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(32), r -> {
                    Thread t = new Thread(r, "adcc-serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        http.setExecutor(executor);
        http.start();
        return new Server(http, executor, knowledge);
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The page's address, such as {@code http://127.0.0.1:8038/}. */
    public URI url() {
        InetAddress a = http.getAddress().getAddress();
        // The IPv6 loopback as browsers write it, which is what the Host check expects.
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.isLoopbackAddress() && a instanceof java.net.Inet6Address ? "::1" : a.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + http.getAddress().getPort() + "/");
    }

    /** The rules' load error, or null: the command line prints it at start. */
    public String loadError() {
        LiveKnowledge.LoadError e = knowledge.error();
        return e == null ? null : e.message();
    }

    /** Stops accepting, gives requests in progress a second to finish, and stops watching the rules. */
    @Override
    public void close() {
        http.stop(1);
        executor.shutdown();
        knowledge.close();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
