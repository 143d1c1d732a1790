package org.adcckb.serve;

import java.nio.file.Path;
import java.time.Duration;
import org.adcckb.json.Limits;

/**
 * How the explorer runs: where it listens, where the scenarios and the rules are, and the limits every
 * request is held to (the command line's --max-firings and --max-* options).
 *
 * @param host       the interface to bind; {@link #LOOPBACK} unless the user names another
 * @param port       0 for any free port
 * @param rulesPoll  how often the rules directory is checked for changes
 */
public record ServeConfig(String host, int port, Path facts, Path rules, int maxFirings, Limits limits,
                          Duration rulesPoll) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8038;

    public ServeConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }

    /** Loopback, any free port, default limits: what tests and embedders start from. */
    public static ServeConfig local(Path facts, Path rules) {
        return new ServeConfig(LOOPBACK, 0, facts, rules, org.adcckb.reasoning.Reasoner.DEFAULT_MAX_FIRINGS,
                Limits.DEFAULT, Duration.ofSeconds(1));
    }

    public ServeConfig withPort(int p) {
        return new ServeConfig(host, p, facts, rules, maxFirings, limits, rulesPoll);
    }

    public ServeConfig withLimits(Limits l) {
        return new ServeConfig(host, port, facts, rules, maxFirings, l, rulesPoll);
    }

    public ServeConfig withHost(String h) {
        return new ServeConfig(h, port, facts, rules, maxFirings, limits, rulesPoll);
    }
}
