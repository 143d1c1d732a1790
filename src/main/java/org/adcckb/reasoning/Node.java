package org.adcckb.reasoning;

import java.util.List;
import java.util.Map;

/**
 * A fact of the final working memory as the explanation shows it.
 *
 * @param key         stable identity, the target of premise references (the description's key, or that
 *                    key with a suffix when two distinct facts claimed it)
 * @param about       how the fact reads: type, sentence, fields
 * @param input       true for scenario and vocabulary facts, which need no derivation
 * @param derivations every live justification, sorted; empty for inputs
 */
public record Node(String key, Described about, boolean input, List<Derivation> derivations) {

    /** The fact type's simple name. */
    public String type() {
        return about.type();
    }

    /** One readable sentence. */
    public String text() {
        return about.text();
    }

    /** The fact's fields. */
    public Map<String, Object> data() {
        return about.data();
    }
}
