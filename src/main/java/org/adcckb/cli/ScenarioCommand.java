package org.adcckb.cli;

import picocli.CommandLine.ArgGroup;

/**
 * A command that reads scenarios and runs the rules on them: the input and run limits, each in its own
 * section of the help after the command's own options.
 */
abstract class ScenarioCommand extends KnowledgeCommand {

    @ArgGroup(validate = false, heading = "%nInput limits:%n", order = 1)
    InputLimitOptions inputLimits = new InputLimitOptions();

    @ArgGroup(validate = false, heading = "%nRun limits:%n", order = 2)
    RunLimitOptions runLimits = new RunLimitOptions();

    /** The scenario of a FILE parameter: the file, or standard input for {@code -}. */
    org.adcckb.scenario.Scenario read(org.adcckb.AdccKb kb, java.nio.file.Path file) {
        if (org.adcckb.scenario.ScenarioFiles.isStdin(file)) {
            return new org.adcckb.scenario.ScenarioReader(kb.knowledgeBase().vocabulary(), knowledge.limits())
                    .read(System.in, org.adcckb.scenario.ScenarioFiles.STDIN);
        }
        return kb.read(file);
    }

    @Override
    InputLimitOptions inputLimitOptions() {
        return inputLimits != null ? inputLimits : new InputLimitOptions();
    }

    @Override
    RunLimitOptions runLimitOptions() {
        return runLimits != null ? runLimits : new RunLimitOptions();
    }
}
