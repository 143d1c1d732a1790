package org.adcckb.report;

import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Described;
import org.adcckb.reasoning.Explanation;
import org.adcckb.reasoning.Node;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.kb.RuleInfo;

/**
 * Writes an explanation's JSON ({@code ,"explanation":{...}}, format 2) as bytes. At cohort scale this
 * is most of a result line (about 11 kB), and the same pieces recur in every result: each fact value's
 * fields and sentence, each key, each rule's description. Those are encoded once, kept on the shared
 * {@link Described} (found through the node and the derivation, without a lookup) or, for rules, in a
 * per-thread table, and copied; what is left per result is glue. The bytes are exactly what
 * {@code JsonReport}'s generator would write (strings escaped by Jackson's own encoder, fields encoded
 * by the generator once).
 */
final class ExplanationJson {

    private ExplanationJson() {
    }

    /** A thread's output buffer and its rule encodings; reused from result to result. */
    private static final class Sink {
        byte[] buf = new byte[16384];
        int len;
        /** Per rule: its quoted name, and its entry of "rules" ("name":{...}). */
        final Map<RuleInfo, byte[][]> rules = new IdentityHashMap<>();
        /** Outcome ids, quoted: the same few hundred conclusions set the outcomes of a whole cohort. */
        final Map<String, byte[]> ids = new java.util.HashMap<>();
        RuleInfo[] used = new RuleInfo[16];

        void raw(byte[] b) {
            int n = b.length;
            if (len + n > buf.length) {
                grow(n);
            }
            System.arraycopy(b, 0, buf, len, n);
            len += n;
        }

        void raw(char c) {
            if (len == buf.length) {
                grow(1);
            }
            buf[len++] = (byte) c;
        }

        private void grow(int n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private static final ThreadLocal<Sink> SINKS = ThreadLocal.withInitial(Sink::new);
    /** A sink that grew past this for a freak result is not kept for the next. */
    private static final int KEEP_UP_TO = 1 << 20;
    private static final int MAX_RULES = 4096;
    private static final int MAX_IDS = 16384;

    private static final byte[] OPEN = ascii(",\"explanation\":{\"outcome\":{");
    private static final byte[] FACTS = ascii("},\"facts\":[");
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] DERIVATIONS = ascii(",\"derivations\":[");
    private static final byte[] RULE = ascii("{\"rule\":");
    private static final byte[] PREMISES = ascii(",\"premises\":[");
    private static final byte[] CLOSE_PREMISES = ascii("]}");
    private static final byte[] RULES = ascii("],\"rules\":{");
    private static final byte[] CLOSE = ascii("}}");

    static void write(OutputStream out, Explanation x) throws IOException {
        Sink s = SINKS.get();
        s.len = 0;
        s.raw(OPEN);
        boolean first = true;
        for (Map.Entry<String, List<String>> e : x.outcomeSupport().entrySet()) {
            if (!first) {
                s.raw(',');
            }
            first = false;
            s.raw(quotedId(s, e.getKey()));
            s.raw(':');
            s.raw('[');
            List<String> ids = e.getValue();
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    s.raw(',');
                }
                s.raw(quotedId(s, ids.get(i)));
            }
            s.raw(']');
        }
        s.raw(FACTS);
        int usedRules = 0;
        List<Node> nodes = x.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                s.raw(',');
            }
            Node node = nodes.get(i);
            Described about = node.about();
            boolean ownKey = node.key().equals(about.key());
            if (node.input()) {
                if (ownKey) {
                    byte[] b = about.inputNode;
                    if (b == null) {
                        about.inputNode = b = concat(ID, quotedKey(about), head(about, true), new byte[] {'}'});
                    }
                    s.raw(b);
                } else {
                    s.raw(ID);
                    s.raw(quoted(node.key()));
                    s.raw(head(about, true));
                    s.raw('}');
                }
                continue;
            }
            if (ownKey) {
                byte[] b = about.derivedHead;
                if (b == null) {
                    about.derivedHead = b = concat(ID, quotedKey(about), head(about, false), DERIVATIONS);
                }
                s.raw(b);
            } else {
                s.raw(ID);
                s.raw(quoted(node.key()));
                s.raw(head(about, false));
                s.raw(DERIVATIONS);
            }
            List<Derivation> derivations = node.derivations();
            for (int j = 0; j < derivations.size(); j++) {
                if (j > 0) {
                    s.raw(',');
                }
                Derivation d = derivations.get(j);
                RuleInfo rule = d.rule();
                byte[][] r = ruleBytes(s, rule);
                if (!contains(s.used, usedRules, rule)) {
                    if (usedRules == s.used.length) {
                        s.used = Arrays.copyOf(s.used, usedRules * 2);
                    }
                    s.used[usedRules++] = rule;
                }
                s.raw(RULE);
                s.raw(r[0]);
                s.raw(PREMISES);
                List<String> premises = d.premises();
                for (int k = 0; k < premises.size(); k++) {
                    if (k > 0) {
                        s.raw(',');
                    }
                    Described p = d.premiseFact(k);
                    s.raw(p != null ? quotedKey(p) : quoted(premises.get(k)));
                }
                s.raw(CLOSE_PREMISES);
            }
            s.raw(CLOSE_PREMISES);
        }
        s.raw(RULES);
        // A rule is described once per result, in name order; a knowledge base has no two rules of one name.
        Arrays.sort(s.used, 0, usedRules, (a, b) -> a.name().compareTo(b.name()));
        for (int i = 0; i < usedRules; i++) {
            if (i > 0) {
                s.raw(',');
            }
            s.raw(ruleBytes(s, s.used[i])[1]);
            s.used[i] = null;
        }
        s.raw(CLOSE);
        out.write(s.buf, 0, s.len);
        if (s.buf.length > KEEP_UP_TO) {
            SINKS.remove();
        }
    }

    private static boolean contains(RuleInfo[] rules, int n, RuleInfo rule) {
        for (int i = 0; i < n; i++) {
            if (rules[i] == rule) {
                return true;
            }
        }
        return false;
    }

    private static byte[] quotedId(Sink s, String id) {
        byte[] b = s.ids.get(id);
        if (b == null) {
            if (s.ids.size() >= MAX_IDS) {
                s.ids.clear();
            }
            b = quoted(id);
            s.ids.put(id, b);
        }
        return b;
    }

    private static byte[][] ruleBytes(Sink s, RuleInfo rule) throws IOException {
        byte[][] r = s.rules.get(rule);
        if (r == null) {
            if (s.rules.size() >= MAX_RULES) {
                s.rules.clear(); // rules of knowledge bases loaded and reloaded in a long-running server
            }
            byte[] name = quoted(rule.name());
            r = new byte[][] {name, concat(name, new byte[] {':'}, JsonReport.ruleObject(rule))};
            s.rules.put(rule, r);
        }
        return r;
    }

    private static byte[] quotedKey(Described d) {
        byte[] b = d.quotedKey;
        if (b == null) {
            d.quotedKey = b = quoted(d.key());
        }
        return b;
    }

    /** A JSON string as UTF-8 bytes, escaped as Jackson's generator escapes it. */
    static byte[] quoted(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] out = new byte[escaped.length + 2];
        out[0] = '"';
        System.arraycopy(escaped, 0, out, 1, escaped.length);
        out[out.length - 1] = '"';
        return out;
    }

    /** The fields after "id": ,"type":...,"input":...,"text":...,"data":{...} */
    private static byte[] head(Described about, boolean input) throws IOException {
        return JsonReport.head(about, input);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
