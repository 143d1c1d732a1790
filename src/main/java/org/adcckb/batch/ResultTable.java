package org.adcckb.batch;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.adcckb.facts.Cell;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/**
 * Results already computed, by the content of their scenario: a qualitative scenario has finitely many
 * distinct contents, so a large cohort repeats them, and a repeated content gets the result of the first
 * one without reasoning or rendering again. What is kept is the result line after its scenario id and
 * title (the {@linkplain #get tail}); the caller writes the id and title in front of it.
 *
 * <p>Bounded in bytes, so memory stays flat however long the cohort: two generations of entries; when the
 * young one is full it becomes the old one and the previous old one is dropped, and a hit in the old
 * generation is carried over to the young one. Contents that keep coming back stay; a cohort of unique
 * scenarios only cycles through the generations. Thread-safe: a race at worst loses an entry, which is
 * computed again.
 */
final class ResultTable {

    /** Keys, maps and counters per entry, beyond its tail's bytes: an estimate for the bound. */
    private static final int ENTRY_OVERHEAD = 512;
    /** The same for a raw key's entry (its key object and array headers, the map's node). */
    private static final int RAW_OVERHEAD = 96;

    /**
     * What a scenario's result depends on besides its id and title: its setting, course, cells and
     * treatments. The scenario keeps its cells (by id) and treatments sorted, so the order they were
     * written in is not part of the content, as it is not part of the result. Expectations are left out:
     * {@code batch} neither reasons with them nor writes them.
     */
    record Content(String setting, String course, List<Cell> cells, List<Treatment> treatments) {
        static Content of(Scenario s) {
            return new Content(s.setting(), s.courseName(), s.cells(), s.treatments());
        }
    }

    private final long generationBytes;
    private final int maxTail;
    // Keys: a Content, or the RawLine.Key of a line read before (the same tail under both).
    private volatile ConcurrentHashMap<Object, byte[]> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Object, byte[]> old = new ConcurrentHashMap<>();
    private final AtomicLong youngBytes = new AtomicLong();

    /**
     * @param generationBytes the bytes one generation may hold; the table holds at most twice that
     */
    ResultTable(long generationBytes) {
        this.generationBytes = generationBytes;
        // One result taking a large part of a generation (a scenario with many populations) is not kept.
        this.maxTail = (int) Math.min(Integer.MAX_VALUE, generationBytes / 16);
    }

    /** A table of an eighth of the heap per generation: a quarter of it at most. */
    static ResultTable sizedToHeap() {
        return new ResultTable(Runtime.getRuntime().maxMemory() / 8);
    }

    /** The tail of the result of {@code content}, or null if it is not in the table. */
    byte[] get(Content content) {
        return lookUp(content);
    }

    /** The tail of the result of a line with this raw key, or null if it is not in the table. */
    byte[] get(RawLine.Key raw) {
        return lookUp(raw);
    }

    private byte[] lookUp(Object key) {
        byte[] tail = young.get(key);
        if (tail == null) {
            tail = old.get(key);
            if (tail != null) {
                // Still in use: it survives the next turn of generations. Carried over alone, a raw key's
                // entry counts its tail too, which its content's entry may not hold in the young generation.
                keep(key, tail, weight(key, tail) + (key instanceof RawLine.Key ? tail.length + ENTRY_OVERHEAD : 0));
            }
        }
        return tail;
    }

    /** Keeps {@code tail} (not copied: the caller hands it over) as the result of {@code content}. */
    void put(Content content, byte[] tail) {
        keep(content, tail, weight(content, tail));
    }

    /**
     * Keeps {@code tail}, just kept or found under its content, as the result of a line with this raw key:
     * the key's bytes count against the bound, the tail is counted by the content's entry.
     */
    void put(RawLine.Key raw, byte[] tail) {
        keep(raw, tail, weight(raw, tail));
    }

    private static long weight(Object key, byte[] tail) {
        return key instanceof RawLine.Key raw ? raw.size() + RAW_OVERHEAD : tail.length + ENTRY_OVERHEAD;
    }

    private void keep(Object key, byte[] tail, long size) {
        if (tail.length > maxTail) {
            return;
        }
        if (young.putIfAbsent(key, tail) == null && youngBytes.addAndGet(size) > generationBytes) {
            turn();
        }
    }

    /** The young generation becomes the old one; the old one is dropped. */
    private synchronized void turn() {
        if (youngBytes.get() <= generationBytes) {
            return; // another thread turned it meanwhile
        }
        old = young;
        young = new ConcurrentHashMap<>();
        youngBytes.set(0);
    }

    /** Entries held (both generations; a content in both counts twice). */
    int size() {
        return young.size() + old.size();
    }

    /** Entries held under a content (not a raw key), as {@link #size()} counts them. */
    int contents() {
        return (int) (young.keySet().stream().filter(k -> k instanceof Content).count()
                + old.keySet().stream().filter(k -> k instanceof Content).count());
    }
}
