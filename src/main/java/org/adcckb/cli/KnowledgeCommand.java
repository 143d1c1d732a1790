package org.adcckb.cli;

import java.util.concurrent.Callable;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.lint.LintNotice;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reasons shares: the knowledge-base options, and writing its whole answer at
 * once, after all the work is done, so an error never leaves half an answer on stdout.
 */
abstract class KnowledgeCommand implements Callable<Integer> {

    @Mixin
    KnowledgeOptions knowledge;

    @Spec
    CommandSpec spec;

    /** The input limits this command takes; the defaults for a command that reads no scenario. */
    InputLimitOptions inputLimitOptions() {
        return new InputLimitOptions();
    }

    /** The run limits this command takes; the defaults for a command that runs no rules. */
    RunLimitOptions runLimitOptions() {
        return new RunLimitOptions();
    }

    /**
     * One line on stderr when the rules load but do not lint clean, with the command that says why; linted
     * once per rule set ({@link LintNotice}).
     */
    void noteLint(KnowledgeBase kb) {
        LintNotice.of(knowledge.rulesDir(), kb, CompiledCache.configured()).ifPresent(n -> spec.commandLine().getErr()
                .println("adcc: " + n + (knowledge.rules == null ? "" : " --rules " + knowledge.rulesDir())));
    }

    /** Writes the answer and reports success. */
    int print(CharSequence answer) {
        spec.commandLine().getOut().print(answer);
        Main.checkWritten(spec.commandLine().getOut());
        return 0;
    }
}
