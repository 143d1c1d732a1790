package org.adcckb.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.adcckb.kb.Evidence;
import org.adcckb.kb.Reference;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Described;
import org.adcckb.reasoning.Explanation;
import org.adcckb.reasoning.Node;

/**
 * Writes an explanation ({@code "explanation":{...}}, format 2) through the result's generator. At cohort
 * scale this is most of a result line (about 11 kB), and the same pieces recur in every result: each fact
 * value's fields and sentence, each key, each rule's description. Those are encoded once, kept in this
 * writer's own tables ({@link Tables}) by the value's description or the rule, and handed to the generator
 * ready-made ({@link SerializedString}: its UTF-8 made once). The generator writes the explanation's outer structure; a fact's node goes in as one
 * raw value (an input whole, a conclusion's opening followed by its derivations as raw pieces), which keeps
 * the generator's place right: it puts the comma before the next node itself.
 */
final class ExplanationJson {

    /**
     * A fact value's ready pieces, raw JSON: its key quoted, its whole node as an input, and its node as a
     * conclusion up to the opening of its derivations.
     */
    private record FactPieces(SerializableString quotedKey, SerializableString inputNode, SerializableString derivedOpen) {
    }

    /** A rule's name (quoted when written), a derivation's opening up to its premises (raw), its entry of "rules" (raw). */
    private record RulePieces(SerializedString name, SerializableString derivationOpen, SerializableString object) {
    }

    /**
     * The pieces made so far, per thread: found by the identity of the description or rule, which the
     * reasoner hands to every result that holds an equal fact, without hashing or locking. Bounded: a
     * long-running server loads and reloads rules, and a cohort of ever new values (new cell ids) would
     * otherwise grow them without end; a full table starts again, which changes nothing but speed.
     */
    private static final class Tables {
        final Map<Described, FactPieces> facts = new IdentityHashMap<>();
        final Map<RuleInfo, RulePieces> rules = new IdentityHashMap<>();
        /** Outcome ids: the same few hundred conclusions set the outcomes of a whole cohort. */
        final Map<String, SerializedString> ids = new HashMap<>();
        /** Each cited work's entry of "references" (raw), by the identity of its bibliography entry. */
        final Map<Reference, SerializableString> references = new IdentityHashMap<>();
    }

    private static final ThreadLocal<Tables> TABLES = ThreadLocal.withInitial(Tables::new);
    private static final int MAX_FACTS = 8192;
    private static final int MAX_RULES = 4096;
    private static final int MAX_IDS = 16384;

    private static final SerializedString F_EXPLANATION = new SerializedString("explanation");
    private static final SerializedString F_OUTCOME = new SerializedString("outcome");
    private static final SerializedString F_FACTS = new SerializedString("facts");
    private static final SerializedString F_RULES = new SerializedString("rules");
    private static final SerializedString F_REFERENCES = new SerializedString("references");
    private static final SerializedString CLOSE = new SerializedString("]}");

    private ExplanationJson() {
    }

    /** The explanation as the next field of the object {@code g} is writing. */
    static void write(JsonGenerator g, Explanation x) throws IOException {
        Tables t = TABLES.get();
        g.writeFieldName(F_EXPLANATION);
        g.writeStartObject();
        g.writeFieldName(F_OUTCOME);
        g.writeStartObject();
        for (Map.Entry<String, List<String>> e : x.outcomeSupport().entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeStartArray();
            for (String id : e.getValue()) {
                g.writeString(cached(t.ids, MAX_IDS, id, SerializedString::new));
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
            if (node.input()) {
                g.writeRawValue(ownKey ? pieces(t, about).inputNode() : inputNode(node.key(), about));
                continue;
            }
            g.writeRawValue(ownKey ? pieces(t, about).derivedOpen() : derivedOpen(node.key(), about));
            List<Derivation> derivations = node.derivations();
            for (int j = 0; j < derivations.size(); j++) {
                if (j > 0) {
                    g.writeRaw(',');
                }
                Derivation d = derivations.get(j);
                RuleInfo rule = d.rule();
                if (!containsIdentical(used, rule)) {
                    used.add(rule);
                }
                g.writeRaw(rulePieces(t, rule).derivationOpen());
                List<String> premises = d.premises();
                for (int k = 0; k < premises.size(); k++) {
                    if (k > 0) {
                        g.writeRaw(',');
                    }
                    Described p = d.premiseFact(k);
                    g.writeRaw(p != null ? pieces(t, p).quotedKey() : new SerializedString(quoted(premises.get(k))));
                }
                g.writeRaw(CLOSE);
            }
            g.writeRaw(CLOSE);
        }
        g.writeEndArray();
        g.writeFieldName(F_RULES);
        g.writeStartObject();
        // A rule is described once per result, in name order; a knowledge base has no two rules of one name.
        used.sort((a, b) -> a.name().compareTo(b.name()));
        for (RuleInfo rule : used) {
            RulePieces r = rulePieces(t, rule);
            g.writeFieldName(r.name());
            g.writeRawValue(r.object());
        }
        g.writeEndObject();
        writeReferences(g, t, used);
        g.writeEndObject();
    }

    /**
     * Every source the rules used cite, once, sorted: its bibliography entry's id and Vancouver reference, and
     * its link; a source the bibliography lacks has null id and reference.
     */
    private static void writeReferences(JsonGenerator g, Tables t, List<RuleInfo> used) throws IOException {
        Map<String, Reference> cited = new java.util.TreeMap<>();
        for (RuleInfo rule : used) {
            rule.sources().forEach(s -> cited.putIfAbsent(s, rule.reference(s).orElse(null)));
        }
        g.writeFieldName(F_REFERENCES);
        g.writeStartObject();
        for (Map.Entry<String, Reference> e : cited.entrySet()) {
            g.writeFieldName(e.getKey());
            Reference r = e.getValue();
            g.writeRawValue(r == null ? unresolved(e.getKey())
                    : cached(t.references, MAX_RULES, r, ref -> new SerializedString("{\"id\":" + quoted(ref.id())
                    + ",\"reference\":" + quoted(Vancouver.format(ref)) + ",\"url\":" + quoted(link(ref)) + "}")));
        }
        g.writeEndObject();
    }

    /** Where a reader opens a work: the entry's URL, or its DOI or PubMed address. */
    static String link(Reference r) {
        return r.url() != null ? r.url() : Evidence.link(r.citation());
    }

    private static SerializedString unresolved(String source) {
        return new SerializedString("{\"id\":null,\"reference\":null,\"url\":" + quoted(Evidence.link(source)) + "}");
    }

    private static boolean containsIdentical(List<RuleInfo> rules, RuleInfo rule) {
        for (RuleInfo r : rules) {
            if (r == rule) {
                return true;
            }
        }
        return false;
    }

    private static FactPieces pieces(Tables t, Described d) {
        return cached(t.facts, MAX_FACTS, d, about -> new FactPieces(new SerializedString(quoted(about.key())),
                inputNode(about.key(), about), derivedOpen(about.key(), about)));
    }

    private static SerializedString inputNode(String key, Described about) {
        return new SerializedString("{\"id\":" + quoted(key) + JsonReport.head(about, true) + "}");
    }

    private static SerializedString derivedOpen(String key, Described about) {
        return new SerializedString("{\"id\":" + quoted(key) + JsonReport.head(about, false) + ",\"derivations\":[");
    }

    private static RulePieces rulePieces(Tables t, RuleInfo rule) {
        return cached(t.rules, MAX_RULES, rule, r -> new RulePieces(new SerializedString(r.name()),
                new SerializedString("{\"rule\":" + quoted(r.name()) + ",\"premises\":["),
                new SerializedString(JsonReport.ruleObject(r))));
    }

    /** A JSON string, escaped as Jackson's generator escapes it. */
    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static <K, V> V cached(Map<K, V> table, int max, K key, Function<K, V> make) {
        V v = table.get(key);
        if (v == null) {
            if (table.size() >= max) {
                table.clear();
            }
            v = make.apply(key);
            table.put(key, v);
        }
        return v;
    }
}
