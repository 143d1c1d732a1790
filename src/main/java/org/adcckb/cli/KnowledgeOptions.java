package org.adcckb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.reasoning.Reasoner;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the knowledge base is, shared by every command that reasons, and the limits its command takes
 * ({@link ScenarioCommand}); a command without limit options runs with the defaults.
 */
final class KnowledgeOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rules directory (default: rules/ of the adcc-kb checkout, else ./rules).")
    Path rules;

    /** The command this mixin is part of, whose limit sections (if it has them) set the limits. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private KnowledgeCommand owner() {
        return (KnowledgeCommand) command.userObject();
    }

    /** The input limits of the command's "Input limits" options (docs/SCENARIO-FORMAT.md, "Limits"). */
    org.adcckb.input.Limits limits() {
        return owner().inputLimitOptions().limits();
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

    /** How far each scenario may run: the command's --max-firings and --max-millis. */
    org.adcckb.reasoning.RunLimits runLimits() {
        return owner().runLimitOptions().runLimits();
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
