package org.adcckb.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bibliography, rules/sources.csl.json: every work the project cites has an entry, each entry says how its
 * DOI was checked, and a file that is not valid CSL-JSON stops the knowledge base with the file, line, JSON
 * path, value and what is allowed.
 */
class BibliographyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyCitationTheProjectShipsResolves() throws IOException {
        Bibliography b = TestKb.kb().bibliography();
        assertThat(b.present()).isTrue();
        List<String> unresolved = new ArrayList<>();
        for (String c : shippedCitations()) {
            if (b.resolve(c).isEmpty()) {
                unresolved.add(c);
            }
        }
        assertThat(unresolved).as("citations without an entry in rules/sources.csl.json").isEmpty();
        assertThat(shippedCitations()).hasSizeGreaterThan(15);
    }

    /** Every DOI or PMID in @source (table rows included), agents' source, and expect.source of facts/. */
    private static Set<String> shippedCitations() throws IOException {
        Set<String> all = new TreeSet<>();
        TestKb.kb().rules().forEach(r -> all.addAll(r.sources()));
        TestKb.kb().vocabulary(); // the vocabulary loaded; its sources are read from the file itself
        JSON.readTree(TestKb.RULES.resolve(Vocabulary.FILE).toFile()).path("agents").forEach(a -> split(a.path("source"), all));
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                split(JSON.readTree(f.toFile()).path("expect").path("source"), all);
            }
        }
        return all;
    }

    private static void split(JsonNode source, Set<String> into) {
        if (source.isTextual()) {
            for (String s : source.textValue().split(";")) {
                into.add(s.trim());
            }
        }
    }

    @Test
    void everyEntryIsCompleteAndSaysHowItsDoiWasChecked() {
        List<Reference> entries = TestKb.kb().bibliography().entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(25);
        assertThat(entries).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z]+\\d{4}[a-z]*");
            assertThat(r.type()).isEqualTo("article-journal");
            assertThat(r.title()).isNotBlank();
            assertThat(r.authors()).isNotEmpty();
            assertThat(r.containerTitle()).isNotBlank();
            assertThat(r.year()).isBetween(1990, 2030);
            assertThat(r.doi() != null || r.pmid() != null).as("%s has a DOI or a PMID", r.id()).isTrue();
            assertThat(r.url()).isEqualTo(r.doi() != null ? "https://doi.org/" + r.doi()
                    : "https://pubmed.ncbi.nlm.nih.gov/" + r.pmid() + "/");
            assertThat(r.note()).as("%s's note", r.id()).containsPattern(
                    "^(DOI checked|DOI not checked against the publisher|No DOI is cited\\. PMID checked)");
        });
    }

    @Test
    void theSourcesOfTheNewRulesHaveTheirEntries() {
        Bibliography b = TestKb.kb().bibliography();
        assertThat(b.resolve("doi:10.1182/bloodadvances.2017006866")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("casneuf2017"));
        assertThat(b.resolve("doi:10.1182/bloodadvances.2021005220")).hasValueSatisfying(r -> assertThat(r.pmid()).isEqualTo("34625791"));
        assertThat(b.resolve("doi:10.1038/s41375-020-0810-4")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("viola2021"));
        assertThat(b.resolve("doi:10.1158/1078-0432.CCR-17-2027")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("krejcik2017"));
        assertThat(b.resolve("doi:10.1093/intimm/dxy040")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("buteyn2018"));
    }

    @Test
    void aDoiMatchesWhateverItsCaseAndAPmidByItsDigits() {
        Bibliography b = TestKb.kb().bibliography();
        assertThat(b.resolve("doi:10.1158/1078-0432.ccr-17-3117")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("wang2018"));
        assertThat(b.resolve("DOI:10.3390/CANCERS13123072")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("lejeune2021"));
        assertThat(b.resolve("PMID:9242542")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("koene1997"));
        assertThat(b.resolve("PMID:21109694")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("vanderveer2011"));
        assertThat(b.resolve("doi:10.9999/not-cited")).isEmpty();
        assertThat(b.resolve("Lejeune 2021")).isEmpty();
    }

    @Test
    void aRuleCarriesTheEntriesOfItsSources() {
        RuleInfo r = TestKb.kb().rule("CD16-158F effectors kill coated NK cells less than 158V").orElseThrow();
        assertThat(r.sources()).hasSize(3);
        assertThat(r.references().keySet()).containsExactlyElementsOf(r.sources());
        assertThat(r.reference("PMID:9242542")).hasValueSatisfying(ref -> assertThat(ref.authors().get(0).family()).isEqualTo("Koene"));
    }

    @Test
    void aRulesDirectoryWithoutTheFileLoadsWithAnEmptyBibliography() throws IOException {
        TestKb.copyRules(tmp);
        Files.delete(tmp.resolve(Bibliography.FILE));
        KnowledgeBase kb = KnowledgeBaseLoader.load(tmp, CompiledCache.OFF);
        assertThat(kb.bibliography().present()).isFalse();
        assertThat(kb.rules()).allSatisfy(r -> assertThat(r.references()).isEmpty());
        assertThat(kb.fingerprint()).isNotEqualTo(TestKb.kb().fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a DOI with its prefix    | "DOI": "10.3390/cancers13123072"         | "DOI": "doi:10.3390/cancers13123072" | $[0].DOI: 'doi:10.3390/cancers13123072' is not a DOI; write it as 10.xxxx/suffix, without 'doi:' or 'https://doi.org/'
            an unknown type          | "type": "article-journal"               | "type": "journal-article"            | $[0].type: 'journal-article' is not a CSL item type; allowed: article, article-journal
            a misspelt variable      | "container-title": "Cancers",           | "container-titel": "Cancers",         | $[0].container-titel: unknown field 'container-titel' (did you mean 'container-title'?)
            no author                | "author": [                             | "editor": [                          | $[0]: missing required field 'author'
            a year that is not one   | "issued": {"date-parts": [[2021]]}      | "issued": {"date-parts": [["21"]]}   | $[0].issued.date-parts[0]: expected [YEAR] or [YEAR, MONTH, DAY] with a four-digit year, got ["21"]
            a PMID with letters      | "DOI": "10.3390/cancers13123072"         | "PMID": "PM9242542"                  | $[0].PMID: 'PM9242542' is not a PubMed id; write its digits only (9242542)
            an id used twice         | "id": "nijhof2015leukemia"              | "id": "lejeune2021"                  | $[1].id: id 'lejeune2021' is already used at $[0]; ids are unique
            """)
    void aMalformedEntryNamesTheFileThePathTheValueAndWhatIsAllowed(String what, String from, String to, String message)
            throws IOException {
        TestKb.copyRules(tmp);
        Path file = tmp.resolve(Bibliography.FILE);
        String shipped = Files.readString(file);
        assertThat(shipped).contains(from);
        Files.writeString(file, shipped.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        KnowledgeBaseException e = catchThrowableOfType(() -> KnowledgeBaseLoader.load(tmp, CompiledCache.OFF),
                KnowledgeBaseException.class);
        assertThat(e).as(what).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void theFileIsAnArrayOfItems() throws IOException {
        TestKb.copyRules(tmp);
        Files.writeString(tmp.resolve(Bibliography.FILE), "{\"items\": []}\n");
        assertThat(catchThrowableOfType(() -> KnowledgeBaseLoader.load(tmp, CompiledCache.OFF), KnowledgeBaseException.class))
                .hasMessage(tmp.resolve(Bibliography.FILE) + ":1: $: expected a JSON array of CSL-JSON items "
                        + "([{\"id\": ..., \"type\": \"article-journal\", ...}])");
    }

    @Test
    void theLineOfABadValueIsGiven() throws IOException {
        TestKb.copyRules(tmp);
        Path file = tmp.resolve(Bibliography.FILE);
        Files.writeString(file, Files.readString(file).replace("\"page\": \"2105-2114\"", "\"page\": \"\""));
        Problem p = catchThrowableOfType(() -> KnowledgeBaseLoader.load(tmp, CompiledCache.OFF), KnowledgeBaseException.class)
                .problems().get(0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(p.line() - 1)).contains("\"page\": \"\"");
        assertThat(p.toString()).startsWith(file + ":" + p.line() + ": $[").contains("].page: is empty");
    }

    @Test
    void theCommandLineRefusesAMalformedBibliographyWithExitTwo() throws IOException {
        TestKb.copyRules(tmp);
        Files.writeString(tmp.resolve(Bibliography.FILE), "[{\"id\": \"lejeune2021\",");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("explain", "--rules", tmp.toString(), "facts/lejeune-2021/atra-low-target.json");
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("adcc: " + tmp.resolve(Bibliography.FILE) + ": line 1, column ")
                .contains("malformed JSON").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
