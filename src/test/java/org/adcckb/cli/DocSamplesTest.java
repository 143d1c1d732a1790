package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample of output the documentation shows is what the tool prints. A sample is a fenced block right after
 * a comment {@code <!-- sample: ARGS -->}, ARGS being the command line after {@code adcc}, run from the checkout:
 * <ul>
 *   <li>a {@code json} block is a trimmed copy of the output: each of its objects has a subset of the keys of the
 *       object it stands for, with the same values, and each of its arrays holds some of the elements of the
 *       array it stands for, in their order (an output of several JSON lines: of one of them);</li>
 *   <li>any other block is a selection of the output's lines (standard output, then standard error), in their
 *       order; lines starting with {@code $ } (the command) and lines of {@code …} or {@code ...} alone are left out.</li>
 * </ul>
 * A fenced block right after {@code <!-- excerpt: PATH -->} is a selection of the lines of that file of the
 * checkout, in their order (the same way), so a rule or a table row quoted in a document is the one shipped.
 */
class DocSamplesTest {

    // The fence may be indented (a block inside a list item): its body loses that indentation.
    private static final Pattern SAMPLE = Pattern.compile("<!-- sample: (.+?) -->[ \\t]*\\n([ \\t]*)```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXCERPT = Pattern.compile("<!-- excerpt: (.+?) -->[ \\t]*\\n([ \\t]*)```\\w*\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sample(Path doc, int line, List<String> args, String lang, String body) {
        @Override
        public String toString() {
            return doc + ":" + line + " adcc " + String.join(" ", args);
        }
    }

    static List<Sample> samples() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (Path doc : DocTablesTest.docs()) {
            String text = Files.readString(doc);
            Matcher m = SAMPLE.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                out.add(new Sample(doc, line, HelpExampleTest.words(m.group(1).strip()), m.group(3), dedent(m.group(4), m.group(2))));
            }
        }
        return out;
    }

    @Test
    void theDocsThatShowOutputMarkTheirSamples() throws IOException {
        assertThat(samples().stream().map(s -> s.doc().toString()).distinct())
                .contains("README.md", "docs/MODEL.md", "docs/JSON-OUTPUT.md");
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsWhatTheToolPrints() throws IOException {
        return samples().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            Cli.Run r = Cli.run(s.args().toArray(String[]::new));
            if (s.lang().equals("json")) {
                JsonNode sample = JSON.readTree(s.body());
                List<JsonNode> outputs = new ArrayList<>();
                try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(r.out())) {
                    it.forEachRemaining(outputs::add);
                }
                List<String> why = new ArrayList<>();
                boolean found = outputs.stream().anyMatch(o -> {
                    why.clear();
                    return within(sample, o, "$", why);
                });
                assertThat(found).as("%s: the sample is not part of the output (%s); the output:%n%s", s, why, r.out()).isTrue();
            } else {
                linesIn(s.toString(), s.body(), r.out() + r.err());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExcerptIsInItsFile() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : DocTablesTest.docs()) {
            Matcher m = EXCERPT.matcher(Files.readString(doc));
            while (m.find()) {
                String file = m.group(1).strip();
                String body = dedent(m.group(3), m.group(2));
                tests.add(DynamicTest.dynamicTest(doc + ": excerpt of " + file,
                        () -> linesIn(doc + ": excerpt of " + file, body, Files.readString(Path.of(file)))));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    /** The body of a fence indented by {@code indent}, without it. */
    private static String dedent(String body, String indent) {
        return indent.isEmpty() ? body : String.join("\n", body.lines()
                .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l).toList()) + "\n";
    }

    /** Every line of {@code sample} (but the command and elisions) is a line of {@code text}, in order. */
    private static void linesIn(String what, String sample, String text) {
        List<String> actual = text.lines().map(String::stripTrailing).toList();
        int at = 0;
        for (String line : sample.lines().map(String::stripTrailing).toList()) {
            if (line.isEmpty() || line.startsWith("$ ") || line.strip().equals("…") || line.strip().equals("...")) {
                continue;
            }
            int found = actual.subList(at, actual.size()).indexOf(line);
            assertThat(found).as("%s: the line%n%s%nis not in the output after line %d:%n%s", what, line, at,
                    String.join("\n", actual)).isNotNegative();
            at += found + 1;
        }
    }

    /** Whether {@code sample} is a trimmed copy of {@code actual}. */
    static boolean within(JsonNode sample, JsonNode actual, String path, List<String> why) {
        if (sample.isObject()) {
            if (!actual.isObject()) {
                why.add(path + " is not an object");
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = sample.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!actual.has(f.getKey())) {
                    why.add(path + "." + f.getKey() + " is not in the output");
                    return false;
                }
                if (!within(f.getValue(), actual.get(f.getKey()), path + "." + f.getKey(), why)) {
                    return false;
                }
            }
            return true;
        }
        if (sample.isArray()) {
            if (!actual.isArray()) {
                why.add(path + " is not an array");
                return false;
            }
            int at = 0;
            for (JsonNode element : sample) {
                while (at < actual.size() && !within(element, actual.get(at), path + "[]", new ArrayList<>())) {
                    at++;
                }
                if (at == actual.size()) {
                    why.add(path + ": no element (after the ones matched) is " + element);
                    return false;
                }
                at++;
            }
            return true;
        }
        if (!sample.equals(actual) && !(sample.isNumber() && actual.isNumber() && sample.asDouble() == actual.asDouble())) {
            why.add(path + " is " + actual + ", not " + sample);
            return false;
        }
        return true;
    }
}
