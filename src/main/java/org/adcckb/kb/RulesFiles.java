package org.adcckb.kb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a rules directory as they were when read, once: the rule files (.drl and .csv), the vocabulary
 * and the bibliography. A knowledge base loaded from them ({@link KnowledgeBaseLoader#load(RulesFiles, CompiledCache)})
 * is the one their {@link #fingerprint} names, however the directory changes after they were read: a batch
 * that finds its results kept under that fingerprint and loads the rules only when a line needs them answers
 * every line from one rule set.
 */
public final class RulesFiles {

    private final Path dir;
    private final List<Path> ruleFiles;
    /** Each file read: its bytes, or the IOException that reading it gave (a load reports it, in its place). */
    private final Map<Path, Object> read;
    private volatile Optional<String> fingerprint;

    private RulesFiles(Path dir, List<Path> ruleFiles, Map<Path, Object> read) {
        this.dir = dir;
        this.ruleFiles = ruleFiles;
        this.read = read;
    }

    /**
     * Reads the rule files, the vocabulary and the bibliography of {@code dir}.
     *
     * @throws KnowledgeBaseException as a load does, when {@code dir} is not a directory of rules: it is not a
     *                                directory, cannot be listed, holds no rule files or no vocabulary
     */
    public static RulesFiles read(Path dir) {
        String shown = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeBaseException(new Problem(shown, 0,
                    "not a directory; --rules must name the directory that holds the .drl files"));
        }
        List<Path> ruleFiles = KnowledgeBaseLoader.listRuleFiles(dir);
        if (ruleFiles.isEmpty()) {
            throw new KnowledgeBaseException(new Problem(shown, 0, "holds no rule files (.drl, or .csv decision tables)"));
        }
        Path vocabulary = dir.resolve(Vocabulary.FILE);
        if (!Files.isRegularFile(vocabulary)) {
            throw new KnowledgeBaseException(new Problem(KnowledgeBaseLoader.shown(dir, vocabulary), 0,
                    "missing: the rules directory must declare its cell types and agents in " + Vocabulary.FILE));
        }
        Map<Path, Object> read = new HashMap<>();
        for (Path f : ruleFiles) {
            read.put(f, bytesOf(f));
        }
        read.put(vocabulary, bytesOf(vocabulary));
        Path bibliography = dir.resolve(Bibliography.FILE);
        if (Files.isRegularFile(bibliography)) {
            read.put(bibliography, bytesOf(bibliography));
        }
        return new RulesFiles(dir, ruleFiles, read);
    }

    private static Object bytesOf(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return e;
        } catch (java.io.UncheckedIOException e) {
            return e.getCause();
        }
    }

    public Path dir() {
        return dir;
    }

    List<Path> ruleFiles() {
        return ruleFiles;
    }

    /** Whether the directory had {@code file} when it was read (the bibliography is optional). */
    boolean has(Path file) {
        return read.containsKey(file);
    }

    /** The bytes {@code file} had, or the failure reading it gave. */
    byte[] bytes(Path file) throws IOException {
        Object o = read.get(file);
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof IOException e) {
            throw e;
        }
        throw new java.nio.file.NoSuchFileException(file.toString());
    }

    /** The text of {@code file} in UTF-8; malformed UTF-8 is a failure, as {@link Files#readString} makes it. */
    String text(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(file))).toString();
    }

    /**
     * The fingerprint a knowledge base loaded from these files has, or empty when they cannot be loaded as
     * they are (a file that could not be read, or is not UTF-8; the load says which).
     */
    public Optional<String> fingerprint() {
        Optional<String> f = fingerprint;
        if (f == null) {
            try {
                Map<String, String> raw = new java.util.LinkedHashMap<>();
                for (Path p : ruleFiles) {
                    raw.put(KnowledgeBaseLoader.shown(dir, p), text(p));
                }
                f = Optional.of(KnowledgeBaseLoader.fingerprint(this, raw));
            } catch (IOException | RuntimeException e) {
                f = Optional.empty();
            }
            fingerprint = f;
        }
        return f;
    }
}
