package org.adcckb.batch;

import java.util.List;
import java.util.Map;
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
 * scenarios only cycles through the generations. Results read from the disk ({@link KeptResults}, at most one
 * generation's worth) sit beside the generations, read only, so no turn drops them. Thread-safe: a race at
 * worst loses an entry, which is computed again.
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

        /**
         * The key of this content among results kept on disk: its hash, then its canonical bytes. The hash lets
         * a line look for its content there without making the canonical bytes ({@link #mayHaveKept}); it only
         * has to be the same in the next run, whose file is chosen by the same Java version, and were it not,
         * a content would only be missed, never mistaken, since the bytes decide.
         */
        RawLine.Key keptKey() {
            byte[] canonical = org.adcckb.scenario.ScenarioCheck.canonicalContent(setting, course, cells, treatments);
            return new RawLine.Key(java.nio.ByteBuffer.allocate(4 + canonical.length).putInt(hashCode()).put(canonical).array());
        }
    }

    /** A tail in the table, and whether a line has found it there (only such results are worth keeping on disk). */
    static final class Entry {
        final byte[] tail;
        /** Read from the results kept on disk rather than computed by this run. */
        final boolean kept;
        volatile boolean hit;

        Entry(byte[] tail, boolean kept) {
            this.tail = tail;
            this.kept = kept;
        }
    }

    private final long generationBytes;
    private final int maxTail;
    // Keys: a Content, or the RawLine.Key of a line read before (the same tail under both).
    private volatile ConcurrentHashMap<Object, Entry> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Object, Entry> old = new ConcurrentHashMap<>();
    private final AtomicLong youngBytes = new AtomicLong();
    /** Results kept on disk, by the canonical bytes of their content ({@link KeptResults}); read only. */
    private volatile Map<RawLine.Key, byte[]> keptContents = Map.of();
    /** Results kept on disk, by raw key; read only, beside the generations, so no turn of them drops these. */
    private volatile Map<RawLine.Key, byte[]> keptRaw = Map.of();
    /** The hashes of the contents kept on disk (the first four bytes of their keys). */
    private volatile java.util.Set<Integer> keptHashes = java.util.Set.of();
    /** The tails read from the disk, by identity: filled once before the first line, read only after. */
    private volatile java.util.Set<byte[]> diskTails = java.util.Set.of();

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
        return new ResultTable(generationForHeap());
    }

    /** The bytes a generation of {@link #sizedToHeap} holds: an eighth of the heap. */
    static long generationForHeap() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /** The bytes one generation may hold: results kept on disk are bounded by it too. */
    long generationBytes() {
        return generationBytes;
    }

    /** The tail of the result of {@code content}, or null if it is not in the table. */
    byte[] get(Content content) {
        return lookUp(content);
    }

    /** The tail of the result of a line with this raw key, or null if it is not in the table (nor kept on disk). */
    byte[] get(RawLine.Key raw) {
        byte[] tail = lookUp(raw);
        return tail != null ? tail : keptRaw.get(raw);
    }

    /** Whether a content of this hash may be among the results kept on disk: only then is its key worth making. */
    boolean mayHaveKept(Content content) {
        return keptHashes.contains(content.hashCode());
    }

    /** The tail kept on disk for a content, or null. */
    byte[] kept(Content content) {
        return keptContents.get(content.keptKey());
    }

    private byte[] lookUp(Object key) {
        Entry e = young.get(key);
        if (e == null) {
            e = old.get(key);
            if (e != null) {
                // Still in use: it survives the next turn of generations. Carried over alone, a raw key's
                // entry counts its tail too, which its content's entry may not hold in the young generation.
                keep(key, e, weight(key, e.tail) + (key instanceof RawLine.Key ? e.tail.length + ENTRY_OVERHEAD : 0));
            }
        }
        if (e == null) {
            return null;
        }
        if (!e.hit) {
            e.hit = true;
        }
        return e.tail;
    }

    /** Keeps {@code tail} (not copied: the caller hands it over) as the result of {@code content}. */
    void put(Content content, byte[] tail) {
        keep(content, new Entry(tail, false), weight(content, tail));
    }

    /** As {@link #put(Content, byte[])}, for a result read from the disk under the content's canonical bytes. */
    void putKept(Content content, byte[] tail) {
        Entry e = new Entry(tail, true);
        e.hit = true; // found again: an earlier batch had it
        keep(content, e, weight(content, tail));
    }

    /**
     * Keeps {@code tail}, just kept or found under its content, as the result of a line with this raw key:
     * the key's bytes count against the bound, the tail is counted by the content's entry.
     */
    void put(RawLine.Key raw, byte[] tail) {
        Entry e = new Entry(tail, false);
        e.hit = fromDisk(tail); // a result an earlier batch kept, found again under a key of this one: worth keeping
        keep(raw, e, weight(raw, tail));
    }

    /**
     * Gives the table the results kept on disk, by raw key and by canonical content: beside the generations
     * (bounded by one generation when read), read only. Called once, before any line.
     */
    void preload(Map<RawLine.Key, byte[]> raw, Map<RawLine.Key, byte[]> contents) {
        keptRaw = Map.copyOf(raw);
        keptContents = Map.copyOf(contents);
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (RawLine.Key k : contents.keySet()) {
            if (k.size() >= 4) {
                hashes.add(java.nio.ByteBuffer.wrap(k.bytes()).getInt());
            }
        }
        keptHashes = hashes;
        java.util.Set<byte[]> tails = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        tails.addAll(raw.values());
        tails.addAll(contents.values());
        diskTails = tails;
    }

    /** Whether {@code tail} is a result read from the disk (the very array), not one computed by this run. */
    boolean fromDisk(byte[] tail) {
        return diskTails.contains(tail);
    }

    /**
     * What is worth keeping on disk, by key: what was read from it, and every entry computed by this run whose
     * tail a line found in the table again (under its raw key or its content), contents by their canonical
     * bytes; with whether any of it was computed by this run.
     */
    Worth worth() {
        java.util.Set<byte[]> hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Map<Object, Entry>> generations = List.of(old, young);
        for (Map<Object, Entry> g : generations) {
            g.values().forEach(e -> {
                if (e.hit) {
                    hit.add(e.tail);
                }
            });
        }
        Map<RawLine.Key, byte[]> raw = new java.util.HashMap<>(keptRaw);
        Map<RawLine.Key, byte[]> contents = new java.util.HashMap<>(keptContents);
        boolean fresh = false;
        for (Map<Object, Entry> g : generations) {
            for (Map.Entry<Object, Entry> me : g.entrySet()) {
                Entry e = me.getValue();
                if (e.kept || !hit.contains(e.tail)) {
                    continue; // read from the disk (kept above), or computed once and never found again
                }
                fresh = true;
                if (me.getKey() instanceof RawLine.Key k) {
                    raw.put(k, e.tail);
                } else {
                    contents.put(((Content) me.getKey()).keptKey(), e.tail);
                }
            }
        }
        return new Worth(raw, contents, fresh);
    }

    /** Results worth keeping: raw keys and canonical contents to their tails; {@code fresh} if any was computed by this run. */
    record Worth(Map<RawLine.Key, byte[]> raw, Map<RawLine.Key, byte[]> contents, boolean fresh) {
    }

    private static long weight(Object key, byte[] tail) {
        return key instanceof RawLine.Key raw ? raw.size() + RAW_OVERHEAD : tail.length + ENTRY_OVERHEAD;
    }

    private void keep(Object key, Entry entry, long size) {
        if (entry.tail.length > maxTail) {
            return;
        }
        if (young.putIfAbsent(key, entry) == null && youngBytes.addAndGet(size) > generationBytes) {
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
