package org.adcckb.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint: the shipped knowledge base is clean, and each kind of slip is reported with file, line and rule. */
class LintTest {

    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path f : s.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        return tmp;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = tmp.resolve(file);
        String text = Files.readString(p);
        assertThat(text).as("%s contains %s", file, from).contains(from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aRulesDirectoryThatIsNotThereIsBadInputNotAFinding() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.adcckb.cli.Main.commandLine().setOut(new java.io.PrintWriter(new java.io.StringWriter()))
                .setErr(new java.io.PrintWriter(err)).execute("lint", "--rules", tmp.resolve("nowhere").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("adcc: " + tmp.resolve("nowhere")
                + ": not a directory; --rules must name the directory that holds the .drl files" + System.lineSeparator());
    }

    @Test
    void theShippedKnowledgeBaseLintsClean() {
        Linter.Report r = Linter.lint(TestKb.RULES, 2000);
        assertThat(r.findings()).isEmpty();
        assertThat(r.rules()).isEqualTo(TestKb.kb().rules().size());
        assertThat(r.sampled()).isEqualTo(2000);
    }

    @Test
    void anOrderingComparisonWithTextIsAnError() throws IOException {
        // "high" < "low" < "medium" as text: such a rule fires for medium CD38 and not for high.
        copy();
        edit("adcc.drl", "Cell( type == \"nk\", cd16 != \"none\", $effector : id )",
                "Cell( type == \"nk\", cd16 != \"none\", cd38 >= \"medium\", $effector : id )");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).filteredOn(f -> f.check().equals("text-order")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo("error");
            assertThat(f.file()).endsWith("adcc.drl");
            assertThat(f.message()).isEqualTo("Cell( cd38 >= \"medium\" ) compares text letter by letter (\"high\" < \"low\" < \"medium\"),"
                    + " not levels; compare ranks: cd38Rank >= 2 (none 0, low 1, medium 2, high 3)");
        });
    }

    @Test
    void aConditionCellThatOneRowAloneLeavesEmptyIsAWarning() throws IOException {
        // An empty condition cell matches anything: the row would raise CD38 on every cell type.
        copy();
        edit("cd38-modulators.csv", ",ifn_alpha,myeloma,2.0,", ",ifn_alpha,,2.0,");
        int line = lineOf(tmp.resolve("cd38-modulators.csv"), ",ifn_alpha,,2.0,");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo("warning");
            assertThat(f.check()).isEqualTo("table");
            assertThat(f.line()).isEqualTo(line);
            assertThat(f.rule()).isEqualTo("IFN-alpha raises CD38 on myeloma cells about 2-fold");
            assertThat(f.message()).startsWith("condition 'cell type' is empty, and the other ")
                    .contains("an empty condition cell matches anything, so this row applies to every cell type");
        });
    }

    @Test
    void aTypoInAnAgentNameIsCaughtInAConditionAndInATableRow() throws IOException {
        copy();
        edit("antibody-binding.drl", "Agent( role == \"blocker\"", "Agent( role == \"blockr\"");
        edit("cd38-modulators.csv", ",atra,myeloma,3.0,", ",atr,myeloma,3.0,");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).filteredOn(f -> f.check().equals("vocabulary")).hasSize(2).anySatisfy(f -> {
            assertThat(f.file()).endsWith("cd38-modulators.csv");
            assertThat(f.line()).isEqualTo(10);
            assertThat(f.message()).contains("'atr' in Exposure( agent == \"atr\" ) is not a known agent").endsWith("(did you mean 'atra'?)");
        }).anySatisfy(f -> {
            assertThat(f.file()).endsWith("antibody-binding.drl");
            assertThat(f.rule()).isEqualTo("A blocker masks its CD38 epitope on the population it reaches");
            assertThat(f.message()).contains("'blockr'").contains("is not a known agent role").endsWith("(did you mean 'blocker'?)");
        });
        assertThat(r.errors()).isEqualTo(2);
    }

    @Test
    void aLevelOrAnAgentOutsideTheVocabularyInAConclusionIsCaught() throws IOException {
        copy();
        edit("fratricide.drl", "\"isatuximab activation and exhaustion\", \"high\"", "\"isatuximab activation and exhaustion\", \"hgih\"");
        edit("adcc.drl", "new AdccModifier( $target, $effector, $ab, Estimate.of( -1.0", "new AdccModifier( $target, $effector, \"daratumab\", Estimate.of( -1.0");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).extracting(Linter.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("'hgih' in NkDepletion.graded(...) argument level is not a known grade").endsWith("(did you mean 'high'?)"))
                .anySatisfy(m -> assertThat(m).contains("'daratumab' in new AdccModifier(...) argument antibody is not a known agent")
                        .endsWith("(did you mean 'daratumumab'?)"));
    }

    @Test
    void anOutcomeKindOutsideTheVocabularyIsCaught() throws IOException {
        copy();
        Files.writeString(tmp.resolve("effect.drl"), """
                package adcckb.effect;

                import org.adcckb.facts.*;

                rule "A misspelt outcome kind"
                    @source("doi:10.3390/cancers13123072")
                    @evidence("C")
                    @inferred("a test of lint")
                    @rationale("Concludes an effect of a kind the vocabulary does not declare.")
                when
                    Cell( type == "myeloma", $cell : id )
                then
                    insertLogical( new Effect( "phagocytosys", $cell, "daratumumab", "high" ) );
                end
                """);
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).filteredOn(Linter.Finding::error).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("'phagocytosys' in new Effect(...) argument kind is not a known outcome kind; known: adcc, fratricide, nkDepletion"));
    }

    @Test
    void missingOrMalformedEvidenceIsReportedForEveryRuleAtOnce() throws IOException {
        copy();
        edit("adcc.drl", "    @evidence(\"A\")\n", "");
        edit("fratricide.drl", "@source(\"doi:10.1158/1078-0432.CCR-17-3117\")", "@source(\"Wang 2018\")");
        edit("antibody-binding.drl", "@evidence(\"A\")", "@evidence(\"high\")");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).filteredOn(f -> f.check().equals("evidence")).extracting(Linter.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("has no @evidence(...)"))
                .anySatisfy(m -> assertThat(m).contains("@source 'Wang 2018' is not a well-formed reference"))
                .anySatisfy(m -> assertThat(m).contains("@evidence 'high' is not a grade; allowed: A, B, C"));
        assertThat(r.findings()).filteredOn(f -> f.check().equals("evidence"))
                .allSatisfy(f -> assertThat(f.rule()).isNotBlank())
                .anySatisfy(f -> assertThat(f.rule()).isEqualTo("Fratricide depletes the NK population it strikes"));
    }

    @Test
    void aRuleThatModifiesWhatItMatchesIsAnErrorAndAPlainInsertAWarning() throws IOException {
        copy();
        edit("fratricide.drl", "insertLogical( NkDepletion.of( $victim, \"fratricide\"", "insert( NkDepletion.of( $victim, \"fratricide\"");
        edit("adcc.drl", "insertLogical( Adcc.balance(", "delete( $engagement ); insertLogical( Adcc.balance(");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.error()).isTrue();
            assertThat(f.check()).isEqualTo("changes-facts");
            assertThat(f.rule()).isEqualTo("Net ADCC balances the targets' load against fratricide among the effectors");
            assertThat(f.message()).startsWith("delete(...) changes working memory");
        }).anySatisfy(f -> {
            assertThat(f.error()).isFalse();
            assertThat(f.check()).isEqualTo("plain-insert");
            assertThat(f.rule()).isEqualTo("Fratricide depletes the NK population it strikes");
        });
    }

    @Test
    void aCompileErrorIsReportedWithItsLine() throws IOException {
        copy();
        edit("adcc.drl", "Cell( id == $effector, cd16 == \"158F\" )", "Cell( id == $effector, cd61 == \"158F\" )");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("compile");
            assertThat(f.file()).endsWith("adcc.drl");
            assertThat(f.line()).isEqualTo(lineOf(tmp.resolve("adcc.drl"), "cd61 =="));
            assertThat(f.message()).contains("Cell has no field 'cd61'");
        });
    }

    @Test
    void aSyntaxErrorStillLetsTheOtherFilesBeChecked() throws IOException {
        copy();
        edit("adcc.drl", "then\n    insertLogical( AdccEngagement.of", "thn\n    insertLogical( AdccEngagement.of");
        edit("cd38-modulators.csv", ",atra,myeloma,3.0,", ",atr,myeloma,3.0,");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).extracting(Linter.Finding::check).contains("syntax", "vocabulary");
    }

    @Test
    void conclusionsNothingReadsAndConditionsNothingConcludesAreWarnings() throws IOException {
        copy();
        // Without the net ADCC rule, ADCC modifiers are concluded and never read.
        String adcc = Files.readString(tmp.resolve("adcc.drl"));
        int start = adcc.indexOf("rule \"Net ADCC");
        int end = adcc.indexOf("end\n", start) + 4;
        Files.writeString(tmp.resolve("adcc.drl"), adcc.substring(0, start) + adcc.substring(end));
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.errors()).isZero();
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("unused");
            assertThat(f.message()).isEqualTo("AdccModifier is concluded but no rule matches it and no answer reports it");
            assertThat(f.file()).endsWith("adcc.drl");
        });
    }

    @Test
    void anOutcomeLevelNoRuleReachesIsAWarning() throws IOException {
        copy();
        edit("adcc.drl", "Estimate.of( 0.4, 0.3, 0.5 ), Estimate.of( 5.5, 5.0, 6.0 ), $grades, 1 )",
                "Estimate.of( 0.4, 0.3, 0.5 ), Estimate.of( 2.9, 2.9, 2.9 ), $grades, 0 )");
        Linter.Report r = Linter.lint(tmp, 300);
        assertThat(r.sampled()).isEqualTo(300);
        assertThat(r.findings()).filteredOn(f -> f.check().equals("unreached")).extracting(Linter.Finding::message)
                .containsExactly("no rule produced adcc=high in 300 random scenarios: check that some rule can conclude it");
    }

    @Test
    void theCommandExitsThreeOnErrorsAndSpeaksJson() throws IOException {
        copy();
        edit("cd38-modulators.csv", ",atra,myeloma,3.0,", ",atr,myeloma,3.0,");
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("lint", "--rules", tmp.toString(), "--samples", "0", "--format", "json");
        assertThat(code).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("errors").asInt()).isEqualTo(1);
        assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(10);
        assertThat(json.path("findings").get(0).path("rule").asText()).isEqualTo("ATRA raises CD38 on myeloma cells about 3-fold");

        StringWriter clean = new StringWriter();
        int ok = Main.commandLine().setOut(new PrintWriter(clean)).setErr(new PrintWriter(new StringWriter()))
                .execute("lint", "--rules", TestKb.RULES.toString(), "--samples", "500");
        assertThat(ok).isZero();
        assertThat(clean.toString()).isEqualTo(TestKb.kb().rules().size() + " rules, 500 random scenarios: 0 errors, 0 warnings\n");
    }

    @Test
    void aRuleThatNeverReturnsOrThrowsOnEverySampleIsAnErrorNotAHang() throws IOException {
        copy();
        String rule = """

                rule "Spins on every myeloma population"
                    @source("doi:10.3390/cancers13123072")
                    @evidence("C")
                    @inferred("a test fault")
                    @rationale("Never returns.")
                when
                    Cell( type == "myeloma" )
                then
                    long n = 1;
                    while (n != 0) { n = (n * 31 + 7) % 1000003 + 1; }
                end
                """;
        Files.writeString(tmp.resolve("fratricide.drl"), Files.readString(tmp.resolve("fratricide.drl")) + rule);
        Linter.Report r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> Linter.lint(tmp, 2000, org.adcckb.reasoning.RunLimits.DEFAULT.withMaxMillis(1500)));
        assertThat(r.findings()).filteredOn(f -> f.check().equals("timeout")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("did not finish within 1500 ms; rule \"Spins on every myeloma population\" (fratricide.drl:"));
        assertThat(r.sampled()).isZero();

        Files.writeString(tmp.resolve("fratricide.drl"), Files.readString(tmp.resolve("fratricide.drl"))
                .replace("while (n != 0) { n = (n * 31 + 7) % 1000003 + 1; }", "throw new ArithmeticException(\"deliberate\");"));
        Linter.Report thrown = Linter.lint(tmp, 2000);
        assertThat(thrown.findings()).filteredOn(f -> f.check().equals("throws")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("rule \"Spins on every myeloma population\" (fratricide.drl:")
                        .contains("ArithmeticException: deliberate"));
    }

    @Test
    void explainAndTestSayOnceInALineThatTheRulesDoNotLintClean() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path f : s.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        org.adcckb.kb.CompiledCache cached = org.adcckb.kb.CompiledCache.in(cache);
        assertThat(LintNotice.of(rules, org.adcckb.kb.KnowledgeBaseLoader.load(rules, cached), cached)).isEmpty();
        assertThat(cache.resolve(LintNotice.FILE)).exists();

        Path table = rules.resolve("cd38-modulators.csv");
        Files.writeString(table, Files.readString(table).replace(",atra,myeloma,3.0,", ",atr,myeloma,3.0,"));
        var kb = org.adcckb.kb.KnowledgeBaseLoader.load(rules, cached);
        assertThat(LintNotice.of(rules, kb, cached)).contains("the rules do not lint clean (1 error, 0 warnings); to see why: adcc lint");
        assertThat(LintNotice.of(rules, kb, org.adcckb.kb.CompiledCache.OFF)).as("no cache, no lint").isEmpty();

        for (String command : java.util.List.of("explain", "test")) {
            java.io.StringWriter err = new java.io.StringWriter();
            int code = org.adcckb.cli.Main.commandLine().setOut(new java.io.PrintWriter(new java.io.StringWriter()))
                    .setErr(new java.io.PrintWriter(err)).execute(command, "--rules", rules.toString(), "facts/lejeune-2021/atra-low-target.json");
            assertThat(code).as(command).isEqualTo(command.equals("explain") ? 0 : 2); // alone, the scenario's comparison lacks its other scenario
            assertThat(err.toString()).as(command).startsWith("adcc: the rules do not lint clean (1 error, 0 warnings); to see why: adcc lint --rules "
                    + rules + System.lineSeparator());
        }
    }
}
