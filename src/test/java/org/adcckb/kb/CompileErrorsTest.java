package org.adcckb.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.lint.Linter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile errors a rule author meets most, each made on a copy of the rules: the message says what is
 * wrong and how to fix it, at the file and line, in the rule it is in; lint says the same.
 */
class CompileErrorsTest {

    @TempDir
    Path tmp;

    private static final String HEADER = "package adcckb.extra;\n\nimport org.adcckb.facts.*;\n\n";
    private static final String RULE = """
            rule "My rule"
                @source("PMID:9242542")
                @evidence("C")
                @rationale("A rule to break.")
            when
                %s
            then
                insertLogical( new AdccModifier( $t, $e, $ab, Estimate.of( -1.0, -1.5, -0.5 ), "a reason" ) );
            %s""";
    private static final String ENGAGEMENT = "AdccEngagement( $t : target, $e : effector, $ab : antibody )";

    private Path rules() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** The one problem loading {@code dir} gives, and lint gives the same at the same place. */
    private static Problem theProblem(Path dir) {
        KnowledgeBaseException e = catchThrowableOfType(() -> KnowledgeBaseLoader.load(dir, CompiledCache.OFF),
                KnowledgeBaseException.class);
        assertThat(e).isNotNull();
        Problem p = e.problems().get(0);
        assertThat(e.problems()).as("%s", e.problems()).allSatisfy(q -> assertThat(q.message()).isEqualTo(p.message()));
        List<Linter.Finding> errors = Linter.lint(dir, 0).findings().stream().filter(Linter.Finding::error).toList();
        assertThat(errors).as("%s", errors).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo(p.file());
            assertThat(f.line()).isEqualTo(p.line());
            assertThat((f.rule() == null ? "" : "rule \"" + f.rule() + "\": ") + f.message()).isEqualTo(p.message());
        });
        return p;
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

    @Test
    void aRuleFileWithoutItsHeaderIsToldTheHeader() throws IOException {
        Path dir = rules();
        Path drl = dir.resolve("extra.drl");
        Files.writeString(drl, RULE.formatted(ENGAGEMENT, "end\n"));

        Problem p = theProblem(dir);

        assertThat(p.toString()).isEqualTo(drl + ":" + lineOf(drl, "AdccEngagement(") + ": rule \"My rule\": the fact type "
                + "AdccEngagement is unknown here; a rule file starts with `package adcckb.<name>;` and "
                + "`import org.adcckb.facts.*;` (see docs/AUTHORING.md)");
    }

    @Test
    void aMisspeltFactTypeIsToldTheFactTypes() throws IOException {
        Path dir = rules();
        Path drl = dir.resolve("extra.drl");
        Files.writeString(drl, HEADER + RULE.formatted("AdccEngagment( $t : target, $e : effector, $ab : antibody )", "end\n"));

        Problem p = theProblem(dir);

        assertThat(p.line()).isEqualTo(lineOf(drl, "AdccEngagment("));
        assertThat(p.message()).startsWith("rule \"My rule\": there is no fact type AdccEngagment (did you mean 'AdccEngagement'?); "
                + "the fact types are Adcc, AdccEngagement, ");
    }

    @Test
    void aFoldThatIsNotANumberIsToldToBeOne() throws IOException {
        Path dir = rules();
        Path table = dir.resolve("cd38-modulators.csv");
        Files.writeString(table, Files.readString(table).replace(",atra,myeloma,3.0,", ",atra,myeloma,two,"));

        Problem p = theProblem(dir);

        assertThat(p.toString()).isEqualTo(table + ":" + lineOf(table, ",atra,myeloma,two,")
                + ": fold 'two' is not a number; write a number such as 2.0");
    }

    @Test
    void aMissingEndIsAskedAbout() throws IOException {
        Path dir = rules();
        Path drl = dir.resolve("extra.drl");
        Files.writeString(drl, HEADER + RULE.formatted(ENGAGEMENT, ""));

        Problem p = theProblem(dir);

        assertThat(p.file()).isEqualTo(drl.toString());
        assertThat(p.line()).isEqualTo(Files.readAllLines(drl).size() + 1);
        assertThat(p.message()).isEqualTo("the file ends inside rule \"My rule\": is its `end` missing?");
    }

    @Test
    void anUnknownFieldIsToldTheFieldsOfItsFactType() throws IOException {
        Path dir = rules();
        Path drl = dir.resolve("extra.drl");
        Files.writeString(drl, HEADER + RULE.formatted(ENGAGEMENT + "\n    Cell( colour == \"red\" )", "end\n"));

        Problem p = theProblem(dir);

        assertThat(p.toString()).isEqualTo(drl + ":" + lineOf(drl, "colour") + ": rule \"My rule\": Cell has no field 'colour'; "
                + "its fields are id, type, cd38, cd16, cd38Knockout, line, subsets; also cd38Expressed, cd38Rank, heterogeneous");
    }

    @Test
    void aBareWordInAConclusionIsToldToQuoteIt() throws IOException {
        Path dir = rules();
        Path drl = dir.resolve("extra.drl");
        Files.writeString(drl, HEADER + RULE.formatted(ENGAGEMENT, "end\n").replace("\"a reason\"", "reason"));

        Problem p = theProblem(dir);

        assertThat(p.toString()).isEqualTo(drl + ":" + lineOf(drl, "rule \"My rule\"") + ": rule \"My rule\": reason is not bound "
                + "in this rule: put text in double quotes (\"reason\"), or use a name bound in a condition ($name)");
    }

    @Test
    void theRuleOfALineIsTheOneBetweenItsHeaderAndItsEnd() {
        String text = HEADER + RULE.formatted(ENGAGEMENT, "end\n") + "\n// after\n";
        assertThat(CompileErrors.ruleAt(text, 1)).isEmpty();
        assertThat(CompileErrors.ruleAt(text, 10)).contains("My rule");
        assertThat(CompileErrors.ruleAt(text, text.split("\n").length)).isEmpty();
    }
}
