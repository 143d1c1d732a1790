package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;
import org.adcckb.report.DocTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables the documentation holds between {@code <!-- generated: NAME -->} and {@code <!-- end generated -->}
 * are the ones {@code adcc rules --format markdown} makes from the rules as they are, and no grade of a rule is
 * typed into a table by hand.
 */
class DocTablesTest {

    @TempDir
    Path temp;

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void theGeneratedTablesOfTheDocsAreUpToDate() throws IOException {
        KnowledgeBase kb = TestKb.kb();
        List<String> stale = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            if (!DocTables.update(text, kb).equals(text)) {
                stale.add(doc.toString());
            }
        }
        assertThat(stale).as("docs whose generated tables differ from the rules; regenerate them with "
                + "./adcc rules --format markdown --update %s", String.join(" ", stale)).isEmpty();
    }

    @Test
    void theModelAndTheEvidenceDocsHoldTheTablesOfTheRulesAndTheAgents() throws IOException {
        List<String> model = DocTables.sections(Files.readString(Path.of("docs/MODEL.md")));
        List<String> evidence = DocTables.sections(Files.readString(Path.of("docs/EVIDENCE.md")));
        // Every rule file, mechanism by mechanism: a DRL file as its rules, a decision table as its rows.
        assertThat(model).contains("agents").containsAll(TestKb.kb().rules().stream()
                .map(r -> (r.file().endsWith(".csv") ? "table " : "rules ") + r.file()).distinct().toList());
        assertThat(evidence).contains("rules", "grades", "sources");
    }

    /** A table row written by hand that names a rule and gives a grade in a cell of its own: a grade typed in. */
    @Test
    void noDocTypesTheGradeOfARule() throws IOException {
        Pattern gradeCell = Pattern.compile("\\|\\s*\\**`?[ABC]`?\\**\\s*(?=\\|)");
        List<String> typed = new ArrayList<>();
        for (Path doc : docs()) {
            for (String line : DocTables.handWritten(Files.readString(doc)).lines().toList()) {
                if (line.startsWith("|") && gradeCell.matcher(line).find()
                        && TestKb.kb().rules().stream().map(RuleInfo::name).anyMatch(line::contains)) {
                    typed.add(doc + ": " + line);
                }
            }
        }
        assertThat(typed).as("rows that type a rule's grade; put the table between generated markers instead").isEmpty();
    }

    @Test
    void everyTableIsInTheMarkdownOutput() {
        String out = Cli.ok("rules", "--format", "markdown").out();
        for (String name : DocTables.names(TestKb.kb())) {
            assertThat(out).contains("<!-- generated: " + name + " -->\n| ");
        }
        assertThat(out).contains("| CD16 effectors engage antibody-coated myeloma cells | `adcc.drl:");
    }

    @Test
    void updateRewritesTheSectionsAndLeavesTheRestAsItWas() throws IOException {
        Path doc = Files.writeString(temp.resolve("doc.md"), "# Title\n\nBefore.\n\n<!-- generated: agents -->\nstale\n"
                + DocTables.END + "\n\nAfter.\n");
        Cli.Run r = Cli.run("rules", "--format", "markdown", "--update", doc.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(doc + ": 1 table, updated");
        String text = Files.readString(doc);
        assertThat(text).startsWith("# Title\n\nBefore.\n\n<!-- generated: agents -->\n| Agent |")
                .contains("| `daratumumab` | antibody |").doesNotContain("stale").endsWith(DocTables.END + "\n\nAfter.\n");
        assertThat(Cli.run("rules", "--format", "markdown", "--update", doc.toString()).err()).contains("up to date");
    }

    @Test
    void aSectionWithoutItsEndOrNamingNoTableIsRefusedAndNothingIsWritten() throws IOException {
        Path good = Files.writeString(temp.resolve("good.md"), "<!-- generated: grades -->\nold\n" + DocTables.END + "\n");
        Path open = Files.writeString(temp.resolve("open.md"), "x\n<!-- generated: agents -->\nno end\n");
        Path unknown = Files.writeString(temp.resolve("unknown.md"), "<!-- generated: recipes -->\n" + DocTables.END + "\n");
        assertThat(Cli.badInput("rules", "--format", "markdown", "--update", good.toString(), open.toString()).err())
                .contains("open.md").contains("line 2").contains("has no '" + DocTables.END + "'");
        assertThat(Files.readString(good)).contains("old");
        assertThat(Cli.badInput("rules", "--format", "markdown", "--update", unknown.toString()).err())
                .contains("no generated table 'recipes'").contains("rules adcc.drl");
        assertThat(Cli.badInput("rules", "--update", good.toString()).err()).contains("--format markdown");
        Path missing = temp.resolve("nosuch.md");
        assertThat(Cli.badInput("rules", "--format", "markdown", "--update", missing.toString()).err())
                .isEqualTo("adcc: " + missing + ": cannot be read: no such file\n");
    }

    @Test
    void aSectionIsOnlyItsOwnTable() {
        KnowledgeBase kb = TestKb.kb();
        assertThatThrownBy(() -> DocTables.table(kb, "rules nosuch.drl")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DocTables.table(kb, "rules course.drl").lines().skip(2))
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains("`course.drl:"));
    }
}
