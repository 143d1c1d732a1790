package org.adcckb.input;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt names: the closest known name within a small edit distance. */
public final class Suggest {

    private Suggest() {
    }

    public static Optional<String> closest(String given, Collection<String> known) {
        String g0 = given.toLowerCase(java.util.Locale.ROOT);
        // The same name in other case ("read" for "READ") beats a longer name that starts with it ("READ-2nd").
        for (String k : known.stream().sorted().toList()) {
            if (k.toLowerCase(java.util.Locale.ROOT).equals(g0)) {
                return Optional.of(k);
            }
        }
        // A shortened name ("dara") or the right characters in another order ("V158") beat a near spelling.
        if (g0.length() >= 3) {
            for (String k : known.stream().sorted().toList()) {
                String kl = k.toLowerCase(java.util.Locale.ROOT);
                if (!kl.equals(g0) && (kl.startsWith(g0) || sameLetters(kl, g0))) {
                    return Optional.of(k);
                }
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(java.util.Locale.ROOT);
        for (String k : known.stream().sorted().toList()) {
            int d = distance(g, k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** ", did you mean 'x'?" or nothing. */
    public static String hint(String given, Collection<String> known) {
        return closest(given, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
