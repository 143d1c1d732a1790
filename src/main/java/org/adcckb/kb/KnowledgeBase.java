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
    private final Bibliography bibliography;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byName;
    private final String directory;
    private final String fingerprint;

    private final Map<String, String> texts;
    private volatile RuleShapes shapes;

    private final Map<String, int[]> lineMaps;

    private final boolean cached;

    KnowledgeBase(KieBase kieBase, Vocabulary vocabulary, Bibliography bibliography, List<RuleInfo> rules, String directory,
                  String fingerprint, Map<String, String> texts, Map<String, int[]> lineMaps, boolean cached) {
        this.cached = cached;
        this.bibliography = bibliography;
        this.texts = Map.copyOf(texts);
        this.lineMaps = Map.copyOf(lineMaps);
        this.kieBase = kieBase;
        this.vocabulary = vocabulary;
        this.rules = List.copyOf(rules);
        this.byName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.directory = directory;
        this.fingerprint = fingerprint;
    }

    /** The compiled rules, for the engine's own use (sessions come from {@link #newSession()} and {@link #pooledSession()}). */
    public KieBase kieBase() {
        return kieBase;
    }

    /** A fresh session of its own: for runs that attach event listeners. */
    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    /**
     * A session from the knowledge base's pool: {@code dispose()} resets it and hands it back, so a cohort
     * of a million scenarios does not build a million sets of node memories. No listeners on these.
     */
    public KieSession pooledSession() {
        org.kie.api.runtime.KieSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
                }
                p = pool;
            }
        }
        return p.newKieSession();
    }

    private volatile org.kie.api.runtime.KieSessionsPool pool;

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The works the rules cite, from {@code sources.csl.json}. */
    public Bibliography bibliography() {
        return bibliography;
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

    /** The line of a rule file as written for a line of the DRL compiled from it (a decision table's row). */
    public int sourceLine(String file, int drlLine) {
        return KnowledgeBaseLoader.sourceLine(lineMaps, file, drlLine);
    }

    /** The rule files, relative to the rules directory, with the DRL compiled from them (generated for decision tables). */
    public Map<String, String> ruleTexts() {
        return new java.util.TreeMap<>(texts);
    }

    /** What each rule needs and concludes, parsed on first use (explain does not need it). */
    public RuleShapes shapes() {
        RuleShapes s = shapes;
        if (s == null) {
            synchronized (this) {
                if (shapes == null) {
                    shapes = RuleShapes.parse(new java.util.TreeMap<>(texts), org.adcckb.facts.FactTypes.NAMES, this::sourceLine);
                }
                s = shapes;
            }
        }
        return s;
    }

    /** Whether the compiled rules came from the compiled knowledge-base cache rather than the DRL compiler. */
    public boolean cached() {
        return cached;
    }

    /** SHA-256 of the rule files' names and contents: same fingerprint, same knowledge. */
    public String fingerprint() {
        return fingerprint;
    }
}
