package org.adcckb.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sorting by rank gives the keys' order, whatever the memos met before, and across threads. */
class KeyOrderTest {

    private static KeyOrder.Memo memo(String key, boolean shared) {
        return new KeyOrder.Memo(new Described(key, "T", key, Map.of()), null, shared);
    }

    private static List<String> keys(List<KeyOrder.Memo> memos) {
        return memos.stream().map(m -> m.described.key()).toList();
    }

    @Test
    void sortsByKeyAndRanksNewKeysAsTheyCome() {
        KeyOrder order = new KeyOrder();
        List<KeyOrder.Memo> first = new ArrayList<>(List.of(memo("modifier:nk0>mm0:b", true),
                memo("cell:mm0", true), memo("modifier:nk0>mm0:a", true), memo("adcc:nk0>mm0:dara", true)));
        assertThat(order.sort(first, m -> m)).isTrue();
        assertThat(keys(first)).containsExactly("adcc:nk0>mm0:dara", "cell:mm0", "modifier:nk0>mm0:a", "modifier:nk0>mm0:b");

        // New keys in between, and the old memos again: all ranked anew, still in key order.
        List<KeyOrder.Memo> second = new ArrayList<>(first);
        second.add(memo("binding:dara@mm0", true));
        second.add(memo("modifier:nk0>mm0:ab", true));
        java.util.Collections.reverse(second);
        assertThat(order.sort(second, m -> m)).isTrue();
        assertThat(keys(second)).isSorted().hasSize(6);
    }

    @Test
    void equalKeysStayInTheirOrderSideBySide() {
        KeyOrder order = new KeyOrder();
        KeyOrder.Memo a = memo("modulation:atra@mm", true);
        KeyOrder.Memo b = memo("modulation:atra@mm", true);
        List<KeyOrder.Memo> list = new ArrayList<>(List.of(b, memo("cell:mm", true), a));
        assertThat(order.sort(list, m -> m)).isTrue();
        assertThat(list.get(0).described.key()).isEqualTo("cell:mm");
        assertThat(list.subList(1, 3)).containsExactly(b, a);
    }

    @Test
    void memosThatAreNotSharedAreLeftToTheCaller() {
        KeyOrder order = new KeyOrder();
        List<KeyOrder.Memo> list = new ArrayList<>(List.of(memo("b", true), memo("a", false)));
        assertThat(order.sort(list, m -> m)).isFalse();
        assertThat(keys(list)).containsExactly("b", "a");
    }

    @Test
    void threadsMeetingNewKeysAllGetTheKeysOrder() throws Exception {
        KeyOrder order = new KeyOrder();
        List<KeyOrder.Memo> pool = new ArrayList<>();
        Random random = new Random(6);
        for (int i = 0; i < 600; i++) {
            pool.add(memo("k:" + Integer.toString(random.nextInt(400), 36) + ":" + (char) ('a' + random.nextInt(26)), true));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                results.add(threads.submit(() -> {
                    Random r = new Random(seed);
                    int ranked = 0;
                    for (int round = 0; round < 2000; round++) {
                        List<KeyOrder.Memo> list = new ArrayList<>();
                        for (int i = 0; i < 40; i++) {
                            list.add(pool.get(r.nextInt(pool.size())));
                        }
                        List<KeyOrder.Memo> expected = new ArrayList<>(list);
                        expected.sort(Comparator.comparing(m -> m.described.key()));
                        if (order.sort(list, m -> m)) {
                            ranked++;
                            assertThat(keys(list)).isEqualTo(keys(expected));
                        }
                    }
                    return ranked;
                }));
            }
            int ranked = 0;
            for (Future<Integer> f : results) {
                ranked += f.get();
            }
            // Ranks are used for nearly every sort once the pool's keys are known.
            assertThat(ranked).isGreaterThan(4 * 2000 * 9 / 10);
        } finally {
            threads.shutdownNow();
        }
    }
}
