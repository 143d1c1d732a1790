package org.adcckb.explain;

import java.util.List;
import java.util.Map;

/**
 * A fact of the final working memory as the explanation shows it.
 *
 * @param key         stable identity, the target of premise references
 * @param type        the fact type's simple name
 * @param input       true for scenario and vocabulary facts, which need no derivation
 * @param text        one readable sentence
 * @param data        the fact's fields
 * @param derivations every live justification, sorted; empty for inputs
 */
public record Node(String key, String type, boolean input, String text, Map<String, Object> data,
                   List<Derivation> derivations) {
}
