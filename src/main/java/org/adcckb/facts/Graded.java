package org.adcckb.facts;

/**
 * A conclusion with a grade (none, low, moderate, high) that an outcome of a scenario can be aggregated from.
 * Which fact type feeds which outcome is declared in the vocabulary ({@code outcomes}), not here.
 */
public interface Graded {

    /** The grade: none, low, moderate or high. */
    String level();

    /**
     * The outcome kind this fact is about, for a fact type shared by several kinds ({@link Effect}); null for a
     * type that stands for one kind only.
     */
    default String kind() {
        return null;
    }
}
