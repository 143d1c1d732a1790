package org.adcckb.reasoning;

import java.util.List;
import java.util.function.BiConsumer;
import org.adcckb.kb.KnowledgeBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The rules' own work on a session, held to a scenario's limits: facts in, rules fired, with the time limit
 * watched and anything the rules throw turned into an error naming the rule. Every session that runs the
 * knowledge base's rules goes through here, so no question can hang on a rule or surface an engine
 * exception. Only this work is timed and may be stopped, never the caller's code around it.
 */
public final class Guarded {

    private Guarded() {
    }

    /**
     * @param inserted told of each fact and its handle as it goes in (may be null)
     * @return whether the rules settled within {@link RunLimits#maxFirings()}
     * @throws RuleTimeoutException past {@link RunLimits#maxMillis()}
     * @throws RuleFailureException when a rule's condition or consequence throws
     */
    public static boolean fire(KieSession session, List<Object> facts, String scenario, RunLimits limits,
                               KnowledgeBase kb, BiConsumer<Object, FactHandle> inserted) {
        boolean settled;
        Watchdog.Run run = Watchdog.get().start(session, limits.maxMillis());
        try {
            for (Object fact : facts) {
                FactHandle h = session.insert(fact);
                if (inserted != null) {
                    inserted.accept(fact, h);
                }
            }
            int fired = session.fireAllRules(limits.maxFirings());
            settled = fired < limits.maxFirings() || session.fireAllRules(1) == 0;
        } catch (RuntimeException | ThreadDeath | StackOverflowError e) {
            throw RuleErrors.of(scenario, e, run, kb);
        } finally {
            run.close();
        }
        if (run.timedOut()) {
            throw RuleErrors.timeout(scenario, run, kb);
        }
        return settled;
    }
}
