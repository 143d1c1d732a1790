package org.adcckb.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adcckb.engine.DrlCompiler;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles the {@code .drl} files of a rules directory with the DRL compiler at run time, so an edited
 * rule takes effect on the next run without a rebuild, and checks that every rule says what evidence
 * it stands on. Every problem is collected before failing, so an author sees them all at once.
 */
public final class KnowledgeBaseLoader {

    public static final List<String> REQUIRED_METADATA = List.of("source", "evidence", "rationale");
    /** Every metadata key a rule may carry: a misspelt one would otherwise be dropped without a word. */
    public static final List<String> KNOWN_METADATA = List.of("source", "evidence", "rationale", "inferred", "unknown", "settledBy");

    private static final Pattern RULE_HEADER =
            Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|(\\S+))");

    private KnowledgeBaseLoader() {
    }

    /**
     * Loads the knowledge base in {@code dir}.
     *
     * @throws KnowledgeBaseException with every problem found, each with its file and line
     */
    public static KnowledgeBase load(Path dir) {
        return load(dir, CompiledCache.configured());
    }

    /**
     * Loads the knowledge base in {@code dir}, taking its compiled packages from {@code cache} when the cache
     * holds the compilation of these very rules, and keeping them there otherwise (only once every check passed).
     *
     * @throws KnowledgeBaseException with every problem found, each with its file and line
     */
    public static KnowledgeBase load(Path dir, CompiledCache cache) {
        return load(RulesFiles.read(dir), cache);
    }

    /**
     * Loads the knowledge base the rules directory held when {@code files} read it, whatever it holds now; the
     * compiled packages as in {@link #load(Path, CompiledCache)}.
     *
     * @throws KnowledgeBaseException with every problem found, each with its file and line
     */
    public static KnowledgeBase load(RulesFiles files, CompiledCache cache) {
        Path dir = files.dir();
        String shown = dir.toString();
        List<Path> drlFiles = files.ruleFiles();
        Path vocabFile = dir.resolve(Vocabulary.FILE);
        byte[] vocabBytes;
        try {
            vocabBytes = files.bytes(vocabFile);
        } catch (IOException e) {
            throw new KnowledgeBaseException(new Problem(shown(dir, vocabFile), 0, "cannot be read: " + e.getMessage()));
        }
        Vocabulary vocabulary = Vocabulary.read(vocabBytes, shown(dir, vocabFile));
        Bibliography bibliography = Bibliography.of(files);
        Sources sources = readSources(dir, drlFiles, files::text);
        if (!sources.problems().isEmpty()) {
            throw new KnowledgeBaseException(sources.problems());
        }
        Map<String, String> raw = sources.raw();
        Map<String, String> texts = sources.texts();
        Map<String, int[]> lineMaps = sources.lineMaps();

        String fingerprint;
        try {
            fingerprint = fingerprint(files, raw);
        } catch (IOException e) {
            throw new IllegalStateException("read before, and now not: " + e.getMessage(), e); // the vocabulary was read above
        }
        Collection<KiePackage> cached = cache.read(fingerprint).orElse(null);
        Collection<KiePackage> packages = cached != null ? cached : compile(texts, lineMaps, shown);

        KieBase kieBase = DrlCompiler.ruleBase(packages);

        List<Problem> problems = new ArrayList<>();
        Map<String, RuleLocation> locations = locate(texts, lineMaps, problems);
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleLocation at = locations.getOrDefault(rule.getName(), new RuleLocation(shown, 0));
                rules.add(ruleInfo(rule.getName(), rule.getMetaData(), at, relative(dir, at.file()), problems)
                        .withReferences(bibliography));
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(dedupe(problems));
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        Map<String, int[]> relativeMaps = new java.util.TreeMap<>();
        lineMaps.forEach((f, m) -> relativeMaps.put(relative(dir, f), m));
        if (cached == null) {
            cache.write(fingerprint, packages);
        }
        return new KnowledgeBase(kieBase, vocabulary, bibliography, rules, shown, fingerprint, relativeTexts(dir, texts),
                relativeMaps, cached != null);
    }

    /** Compiles the DRL texts with the DRL compiler, in one batch. */
    private static Collection<KiePackage> compile(Map<String, String> texts, Map<String, int[]> lineMaps, String shown) {
        DrlCompiler.Compiled compiled = DrlCompiler.compile(texts);
        if (!compiled.ok()) {
            List<Problem> problems = new ArrayList<>();
            for (DrlCompiler.Error error : compiled.errors()) {
                String file = error.file() == null ? shown : error.file();
                int line = Math.max(0, error.line());
                problems.add(new Problem(file, sourceLine(lineMaps, file, line),
                        CompileErrors.message(file, texts.get(file), line, error.message())));
            }
            throw new KnowledgeBaseException(dedupe(CompileErrors.withoutFollowOns(problems)));
        }
        return compiled.packages();
    }

    public record RuleLocation(String file, int line) {
    }

    /**
     * The rule files of a directory: {@code raw} as written (fingerprinted), {@code texts} the DRL compiled
     * from them (the same for .drl files, generated for decision tables), {@code lineMaps} from a DRL line
     * to the line of the file as written, and the problems of tables that do not convert.
     */
    public record Sources(Map<String, String> raw, Map<String, String> texts, Map<String, int[]> lineMaps, List<Problem> problems) {
    }

    public static Sources readSources(Path dir, List<Path> files) {
        return readSources(dir, files, f -> Files.readString(f, StandardCharsets.UTF_8));
    }

    /** A file's text, or why it cannot be read. */
    interface TextReader {
        String read(Path file) throws IOException;
    }

    static Sources readSources(Path dir, List<Path> files, TextReader reader) {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        Map<String, int[]> lineMaps = new java.util.LinkedHashMap<>();
        List<Problem> tableProblems = new ArrayList<>();
        for (Path f : files) {
            String name = shown(dir, f);
            String text;
            try {
                text = reader.read(f);
            } catch (IOException | java.io.UncheckedIOException e) {
                tableProblems.add(new Problem(name, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            raw.put(name, text);
            if (isTable(f)) {
                List<Problem> overfull = new ArrayList<>(DecisionTables.strayQuotes(name, text));
                if (overfull.isEmpty()) {
                    overfull.addAll(DecisionTables.overfullRows(name, text));
                }
                if (!overfull.isEmpty()) {
                    tableProblems.addAll(overfull);
                    continue;
                }
                try {
                    String drl = DecisionTables.toDrl(text);
                    texts.put(name, drl);
                    lineMaps.put(name, DecisionTables.rowsOf(drl));
                } catch (RuntimeException e) {
                    tableProblems.add(new Problem(name, 0, "not a valid decision table: " + compilerMessage(e.getMessage())));
                }
            } else {
                texts.put(name, text);
            }
        }
        return new Sources(raw, texts, lineMaps, tableProblems);
    }

    private static boolean isTable(Path f) {
        return f.getFileName().toString().endsWith(".csv");
    }

    /** The line of the file as written: a decision table's row for DRL generated from it. */
    public static int sourceLine(Map<String, int[]> lineMaps, String file, int drlLine) {
        int[] map = lineMaps.get(file);
        if (map == null || drlLine <= 0) {
            return drlLine;
        }
        return drlLine < map.length ? map[drlLine] : 0;
    }

    public static List<Path> listRuleFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> (p.getFileName().toString().endsWith(".drl") || isTable(p)) && Files.isRegularFile(p))
                    .sorted(java.util.Comparator.comparing(p -> dir.relativize(p).toString()))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new KnowledgeBaseException(new Problem(dir.toString(), 0, "cannot be listed: " + e.getMessage()));
        }
    }

    public static String shown(Path dir, Path file) {
        return dir.resolve(dir.relativize(file)).toString();
    }

    /** Finds each rule's file and line, and refuses a rule name used twice (Drools allows it across packages). */
    static Map<String, RuleLocation> locate(Map<String, String> texts, Map<String, int[]> lineMaps,
                                                    List<Problem> problems) {
        Map<String, RuleLocation> at = new HashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String[] lines = withoutBlockComments(e.getValue()).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE_HEADER.matcher(lines[i]);
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    RuleLocation here = new RuleLocation(e.getKey(), sourceLine(lineMaps, e.getKey(), i + 1));
                    RuleLocation before = at.putIfAbsent(name, here);
                    if (before != null) {
                        problems.add(new Problem(here.file(), here.line(), "duplicate rule name \"" + name
                                + "\": already used at " + before.file() + ":" + before.line()));
                    }
                }
            }
        }
        return at;
    }

    private static Map<String, String> relativeTexts(Path dir, Map<String, String> texts) {
        Map<String, String> out = new java.util.TreeMap<>();
        texts.forEach((shownFile, text) -> out.put(relative(dir, shownFile), text));
        return out;
    }

    /** Blanks out block comments, keeping line breaks, so a commented-out rule is not taken for a rule. */
    static String withoutBlockComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inComment && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                inComment = true;
                i++;
                out.append("  ");
            } else if (inComment && c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                inComment = false;
                i++;
                out.append("  ");
            } else {
                out.append(inComment && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Rules are reported relative to their directory, so the answer does not depend on where the checkout is. */
    static String relative(Path dir, String shownFile) {
        Path f = Path.of(shownFile);
        return f.startsWith(dir) ? dir.relativize(f).toString().replace('\\', '/') : shownFile;
    }

    /** Checks a rule's evidence metadata (also used by lint on rules that do not compile). */
    public static RuleInfo ruleInfo(String name, Map<String, Object> meta, RuleLocation at, String file, List<Problem> problems) {
        String where = "rule \"" + name + "\"";
        for (String key : new java.util.TreeSet<>(meta.keySet())) {
            if (!KNOWN_METADATA.contains(key)) {
                problems.add(new Problem(at.file(), at.line(), where + " has unknown metadata @" + key
                        + org.adcckb.input.Suggest.closest(key, KNOWN_METADATA).map(k -> " (did you mean @" + k + "?)").orElse("")
                        + "; allowed: @" + String.join(", @", KNOWN_METADATA)));
            }
        }
        for (String key : REQUIRED_METADATA) {
            Object v = meta.get(key);
            if (v == null || v.toString().isBlank()) {
                problems.add(new Problem(at.file(), at.line(), where + " has no @" + key + "(...): every rule cites "
                        + "its source (doi:... or PMID:...), grades its evidence (" + String.join(", ", Evidence.GRADES.keySet())
                        + ") and gives a one-sentence rationale"));
            }
        }
        List<String> sources = new ArrayList<>();
        Object src = meta.get("source");
        if (src != null) {
            for (String s : src.toString().split(";")) {
                String t = s.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (!Evidence.isSource(t)) {
                    problems.add(new Problem(at.file(), at.line(), where + ": @source '" + t
                            + "' is not a well-formed reference; expected doi:10.xxxx/... or PMID:nnn, several separated by ';'"));
                }
                sources.add(t);
            }
        }
        String evidence = text(meta.get("evidence"));
        if (evidence != null && !Evidence.isGrade(evidence)) {
            problems.add(new Problem(at.file(), at.line(), where + ": @evidence '" + evidence
                    + "' is not a grade; allowed: " + String.join(", ", Evidence.GRADES.keySet())));
        }
        String unknown = text(meta.get("unknown"));
        String settledBy = text(meta.get("settledBy"));
        if ((unknown == null) != (settledBy == null)) {
            problems.add(new Problem(at.file(), at.line(), where + (unknown != null
                    ? " says what is @unknown but not what would settle it: add @settledBy(\"the evidence that would\")"
                    : " has @settledBy but no @unknown: say what the knowledge does not settle")));
        }
        return new RuleInfo(name, file, at.line(), List.copyOf(sources), evidence,
                text(meta.get("inferred")), text(meta.get("rationale")), text(meta.get("unknown")), text(meta.get("settledBy")));
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().trim();
    }

    /** A compiler message with no file or line to place it in, said plainly where it is recognised. */
    public static String compilerMessage(String raw) {
        return CompileErrors.message(null, null, 0, raw);
    }

    /** One error per place; the parser's "null Package" follows every syntax error and says nothing more. */
    private static List<Problem> dedupe(List<Problem> problems) {
        List<Problem> useful = problems.stream().filter(p -> !p.message().contains("Parser returned a null Package")).toList();
        return (useful.isEmpty() ? problems : useful).stream().distinct().sorted().toList();
    }

    /**
     * Hashes names relative to {@code dir}, so the same rules give the same fingerprint wherever they are; the
     * bibliography counts when there is one, since the answers cite its entries.
     */
    static String fingerprint(RulesFiles files, Map<String, String> texts) throws IOException {
        Path dir = files.dir();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : texts.entrySet()) {
                String name = dir.relativize(Path.of(e.getKey())).toString().replace('\\', '/');
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update(files.bytes(dir.resolve(Vocabulary.FILE)));
            Path bibliography = dir.resolve(Bibliography.FILE);
            if (files.has(bibliography)) {
                sha.update((byte) 0);
                sha.update(Bibliography.FILE.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(files.bytes(bibliography));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
