package org.adcckb.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.TestKb;
import org.adcckb.cli.Main;
import org.adcckb.kb.Bibliography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint resolves every citation against the bibliography (rules/sources.csl.json): each reference of a rule's
 * {@code @source}, of a table row's source cell and of an agent's source, reported where it is written.
 */
class CitationLintTest {

    private static final String UNCITED = "doi:10.9999/not.in.the.bibliography";

    @TempDir
    Path tmp;

    private void edit(String file, String from, String to) throws IOException {
        Path p = tmp.resolve(file);
        String text = Files.readString(p);
        assertThat(text).as("%s contains %s", file, from).contains(from);
        Files.writeString(p, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static List<Linter.Finding> citationErrors(Path dir) {
        return Linter.lint(dir, 0).findings().stream().filter(f -> f.check().equals(Citations.CHECK)).toList();
    }

    @Test
    void everyShippedCitationResolves() {
        assertThat(citationErrors(TestKb.RULES)).isEmpty();
    }

    @Test
    void anUnresolvedSourceIsAnErrorAtItsRuleNamingFileAndLine() throws IOException {
        TestKb.copyRules(tmp);
        edit("adcc.drl", "@source(\"PMID:9242542\")", "@source(\"" + UNCITED + "\")");
        List<Linter.Finding> errors = citationErrors(tmp);
        assertThat(errors).singleElement().satisfies(f -> {
            assertThat(f.error()).isTrue();
            assertThat(f.file()).isEqualTo(tmp.resolve("adcc.drl").toString());
            assertThat(f.line()).isEqualTo(lineOf(tmp.resolve("adcc.drl"), "rule \"CD16-158F effectors mediate less ADCC than 158V\""));
            assertThat(f.rule()).isEqualTo("CD16-158F effectors mediate less ADCC than 158V");
            assertThat(f.message()).startsWith("@source " + UNCITED + " has no entry in sources.csl.json: add the work there");
            assertThat(f.toString()).startsWith(tmp.resolve("adcc.drl") + ":" + f.line() + ": error: rule \"CD16-158F");
        });
    }

    @Test
    void eachOfSeveralReferencesMustResolve() throws IOException {
        TestKb.copyRules(tmp);
        edit("fratricide.drl", "@source(\"doi:10.1158/1078-0432.CCR-17-3117; doi:10.3390/cancers13123072; PMID:9242542\")",
                "@source(\"doi:10.1158/1078-0432.CCR-17-3117; " + UNCITED + "; PMID:1\")");
        assertThat(citationErrors(tmp)).extracting(Linter.Finding::message)
                .containsExactlyInAnyOrder("@source " + UNCITED + " has no entry in sources.csl.json: add the work there as a "
                                + "CSL-JSON item with this DOI or PMID (docs/LITERATURE.md, \"The bibliography\")",
                        "@source PMID:1 has no entry in sources.csl.json: add the work there as a CSL-JSON item with this DOI "
                                + "or PMID (docs/LITERATURE.md, \"The bibliography\")");
    }

    @Test
    void aTableRowsSourceIsCheckedAtItsRow() throws IOException {
        TestKb.copyRules(tmp);
        edit("cd38-modulators.csv", ",ifn_alpha,myeloma,2.0,reported,doi:10.3390/cancers13123072,", ",ifn_alpha,myeloma,2.0,reported," + UNCITED + ",");
        assertThat(citationErrors(tmp)).singleElement().satisfies(f -> {
            assertThat(f.file()).endsWith("cd38-modulators.csv");
            assertThat(f.line()).isEqualTo(11);
            assertThat(f.rule()).isEqualTo("IFN-alpha raises CD38 on myeloma cells about 2-fold");
        });
    }

    @Test
    void anAgentsSourceIsCheckedAtItsLineInTheVocabulary() throws IOException {
        TestKb.copyRules(tmp);
        Path vocabulary = tmp.resolve("vocabulary.json");
        String text = Files.readString(vocabulary);
        int at = text.indexOf("\"source\"", text.indexOf("\"ruxolitinib\""));
        Files.writeString(vocabulary, text.substring(0, at) + text.substring(at).replaceFirst(
                "\"source\": \"[^\"]*\"", Matcher.quoteReplacement("\"source\": \"" + UNCITED + "\"")));
        assertThat(citationErrors(tmp)).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(vocabulary.toString());
            assertThat(f.line()).isEqualTo(lineOf(vocabulary, UNCITED));
            assertThat(f.rule()).isNull();
            assertThat(f.message()).startsWith("$.agents.ruxolitinib.source: agent 'ruxolitinib' cites " + UNCITED
                    + ", which has no entry in sources.csl.json");
        });
    }

    @Test
    void withoutTheBibliographyEveryCitationIsReportedAndTheFileNamed() throws IOException {
        TestKb.copyRules(tmp);
        Files.delete(tmp.resolve(Bibliography.FILE));
        List<Linter.Finding> errors = citationErrors(tmp);
        assertThat(errors).hasSizeGreaterThan(TestKb.kb().rules().size());
        assertThat(errors).allSatisfy(f -> assertThat(f.message()).contains("has no entry in sources.csl.json (the rules directory has none)"));
    }

    @Test
    void aMalformedBibliographyIsOneErrorAndTheCommandExitsThree() throws IOException {
        TestKb.copyRules(tmp);
        edit(Bibliography.FILE, "\"DOI\": \"10.1038/leu.2015.123\"", "\"DOI\": \"https://doi.org/10.1038/leu.2015.123\"");
        Linter.Report r = Linter.lint(tmp, 0);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("sources");
            assertThat(f.file()).isEqualTo(tmp.resolve(Bibliography.FILE).toString());
            assertThat(f.line()).isEqualTo(lineOf(tmp.resolve(Bibliography.FILE), "https://doi.org/10.1038/leu.2015.123\","));
            assertThat(f.message()).isEqualTo("$[1].DOI: 'https://doi.org/10.1038/leu.2015.123' is not a DOI; write it as "
                    + "10.xxxx/suffix, without 'doi:' or 'https://doi.org/'");
        });
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("lint", "--rules", tmp.toString(), "--samples", "0");
        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).contains("sources.csl.json:").contains("error: $[1].DOI");
    }
}
