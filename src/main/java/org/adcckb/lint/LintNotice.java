package org.adcckb.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;

/**
 * A one-line notice for commands that answer questions (explain, test) when their rules load but do not
 * lint clean. Lint (without sampled scenarios) runs once per rule set: its counts are kept in the
 * compiled-rules cache directory under the rules' fingerprint (and this build's), so a run on unchanged rules only reads a
 * line. With the cache off there is nowhere to keep them, and no notice.
 */
public final class LintNotice {

    static final String FILE = "lint-last";

    private LintNotice() {
    }

    /** The notice for {@code kb}, loaded from {@code dir}, or empty when its rules lint clean (or cannot be told cheaply). */
    public static Optional<String> of(Path dir, KnowledgeBase kb, CompiledCache cache) {
        Optional<Path> where = cache.directory();
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Path memo = where.get().resolve(FILE);
        String key = CompiledCache.key(kb.fingerprint());
        long[] counts = remembered(memo, key);
        if (counts == null) {
            Linter.Report r;
            try {
                r = Linter.lint(dir, 0);
            } catch (RuntimeException e) {
                return Optional.empty(); // a notice never fails the run it accompanies
            }
            counts = new long[] {r.errors(), r.warnings()};
            remember(memo, key + " " + counts[0] + " " + counts[1] + "\n");
        }
        if (counts[0] == 0 && counts[1] == 0) {
            return Optional.empty();
        }
        return Optional.of("the rules do not lint clean (" + plural(counts[0], "error") + ", " + plural(counts[1], "warning")
                + "); to see why: adcc lint");
    }

    private static long[] remembered(Path memo, String fingerprint) {
        try {
            String[] words = Files.readString(memo, StandardCharsets.UTF_8).strip().split(" ");
            if (words.length == 3 && words[0].equals(fingerprint)) {
                return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
            }
        } catch (IOException | RuntimeException e) {
            // not yet linted, or unreadable: lint again
        }
        return null;
    }

    private static void remember(Path memo, String line) {
        try {
            Files.createDirectories(memo.getParent());
            Path tmp = Files.createTempFile(memo.getParent(), FILE, ".tmp");
            Files.writeString(tmp, line, StandardCharsets.UTF_8);
            Files.move(tmp, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the next run lints again
        }
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
