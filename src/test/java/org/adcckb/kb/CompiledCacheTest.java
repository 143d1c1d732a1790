package org.adcckb.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.report.JsonReport;
import org.adcckb.report.RulesReport;
import org.adcckb.report.TextReport;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled knowledge-base cache: same answers as a fresh compile, keyed by the rules, robust to damage. */
class CompiledCacheTest {

    @TempDir
    Path tmp;

    private static List<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every shipped scenario's explain JSON and text, and the rules listing, as one string. */
    static String everything(KnowledgeBase kb) throws IOException {
        StringBuilder out = new StringBuilder(JsonReport.pretty(RulesReport.json(kb))).append('\n');
        Reasoner reasoner = new Reasoner(kb);
        ScenarioReader reader = new ScenarioReader(kb.vocabulary());
        for (Path f : scenarios()) {
            Evaluation ev = reasoner.evaluate(reader.read(f));
            out.append(f).append('\n').append(JsonReport.pretty(JsonReport.toJson(ev, kb.fingerprint()))).append('\n')
                    .append(TextReport.render(ev)).append('\n');
        }
        return out.toString();
    }

    static Path copyRules(Path to) throws IOException {
        Path rules = Files.createDirectories(to.resolve("rules"));
        TestKb.copyRules(rules);
        return rules;
    }

    static List<Path> entries(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.toString().endsWith(CompiledCache.SUFFIX)).sorted().toList();
        }
    }

    @Test
    void aCachedLoadAnswersEveryShippedScenarioByteForByteAsAFreshCompile() throws IOException {
        CompiledCache cache = CompiledCache.in(tmp.resolve("cache"));
        KnowledgeBase compiled = KnowledgeBaseLoader.load(TestKb.RULES, CompiledCache.OFF);
        KnowledgeBase first = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        KnowledgeBase cached = KnowledgeBaseLoader.load(TestKb.RULES, cache);

        assertThat(compiled.cached()).isFalse();
        assertThat(first.cached()).as("an empty cache is filled, not read").isFalse();
        assertThat(cached.cached()).isTrue();
        assertThat(entries(tmp.resolve("cache"))).hasSize(1);
        assertThat(cached.fingerprint()).isEqualTo(compiled.fingerprint());
        assertThat(cached.rules()).isEqualTo(compiled.rules());
        String expected = everything(compiled);
        assertThat(everything(first)).isEqualTo(expected);
        assertThat(everything(cached)).isEqualTo(expected);
    }

    @Test
    void editedRulesNeverUseTheEntryOfTheRulesBefore() throws IOException {
        Path rules = copyRules(tmp);
        CompiledCache cache = CompiledCache.in(tmp.resolve("cache"));
        KnowledgeBase before = KnowledgeBaseLoader.load(rules, cache);
        assertThat(KnowledgeBaseLoader.load(rules, cache).cached()).isTrue();

        Path drl = rules.resolve("fratricide.drl");
        String text = Files.readString(drl);
        String old = "NK-cell depletion under daratumumab is caused by NK fratricide through ADCC (Wang 2018).";
        assertThat(text).contains(old);
        Files.writeString(drl, text.replace(old, "Edited: NK fratricide through ADCC (Wang 2018)."));

        KnowledgeBase after = KnowledgeBaseLoader.load(rules, cache);
        assertThat(after.cached()).isFalse();
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(after.rules()).extracting(RuleInfo::rationale)
                .contains("Edited: NK fratricide through ADCC (Wang 2018).").doesNotContain(old);
        assertThat(entries(tmp.resolve("cache"))).hasSize(2);
        assertThat(KnowledgeBaseLoader.load(rules, cache).cached()).isTrue();
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnoredAndReplaced() throws IOException {
        CompiledCache cache = CompiledCache.in(tmp.resolve("cache"));
        KnowledgeBase compiled = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        Path entry = cache.entry(compiled.fingerprint());
        byte[] good = Files.readAllBytes(entry);
        String expected = everything(compiled);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x55;
        List<byte[]> damaged = new ArrayList<>(List.of(
                "not a cache entry".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                java.util.Arrays.copyOf(good, good.length / 2),
                flipped));
        for (byte[] bad : damaged) {
            Files.write(entry, bad);
            KnowledgeBase kb = KnowledgeBaseLoader.load(TestKb.RULES, cache);
            assertThat(kb.cached()).isFalse();
            assertThat(everything(kb)).isEqualTo(expected);
            assertThat(Files.readAllBytes(entry)).as("replaced").isNotEqualTo(bad);
            assertThat(KnowledgeBaseLoader.load(TestKb.RULES, cache).cached()).isTrue();
        }
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsACompile() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        CompiledCache cache = CompiledCache.in(notADirectory.resolve("cache"));
        KnowledgeBase kb = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        assertThat(kb.cached()).isFalse();
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, cache).cached()).isFalse();
    }

    @Test
    void rulesThatFailToLoadAreNeverCached() throws IOException {
        Path rules = copyRules(tmp);
        Path drl = rules.resolve("fratricide.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("@source\\([^)]*\\)", ""));
        Path cacheDir = tmp.resolve("cache");
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(rules, CompiledCache.in(cacheDir)))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("@source");
        assertThat(entries(cacheDir)).isEmpty();
    }

    @Test
    void theCacheCanBeTurnedOff() throws IOException {
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, CompiledCache.OFF).cached()).isFalse();
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, CompiledCache.OFF).cached()).isFalse();

        String saved = System.getProperty(CompiledCache.PROPERTY);
        try {
            System.setProperty(CompiledCache.PROPERTY, "off");
            assertThat(CompiledCache.configured().enabled()).isFalse();
            System.setProperty(CompiledCache.PROPERTY, tmp.resolve("elsewhere").toString());
            assertThat(CompiledCache.configured().directory()).contains(tmp.resolve("elsewhere"));
            KnowledgeBaseLoader.load(TestKb.RULES);
            assertThat(entries(tmp.resolve("elsewhere"))).hasSize(1);
            assertThat(KnowledgeBaseLoader.load(TestKb.RULES).cached()).isTrue();
        } finally {
            if (saved == null) {
                System.clearProperty(CompiledCache.PROPERTY);
            } else {
                System.setProperty(CompiledCache.PROPERTY, saved);
            }
        }
    }

    @Test
    void onlyTheNewestEntriesAreKept() throws IOException {
        Path cacheDir = tmp.resolve("cache");
        CompiledCache cache = CompiledCache.in(cacheDir);
        KnowledgeBase kb = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        var packages = cache.read(kb.fingerprint()).orElseThrow();
        long t = System.currentTimeMillis() - 1_000_000;
        Files.setLastModifiedTime(cache.entry(kb.fingerprint()), FileTime.fromMillis(t - 1000));
        for (int i = 0; i < CompiledCache.KEEP + 4; i++) {
            cache.write("fingerprint " + i, packages);
            Files.setLastModifiedTime(cache.entry("fingerprint " + i), FileTime.fromMillis(t + i * 1000L));
        }
        List<Path> kept = entries(cacheDir);
        assertThat(kept).hasSize(CompiledCache.KEEP);
        assertThat(kept).contains(cache.entry("fingerprint " + (CompiledCache.KEEP + 3)))
                .doesNotContain(cache.entry(kb.fingerprint()), cache.entry("fingerprint 0"));
    }
}
