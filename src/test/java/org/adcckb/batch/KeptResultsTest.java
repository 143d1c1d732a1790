package org.adcckb.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.input.Limits;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.RulesFiles;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.RunLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results a batch keeps on disk for the next one ({@link KeptResults}) give the bytes a batch computes
 * afresh: for the same cohort, for another cohort of the same vocabulary written otherwise, with bad lines
 * among them; they are never read for edited rules, other options or a damaged file, and a batch answered
 * from them alone does not load the rules.
 */
class KeptResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunLimits RUN = RunLimits.DEFAULT;

    @TempDir
    Path tmp;

    /**
     * A cohort of the CLIPS peer's shape, narrowed: two cells, 0-2 treatments, some knockouts; 120 distinct
     * contents, so that 1,500 lines see each of them more than once.
     */
    private static List<String> cohort(int n, long seed, boolean otherForm) {
        return cohort(n, seed, otherForm, false);
    }

    /**
     * As above; in the other form (cells reversed, other white space) a line in seven has a title; {@code unique}
     * names each myeloma population's cell line, so no two lines have the same content.
     */
    private static List<String> cohort(int n, long seed, boolean otherForm, boolean unique) {
        Random r = new Random(seed);
        String[] levels = {"none", "low", "medium", "high"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode s = JSON.createObjectNode();
            s.put("id", (otherForm ? "o" : "s") + i);
            if (otherForm && i % 7 == 3) {
                s.put("title", "title \"" + i + "\" é");
            }
            ArrayNode cells = s.putArray("cells");
            ObjectNode mm = JSON.createObjectNode().put("id", "mm").put("type", "myeloma").put("cd38", levels[r.nextInt(4)]);
            if (unique) {
                mm.put("line", "line-" + i);
            }
            ObjectNode nk = JSON.createObjectNode().put("id", "nk").put("type", "nk")
                    .put("cd16", "158V").put("cd38", levels[r.nextInt(4)]);
            if (r.nextInt(5) == 0) {
                nk.put("cd38Knockout", true).put("cd38", "none");
            }
            if (otherForm) {
                cells.add(nk).add(mm);
            } else {
                cells.add(mm).add(nk);
            }
            ArrayNode tr = s.putArray("treatments");
            if (r.nextBoolean()) {
                tr.addObject().put("agent", "daratumumab");
            }
            if (r.nextBoolean()) {
                tr.addObject().put("agent", "atra").put("on", r.nextBoolean() ? "mm" : "nk");
            }
            String line = s.toString();
            out.add(otherForm ? line.replace(",", ", ") : line);
        }
        return out;
    }

    private CompiledCache cache() {
        return CompiledCache.in(tmp.resolve("cache"));
    }

    /** A batch's output over {@code lines} by {@code evaluator}, in order, on one thread. */
    private static String run(Lines evaluator, List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = 0;
        for (String line : lines) {
            evaluator.evaluate(line.getBytes(StandardCharsets.UTF_8), ++n, "cohort.jsonl", out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String fresh(List<String> lines, boolean explain) {
        return run(new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, explain, Lines.Tabling.NONE), lines);
    }

    /** Lines starting from what {@code cache} kept for the shipped rules; {@code loads} counts loads of the rules. */
    private static Lines kept(CompiledCache cache, Path rules, boolean explain, int[] loads) {
        return lines(cache, rules, explain, loads, () -> {
            KnowledgeBase kb = rules.equals(TestKb.RULES) ? TestKb.kb() : KnowledgeBaseLoader.load(rules, CompiledCache.OFF);
            return new Lines.Knowledge(kb, new Reasoner(kb, RUN));
        });
    }

    /** Lines starting from the results kept for {@code keptFor}, loading the rules in {@code loadFrom} as they are then. */
    private static Lines lines(CompiledCache cache, RulesFiles keptFor, Path loadFrom, boolean explain, int[] loads) {
        KeptResults kept = KeptResults.open(cache, keptFor, explain, Limits.DEFAULT, RUN);
        return new Lines(() -> {
            loads[0]++;
            KnowledgeBase kb = KnowledgeBaseLoader.load(loadFrom, CompiledCache.OFF);
            return new Lines.Knowledge(kb, new Reasoner(kb, RUN));
        }, Limits.DEFAULT, explain, kept);
    }

    private static Lines lines(CompiledCache cache, Path rules, boolean explain, int[] loads,
            java.util.function.Supplier<Lines.Knowledge> load) {
        KeptResults kept = KeptResults.open(cache, RulesFiles.read(rules), explain, Limits.DEFAULT, RUN);
        return new Lines(() -> {
            loads[0]++;
            return load.get();
        }, Limits.DEFAULT, explain, kept);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(KeptResults.SUFFIX)).sorted().toList();
        }
    }

    @Test
    void aBatchAnsweredFromKeptResultsIsTheBatchComputedAfreshAndLoadsNoRules() throws IOException {
        for (boolean explain : new boolean[] {true, false}) {
            List<String> cohort = cohort(1500, 7, false);
            String expected = fresh(cohort, explain);
            int[] loads = {0};
            Lines first = kept(cache(), TestKb.RULES, explain, loads);
            assertThat(run(first, cohort)).isEqualTo(expected);
            assertThat(loads[0]).isEqualTo(1);
            assertThat(first.keptAnswers()).isZero();
            first.keepResults();

            // Another cohort of the same vocabulary, drawn with another seed: its contents were all seen.
            List<String> other = cohort(1500, 11, false);
            int[] again = {0};
            Lines second = kept(cache(), TestKb.RULES, explain, again);
            assertThat(run(second, other)).isEqualTo(fresh(other, explain));
            assertThat(second.rulesLoaded()).as("no line needed the rules").isFalse();
            assertThat(again[0]).isZero();
            assertThat(second.keptAnswers()).isEqualTo(other.size());
        }
        assertThat(files()).as("one file with explanations, one without").hasSize(2);
    }

    @Test
    void aCohortWrittenOtherwiseIsFoundByContentWithBadLinesAmongIt() throws IOException {
        List<String> cohort = cohort(1500, 7, false);
        Lines first = kept(cache(), TestKb.RULES, true, new int[1]);
        run(first, cohort);
        first.keepResults();

        List<String> other = new ArrayList<>(cohort(600, 5, true));
        other.add(100, "{\"id\": \"bad\", \"cells\": [");
        other.add(200, "{\"id\": \"BAD id\", \"cells\": [], \"treatments\": []}");
        other.add(300, other.get(10).replace("\"atra\"", "\"atrra\""));
        other.add(400, "{\"expect\": {\"adcc\": \"increased\"}, " + other.get(20).substring(1));
        int[] loads = {0};
        Lines second = kept(cache(), TestKb.RULES, true, loads);
        assertThat(run(second, other)).isEqualTo(fresh(other, true));
        assertThat(loads[0]).as("the reader needs the vocabulary of the rules").isEqualTo(1);
        assertThat(second.keptAnswers()).isGreaterThan(500);
        second.keepResults();

        // What the second batch learnt (raw keys of the other form) spares a third one the rules.
        List<String> third = cohort(600, 5, true);
        Lines again = kept(cache(), TestKb.RULES, true, new int[1]);
        assertThat(run(again, third)).isEqualTo(fresh(third, true));
        assertThat(again.rulesLoaded()).isFalse();
    }

    @Test
    void otherOptionsEditedRulesOrADamagedFileReadNothing() throws IOException {
        List<String> cohort = cohort(800, 7, false);
        Lines first = kept(cache(), TestKb.RULES, true, new int[1]);
        run(first, cohort);
        first.keepResults();
        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), true, Limits.DEFAULT, RUN).found()).isTrue();

        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), false, Limits.DEFAULT, RUN).found()).as("without explanations").isFalse();
        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), true, new Limits(1000, 64, 1000, 64, 64), RUN).found())
                .as("other input limits").isFalse();
        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), true, Limits.DEFAULT, new RunLimits(10, 1000)).found())
                .as("other run limits").isFalse();
        assertThat(KeptResults.open(CompiledCache.OFF, RulesFiles.read(TestKb.RULES), true, Limits.DEFAULT, RUN).found()).as("cache off").isFalse();

        Path edited = TestKb.copyRules(tmp.resolve("rules"));
        assertThat(KeptResults.open(cache(), RulesFiles.read(edited), true, Limits.DEFAULT, RUN).found()).as("a copy of the rules is the same rules").isTrue();
        Path drl = edited.resolve("adcc.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// an edit\n");
        assertThat(KeptResults.open(cache(), RulesFiles.read(edited), true, Limits.DEFAULT, RUN).found()).as("edited rules").isFalse();

        Path file = files().get(0);
        // Renamed to stand for the same rules without explanations: the MAC covers the name.
        Lines lean = kept(cache(), TestKb.RULES, false, new int[1]);
        run(lean, cohort);
        lean.keepResults();
        Path leanFile = files().stream().filter(p -> !p.equals(file)).findFirst().orElseThrow();
        Files.copy(file, leanFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), false, Limits.DEFAULT, RUN).found()).as("a renamed file").isFalse();

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), true, Limits.DEFAULT, RUN).found()).as("a damaged file").isFalse();
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), true, Limits.DEFAULT, RUN).found()).as("a cut file").isFalse();
        Lines after = kept(cache(), TestKb.RULES, true, new int[1]);
        assertThat(run(after, cohort)).isEqualTo(fresh(cohort, true));
    }

    @Test
    void aBatchAnswersWithTheRulesItReadAtItsStartAndNeverMixesTwoRuleSets() throws IOException {
        Path rules = TestKb.copyRules(tmp.resolve("rules"));
        List<String> cohort = cohort(800, 7, false);
        Lines first = kept(cache(), rules, false, new int[1]);
        run(first, cohort);
        first.keepResults();
        byte[] unseen = "{\"id\": \"x\", \"cells\": [{\"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"high\"}], \"treatments\": []}"
                .getBytes(StandardCharsets.UTF_8);
        Path drl = rules.resolve("adcc.drl");
        String before = Files.readString(drl);

        // As batch does: the files read at the start, the rules loaded from them when a line first needs them.
        RulesFiles read = RulesFiles.read(rules);
        int[] loads = {0};
        Lines asBatch = new Lines(() -> {
            loads[0]++;
            KnowledgeBase kb = KnowledgeBaseLoader.load(read, CompiledCache.OFF);
            return new Lines.Knowledge(kb, new Reasoner(kb, RUN));
        }, Limits.DEFAULT, false, KeptResults.open(cache(), read, false, Limits.DEFAULT, RUN));
        Files.writeString(drl, before.replace("\nrule ", "\nrule-broken "), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(cohort.subList(0, 50));
        lines.add(new String(unseen, StandardCharsets.UTF_8));
        assertThat(run(asBatch, lines)).as("the rules as read, not as edited").isEqualTo(fresh(lines, false));
        assertThat(loads[0]).isEqualTo(1);

        // Rules loaded from the directory as it is now are refused: a safeguard, should they ever be.
        Files.writeString(drl, before + "\n// edited while the batch ran\n", StandardCharsets.UTF_8);
        Lines second = lines(cache(), RulesFiles.read(TestKb.RULES), rules, false, new int[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        second.evaluate(cohort.get(0).getBytes(StandardCharsets.UTF_8), 1, "cohort.jsonl", out);
        assertThat(out.size()).as("a line found among the kept results").isPositive();
        assertThatThrownBy(() -> second.evaluate(unseen, 2, "cohort.jsonl", new ByteArrayOutputStream()))
                .isInstanceOf(Lines.RulesUnavailable.class).cause()
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("changed while the batch was running");

        // Through the pipeline, as batch runs it: the run ends with the loader's own exception, after whole lines.
        Lines third = kept(cache(), rules, false, loads); // nothing kept for the rules as they are now: loaded at once
        assertThat(third.rulesLoaded()).isTrue();
        run(third, cohort);
        third.keepResults();
        Lines fourth = lines(cache(), rules, false, loads, () -> {
            throw new org.adcckb.input.InputException("rules/vocabulary.json", "$.agents", "broken meanwhile");
        });
        List<String> input = new ArrayList<>(cohort(800, 7, false));
        input.add(new String(unseen, StandardCharsets.UTF_8));
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new Pipeline(fourth, 2, Limits.DEFAULT.maxBytes(), "cohort.jsonl", Sinks.bytes(out2),
                new java.io.PrintWriter(java.io.OutputStream.nullOutputStream())).run(new java.io.ByteArrayInputStream(
                String.join("\n", input).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.adcckb.input.InputException.class).hasMessageContaining("broken meanwhile");
        assertThat(out2.toString(StandardCharsets.UTF_8)).as("whole lines only").satisfiesAnyOf(
                o -> assertThat(o).isEmpty(), o -> assertThat(o).endsWith("\n"));
        assertThatThrownBy(() -> fourth.evaluate(unseen, 2, "cohort.jsonl", new ByteArrayOutputStream()))
                .as("a failed load is not tried again").isInstanceOf(Lines.RulesUnavailable.class);
    }

    @Test
    void resultsKeptByABatchWhoseRulesChangedBeforeItsLoadAreNamedForTheRulesItLoaded() throws IOException {
        Path rules = TestKb.copyRules(tmp.resolve("rules"));
        KeptResults kept = KeptResults.open(cache(), RulesFiles.read(rules), false, Limits.DEFAULT, RUN);
        Path drl = rules.resolve("adcc.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// edited before the rules were loaded\n");
        KnowledgeBase edited = KnowledgeBaseLoader.load(rules, CompiledCache.OFF);
        Lines batch = new Lines(() -> new Lines.Knowledge(edited, new Reasoner(edited, RUN)), Limits.DEFAULT, false, kept);
        run(batch, cohort(800, 7, false));
        batch.keepResults();
        assertThat(KeptResults.open(cache(), RulesFiles.read(rules), false, Limits.DEFAULT, RUN).found()).as("under the edited rules").isTrue();
        Files.writeString(drl, Files.readString(drl).replace("\n// edited before the rules were loaded\n", ""));
        assertThat(KeptResults.open(cache(), RulesFiles.read(rules), false, Limits.DEFAULT, RUN).found()).as("not under the rules before").isFalse();
    }

    @Test
    void anIdPastMaxStringIsRefusedEvenWhenItsContentIsKept() throws IOException {
        Limits limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxDepth(), 8, Limits.DEFAULT.maxCells(),
                Limits.DEFAULT.maxTreatments());
        String content = "\"cells\": [{\"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\"}], \"treatments\": []}";
        List<String> lines = List.of("{\"id\": \"s1\", " + content, "{\"id\": \"s2\", " + content,
                "{\"id\": \"scenario-000123\", " + content);
        String expected = run(new Lines(TestKb.kb(), TestKb.reasoner(), limits, false, Lines.Tabling.NONE), lines);
        assertThat(expected.lines().toList().get(2)).contains("\"error\"");
        KeptResults none = KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), false, limits, RUN);
        Lines first = new Lines(() -> new Lines.Knowledge(TestKb.kb(), TestKb.reasoner()), limits, false, none);
        assertThat(run(first, lines)).isEqualTo(expected);
        first.keepResults();
        Lines second = new Lines(() -> new Lines.Knowledge(TestKb.kb(), TestKb.reasoner()), limits, false,
                KeptResults.open(cache(), RulesFiles.read(TestKb.RULES), false, limits, RUN));
        assertThat(run(second, lines)).isEqualTo(expected);
    }

    @Test
    void aCohortOfUniqueScenariosKeepsNothing() throws IOException {
        List<String> unique = cohort(300, 7, false, true);
        Lines batch = kept(cache(), TestKb.RULES, true, new int[1]);
        assertThat(run(batch, unique)).isEqualTo(fresh(unique, true));
        batch.keepResults();
        assertThat(files()).isEmpty();
    }

    @Test
    void theFileFormatRefusesWhatItDidNotWrite() throws IOException {
        Map<RawLine.Key, byte[]> raw = new HashMap<>();
        Map<RawLine.Key, byte[]> contents = new HashMap<>();
        byte[] tail = "tail\n".getBytes(StandardCharsets.UTF_8);
        raw.put(new RawLine.Key(new byte[] {1, 2}), tail);
        contents.put(new RawLine.Key(new byte[] {3}), tail);
        byte[] file = KeptResults.encode(new ResultTable.Worth(raw, contents, true), 1 << 20);
        Map<RawLine.Key, byte[]> r = new HashMap<>();
        Map<RawLine.Key, byte[]> c = new HashMap<>();
        assertThat(KeptResults.decode(KeptResults.decompress(java.nio.ByteBuffer.wrap(file), 1 << 20), r, c)).isTrue();
        assertThat(r).containsOnlyKeys(new RawLine.Key(new byte[] {1, 2}));
        assertThat(c.values()).singleElement().isEqualTo(tail);
        assertThat(r.values().iterator().next()).as("one tail, shared").isSameAs(c.values().iterator().next());

        for (byte[] bad : List.of(new byte[0], java.util.Arrays.copyOf(file, file.length - 1),
                java.util.Arrays.copyOf(file, file.length + 1), new byte[] {0, 0x20, 0, 0, 1})) {
            assertThat(KeptResults.decode(KeptResults.decompress(java.nio.ByteBuffer.wrap(bad), 1 << 20), new HashMap<>(), new HashMap<>()))
                    .as("%d bytes", bad.length).isFalse();
        }
        byte[] body = KeptResults.decompress(java.nio.ByteBuffer.wrap(file), 1 << 20).array();
        byte[] wrongIndex = body.clone();
        wrongIndex[wrongIndex.length - 1] = 9; // the content's tail index
        assertThat(KeptResults.decode(java.nio.ByteBuffer.wrap(wrongIndex), new HashMap<>(), new HashMap<>())).isFalse();
        Map<RawLine.Key, byte[]> none = new HashMap<>();
        assertThat(KeptResults.decode(KeptResults.decompress(java.nio.ByteBuffer.wrap(
                KeptResults.encode(new ResultTable.Worth(raw, contents, true), 12)), 1 << 20), none, none)).as("over the bound: nothing").isTrue();
        assertThat(none).isEmpty();

        // A full file: contents come first, raw keys only for the results chosen.
        Map<RawLine.Key, byte[]> bigRaw = new HashMap<>();
        Map<RawLine.Key, byte[]> someContents = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            byte[] t = ("tail " + i + "\n").getBytes(StandardCharsets.UTF_8);
            someContents.put(new RawLine.Key(new byte[] {(byte) i}), t);
            bigRaw.put(new RawLine.Key(new byte[1000 + i]), t);
        }
        Map<RawLine.Key, byte[]> r2 = new HashMap<>();
        Map<RawLine.Key, byte[]> c2 = new HashMap<>();
        assertThat(KeptResults.decode(KeptResults.decompress(java.nio.ByteBuffer.wrap(KeptResults.encode(
                new ResultTable.Worth(bigRaw, someContents, true), 2000)), 1 << 20), r2, c2)).isTrue();
        assertThat(c2).as("every content fits").hasSize(10);
        assertThat(r2).as("one raw key of a thousand bytes fits beside them").hasSize(1);
    }

    @Test
    void resultsReadFromTheDiskOutliveTheTurnsOfTheTable() {
        ResultTable table = new ResultTable(10_000);
        RawLine.Key key = new RawLine.Key("kept line".getBytes(StandardCharsets.UTF_8));
        byte[] tail = "kept\n".getBytes(StandardCharsets.UTF_8);
        table.preload(Map.of(key, tail), Map.of());
        for (int i = 0; i < 1000; i++) { // a cohort of unique scenarios turns the generations many times
            table.put(new RawLine.Key(("line " + i).getBytes(StandardCharsets.UTF_8)), new byte[500]);
        }
        assertThat(table.get(key)).isSameAs(tail);
        assertThat(table.fromDisk(tail)).isTrue();
        assertThat(table.worth().raw()).as("carried over to the next file").containsKey(key);
    }
}
