package org.adcckb.engine;

import java.util.HashMap;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Tells which rule's consequence a thread was running from its stack, so a run stopped at its time limit can
 * name the rule without an event listener on every firing (a listener costs each firing an event object and a
 * call; the stack is read only when a run is stopped).
 *
 * <p>Reads one Drools internal: each rule's consequence object ({@link RuleImpl#getConsequence()}), whose class
 * the engine generates per rule and which appears on the stack while the consequence runs, with the class of
 * the consequence's body, whose name is the invoker's without the {@value #INVOKER} suffix.
 */
public final class RunningRule {

    static final String INVOKER = "DefaultConsequenceInvoker";

    private RunningRule() {
    }

    /** The rule whose consequence is deepest in {@code stack} (the one running), or null if none is. */
    public static Rule in(StackTraceElement[] stack, KieBase base) {
        if (stack == null || stack.length == 0) {
            return null;
        }
        Map<String, Rule> byClass = new HashMap<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (r instanceof RuleImpl impl && impl.getConsequence() != null) {
                    String invoker = impl.getConsequence().getClass().getName();
                    byClass.put(invoker, r);
                    if (invoker.endsWith(INVOKER)) {
                        byClass.put(invoker.substring(0, invoker.length() - INVOKER.length()), r);
                    }
                }
            }
        }
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            Rule r = byClass.get(c);
            if (r == null && c.endsWith(INVOKER + "Generated")) {
                r = byClass.get(c.substring(0, c.length() - "Generated".length()));
            }
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
