package org.adcckb.whatif;

/** Reports how far a long question has come: {@code done} of {@code total} steps (combinations, sets). */
@FunctionalInterface
public interface Progress {

    /** Called from any thread; {@code done == total} once, at the end, when the work completes. */
    void update(long done, long total);

    /** Reports nothing. */
    Progress NONE = (done, total) -> { };
}
