package org.adcckb.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A compiled rule set with its vocabulary and the evidence of every rule. Compiled once per process;
 * sessions made from it are independent, so one knowledge base serves any number of evaluations and
 * threads.
 */
public final class KnowledgeBase {

    private final KieBase kieBase;
    private final Vocabulary vocabulary;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byName;
    private final String directory;
    private final String fingerprint;

    private final Map<String, String> texts;
    private volatile RuleShapes shapes;

    KnowledgeBase(KieBase kieBase, Vocabulary vocabulary, List<RuleInfo> rules, String directory, String fingerprint,
                  Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
        this.kieBase = kieBase;
        this.vocabulary = vocabulary;
        this.rules = List.copyOf(rules);
        this.byName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.directory = directory;
        this.fingerprint = fingerprint;
    }

    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The rules, ordered by file and line. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The rules directory as it was given. */
    public String directory() {
        return directory;
    }

    /** The rule files, relative to the rules directory, with their text. */
    public Map<String, String> ruleTexts() {
        return new java.util.TreeMap<>(texts);
    }

    /** What each rule needs and concludes, parsed on first use (explain does not need it). */
    public RuleShapes shapes() {
        RuleShapes s = shapes;
        if (s == null) {
            synchronized (this) {
                if (shapes == null) {
                    shapes = RuleShapes.parse(new java.util.TreeMap<>(texts), org.adcckb.facts.FactTypes.NAMES);
                }
                s = shapes;
            }
        }
        return s;
    }

    /** SHA-256 of the rule files' names and contents: same fingerprint, same knowledge. */
    public String fingerprint() {
        return fingerprint;
    }
}
