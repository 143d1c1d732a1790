package org.adcckb.batch;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import org.adcckb.input.Limits;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.RulesFiles;
import org.adcckb.kb.Problem;
import org.adcckb.reasoning.RunLimits;

/**
 * The results a batch keeps on disk for the next one ({@code adcc batch}): the {@link ResultTable}'s results
 * that lines found again, by raw key and by the canonical bytes of their content (after its hash), so that a later batch of
 * the same qualitative scenarios (the same cohort again, or another drawn from the same vocabulary) writes
 * them without reasoning, and, when every line is found by its raw key, without loading the rules at all.
 *
 * <p>A file of the compiled-rules cache directory, checked as its compiled packages are (a directory of this
 * user's alone, sealed by this user's key, whole or absent). Its name is a hash of everything the bytes of a
 * result depend on: the rules' fingerprint, this build, Drools and Java ({@link CompiledCache#key}), whether
 * results carry explanations, and the input and run limits. Edited rules, a new build or other options thus
 * never read it. Bounded by the table's generation, so memory stays flat; a file that cannot be read is
 * ignored, one that cannot be written is no error.
 */
public final class KeptResults {

    static final byte[] FORMAT = "adcc-kb batch results 2\n".getBytes(StandardCharsets.US_ASCII);
    static final String SUFFIX = ".results";
    /** Files kept: one per rule set and options in use. */
    static final int KEEP = 8;

    /** Nothing kept, nothing read: every line is evaluated ({@code --fresh}, or the cache is off). */
    public static final KeptResults NONE = new KeptResults(CompiledCache.OFF, null, null, Map.of(), Map.of());

    private final CompiledCache cache;
    /** What the file's name depends on besides the rules: this build and the batch's options. */
    private final String options;
    private String fingerprint;
    private String name;
    private final boolean found;
    // Read from the file until they go into a table (into), then dropped: the table holds them.
    private Map<RawLine.Key, byte[]> raw;
    private Map<RawLine.Key, byte[]> contents;

    private KeptResults(CompiledCache cache, String options, String fingerprint, Map<RawLine.Key, byte[]> raw,
            Map<RawLine.Key, byte[]> contents) {
        this.cache = cache;
        this.options = options;
        this.fingerprint = fingerprint;
        this.name = fingerprint == null ? null : name(fingerprint, options);
        this.raw = raw;
        this.contents = contents;
        this.found = !raw.isEmpty() || !contents.isEmpty();
    }

    private static String name(String fingerprint, String options) {
        return "results-" + sha256(CompiledCache.key(fingerprint) + "\n" + options) + SUFFIX;
    }

    /**
     * The results kept for a batch of the rules as {@code rules} read them, with these options; none when the
     * cache is off or the rules cannot be loaded as read (the load that follows says why). A batch loads its
     * rules from the same {@code rules}, so its every line is answered by one rule set.
     */
    public static KeptResults open(CompiledCache cache, RulesFiles rules, boolean explain, Limits limits, RunLimits runLimits) {
        if (!cache.enabled()) {
            return NONE;
        }
        String fingerprint = rules.fingerprint().orElse(null);
        if (fingerprint == null) {
            return NONE;
        }
        String options = "explain " + explain + "\n" + limits + "\n" + runLimits;
        Map<RawLine.Key, byte[]> raw = new HashMap<>();
        Map<RawLine.Key, byte[]> contents = new HashMap<>();
        try {
            // No more than a table of this JVM holds (a file from a JVM with a larger heap is not used).
            long bound = ResultTable.generationForHeap();
            cache.readKept(name(fingerprint, options), FORMAT, bound).map(b -> decompress(b, bound)).ifPresent(body -> {
                if (!decode(body, raw, contents)) {
                    raw.clear();
                    contents.clear();
                }
            });
        } catch (OutOfMemoryError e) {
            raw.clear();
            contents.clear();
        }
        return new KeptResults(cache, options, fingerprint, raw, contents);
    }

    /** Whether results were read: then the rules need only be loaded for a line not among them. */
    public boolean found() {
        return found;
    }

    /**
     * Refuses a knowledge base of another fingerprint than the rules the results were read for: its lines would
     * mix the answers of two rule sets. A batch loads the files it read at its start, so this is a safeguard.
     */
    public void check(KnowledgeBase kb) {
        if (fingerprint == null || fingerprint.equals(kb.fingerprint())) {
            return;
        }
        if (found) {
            throw new KnowledgeBaseException(new Problem(kb.directory(), 0, "changed while the batch was running (fingerprint "
                    + fingerprint + " at its start, " + kb.fingerprint() + " now); run the batch again"));
        }
        // Nothing was read: the results this batch keeps are those of the rules it loaded, and named for them.
        fingerprint = kb.fingerprint();
        name = name(fingerprint, options);
    }

    /** Puts what was read into {@code table}, before its first line. */
    void into(ResultTable table) {
        if (found) {
            table.preload(raw, contents);
        }
        raw = Map.of();
        contents = Map.of();
    }

    /**
     * Writes what {@code table} found worth keeping, when this run computed any of it (a batch whose every
     * line was found writes nothing), within a generation of the table. A batch whose output is complete is
     * never failed by this: whatever goes wrong, the next batch evaluates those lines again.
     */
    void save(ResultTable table) {
        if (name == null) {
            return;
        }
        try {
            ResultTable.Worth worth = table.worth();
            if (worth.fresh()) {
                cache.keep(name, FORMAT, encode(worth, Math.min(table.generationBytes(), Integer.MAX_VALUE - 64)), SUFFIX, KEEP);
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // the next batch evaluates these lines again
        }
    }

    /**
     * The file's body: its length, then deflated, tails (each once), raw keys and contents (each with the index of
     * its tail), every length an int. Entries past {@code maxBytes} of results are left out: contents are chosen
     * first, and raw keys only for the results chosen, so that a full file still answers every form of a line. Written straight into the deflater, so a batch that keeps
     * its results holds no second copy of them. Level 2: a file about an eighth of the results, deflated in a
     * third of the default level's time (the first batch of a rule set pays for it) and inflated about as fast.
     */
    static byte[] encode(ResultTable.Worth worth, long maxBytes) throws IOException {
        Map<byte[], Integer> index = new IdentityHashMap<>();
        java.util.List<byte[]> tails = new java.util.ArrayList<>();
        java.util.List<java.util.List<Map.Entry<RawLine.Key, byte[]>>> sections = new java.util.ArrayList<>();
        long size = 12;
        // Contents chosen first, within the bound: one key per result, found whatever the form of the line; then
        // the raw keys of the results chosen. Written raw keys first (the order the file has).
        for (Map<RawLine.Key, byte[]> m : java.util.List.of(worth.contents(), worth.raw())) {
            java.util.List<Map.Entry<RawLine.Key, byte[]>> section = new java.util.ArrayList<>();
            for (Map.Entry<RawLine.Key, byte[]> e : m.entrySet()) {
                byte[] tail = e.getValue();
                boolean known = index.containsKey(tail);
                long added = e.getKey().size() + 8L + (known ? 0 : tail.length + 4L);
                if (size + added > maxBytes || m == worth.raw() && !known && !worth.contents().isEmpty()) {
                    continue; // over the bound, or a raw key of a result whose content did not fit
                }
                if (!known) {
                    index.put(tail, tails.size());
                    tails.add(tail);
                }
                size += added;
                section.add(e);
            }
            sections.add(section);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream((int) Math.min(size / 6 + 64, Integer.MAX_VALUE - 16));
        new DataOutputStream(sink).writeInt((int) size);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(2, true);
        try (DataOutputStream d = new DataOutputStream(new java.util.zip.DeflaterOutputStream(sink, deflater, 65536))) {
            d.writeInt(tails.size());
            for (byte[] tail : tails) {
                d.writeInt(tail.length);
                d.write(tail);
            }
            for (java.util.List<Map.Entry<RawLine.Key, byte[]>> section : java.util.List.of(sections.get(1), sections.get(0))) {
                d.writeInt(section.size());
                for (Map.Entry<RawLine.Key, byte[]> e : section) {
                    byte[] key = e.getKey().bytes();
                    d.writeInt(key.length);
                    d.write(key);
                    d.writeInt(index.get(e.getValue()));
                }
            }
        } finally {
            deflater.end();
        }
        return sink.toByteArray();
    }

    /** The body {@link #encode} wrote, inflated; an empty buffer (which does not decode) when it is not that. */
    static ByteBuffer decompress(ByteBuffer sealed, long bound) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            int length = sealed.getInt();
            if (length < 0 || length > bound) {
                return ByteBuffer.allocate(0);
            }
            byte[] body = new byte[length];
            inflater.setInput(sealed);
            int n = 0;
            while (n < length) {
                int got = inflater.inflate(body, n, length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            // A raw deflate stream may need one more call to see its end after the last byte.
            if (n == length && !inflater.finished()) {
                inflater.inflate(new byte[1]);
            }
            return n == length && inflater.finished() && !sealed.hasRemaining() && inflater.getRemaining() == 0
                    ? ByteBuffer.wrap(body) : ByteBuffer.allocate(0);
        } catch (java.util.zip.DataFormatException | java.nio.BufferUnderflowException e) {
            return ByteBuffer.allocate(0);
        } finally {
            inflater.end();
        }
    }

    /** Reads what {@link #encode} wrote; false for anything else (then nothing is used). */
    static boolean decode(ByteBuffer b, Map<RawLine.Key, byte[]> raw, Map<RawLine.Key, byte[]> contents) {
        try {
            int n = count(b, 4);
            byte[][] tails = new byte[n][];
            for (int i = 0; i < n; i++) {
                tails[i] = bytes(b);
            }
            for (Map<RawLine.Key, byte[]> m : java.util.List.of(raw, contents)) {
                int keys = count(b, 8);
                for (int i = 0; i < keys; i++) {
                    RawLine.Key key = new RawLine.Key(bytes(b));
                    int at = b.getInt();
                    if (at < 0 || at >= n) {
                        return false;
                    }
                    m.put(key, tails[at]);
                }
            }
            return !b.hasRemaining();
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A count of items of at least {@code each} bytes, checked against what is left. */
    private static int count(ByteBuffer b, int each) {
        int n = b.getInt();
        if (n < 0 || (long) n * each > b.remaining()) {
            throw new IllegalArgumentException("count out of range");
        }
        return n;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[count(b, 1)];
        b.get(out);
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
