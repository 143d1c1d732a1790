package org.adcckb.whatif;

import java.util.List;

/**
 * A fact that one evaluation has and the other has not, or has with other values.
 *
 * @param kind   {@code gained} (only in the variant), {@code lost} (only in the baseline) or
 *               {@code changed} (same identity, other values); input facts are {@code added} or
 *               {@code removed}
 * @param before its text in the baseline, or null
 * @param after  its text in the variant, or null
 * @param causes for each live derivation, the rule and the premises that changed with it
 */
public record ConclusionChange(String key, String type, String kind, String before, String after, List<Cause> causes) {

    /**
     * Why a conclusion appeared, changed or went.
     *
     * @param rule     the rule of the derivation (in the variant for gained and changed, in the baseline for lost)
     * @param sources  the rule's sources
     * @param changed  the premises of that derivation that themselves changed; empty when only a condition
     *                 that must be absent changed (a {@code not} in the rule)
     * @param note     a sentence for readers when {@code changed} is empty, or null
     */
    public record Cause(String rule, List<String> sources, List<String> changed, String note) {
    }
}
