package org.adcckb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;
import org.adcckb.kb.Bibliography;
import org.adcckb.kb.Evidence;

/**
 * Every citation of the knowledge base resolves to an entry of its bibliography ({@code sources.csl.json}): each
 * reference of a rule's {@code @source} (a table row's {@code source} cell among them) and of an agent's
 * {@code source} in the vocabulary, by DOI whatever its case, or by PMID. A reference that is not well formed is
 * the evidence check's to report, not this one's.
 */
final class Citations {

    static final String CHECK = "citation";

    private final Bibliography bibliography;
    private final Consumer<Linter.Finding> out;

    Citations(Bibliography bibliography, Consumer<Linter.Finding> out) {
        this.bibliography = bibliography;
        this.out = out;
    }

    /** The references of one rule's {@code @source} (null when it has none), reported at the rule's line. */
    void checkRule(String file, int line, String rule, Object source) {
        if (source == null) {
            return;
        }
        for (String ref : source.toString().split(";")) {
            String r = ref.trim();
            if (Evidence.isSource(r) && bibliography.resolve(r).isEmpty()) {
                out.accept(new Linter.Finding("error", file, line, rule, CHECK, "@source " + r + missing()));
            }
        }
    }

    /** The {@code source} of every agent in {@code vocabulary.json}, reported at its line. */
    void checkVocabulary(Path vocabFile, String shown) {
        byte[] bytes;
        JsonNode agents;
        try {
            bytes = Files.readAllBytes(vocabFile);
            agents = JsonInput.parse(bytes, shown).path("agents");
        } catch (IOException | InputException e) {
            return; // the vocabulary check has said why
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = agents.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> agent = it.next();
            JsonNode source = agent.getValue().path("source");
            if (!source.isTextual()) {
                continue;
            }
            String path = "$.agents." + agent.getKey() + ".source";
            for (String ref : source.textValue().split(";")) {
                String r = ref.trim();
                if (Evidence.isSource(r) && bibliography.resolve(r).isEmpty()) {
                    out.accept(new Linter.Finding("error", shown, JsonInput.lineOf(bytes, path), null, CHECK,
                            path + ": agent '" + agent.getKey() + "' cites " + r + ", which" + missing()));
                }
            }
        }
    }

    private String missing() {
        return " has no entry in " + Bibliography.FILE + (bibliography.present() ? "" : " (the rules directory has none)")
                + ": add the work there as a CSL-JSON item with this DOI or PMID (docs/LITERATURE.md, \"The bibliography\")";
    }
}
