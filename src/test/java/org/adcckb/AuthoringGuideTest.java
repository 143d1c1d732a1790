package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adcckb.cli.Main;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.lint.Linter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/AUTHORING.md's worked example, done as the guide says on a copy of the knowledge base: the
 * snippets it shows are the ones applied, its commands are the ones run, and the output it quotes is
 * the output they give. Its templates load as written.
 */
class AuthoringGuideTest {

    private static final Path GUIDE = Path.of("docs/AUTHORING.md");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([^>]+?) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    private static Map<String, String> examples() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(Files.readString(GUIDE));
        while (m.find()) {
            out.put(m.group(1).strip(), m.group(2));
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private record Run(int code, String out) {
    }

    private static Run adcc(List<String> args) {
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute(args.toArray(String[]::new));
        return new Run(code, out.toString());
    }

    @Test
    void theWorkedExampleWorksAsWritten(@TempDir Path tmp) throws IOException {
        Map<String, String> ex = examples();
        assertThat(ex).containsKeys("vocabulary", "table-row", "commands");
        Path rules = tmp.resolve("rules");
        Path facts = tmp.resolve("facts");
        copyTree(TestKb.RULES, rules);
        copyTree(TestKb.FACTS, facts);

        // 1. the vocabulary entry, inside "agents"
        Path vocab = rules.resolve("vocabulary.json");
        String v = Files.readString(vocab);
        Files.writeString(vocab, v.replace("\"agents\": {", "\"agents\": {\n" + ex.get("vocabulary")));
        // 2. the table row
        Path table = rules.resolve("cd38-modulators.csv");
        String t = Files.readString(table);
        Files.writeString(table, (t.endsWith("\n") ? t : t + "\n") + ex.get("table-row"));
        // 3. the scenario test, where the guide says
        String scenarioKey = ex.keySet().stream().filter(k -> k.startsWith("scenario ")).findFirst().orElseThrow();
        Path scenario = tmp.resolve(scenarioKey.substring("scenario ".length()));
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, ex.get(scenarioKey));

        // 4. the commands, against the copy
        List<Run> runs = new ArrayList<>();
        for (String line : ex.get("commands").strip().split("\n")) {
            List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+")));
            assertThat(words.remove(0)).isEqualTo("./adcc");
            String command = words.remove(0);
            List<String> args = new ArrayList<>(List.of(command, "--rules", rules.toString()));
            for (String w : words) {
                args.add(w.equals("facts") ? facts.toString() : w);
            }
            Run r = adcc(args);
            assertThat(r.code()).as("%s%n%s", line, r.out()).isZero();
            runs.add(r);
        }

        String guide = Files.readString(GUIDE);
        Matcher lintEnd = Pattern.compile("`lint` ends with `([^`]+)`").matcher(guide);
        assertThat(lintEnd.find()).isTrue();
        assertThat(runs.get(0).out().strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(lintEnd.group(1));
        Matcher quoted = Pattern.compile("(?m)^ok   .*$").matcher(guide);
        int found = 0;
        while (quoted.find()) {
            assertThat(runs.get(1).out()).contains(quoted.group());
            found++;
        }
        assertThat(found).isEqualTo(2);
        assertThat(runs.get(1).out()).containsPattern("\\d+ passed, 0 failed\\n$");
    }

    @Test
    void theTemplatesLoadAsWritten(@TempDir Path tmp) throws IOException {
        Map<String, String> ex = examples();
        assertThat(ex).containsKeys("template-rule-file", "template-table-row");
        Path rules = tmp.resolve("rules");
        copyTree(TestKb.RULES, rules);
        Files.writeString(rules.resolve("topic.drl"), ex.get("template-rule-file"));
        Path table = rules.resolve("cd38-modulators.csv");
        String t = Files.readString(table);
        Files.writeString(table, (t.endsWith("\n") ? t : t + "\n") + ex.get("template-table-row"));

        KnowledgeBase kb = KnowledgeBaseLoader.load(rules, CompiledCache.OFF);
        assertThat(kb.rule("State the finding the rule encodes as a sentence")).hasValueSatisfying(r -> {
            assertThat(r.file()).isEqualTo("topic.drl");
            assertThat(r.evidence()).isEqualTo("A");
            assertThat(r.inferred()).isNotBlank();
        });
        assertThat(kb.rule("State the finding the row encodes as a sentence")).hasValueSatisfying(r -> {
            assertThat(r.file()).isEqualTo("cd38-modulators.csv");
            assertThat(r.inferred()).isNotBlank();
        });
        Linter.Report lint = Linter.lint(rules, 0);
        assertThat(lint.errors()).as("%s", lint.findings()).isZero();
    }
}
