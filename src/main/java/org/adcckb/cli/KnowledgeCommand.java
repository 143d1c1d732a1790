package org.adcckb.cli;

import java.util.concurrent.Callable;
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

    /** Writes the answer and reports success. */
    int print(CharSequence answer) {
        spec.commandLine().getOut().print(answer);
        Main.checkWritten(spec.commandLine().getOut());
        return 0;
    }
}
