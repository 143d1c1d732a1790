package org.adcckb.report;

import java.util.ArrayList;
import java.util.List;
import org.adcckb.kb.OutcomeKind;

/** How reports word the outcome kinds as a whole, from their declared labels and directions. */
public final class OutcomeText {

    private OutcomeText() {
    }

    /**
     * How answers are ranked, best first: "ADCC, then less fratricide and NK depletion". The first kind is
     * named alone when higher is better ("less X" when lower is); the others are grouped by direction.
     */
    public static String rankedBy(List<OutcomeKind> kinds) {
        StringBuilder out = new StringBuilder();
        OutcomeKind first = kinds.get(0);
        out.append(first.higherIsBetter() ? first.label() : "less " + first.label());
        List<String> group = new ArrayList<>();
        Boolean groupHigher = null;
        for (OutcomeKind k : kinds.subList(1, kinds.size())) {
            if (groupHigher != null && groupHigher != k.higherIsBetter()) {
                out.append(", then ").append(groupHigher ? "more " : "less ").append(and(group));
                group.clear();
            }
            groupHigher = k.higherIsBetter();
            group.add(k.label());
        }
        if (!group.isEmpty()) {
            out.append(", then ").append(groupHigher ? "more " : "less ").append(and(group));
        }
        return out.toString();
    }

    /** "a", "a and b", "a, b and c". */
    public static String and(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
