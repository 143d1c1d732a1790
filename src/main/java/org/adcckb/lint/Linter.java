package org.adcckb.lint;

import org.adcckb.engine.DrlSyntax;
import org.adcckb.kb.Bibliography;
import org.adcckb.kb.CompileErrors;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Problem;
import org.adcckb.kb.RuleInfo;
import org.adcckb.kb.RuleShapes;
import org.adcckb.kb.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.facts.Cell;
import org.adcckb.facts.FactTypes;
import org.adcckb.facts.Levels;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.RuleLoopException;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/**
 * Checks a rules directory the way a careful reviewer would, and says what it finds in the author's
 * terms, with file and line: what does not compile, rules without their evidence, names the vocabulary
 * does not declare ({@code agent == "atr"}), rules that change working memory instead of concluding with
 * {@code insertLogical}, conclusions nothing reads, and outcome levels that no rule reaches.
 */
public final class Linter {

    /**
     * One finding.
     *
     * @param severity {@code error} (the knowledge base is wrong) or {@code warning} (probably wrong)
     * @param rule     the rule it is about, or null
     * @param check    a short name of the check
     */
    public record Finding(String severity, String file, int line, String rule, String check, String message)
            implements Comparable<Finding> {

        public boolean error() {
            return "error".equals(severity);
        }

        @Override
        public int compareTo(Finding o) {
            int c = file.compareTo(o.file);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(line, o.line);
            return c != 0 ? c : (check + message).compareTo(o.check + o.message);
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + severity + ": " + (rule == null ? "" : "rule \"" + rule + "\": ")
                    + message;
        }
    }

    /** All findings, sorted, with what was looked at. */
    public record Report(List<Finding> findings, int rules, int sampled) {
        public long errors() {
            return findings.stream().filter(Finding::error).count();
        }

        public long warnings() {
            return findings.size() - errors();
        }
    }

    private static final Pattern RULE_PREFIX = Pattern.compile("^rule \"((?:[^\"\\\\]|\\\\.)*)\"(?::\\s*|\\s+)");

    private final Path dir;
    private final List<Finding> findings = new ArrayList<>();
    private Vocabulary vocabulary;

    private Linter(Path dir) {
        this.dir = dir;
    }

    /** Lints {@code dir}; {@code samples} random scenarios probe which outcome levels the rules reach (0 to skip). */
    public static Report lint(Path dir, int samples) {
        return lint(dir, samples, Reasoner.DEFAULT_MAX_FIRINGS);
    }

    /** As {@link #lint(Path, int)}, stopping a sampled scenario whose rules fire more than {@code maxFirings} times. */
    public static Report lint(Path dir, int samples, int maxFirings) {
        return lint(dir, samples, org.adcckb.reasoning.RunLimits.DEFAULT.withMaxFirings(maxFirings));
    }

    /** As {@link #lint(Path, int)}, each sampled scenario held to {@code run} (firings and time). */
    public static Report lint(Path dir, int samples, org.adcckb.reasoning.RunLimits run) {
        Linter l = new Linter(dir);
        l.run = run;
        return l.run(samples);
    }

    private org.adcckb.reasoning.RunLimits run = org.adcckb.reasoning.RunLimits.DEFAULT;

    private Report run(int samples) {
        String shown = dir.toString();
        if (!Files.isDirectory(dir)) {
            error(shown, 0, null, "load", "not a directory");
            return report(0, 0);
        }
        Path vocabFile = dir.resolve(Vocabulary.FILE);
        if (!Files.isRegularFile(vocabFile)) {
            error(KnowledgeBaseLoader.shown(dir, vocabFile), 0, null, "vocabulary", "missing: the rules directory must declare its cell types and agents here");
        } else {
            try {
                vocabulary = Vocabulary.read(vocabFile, KnowledgeBaseLoader.shown(dir, vocabFile));
            } catch (KnowledgeBaseException e) {
                e.problems().forEach(p -> error(p.file(), p.line(), null, "vocabulary", p.message()));
            }
        }
        Bibliography bibliography = null;
        try {
            bibliography = Bibliography.of(dir);
        } catch (KnowledgeBaseException e) {
            e.problems().forEach(p -> error(p.file(), p.line(), null, "sources", p.message()));
        }
        List<Path> files = KnowledgeBaseLoader.listRuleFiles(dir);
        if (files.isEmpty()) {
            error(shown, 0, null, "load", "holds no rule files (.drl, or .csv decision tables)");
            return report(0, 0);
        }
        KnowledgeBaseLoader.Sources sources = KnowledgeBaseLoader.readSources(dir, files);
        sources.problems().forEach(p -> error(p.file(), p.line(), null, "table", p.message()));
        sources.raw().forEach((file, text) -> {
            if (file.endsWith(".csv")) {
                TableConditions.check(file, text, findings::add);
            }
        });

        // What the rule text says, even where it does not compile.
        Map<String, KnowledgeBaseLoader.RuleLocation> seen = new HashMap<>();
        List<Problem> metadata = new ArrayList<>();
        boolean parsed = true;
        int ruleCount = 0;
        RuleReferences references = new RuleReferences(vocabulary, findings::add);
        Citations citations = bibliography == null ? null : new Citations(bibliography, findings::add);
        for (Map.Entry<String, String> e : sources.texts().entrySet()) {
            String file = e.getKey();
            DrlSyntax.Parsed pkg = DrlSyntax.parse(e.getValue());
            if (!pkg.ok()) {
                for (DrlSyntax.SyntaxError err : pkg.errors()) {
                    ruleError(file, KnowledgeBaseLoader.sourceLine(sources.lineMaps(), file, err.line()), "syntax",
                            CompileErrors.message(file, e.getValue(), err.line(), err.message()));
                }
                parsed = false;
                continue;
            }
            for (DrlSyntax.ParsedRule r : pkg.rules()) {
                ruleCount++;
                int line = KnowledgeBaseLoader.sourceLine(sources.lineMaps(), file, r.line());
                KnowledgeBaseLoader.RuleLocation at = new KnowledgeBaseLoader.RuleLocation(file, line);
                KnowledgeBaseLoader.RuleLocation before = seen.putIfAbsent(r.name(), at);
                if (before != null) {
                    error(file, line, r.name(), "duplicate", "duplicate rule name, already used at " + before.file() + ":" + before.line());
                }
                Map<String, Object> meta = metadataOf(r);
                KnowledgeBaseLoader.ruleInfo(r.name(), meta, at, file, metadata);
                if (citations != null) {
                    citations.checkRule(file, line, r.name(), meta.get("source"));
                }
                references.checkConditions(file, sources, r);
                references.checkConsequence(file, line, r);
            }
        }
        for (Problem p : metadata) {
            // The loader's message starts with the rule; lint reports the rule in its own field.
            ruleError(p.file(), p.line(), "evidence", p.message());
        }

        if (citations != null && vocabulary != null) {
            citations.checkVocabulary(vocabFile, KnowledgeBaseLoader.shown(dir, vocabFile));
        }

        // What only the compiler and the engine can say.
        KnowledgeBase kb = null;
        if (parsed && vocabulary != null && bibliography != null && sources.problems().isEmpty()) {
            try {
                kb = KnowledgeBaseLoader.load(dir);
            } catch (KnowledgeBaseException e) {
                for (Problem p : e.problems()) {
                    boolean known = findings.stream().anyMatch(f -> f.file().equals(p.file()) && f.line() == p.line()
                            && p.message().contains(f.message()));
                    if (!known && metadata.stream().noneMatch(m -> m.equals(p))) {
                        ruleError(p.file(), p.line(), "compile", p.message());
                    }
                }
            }
        }
        int sampled = 0;
        if (kb != null) {
            checkFlow(kb);
            if (samples > 0) {
                sampled = checkReach(kb, samples);
            }
        }
        return report(ruleCount, sampled);
    }

    private Report report(int rules, int sampled) {
        List<Finding> sorted = new ArrayList<>(new LinkedHashSet<>(findings));
        sorted.sort(null);
        return new Report(List.copyOf(sorted), rules, sampled);
    }

    private void error(String file, int line, String rule, String check, String message) {
        findings.add(new Finding("error", file, line, rule, check, message));
    }

    /** An error whose message may start with its rule ({@code rule "name": ...}): lint reports the rule in its own field. */
    private void ruleError(String file, int line, String check, String message) {
        Matcher named = RULE_PREFIX.matcher(message);
        if (named.find()) {
            error(file, line, named.group(1), check, message.substring(named.end()));
        } else {
            error(file, line, null, check, message);
        }
    }

    private void warning(String file, int line, String rule, String check, String message) {
        findings.add(new Finding("warning", file, line, rule, check, message));
    }

    /** Annotation values as the DRL compiler with drools-mvel hands them to rules: without their quotes. */
    private static Map<String, Object> metadataOf(DrlSyntax.ParsedRule r) {
        Map<String, Object> meta = new TreeMap<>();
        for (DrlSyntax.Annotation a : r.annotations()) {
            String v = a.value();
            String text = v == null ? "" : v.strip();
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1);
            }
            meta.put(a.name(), text);
        }
        return meta;
    }

    // ---- what flows where ----------------------------------------------------------------------------

    /** A rule file as the other findings name it: the rules directory as given, then the file. */
    private String shown(String relativeFile) {
        return KnowledgeBaseLoader.shown(dir, dir.resolve(relativeFile));
    }

    private void checkFlow(KnowledgeBase kb) {
        RuleShapes shapes = kb.shapes();
        Set<String> inputs = FactTypes.INPUTS;
        Map<String, List<RuleShapes.Shape>> producers = new TreeMap<>();
        Set<String> consumed = new TreeSet<>();
        for (RuleShapes.Shape s : shapes.all()) {
            s.produces().forEach(t -> producers.computeIfAbsent(t, k -> new ArrayList<>()).add(s));
            s.conditions().forEach(c -> consumed.addAll(c.types()));
        }
        for (Map.Entry<String, List<RuleShapes.Shape>> e : producers.entrySet()) {
            if (!consumed.contains(e.getKey()) && !Reasoner.reported(kb.vocabulary()).contains(e.getKey()) && !inputs.contains(e.getKey())) {
                RuleShapes.Shape s = e.getValue().get(0);
                RuleInfo info = kb.rule(s.name()).orElse(null);
                warning(shown(s.file()), info == null ? 0 : info.line(), s.name(), "unused", e.getKey()
                        + " is concluded but no rule matches it and no answer reports it");
            }
        }
        for (RuleShapes.Shape s : shapes.all()) {
            for (RuleShapes.Condition c : s.conditions()) {
                for (String t : c.types()) {
                    if (!inputs.contains(t) && !producers.containsKey(t) && !c.negated()) {
                        RuleInfo info = kb.rule(s.name()).orElse(null);
                        warning(shown(s.file()), info == null ? c.line() : info.line(), s.name(), "never-matched",
                                "condition " + c.index() + " needs a " + t + " but no rule concludes one, so the rule never fires");
                    }
                }
            }
        }
    }

    /**
     * Evaluates random scenarios drawn from the vocabulary (fixed seed: the same answer every time) and
     * warns about outcome levels that none of them reaches.
     */
    private int checkReach(KnowledgeBase kb, int samples) {
        Reasoner reasoner = new Reasoner(kb, run);
        Map<String, Set<String>> reached = new LinkedHashMap<>();
        for (String f : kb.vocabulary().outcomeNames()) {
            reached.put(f, new TreeSet<>());
        }
        Random random = new Random(20211);
        List<Vocabulary.CellType> types = new ArrayList<>(kb.vocabulary().cellTypes().values());
        List<String> agents = new ArrayList<>(kb.vocabulary().agentNames());
        List<Vocabulary.Course> courses = kb.vocabulary().courses();
        Random courseRandom = new Random(20212);
        Random mixRandom = new Random(20213);
        int done = 0;
        for (int i = 0; i < samples; i++) {
            List<Cell> cells = new ArrayList<>();
            for (Vocabulary.CellType t : types) {
                int n = 1 + random.nextInt(2);
                for (int k = 0; k < n; k++) {
                    boolean ko = random.nextInt(10) == 0;
                    String cd38 = ko ? "none" : Levels.CD38.get(random.nextInt(Levels.CD38.size()));
                    String cd16 = t.cd16() ? Levels.CD16.get(random.nextInt(Levels.CD16.size())) : "none";
                    cells.add(new Cell(t.name() + k, t.name(), cd38, cd16, ko, null));
                }
            }
            List<Treatment> treatments = new ArrayList<>();
            for (String a : agents) {
                if (random.nextInt(100) < 45) {
                    int where = random.nextInt(cells.size() + 1);
                    treatments.add(new Treatment(a, where == cells.size() ? null : cells.get(where).id()));
                }
            }
            String setting = Scenario.SETTINGS.get(random.nextInt(Scenario.SETTINGS.size()));
            // Courses and CD38 subsets from streams of their own: the samples above stay what they were.
            Vocabulary.Course course = "in_vivo".equals(setting) ? courses.get(courseRandom.nextInt(courses.size())) : null;
            cells.replaceAll(c -> mixed(c, mixRandom, kb.vocabulary()));
            Scenario s = new Scenario("lint-sample-" + i, null, setting, course, cells, treatments, null, "lint sample " + i);
            try {
                Evaluation ev = reasoner.evaluateWithoutExplanation(s);
                ev.outcome().asMap().forEach((f, level) -> reached.get(f).add(level));
                done++;
            } catch (RuleLoopException e) {
                error(kb.directory(), 0, null, "loop", e.getMessage());
                return done;
            } catch (org.adcckb.reasoning.RuleTimeoutException e) {
                error(kb.directory(), 0, null, "timeout", e.getMessage());
                return done;
            } catch (org.adcckb.reasoning.RuleFailureException e) {
                error(kb.directory(), 0, null, "throws", e.getMessage());
                return done;
            }
        }
        for (Map.Entry<String, Set<String>> e : reached.entrySet()) {
            for (String level : Levels.GRADES) {
                if (!e.getValue().contains(level)) {
                    warning(kb.directory(), 0, null, "unreached", "no rule produced " + e.getKey() + "=" + level + " in "
                            + done + " random scenarios: check that some rule can conclude it");
                }
            }
        }
        return done;
    }

    /** One CD38-expressing population in six made of two subsets around its level, so that rules on subsets are sampled too. */
    private static Cell mixed(Cell c, Random random, Vocabulary vocabulary) {
        if (!c.cd38Expressed() || random.nextInt(6) != 0) {
            return c;
        }
        String other = Levels.CD38.get(random.nextInt(Levels.CD38.size()));
        if (other.equals(c.cd38())) {
            return c;
        }
        double fraction = (1 + random.nextInt(9)) / 10.0;
        List<org.adcckb.facts.Cd38Subset> subsets = List.of(new org.adcckb.facts.Cd38Subset(c.id(), c.cd38(), 1 - fraction),
                new org.adcckb.facts.Cd38Subset(c.id(), other, fraction));
        return new Cell(c.id(), c.type(), org.adcckb.facts.Cd38Subset.meanLevel(subsets, vocabulary.cd38Scale()), c.cd16(),
                false, c.line(), subsets);
    }
}
