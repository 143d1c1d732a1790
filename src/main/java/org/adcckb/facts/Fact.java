package org.adcckb.facts;

/**
 * Everything adcc-kb puts into or gets out of a Drools session.
 *
 * <p>Facts are immutable values: equal facts are the same statement, which is what lets truth
 * maintenance merge two derivations of one conclusion into one fact with two justifications.
 */
public interface Fact {

    /** A stable, human-readable identity ("surface:mm"), unique within one evaluation. */
    String key();

    /** One sentence a biologist can read, with no rule or engine vocabulary in it. */
    String describe();

    /** Whether the fact comes from the scenario or the vocabulary rather than from a rule. */
    default boolean isInput() {
        return false;
    }
}
