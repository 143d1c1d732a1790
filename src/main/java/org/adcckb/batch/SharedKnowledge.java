package org.adcckb.batch;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;

/**
 * One compiled knowledge base per JVM and rules directory, for executors of a distributed run
 * (docs/SCALING.md): compiled on first use, shared by every task thread after that, and refused when its
 * fingerprint is not the one the run was pinned to, so no cohort is evaluated against mixed rules.
 */
public final class SharedKnowledge {

    private static final Map<Path, KnowledgeBase> LOADED = new ConcurrentHashMap<>();

    private SharedKnowledge() {
    }

    /**
     * @param fingerprint the {@code rulesFingerprint} the run expects, or null to accept what the directory holds
     * @throws MixedRules when the rules found are not the ones expected
     */
    public static KnowledgeBase get(Path rules, String fingerprint) {
        KnowledgeBase kb = LOADED.computeIfAbsent(rules.toAbsolutePath().normalize(), KnowledgeBaseLoader::load);
        if (fingerprint != null && !fingerprint.equals(kb.fingerprint())) {
            throw new MixedRules("the rules in " + rules + " have fingerprint " + kb.fingerprint()
                    + ", not the " + fingerprint + " this run was pinned to");
        }
        return kb;
    }

    /** Rules that compile to another fingerprint than the one a run was pinned to. */
    public static final class MixedRules extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public MixedRules(String message) {
            super(message);
        }
    }
}
