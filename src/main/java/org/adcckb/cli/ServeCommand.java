package org.adcckb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.adcckb.input.InputException;
import org.adcckb.serve.ServeConfig;
import org.adcckb.serve.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adcc serve}: the local web explorer, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc serve --facts facts/lejeune-2021",
        description = {"Serve the web explorer and its JSON API (docs/API.md) on this machine: pick or upload a scenario, "
                + "toggle treatments, see the outcome, the what-if diff, why-not answers and the derivation graph.",
                "Listens on 127.0.0.1 only, unless --host names another interface. The rules are reloaded when the "
                + "files under --rules change; a rule error is shown on the page and the last good rules stay in use."})
final class ServeCommand extends ScenarioCommand {

    @Option(names = "--port", defaultValue = "" + ServeConfig.DEFAULT_PORT, paramLabel = "N",
            description = "The TCP port; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The interface to listen on (default: 127.0.0.1). Any other exposes the API, without authentication, to the network.")
    String host;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "The scenarios the page offers (default: facts/ of the adcc-kb checkout, else ./facts).")
    Path facts;

    @Option(names = "--max-combinations", paramLabel = "N", defaultValue = "" + org.adcckb.whatif.Budget.DEFAULT_MAX_COMBINATIONS,
            description = "The most scenarios one why-not or sweep request may evaluate; a request may ask for fewer (default: ${DEFAULT-VALUE}).")
    long maxCombinations;

    @Option(names = "--budget-millis", paramLabel = "MS", defaultValue = "" + org.adcckb.whatif.Budget.DEFAULT_MAX_MILLIS,
            description = "The longest one question (why-not, sweep, what-if) may run; a request may ask for less (default: ${DEFAULT-VALUE}).")
    long budgetMillis;

    @Option(names = "--max-solutions", paramLabel = "N", defaultValue = "" + org.adcckb.whatif.Budget.DEFAULT_MAX_SOLUTIONS,
            description = "The most minimal solutions one why-not request may keep (default: ${DEFAULT-VALUE}).")
    int maxSolutions;

    /**
     * Test seam: when set, receives a way to stop the server once it is up, so a test can run the command
     * in-process; on the command line it is null and only Ctrl-C (or SIGTERM) stops the server.
     */
    static volatile java.util.function.Consumer<Runnable> onStarted;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InputException("--port", "", "must be 0 to 65535, got " + port);
        }
        if (facts != null && !java.nio.file.Files.isDirectory(facts)) {
            throw new InputException("--facts " + facts, "", java.nio.file.Files.exists(facts)
                    ? "is not a directory; --facts names the directory of scenarios the page offers" : "no such directory");
        }
        PrintWriter err = spec.commandLine().getErr();
        String bind = host == null ? ServeConfig.LOOPBACK : host;
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InputException("--host " + bind, "", "is not a known host name or address");
        }
        ServeConfig config = new ServeConfig(bind, port,
                facts != null ? facts : KnowledgeOptions.Home.resolve("facts"), knowledge.rulesDir(),
                knowledge.runLimits(), knowledge.limits(), Duration.ofSeconds(1), ServeConfig.Capacity.DEFAULT,
                BudgetOptions.of(maxCombinations, budgetMillis, maxSolutions));
        Server server;
        try {
            server = Server.start(config, err);
        } catch (java.net.BindException e) {
            throw new InputException("--port " + port, "", "cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; choose another port, or --port 0 for any free one");
        }
        if (!loopback) {
            err.println("adcc serve: warning: listening on " + bind + ", not only on this machine: anyone who can reach it "
                    + "may use the API, which has no authentication");
        }
        if (server.loadError() != null) {
            err.println("adcc serve: the rules do not load; serving anyway, and reloading when they change:");
            err.println("adcc serve: " + server.loadError().replace("\n", "\nadcc serve: "));
        }
        err.println("adcc serve: " + server.url() + "  (rules: " + config.rules() + ", scenarios: " + config.facts()
                + "; Ctrl-C to stop)");
        err.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.close();
            stopped.countDown();
        };
        // Ctrl-C: stop accepting, let requests in progress finish, then exit.
        Thread hook = new Thread(stop, "adcc-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        java.util.function.Consumer<Runnable> started = onStarted;
        if (started != null) {
            started.accept(stop);
        }
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is what stopped us.
        }
        return 0;
    }
}
