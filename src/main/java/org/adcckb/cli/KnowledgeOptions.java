package org.adcckb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.reasoning.Reasoner;
import picocli.CommandLine.Option;

/** Where the knowledge base is and how far the engine may run: shared by every command that reasons. */
final class KnowledgeOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rules directory (default: rules/ of the adcc-kb checkout, else ./rules).")
    Path rules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Reasoner.DEFAULT_MAX_FIRINGS,
            description = "Stop a scenario whose rules fire more than N times (default: ${DEFAULT-VALUE}).")
    int maxFirings;

    @Option(names = "--max-millis", paramLabel = "MS", defaultValue = "" + org.adcckb.reasoning.RunLimits.DEFAULT_MAX_MILLIS,
            description = "Stop a scenario whose rules run longer than MS milliseconds, naming the rule that was running (default: ${DEFAULT-VALUE}).")
    long maxMillis;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Refuse a scenario file or batch line larger than N bytes (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "32",
            description = "Refuse JSON nested deeper than N (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--max-string", paramLabel = "N", defaultValue = "4096",
            description = "Refuse a JSON string longer than N characters (default: ${DEFAULT-VALUE}).")
    int maxString;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "64",
            description = "Refuse a scenario with more than N cell populations (default: ${DEFAULT-VALUE}).")
    int maxCells;

    @Option(names = "--max-treatments", paramLabel = "N", defaultValue = "256",
            description = "Refuse a scenario with more than N treatments (default: ${DEFAULT-VALUE}).")
    int maxTreatments;

    /** The input limits these options set (docs/SCENARIO-FORMAT.md, "Limits"). */
    org.adcckb.input.Limits limits() {
        try {
            return new org.adcckb.input.Limits(maxBytes, maxDepth, maxString, maxCells, maxTreatments);
        } catch (IllegalArgumentException e) {
            throw new org.adcckb.input.InputException("--max-bytes, --max-depth, --max-string, --max-cells, --max-treatments", "",
                    "must be positive (--max-depth at least 2)");
        }
    }

    Path rulesDir() {
        return rules != null ? rules : Home.resolve("rules");
    }

    KnowledgeBase load() {
        return KnowledgeBaseLoader.load(rulesDir());
    }

    /** The knowledge base behind the question API, with this command's firing limit. */
    org.adcckb.AdccKb open() {
        return new org.adcckb.AdccKb(load(), runLimits(), limits());
    }

    Reasoner reasoner(KnowledgeBase kb) {
        return new Reasoner(kb, runLimits());
    }

    /** How far each scenario may run: --max-firings and --max-millis. */
    org.adcckb.reasoning.RunLimits runLimits() {
        if (maxMillis < 1) {
            throw new org.adcckb.input.InputException("--max-millis", "", "must be a positive number of milliseconds, got " + maxMillis);
        }
        return new org.adcckb.reasoning.RunLimits(checkedMaxFirings(), maxMillis);
    }

    int checkedMaxFirings() {
        if (maxFirings < 1) {
            throw new org.adcckb.input.InputException("--max-firings", "", "must be a positive number, got " + maxFirings);
        }
        return maxFirings;
    }

    /** The checkout the launcher runs from ({@code -Dadcc.home}), so ./adcc works from any directory. */
    static final class Home {
        private Home() {
        }

        static Path resolve(String name) {
            String home = System.getProperty("adcc.home");
            if (home != null && Files.exists(Path.of(home, name))) {
                return Path.of(home, name);
            }
            return Path.of(name);
        }
    }
}
