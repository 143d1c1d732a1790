package org.adcckb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.expect.Check;
import org.adcckb.expect.ExpectationChecker;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code adcc test}: check the expectations written into scenario files against the current rules. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Check the 'expect' blocks of scenario files (default: facts/): one line per check, then 'N passed, N failed'.")
final class TestCommand extends KnowledgeCommand {

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Scenario files or directories (default: facts/).")
    List<Path> inputs;

    @Override
    public Integer call() {
        KnowledgeBase kb = knowledge.load();
        List<Path> where = inputs == null || inputs.isEmpty() ? List.of(KnowledgeOptions.Home.resolve("facts")) : inputs;
        List<Scenario> scenarios = ScenarioFiles.read(where, kb.vocabulary(), knowledge.limits());
        Reasoner reasoner = knowledge.reasoner(kb);
        Map<String, Evaluation> byId = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            byId.put(s.id(), reasoner.evaluate(s));
        }
        List<Check> checks = ExpectationChecker.check(byId, reasoner);
        StringBuilder out = new StringBuilder();
        checks.forEach(c -> out.append(c.line()).append('\n'));
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.append(checks.size() - failed).append(" passed, ").append(failed).append(" failed\n");
        print(out);
        return failed == 0 ? 0 : Main.FAILED_CHECKS;
    }
}
