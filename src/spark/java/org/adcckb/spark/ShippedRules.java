package org.adcckb.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.adcckb.batch.SharedKnowledge;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.Problem;

/**
 * The rules directory the driver compiled, as bytes, with its fingerprint: shipped with the job, so an executor
 * needs no copy of the rules of its own, and compiled once per executor JVM. An executor whose compilation has
 * another fingerprint (another adcc-kb version, say) refuses to evaluate, so a cohort is never evaluated against
 * mixed rules.
 */
final class ShippedRules implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Rules are text of a few hundred kilobytes; anything near this is not a rules directory. */
    private static final long MAX_BYTES = 64L << 20;
    private static final Map<String, KnowledgeBase> COMPILED = new ConcurrentHashMap<>();

    private final TreeMap<String, byte[]> files;
    private final String fingerprint;

    private ShippedRules(TreeMap<String, byte[]> files, String fingerprint) {
        this.files = files;
        this.fingerprint = fingerprint;
    }

    /** The regular files under {@code dir} (hidden ones left out), for rules that compiled to {@code fingerprint}. */
    static ShippedRules of(Path dir, String fingerprint) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                Path rel = dir.relativize(p);
                if (isHidden(rel)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new KnowledgeBaseException(new Problem(dir.toString(), 0,
                            "holds more than " + (MAX_BYTES >> 20) + " MB of files; --rules must name the rules directory"));
                }
                files.put(rel.toString().replace('\\', '/'), bytes);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new KnowledgeBaseException(new Problem(dir.toString(), 0, "cannot be read: " + e.getMessage()));
        }
        return new ShippedRules(files, fingerprint);
    }

    private static boolean isHidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    String fingerprint() {
        return fingerprint;
    }

    /**
     * The knowledge base of these rules in this JVM: written to a private directory and compiled on first use,
     * shared by every task after that.
     *
     * @throws IllegalStateException when they compile here to another fingerprint than on the driver
     */
    KnowledgeBase knowledgeBase() {
        return COMPILED.computeIfAbsent(fingerprint, f -> compile());
    }

    /** Compiles the rules in a directory of their own, every time (the cache above calls it once per JVM). */
    KnowledgeBase compile() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("adcc-rules-");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalStateException("a shipped rule file lies outside the rules directory: " + e.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
            return SharedKnowledge.get(dir, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shipped rules: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The compiled knowledge base holds all it needs; its files are not kept. */
    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    /** A copy with one file's bytes replaced: rules that are not the ones fingerprinted (for tests). */
    ShippedRules tampered(String file, byte[] bytes) {
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(file, bytes);
        return new ShippedRules(copy, fingerprint);
    }
}
