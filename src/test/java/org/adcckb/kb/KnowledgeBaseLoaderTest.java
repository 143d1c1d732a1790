package org.adcckb.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loading a rules directory: the shipped rules load and cite their evidence; a copy broken in one
 * place at a time is refused with the file, the line and what is wrong.
 */
class KnowledgeBaseLoaderTest {

    private static final Path SHIPPED = Path.of("rules");

    /** A rule of adcc.drl with a one-line condition, the target of most breakages. */
    private static final String RULE = "CD16-158F effectors mediate less ADCC than 158V";
    private static final String RULE_HEADER = "rule \"" + RULE + "\"";

    private static KnowledgeBase shipped;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadShipped() {
        shipped = KnowledgeBaseLoader.load(SHIPPED);
    }

    /** A copy of the shipped rules directory (vocabulary.json and every .drl) under {@code temp/name}. */
    private Path copyOfRules(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** Replaces the one occurrence of {@code from} in {@code file}; fails if the shipped text moved on. */
    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("text to break in %s", file).containsOnlyOnce(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** 1-based line of the first line of {@code file} containing {@code text}. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + text + "' not in " + file);
    }

    private static List<Problem> problemsLoading(Path dir) {
        Throwable t = catchThrowable(() -> KnowledgeBaseLoader.load(dir));
        assertThat(t).isInstanceOf(KnowledgeBaseException.class);
        KnowledgeBaseException e = (KnowledgeBaseException) t;
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems().stream().map(Problem::toString).toList()));
        return e.problems();
    }

    /**
     * Replaces {@link #RULE}'s {@code @key(...)} line with {@code replacement}, or removes it when
     * {@code replacement} is null. Works by line: several rules carry the same metadata text.
     */
    private static void setMetadata(Path drl, String key, String replacement) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(drl, StandardCharsets.UTF_8));
        int header = lineOf(drl, RULE_HEADER);
        for (int i = header; i < lines.size() && !lines.get(i).strip().equals("when"); i++) {
            if (lines.get(i).strip().startsWith("@" + key + "(")) {
                if (replacement == null) {
                    lines.remove(i);
                } else {
                    lines.set(i, "    " + replacement);
                }
                Files.write(drl, lines, StandardCharsets.UTF_8);
                return;
            }
        }
        throw new AssertionError("no @" + key + " on " + RULE);
    }

    // ---------------------------------------------------------------- the shipped rules

    @Test
    void shippedRulesLoadWithTheirVocabulary() {
        assertThat(shipped.rules()).isNotEmpty();
        assertThat(shipped.directory()).isEqualTo("rules");
        assertThat(shipped.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(shipped.vocabulary().agentNames()).containsExactly("atra", "cd38_nanobody", "dara_fab2", "daratumumab", "ifn_alpha", "ifn_gamma", "il6", "isatuximab", "lenalidomide", "panobinostat", "pomalidomide", "ruxolitinib");
        assertThat(shipped.newSession()).isNotNull();
    }

    @Test
    void everyShippedRuleCitesGradesAndExplainsItself() {
        for (RuleInfo r : shipped.rules()) {
            assertThat(r.sources()).as("sources of %s", r.name()).isNotEmpty().allMatch(Evidence::isSource);
            assertThat(r.evidence()).as("evidence of %s", r.name()).isIn(Evidence.GRADES.keySet());
            assertThat(r.rationale()).as("rationale of %s", r.name()).isNotBlank();
            assertThat(r.inferred()).as("@inferred of %s is absent or says something", r.name())
                    .satisfiesAnyOf(i -> assertThat(i).isNull(), i -> assertThat(i).isNotBlank());
        }
    }

    @Test
    void shippedRuleNamesAreUniqueAndLookedUpByName() {
        List<String> names = shipped.rules().stream().map(RuleInfo::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        for (RuleInfo r : shipped.rules()) {
            assertThat(shipped.rule(r.name())).contains(r);
        }
        assertThat(shipped.rule("no such rule")).isEmpty();
    }

    @Test
    void everyShippedRuleIsLocatedAtItsRuleKeywordOrItsTableRow() throws IOException {
        long declared = 0;
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                if (f.toString().endsWith(".drl")) {
                    declared += Files.readAllLines(f).stream().filter(l -> l.startsWith("rule \"")).count();
                } else if (f.toString().endsWith(".csv")) {
                    // Rows after the column labels ("rule,...") are rules.
                    List<String> lines = Files.readAllLines(f);
                    int labels = lines.indexOf(lines.stream().filter(l -> l.startsWith("rule,")).findFirst().orElseThrow());
                    declared += lines.subList(labels + 1, lines.size()).stream().filter(l -> !l.isBlank()).count();
                }
            }
        }
        assertThat(shipped.rules()).hasSize((int) declared);
        for (RuleInfo r : shipped.rules()) {
            // Reported relative to the rules directory, so the answer does not depend on where the checkout is.
            assertThat(r.file()).doesNotContain("/");
            Path file = SHIPPED.resolve(r.file());
            String line = Files.readAllLines(file).get(r.line() - 1);
            if (r.file().endsWith(".csv")) {
                assertThat(line).as("table row of %s", r.name()).matches("\"?" + java.util.regex.Pattern.quote(r.name()) + "\"?,.*");
            } else {
                assertThat(line).isEqualTo("rule \"" + r.name() + "\"");
            }
        }
        assertThat(shipped.rules()).isSortedAccordingTo(
                java.util.Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
    }

    @Test
    void fingerprintIsTheSameForTheSameContentInTwoDirectories() throws IOException {
        KnowledgeBase a = KnowledgeBaseLoader.load(copyOfRules("a"));
        KnowledgeBase b = KnowledgeBaseLoader.load(copyOfRules("elsewhere/b"));

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isEqualTo(shipped.fingerprint());
    }

    @Test
    void fingerprintDoesNotDependOnHowTheDirectoryIsNamed() {
        KnowledgeBase absolute = KnowledgeBaseLoader.load(SHIPPED.toAbsolutePath());

        assertThat(absolute.directory()).isEqualTo(SHIPPED.toAbsolutePath().toString());
        assertThat(absolute.fingerprint()).isEqualTo(shipped.fingerprint());
    }

    @Test
    void fingerprintChangesWhenARuleFileChanges() throws IOException {
        Path dir = copyOfRules("edited");
        Path drl = dir.resolve("adcc.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// one more comment\n");

        KnowledgeBase edited = KnowledgeBaseLoader.load(dir);

        assertThat(edited.rules()).hasSameSizeAs(shipped.rules());
        assertThat(edited.fingerprint()).isNotEqualTo(shipped.fingerprint());
    }

    @Test
    void fingerprintChangesWhenTheVocabularyChanges() throws IOException {
        Path dir = copyOfRules("vocab-edited");
        replace(dir.resolve("vocabulary.json"), "all-trans retinoic acid", "all-trans-retinoic acid");

        assertThat(KnowledgeBaseLoader.load(dir).fingerprint()).isNotEqualTo(shipped.fingerprint());
    }

    // ---------------------------------------------------------------- broken rule files

    @Test
    void drlSyntaxErrorNamesFileLineAndCompilerMessage() throws IOException {
        Path dir = copyOfRules("syntax");
        Path drl = dir.resolve("adcc.drl");
        String condition = "    Cell( id == $effector, cd16 == \"158F\" )";
        int line = lineOf(drl, condition);
        replace(drl, condition, condition + " )");

        List<Problem> problems = problemsLoading(dir);

        assertThat(problems).allSatisfy(p -> assertThat(p.file()).endsWith("adcc.drl"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("mismatched input ')'").contains(RULE);
            assertThat(p.toString()).startsWith(drl + ":" + line + ": ");
        });
    }

    @Test
    void unknownFactFieldNamesTheLine() throws IOException {
        Path dir = copyOfRules("field");
        Path drl = dir.resolve("adcc.drl");
        String condition = "    Cell( id == $effector, cd16 == \"158F\" )";
        int line = lineOf(drl, condition);
        replace(drl, condition, "    Cell( id == $effector, cd61 == \"158F\" )");

        List<Problem> problems = problemsLoading(dir);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("adcc.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("cd61");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "evidence", "rationale"})
    void ruleWithoutRequiredMetadataIsRefused(String key) throws IOException {
        Path dir = copyOfRules("no-" + key);
        Path drl = dir.resolve("adcc.drl");
        int line = lineOf(drl, RULE_HEADER);
        setMetadata(drl, key, null);

        List<Problem> problems = problemsLoading(dir);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("adcc.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith("rule \"" + RULE + "\" has no @" + key + "(...)")
                    .contains("doi:... or PMID:...").contains("A, B, C");
        });
    }

    @Test
    void blankSourceCountsAsMissing() throws IOException {
        Path dir = copyOfRules("blank-source");
        Path drl = dir.resolve("adcc.drl");
        int line = lineOf(drl, RULE_HEADER);
        setMetadata(drl, "source", "@source(\" \")");

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("has no @source(...)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lejeune 2021", "PMID:9242542; Lejeune 2021", "10.3390/cancers13123072", "pmid:9242542"})
    void malformedSourceIsRefused(String source) throws IOException {
        Path dir = copyOfRules("bad-source");
        Path drl = dir.resolve("adcc.drl");
        int line = lineOf(drl, RULE_HEADER);
        setMetadata(drl, "source", "@source(\"" + source + "\")");
        String bad = source.contains(";") ? source.substring(source.indexOf(';') + 1).trim() : source;

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("adcc.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).isEqualTo("rule \"" + RULE + "\": @source '" + bad
                    + "' is not a well-formed reference; expected doi:10.xxxx/... or PMID:nnn, several separated by ';'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "a", "A+", "high"})
    void evidenceOutsideTheScaleIsRefused(String grade) throws IOException {
        Path dir = copyOfRules("bad-grade");
        Path drl = dir.resolve("adcc.drl");
        int line = lineOf(drl, RULE_HEADER);
        setMetadata(drl, "evidence", "@evidence(\"" + grade + "\")");

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("adcc.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).isEqualTo("rule \"" + RULE + "\": @evidence '" + grade
                    + "' is not a grade; allowed: A, B, C");
        });
    }

    @Test
    void ruleNameUsedInTwoFilesIsRefusedAtTheSecond() throws IOException {
        Path dir = copyOfRules("duplicate");
        Path adcc = dir.resolve("adcc.drl");
        Path fratricide = dir.resolve("fratricide.drl");
        String other = "rule \"Fratricide depletes the NK population it strikes\"";
        int first = lineOf(adcc, RULE_HEADER);
        int second = lineOf(fratricide, other);
        replace(fratricide, other, RULE_HEADER);

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("fratricide.drl");
            assertThat(p.line()).isEqualTo(second);
            assertThat(p.message()).isEqualTo("duplicate rule name \"" + RULE + "\": already used at " + adcc + ":" + first);
        });
    }

    @Test
    void everyProblemIsReportedAtOnceSortedByFileAndLine() throws IOException {
        Path dir = copyOfRules("several");
        Path fratricide = dir.resolve("fratricide.drl");
        Path adcc = dir.resolve("adcc.drl");
        replace(fratricide, "@source(\"doi:10.1158/1078-0432.CCR-17-3117\")", "@source(\"Wang 2018\")");
        setMetadata(adcc, "evidence", "@evidence(\"E\")");

        List<Problem> problems = problemsLoading(dir);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).file()).endsWith("adcc.drl");
        assertThat(problems.get(0).message()).contains("@evidence 'E'");
        assertThat(problems.get(1).file()).endsWith("fratricide.drl");
        assertThat(problems.get(1).message()).contains("@source 'Wang 2018'");
    }

    // ---------------------------------------------------------------- the directory and the vocabulary

    @Test
    void missingVocabularyIsRefused() throws IOException {
        Path dir = copyOfRules("no-vocabulary");
        Files.delete(dir.resolve("vocabulary.json"));

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("vocabulary.json");
            assertThat(p.line()).isZero();
            assertThat(p.message()).startsWith("missing").contains("vocabulary.json");
        });
    }

    @Test
    void vocabularyWithABadRoleNamesThePathAndSuggests() throws IOException {
        Path dir = copyOfRules("bad-role");
        Path vocabulary = dir.resolve("vocabulary.json");
        String text = Files.readString(vocabulary);
        int atra = text.indexOf("\"atra\"");
        int role = text.indexOf("\"role\": \"modulator\"", atra);
        assertThat(atra).isPositive();
        assertThat(role).isGreaterThan(atra);
        Files.writeString(vocabulary, text.substring(0, role) + "\"role\": \"modulater\""
                + text.substring(role + "\"role\": \"modulator\"".length()));

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("vocabulary.json");
            assertThat(p.message()).isEqualTo("$.agents.atra.role: 'modulater' is not an agent role; "
                    + "allowed: antibody, blocker, modulator (did you mean 'modulator'?)");
        });
    }

    @Test
    void malformedVocabularyNamesLineAndColumn() throws IOException {
        Path dir = copyOfRules("vocabulary-json");
        Files.writeString(dir.resolve("vocabulary.json"), "{\n  \"agents\": {\n    \"atra\": \n}\n");

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("vocabulary.json");
            assertThat(p.message()).startsWith("line 4, column 1: malformed JSON");
        });
    }

    @Test
    void directoryThatDoesNotExistIsRefused() {
        Path dir = temp.resolve("no-such-rules");

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.toString());
            assertThat(p.line()).isZero();
            assertThat(p.message()).startsWith("not a directory");
        });
    }

    @Test
    void fileInsteadOfDirectoryIsRefused() {
        assertThat(problemsLoading(SHIPPED.resolve("adcc.drl"))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not a directory"));
    }

    @Test
    void directoryWithoutDrlFilesIsRefused() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("only-vocabulary"));
        Files.copy(SHIPPED.resolve("vocabulary.json"), dir.resolve("vocabulary.json"));
        Files.writeString(dir.resolve("adcc.drl.txt"), "not a rule file");

        assertThat(problemsLoading(dir)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.toString());
            assertThat(p.message()).isEqualTo("holds no rule files (.drl, or .csv decision tables)");
        });
    }

    @Test
    void aRuleInsideABlockCommentIsNeitherLocatedNorADuplicate(@TempDir Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        Path adcc = tmp.resolve("adcc.drl");
        String text = Files.readString(adcc);
        Files.writeString(adcc, text.replace("package adcckb.adcc;",
                "package adcckb.adcc;\n/*\nrule \"Net ADCC balances the targets' load against fratricide among the effectors\"\n*/"));
        KnowledgeBase kb = KnowledgeBaseLoader.load(tmp);
        RuleInfo net = kb.rule("Net ADCC balances the targets' load against fratricide among the effectors").orElseThrow();
        assertThat(Files.readAllLines(adcc).get(net.line() - 1)).isEqualTo("rule \"Net ADCC balances the targets' load against fratricide among the effectors\"");
    }

    @Test
    void aMisspeltMetadataKeyIsRefusedNotDropped(@TempDir Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        Path drl = tmp.resolve("fratricide.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replaceFirst("@inferred\\(", "@infered("));
        Throwable t = catchThrowable(() -> KnowledgeBaseLoader.load(tmp));
        assertThat(t).isInstanceOf(KnowledgeBaseException.class);
        assertThat(((KnowledgeBaseException) t).problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("fratricide.drl");
            assertThat(p.message()).contains("has unknown metadata @infered (did you mean @inferred?)")
                    .contains("allowed: @source, @evidence, @rationale, @inferred");
        });
    }

    @Test
    void anUnknownWithoutWhatWouldSettleItIsRefused(@TempDir Path tmp) throws IOException {
        org.adcckb.TestKb.copyRules(tmp);
        Path drl = tmp.resolve("adcc.drl");
        String text = Files.readString(drl);
        String settled = "    @settledBy(\"fratricide measured among lenalidomide-treated NK cells with daratumumab\")\n";
        assertThat(text).contains(settled);
        Files.writeString(drl, text.replace(settled, ""));
        Throwable t = catchThrowable(() -> KnowledgeBaseLoader.load(tmp));
        assertThat(t).isInstanceOf(KnowledgeBaseException.class);
        assertThat(((KnowledgeBaseException) t).problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("adcc.drl");
            assertThat(p.message()).contains("rule \"IMiD-activated effectors mediate more ADCC\" says what is @unknown but not what would settle it");
        });
    }

    @Test
    void aTableRowWithMoreCellsThanColumnsIsRefusedAtItsLine(@TempDir Path tmp) throws IOException {
        // An unquoted comma in a rationale shifts the cells after it: a fragment would be read as an open question.
        org.adcckb.TestKb.copyRules(tmp);
        Path table = tmp.resolve("cd38-modulators.csv");
        String quoted = "\"Adding IFN-alpha to myeloma cells raised their surface CD38 about 2-fold, less than ATRA did (Lejeune 2021, abstract).\"";
        replace(table, quoted, quoted.substring(1, quoted.length() - 1));
        int line = lineOf(table, "IFN-alpha raises CD38 on myeloma cells about 2-fold");
        Throwable t = catchThrowable(() -> KnowledgeBaseLoader.load(tmp));
        assertThat(t).isInstanceOf(KnowledgeBaseException.class);
        assertThat(((KnowledgeBaseException) t).problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("cd38-modulators.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).isEqualTo("row 'IFN-alpha raises CD38 on myeloma cells about 2-fold' has 15 cells, and table"
                    + " 'CD38 modulators' has 13 columns: a cell that holds a comma must be in double quotes, and a row may"
                    + " not run past the table's last column (a comma at its end)");
        });
        // The same table moved one column to the right, its keyword in lower case: Drools reads it, and so does the check.
        String shifted = String.join("\n", Files.readAllLines(table).stream().map(l -> "," + l).toList())
                .replace(",RuleTable CD38 modulators", ",ruletable CD38 modulators");
        Files.writeString(table, shifted);
        Throwable moved = catchThrowable(() -> KnowledgeBaseLoader.load(tmp));
        assertThat(((KnowledgeBaseException) moved).problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(line));
    }

    @Test
    void aStrayOrUnclosedQuoteInATableIsRefusedAtItsLine(@TempDir Path tmp) throws IOException {
        org.adcckb.TestKb.copyRules(tmp);
        Path table = tmp.resolve("cd38-modulators.csv");
        String original = Files.readString(table);
        replace(table, "ATRA raises CD38 on NK cells too,", "ATRA \"raises\" CD38 on NK cells too,");
        int stray = lineOf(table, "ATRA \"raises\" CD38 on NK cells too");
        Throwable t = catchThrowable(() -> KnowledgeBaseLoader.load(tmp));
        assertThat(((KnowledgeBaseException) t).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(stray);
            assertThat(p.message()).startsWith("a double quote inside a cell, which Drools drops");
        });
        // An opening quote never closed in the last row: the rest of the file would be one cell.
        List<String> lines = new ArrayList<>(original.lines().toList());
        lines.add("ATRA again,,,atra,myeloma,3.0,reported,doi:10.3390/cancers13123072,A,\"Never closed (Lejeune 2021).,,,");
        int last = lines.size();
        Files.writeString(table, String.join("\n", lines) + "\n");
        Throwable open = catchThrowable(() -> KnowledgeBaseLoader.load(tmp));
        assertThat(((KnowledgeBaseException) open).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(last);
            assertThat(p.message()).startsWith("a double quote opens a cell here and is never closed");
        });
    }

    @Test
    void csvRowsKeepQuotedCommasQuotesAndLineBreaksAndTheLineTheyStartOn() {
        assertThat(org.adcckb.input.Csv.rows("x\na,\"b, c\",\"say \"\"d\"\"\",,\n\"two\nlines\",y\nz")).containsExactly(
                new org.adcckb.input.Csv.Row(1, List.of("x")), new org.adcckb.input.Csv.Row(2, List.of("a", "b, c", "say \"d\"", "", "")),
                new org.adcckb.input.Csv.Row(3, List.of("two\nlines", "y")), new org.adcckb.input.Csv.Row(5, List.of("z")));
    }
}
