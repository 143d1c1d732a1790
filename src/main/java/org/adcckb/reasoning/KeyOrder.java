package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The key order of the memoised fact descriptions as small numbers, so that an explanation's facts are
 * sorted by comparing numbers rather than keys (a cohort result holds some forty facts whose keys share
 * long prefixes, and comparing them showed in the profile).
 *
 * <p>Each memo carries a stamp: the generation of the ranking and its rank in it (equal keys, equal
 * rank). A new description is ranked by ranking every known one again as a new generation, which
 * happens only while a run meets descriptions it has not seen. A sort reads each stamp once and uses
 * the ranks only if all come from the current generation; otherwise, and for descriptions that are not
 * memoised (past the memo's bound), the caller sorts by the keys themselves. The order is the keys'
 * order either way.
 */
final class KeyOrder {

    /** A memoised description with its stamp. */
    static final class Memo {
        final org.adcckb.reasoning.Described described;
        /** The vocabulary fact's node, made once; null for other facts. */
        final org.adcckb.reasoning.Node background;
        /** True when shared by results (memoised), and so worth ranking. */
        final boolean shared;
        /** Generation (high 32 bits) and rank (low 32 bits); 0 when never ranked. */
        volatile long stamp;

        Memo(org.adcckb.reasoning.Described described, org.adcckb.reasoning.Node background, boolean shared) {
            this.described = described;
            this.background = background;
            this.shared = shared;
        }
    }

    private final Set<Memo> known = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile int generation = 1;

    /**
     * Sorts items by their memos' keys using the ranks, after ranking memos not seen before; false (and
     * the list untouched) when the ranks cannot be used, so the caller sorts by key.
     */
    <T> boolean sort(List<T> items, java.util.function.Function<T, Memo> memoOf) {
        int n = items.size();
        long[] order = new long[n];
        for (int attempt = 0; attempt < 2; attempt++) {
            int g = generation;
            List<Memo> unranked = null;
            boolean current = true;
            for (int i = 0; i < n; i++) {
                Memo m = memoOf.apply(items.get(i));
                if (!m.shared) {
                    return false;
                }
                long stamp = m.stamp;
                if ((int) (stamp >>> 32) != g) {
                    current = false;
                    if (stamp == 0) {
                        if (unranked == null) {
                            unranked = new ArrayList<>();
                        }
                        unranked.add(m);
                    }
                }
                order[i] = (stamp << 32) | i; // the rank, then the position: a stable order
            }
            if (current) {
                Arrays.sort(order);
                Object[] copy = items.toArray();
                for (int i = 0; i < n; i++) {
                    @SuppressWarnings("unchecked")
                    T t = (T) copy[(int) order[i]];
                    items.set(i, t);
                }
                return true;
            }
            rank(unranked);
        }
        return false; // ranked again meanwhile by another thread; rare
    }

    /** Ranks every known memo, and these new ones, as a new generation. */
    private synchronized void rank(List<Memo> fresh) {
        if (fresh != null) {
            known.addAll(fresh);
        }
        TreeMap<String, List<Memo>> byKey = new TreeMap<>();
        for (Memo m : known) {
            byKey.computeIfAbsent(m.described.key(), k -> new ArrayList<>(1)).add(m);
        }
        int g = generation + 1;
        int rank = 0;
        for (List<Memo> same : byKey.values()) {
            long stamp = ((long) g << 32) | rank++;
            for (Memo m : same) {
                m.stamp = stamp;
            }
        }
        generation = g; // after the stamps: a thread that reads this generation reads its stamps
    }
}
