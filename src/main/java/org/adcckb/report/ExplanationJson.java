package org.adcckb.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Described;
import org.adcckb.reasoning.Explanation;
import org.adcckb.reasoning.Node;

/**
 * Writes an explanation ({@code "explanation":{...}}, format 2) through the result's generator. At cohort
 * scale this is most of a result line (about 11 kB), and the same pieces recur in every result: each fact
 * value's fields and sentence, each key, each rule's description. Those are encoded once, kept here by the
 * value's description or the rule, and handed to the generator ready-made ({@link SerializedString}: its
 * quoted or raw UTF-8 made once); what is left per result is the structure, which the generator writes.
 */
final class ExplanationJson {

    /** A fact value's ready pieces: its key quoted, its whole node as an input, its node's fields after "id". */
    private record FactPieces(SerializedString key, SerializableString inputNode, SerializableString derivedHead) {
    }

    /** A rule's name (quoted when written) and its entry of "rules" (raw). */
    private record RulePieces(SerializedString name, SerializableString object) {
    }

    /**
     * Bounded: a long-running server loads and reloads rules, and a cohort of ever new values (new cell ids)
     * would otherwise grow them without end. Once full a table starts again, which changes nothing but speed.
     * Keyed by value: equal descriptions or rules encode to equal bytes, and the same object is found first
     * by identity.
     */
    private static final int MAX_FACTS = 8192;
    private static final int MAX_RULES = 4096;
    private static final int MAX_IDS = 16384;
    private static final Map<Described, FactPieces> FACTS = new ConcurrentHashMap<>();
    private static final Map<RuleInfo, RulePieces> RULES = new ConcurrentHashMap<>();
    /** Outcome ids: the same few hundred conclusions set the outcomes of a whole cohort. */
    private static final Map<String, SerializedString> IDS = new ConcurrentHashMap<>();

    private static final SerializedString F_EXPLANATION = new SerializedString("explanation");
    private static final SerializedString F_OUTCOME = new SerializedString("outcome");
    private static final SerializedString F_FACTS = new SerializedString("facts");
    private static final SerializedString F_ID = new SerializedString("id");
    private static final SerializedString F_DERIVATIONS = new SerializedString("derivations");
    private static final SerializedString F_RULE = new SerializedString("rule");
    private static final SerializedString F_PREMISES = new SerializedString("premises");
    private static final SerializedString F_RULES = new SerializedString("rules");

    private ExplanationJson() {
    }

    /** The explanation as the next field of the object {@code g} is writing. */
    static void write(JsonGenerator g, Explanation x) throws IOException {
        g.writeFieldName(F_EXPLANATION);
        g.writeStartObject();
        g.writeFieldName(F_OUTCOME);
        g.writeStartObject();
        for (Map.Entry<String, List<String>> e : x.outcomeSupport().entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeStartArray();
            for (String id : e.getValue()) {
                g.writeString(cached(IDS, MAX_IDS, id, SerializedString::new));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeFieldName(F_FACTS);
        g.writeStartArray();
        List<RuleInfo> used = new ArrayList<>();
        for (Node node : x.nodes()) {
            Described about = node.about();
            boolean ownKey = node.key().equals(about.key());
            FactPieces fact = pieces(about);
            if (node.input() && ownKey) {
                g.writeRawValue(fact.inputNode());
                continue;
            }
            g.writeStartObject();
            g.writeFieldName(F_ID);
            if (ownKey) {
                g.writeString(fact.key());
            } else {
                g.writeString(node.key());
            }
            if (node.input()) {
                g.writeRaw(JsonReport.head(about, true)); // a key with a suffix: rare, not kept
                g.writeEndObject();
                continue;
            }
            g.writeRaw(fact.derivedHead());
            g.writeFieldName(F_DERIVATIONS);
            g.writeStartArray();
            for (Derivation d : node.derivations()) {
                RuleInfo rule = d.rule();
                if (!containsIdentical(used, rule)) {
                    used.add(rule);
                }
                g.writeStartObject();
                g.writeFieldName(F_RULE);
                g.writeString(rulePieces(rule).name());
                g.writeFieldName(F_PREMISES);
                g.writeStartArray();
                List<String> premises = d.premises();
                for (int k = 0; k < premises.size(); k++) {
                    Described p = d.premiseFact(k);
                    if (p != null) {
                        g.writeString(pieces(p).key());
                    } else {
                        g.writeString(premises.get(k));
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(F_RULES);
        g.writeStartObject();
        // A rule is described once per result, in name order; a knowledge base has no two rules of one name.
        used.sort((a, b) -> a.name().compareTo(b.name()));
        for (RuleInfo rule : used) {
            RulePieces r = rulePieces(rule);
            g.writeFieldName(r.name());
            g.writeRawValue(r.object());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static boolean containsIdentical(List<RuleInfo> rules, RuleInfo rule) {
        for (RuleInfo r : rules) {
            if (r == rule) {
                return true;
            }
        }
        return false;
    }

    private static FactPieces pieces(Described d) {
        return cached(FACTS, MAX_FACTS, d, about -> {
            SerializedString key = new SerializedString(about.key());
            String quoted = "\"" + new String(key.asQuotedChars()) + "\"";
            return new FactPieces(key, new SerializedString("{\"id\":" + quoted + JsonReport.head(about, true) + "}"),
                    new SerializedString(JsonReport.head(about, false)));
        });
    }

    private static RulePieces rulePieces(RuleInfo rule) {
        return cached(RULES, MAX_RULES, rule, r -> new RulePieces(new SerializedString(r.name()),
                new SerializedString(JsonReport.ruleObject(r))));
    }

    private static <K, V> V cached(Map<K, V> table, int max, K key, Function<K, V> make) {
        V v = table.get(key);
        if (v == null) {
            if (table.size() >= max) {
                table.clear();
            }
            v = make.apply(key);
            table.putIfAbsent(key, v);
        }
        return v;
    }
}
