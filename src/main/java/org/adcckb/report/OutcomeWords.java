package org.adcckb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adcckb.facts.Grading;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Support;

/** How text reports word an outcome with its range and support, and what the knowledge leaves unknown. */
public final class OutcomeWords {

    private OutcomeWords() {
    }

    /**
     * "moderate (low to high; 2 assumptions, weakest evidence C)", "none" where nothing can happen, "high
     * (no assumption, weakest evidence A)" for a point that rests on published steps only.
     */
    public static String graded(Evaluation ev, String kind) {
        Grading g = ev.outcome().grading(kind);
        Support s = ev.explanation().support().get(kind);
        List<String> parts = new ArrayList<>();
        if (!g.exact()) {
            parts.add(g.from() + " to " + g.to());
        }
        if (s != null && s.weakestEvidence() != null) {
            parts.add(s.summary());
        }
        return parts.isEmpty() ? g.level() : g.level() + " (" + String.join("; ", parts) + ")";
    }

    /** Each unknown behind the outcome, once, with the outcomes it bears on and what would settle it. */
    public static List<String> unknowns(Evaluation ev) {
        Map<String, List<String>> bearsOn = new TreeMap<>();
        Map<String, Support.Unknown> byQuestion = new TreeMap<>();
        for (OutcomeKind k : ev.outcome().kinds()) {
            Support s = ev.explanation().support().get(k.name());
            if (s == null) {
                continue;
            }
            for (Support.Unknown u : s.unknowns()) {
                bearsOn.computeIfAbsent(u.question(), q -> new ArrayList<>()).add(k.label());
                byQuestion.putIfAbsent(u.question(), u);
            }
        }
        List<String> out = new ArrayList<>();
        byQuestion.forEach((q, u) -> out.add(q + " (bears on " + OutcomeText.and(bearsOn.get(q)) + ")"
                + (u.settledBy() == null ? "" : "; would be settled by " + u.settledBy())));
        return out;
    }
}
