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
        ConnectionLimits.applyDefaults();
        HttpServer http;
        try {
            // Room for as many connections being accepted as may be open: the JDK server accepts one
            // per turn of its loop, and a burst beyond the backlog would have connections reset.
            http = HttpServer.create(new InetSocketAddress(address, config.port()), ConnectionLimits.CONNECTIONS);
        } catch (IOException e) {
            knowledge.close();
            throw e;
        }
        ScenarioCatalog catalog = new ScenarioCatalog(config.facts(), config.limits());
        Questions questions = new Questions(knowledge, catalog, config.limits(), config.budget());
        HttpContext api = http.createContext("/api/", new ApiHandler(knowledge, catalog, questions, log));
        HttpContext page = http.createContext("/", new StaticHandler());
        for (HttpContext c : List.of(api, page)) {
            if (address.isLoopbackAddress()) {
                c.getFilters().add(new LoopbackHostFilter());
            }
            c.getFilters().add(new SameOriginFilter());
        }
        api.getFilters().add(new RequestGate(config.capacity(), config.limits().maxBytes()));
        ThreadPoolExecutor executor = executor();
        http.setExecutor(executor);
        http.start();
        return new Server(http, executor, knowledge);
    }

    /**
     * A thread for every open connection the JDK server allows, started when needed and ended after 30 s
     * idle. The JDK server reads each request on the executor's thread, so with fewer threads a few
     * clients that stall halfway through their request would keep everyone else waiting; the CPU work is
     * bounded apart, by {@link RequestGate}. The queue is never used up to the connection limit; past it
     * (a user who raised the limit), the JDK server closes the connection it cannot hand over.
     */
    private static ThreadPoolExecutor executor() {
        int threads = ConnectionLimits.CONNECTIONS;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads), r -> {
                    Thread t = new Thread(r, "adcc-serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
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
