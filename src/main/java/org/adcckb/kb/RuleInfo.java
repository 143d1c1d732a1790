package org.adcckb.kb;

import java.util.List;

/**
 * A loaded rule and the evidence it stands on, read from its DRL metadata.
 *
 * @param name      the rule's name, unique in the knowledge base
 * @param file      the DRL file, relative to the rules directory ({@code adcc.drl})
 * @param line      the line of its {@code rule} keyword
 * @param sources   DOIs ({@code doi:10....}) or PMIDs ({@code PMID:...}) from {@code @source}
 * @param evidence  the grade from {@code @evidence} (see {@link Evidence})
 * @param inferred  from {@code @inferred}: what the rule adds beyond its sources, or null when nothing
 * @param rationale from {@code @rationale}: one sentence
 * @param unknown   from {@code @unknown}: what the knowledge does not settle where this rule applies, or null
 * @param settledBy from {@code @settledBy}: what evidence would settle it, or null
 */
public record RuleInfo(String name, String file, int line, List<String> sources, String evidence,
                       String inferred, String rationale, String unknown, String settledBy) {

    public RuleInfo(String name, String file, int line, List<String> sources, String evidence, String inferred, String rationale) {
        this(name, file, line, sources, evidence, inferred, rationale, null, null);
    }

    public boolean isInferred() {
        return inferred != null;
    }
}
