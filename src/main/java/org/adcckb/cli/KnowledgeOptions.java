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

    Path rulesDir() {
        return rules != null ? rules : Home.resolve("rules");
    }

    KnowledgeBase load() {
        return KnowledgeBaseLoader.load(rulesDir());
    }

    /** The knowledge base behind the question API, with this command's firing limit. */
    org.adcckb.AdccKb open() {
        reasoner(null);
        return new org.adcckb.AdccKb(load(), maxFirings);
    }

    Reasoner reasoner(KnowledgeBase kb) {
        if (maxFirings < 1) {
            throw new org.adcckb.json.InputException("--max-firings", "", "must be a positive number, got " + maxFirings);
        }
        return kb == null ? null : new Reasoner(kb, maxFirings);
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
