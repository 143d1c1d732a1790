package org.adcckb.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded rule and the evidence it stands on, read from its DRL metadata.
 *
 * @param name       the rule's name, unique in the knowledge base
 * @param file       the DRL file, relative to the rules directory ({@code adcc.drl})
 * @param line       the line of its {@code rule} keyword
 * @param sources    DOIs ({@code doi:10....}) or PMIDs ({@code PMID:...}) from {@code @source}
 * @param evidence   the grade from {@code @evidence} (see {@link Evidence})
 * @param inferred   from {@code @inferred}: what the rule adds beyond its sources, or null when nothing
 * @param rationale  from {@code @rationale}: one sentence
 * @param unknown    from {@code @unknown}: what the knowledge does not settle where this rule applies, or null
 * @param settledBy  from {@code @settledBy}: what evidence would settle it, or null
 * @param references each source that has an entry in the bibliography ({@code sources.csl.json}), to that
 *                   entry, in the order of {@code sources}; a source without an entry has none (lint reports it)
 */
public record RuleInfo(String name, String file, int line, List<String> sources, String evidence,
                       String inferred, String rationale, String unknown, String settledBy, Map<String, Reference> references) {

    public RuleInfo {
        references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    /** A rule whose sources are not (yet) looked up in a bibliography. */
    public RuleInfo(String name, String file, int line, List<String> sources, String evidence, String inferred,
                    String rationale) {
        this(name, file, line, sources, evidence, inferred, rationale, null, null, Map.of());
    }

    /** A rule that says what it leaves unknown, its sources not (yet) looked up in a bibliography. */
    public RuleInfo(String name, String file, int line, List<String> sources, String evidence, String inferred,
                    String rationale, String unknown, String settledBy) {
        this(name, file, line, sources, evidence, inferred, rationale, unknown, settledBy, Map.of());
    }

    public boolean isInferred() {
        return inferred != null;
    }

    /** The bibliography's entry for one of the rule's sources. */
    public Optional<Reference> reference(String source) {
        return Optional.ofNullable(references.get(source));
    }

    /** This rule with its sources looked up in {@code bibliography}. */
    public RuleInfo withReferences(Bibliography bibliography) {
        Map<String, Reference> found = new LinkedHashMap<>();
        for (String s : sources) {
            bibliography.resolve(s).ifPresent(r -> found.put(s, r));
        }
        return new RuleInfo(name, file, line, sources, evidence, inferred, rationale, unknown, settledBy, found);
    }
}
