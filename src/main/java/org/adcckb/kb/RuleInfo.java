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
 */
public record RuleInfo(String name, String file, int line, List<String> sources, String evidence,
                       String inferred, String rationale) {

    public boolean isInferred() {
        return inferred != null;
    }
}
