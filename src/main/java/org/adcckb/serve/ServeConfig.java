package org.adcckb.serve;

import java.nio.file.Path;
import java.time.Duration;
import org.adcckb.input.Limits;
import org.adcckb.reasoning.RunLimits;

/**
 * How the explorer runs: where it listens, where the scenarios and the rules are, and the limits every
 * request is held to (the command line's --max-firings, --max-millis and --max-* options).
 *
 * @param host       the interface to bind; {@link #LOOPBACK} unless the user names another
 * @param port       0 for any free port
 * @param run        how far each scenario's evaluation may go (firings, time)
 * @param rulesPoll  how often the rules directory is checked for changes
 * @param capacity   how many questions are answered at once, and how long one waits for its turn
 * @param budget     the most any question (why-not, sweep, what-if) may cost; a request may ask for less
 */
public record ServeConfig(String host, int port, Path facts, Path rules, RunLimits run, Limits limits,
                          Duration rulesPoll, Capacity capacity, org.adcckb.whatif.Budget budget) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8038;

    /**
     * The questions answered at the same time ({@code requests}; the rest wait their turn up to {@code maxWait},
     * then get 503 with Retry-After): the rules are CPU work, and more of it at once than the machine has
     * cores only makes every answer slower. The default wait is long: a burst of questions from a script
     * is answered in turn, and only a server that has fallen a minute behind turns questions away.
     */
    public record Capacity(int requests, Duration maxWait) {

        public static final Capacity DEFAULT = new Capacity(
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(60));

        public Capacity {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be positive");
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative");
            }
        }
    }

    public ServeConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }

    /** Loopback, any free port, default limits: what tests and embedders start from. */
    public static ServeConfig local(Path facts, Path rules) {
        return new ServeConfig(LOOPBACK, 0, facts, rules, RunLimits.DEFAULT, Limits.DEFAULT, Duration.ofSeconds(1),
                Capacity.DEFAULT, org.adcckb.whatif.Budget.DEFAULT);
    }

    public ServeConfig withPort(int p) {
        return new ServeConfig(host, p, facts, rules, run, limits, rulesPoll, capacity, budget);
    }

    public ServeConfig withLimits(Limits l) {
        return new ServeConfig(host, port, facts, rules, run, l, rulesPoll, capacity, budget);
    }

    public ServeConfig withHost(String h) {
        return new ServeConfig(h, port, facts, rules, run, limits, rulesPoll, capacity, budget);
    }

    public ServeConfig withRun(RunLimits r) {
        return new ServeConfig(host, port, facts, rules, r, limits, rulesPoll, capacity, budget);
    }

    public ServeConfig withRulesPoll(Duration poll) {
        return new ServeConfig(host, port, facts, rules, run, limits, poll, capacity, budget);
    }

    public ServeConfig withBudget(org.adcckb.whatif.Budget b) {
        return new ServeConfig(host, port, facts, rules, run, limits, rulesPoll, capacity, b);
    }

    public ServeConfig withCapacity(Capacity c) {
        return new ServeConfig(host, port, facts, rules, run, limits, rulesPoll, c, budget);
    }
}
