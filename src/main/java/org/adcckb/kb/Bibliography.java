package org.adcckb.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The works the knowledge base cites, read from {@code sources.csl.json} in the rules directory, and the
 * lookup from a citation as rules write it ({@code doi:10.xxxx/...}, {@code PMID:nnn}) to its entry: a DOI
 * matches whatever its case, a PMID by its digits. A rules directory without the file has an empty
 * bibliography: it loads, and lint reports every citation as unresolved.
 */
public final class Bibliography {

    public static final String FILE = "sources.csl.json";

    /** No entries, and no file. */
    public static final Bibliography NONE = new Bibliography(List.of(), false);

    private final List<Reference> entries;
    private final boolean present;
    private final Map<String, Reference> byDoi = new HashMap<>();
    private final Map<String, Reference> byPmid = new HashMap<>();

    Bibliography(List<Reference> entries, boolean present) {
        this.entries = List.copyOf(entries);
        this.present = present;
        for (Reference r : this.entries) {
            if (r.doi() != null) {
                byDoi.putIfAbsent(r.doi().toLowerCase(Locale.ROOT), r);
            }
            if (r.pmid() != null) {
                byPmid.putIfAbsent(r.pmid(), r);
            }
        }
    }

    /**
     * The bibliography of a rules directory: {@link #NONE} when it has no {@value #FILE}.
     *
     * @throws KnowledgeBaseException when the file is not valid CSL-JSON, naming the file, the JSON path, the
     *                                value and what is allowed
     */
    public static Bibliography of(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        return new Bibliography(CslReader.read(file, KnowledgeBaseLoader.shown(dir, file)), true);
    }

    /** The bibliography of the rules directory {@code files} read: {@link #NONE} when it had no {@value #FILE}. */
    static Bibliography of(RulesFiles files) {
        Path file = files.dir().resolve(FILE);
        if (!files.has(file)) {
            return NONE;
        }
        String shown = KnowledgeBaseLoader.shown(files.dir(), file);
        byte[] bytes;
        try {
            bytes = files.bytes(file);
        } catch (java.io.IOException e) {
            throw new KnowledgeBaseException(new Problem(shown, 0, "cannot be read: " + e.getMessage()));
        }
        return new Bibliography(CslReader.read(bytes, shown), true);
    }

    /** The entry a citation ({@code doi:...} or {@code PMID:...}) names, if the file has one. */
    public Optional<Reference> resolve(String citation) {
        String c = citation.trim();
        if (c.regionMatches(true, 0, "doi:", 0, 4)) {
            return Optional.ofNullable(byDoi.get(c.substring(4).toLowerCase(Locale.ROOT)));
        }
        if (c.regionMatches(true, 0, "PMID:", 0, 5)) {
            return Optional.ofNullable(byPmid.get(c.substring(5).trim()));
        }
        return Optional.empty();
    }

    /** The entries in the order of the file. */
    public List<Reference> entries() {
        return entries;
    }

    /** Whether the rules directory has a {@value #FILE}. */
    public boolean present() {
        return present;
    }
}
