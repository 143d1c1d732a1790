package org.adcckb.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Map;
import org.adcckb.facts.Grading;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Support;

/**
 * The outcome's ranges, scores and support in the JSON form (docs/JSON-OUTPUT.md): {@code outcomeRange},
 * {@code outcomeScore} and, with the explanation, {@code support}.
 */
final class OutcomeJson {

    private static final SerializedString F_RANGE = new SerializedString("outcomeRange");
    private static final SerializedString F_SCORE = new SerializedString("outcomeScore");
    private static final SerializedString F_SUPPORT = new SerializedString("support");
    private static final SerializedString F_FROM = new SerializedString("from");
    private static final SerializedString F_TO = new SerializedString("to");
    private static final SerializedString F_WEAKEST = new SerializedString("weakestEvidence");
    private static final SerializedString F_INFERRED_STEPS = new SerializedString("inferredSteps");
    private static final SerializedString F_UNKNOWNS = new SerializedString("unknowns");
    private static final SerializedString F_QUESTION = new SerializedString("question");
    private static final SerializedString F_SETTLED_BY = new SerializedString("settledBy");
    private static final SerializedString F_RULE = new SerializedString("rule");

    private OutcomeJson() {
    }

    /** {@code outcomeRange} and {@code outcomeScore} of an outcome into a JSON tree (why-not solutions, sweep rows). */
    static void put(com.fasterxml.jackson.databind.node.ObjectNode n, org.adcckb.reasoning.Outcome o) {
        com.fasterxml.jackson.databind.node.ObjectNode range = n.putObject("outcomeRange");
        com.fasterxml.jackson.databind.node.ObjectNode score = n.putObject("outcomeScore");
        for (OutcomeKind k : o.kinds()) {
            range.putObject(k.name()).put("from", o.grading(k.name()).from()).put("to", o.grading(k.name()).to());
            Double v = o.score(k.name());
            if (v == null) {
                score.putNull(k.name());
            } else {
                score.put(k.name(), JsonReport.round(v));
            }
        }
    }

    static void write(JsonGenerator g, Evaluation ev, boolean withExplanation) throws IOException {
        g.writeFieldName(F_RANGE);
        g.writeStartObject();
        for (OutcomeKind k : ev.outcome().kinds()) {
            Grading r = ev.outcome().grading(k.name());
            g.writeObjectFieldStart(k.name());
            g.writeFieldName(F_FROM);
            g.writeString(r.from());
            g.writeFieldName(F_TO);
            g.writeString(r.to());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeFieldName(F_SCORE);
        g.writeStartObject();
        for (OutcomeKind k : ev.outcome().kinds()) {
            Double s = ev.outcome().score(k.name());
            g.writeFieldName(k.name());
            if (s == null) {
                g.writeNull();
            } else {
                g.writeNumber(JsonReport.round(s));
            }
        }
        g.writeEndObject();
        Map<String, Support> support = ev.explanation().support();
        if (!withExplanation || support.isEmpty()) {
            return;
        }
        g.writeFieldName(F_SUPPORT);
        g.writeStartObject();
        for (OutcomeKind k : ev.outcome().kinds()) {
            Support s = support.get(k.name());
            g.writeObjectFieldStart(k.name());
            g.writeFieldName(F_WEAKEST);
            if (s.weakestEvidence() == null) {
                g.writeNull();
            } else {
                g.writeString(s.weakestEvidence());
            }
            g.writeFieldName(F_INFERRED_STEPS);
            g.writeNumber(s.inferredSteps());
            g.writeFieldName(F_UNKNOWNS);
            g.writeStartArray();
            for (Support.Unknown u : s.unknowns()) {
                g.writeStartObject();
                g.writeFieldName(F_QUESTION);
                g.writeString(u.question());
                g.writeFieldName(F_SETTLED_BY);
                if (u.settledBy() == null) {
                    g.writeNull();
                } else {
                    g.writeString(u.settledBy());
                }
                g.writeFieldName(F_RULE);
                g.writeString(u.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
