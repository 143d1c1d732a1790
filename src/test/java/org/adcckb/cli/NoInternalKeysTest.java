package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Output meant for people never shows the engine's fact keys ({@code modifier:nk>mm:daratumumab:...},
 * {@code surface:mm}) nor a value said twice ({@code (was: (unchanged from high))}): every text and HTML
 * output of the shipped scenarios is scanned, and the what-if and why-not answers of Lejeune's.
 */
class NoInternalKeysTest {

    /** A fact key: one of the engine's key prefixes, a colon, then no space (as in {@code binding:daratumumab@mm}). */
    private static final Pattern KEY = Pattern.compile("\\b(exposure|agent|engagement|depletion|fratricide|modifier|setting|adcc"
            + "|scale|binding|modulation|subset|cell|survivors|cleared|masked|surface|outcome|rule|probe#\\d+):[A-Za-z0-9_$]");
    private static final Pattern SAID_TWICE = Pattern.compile("\\(was: [^()]*\\(unchanged from|\\(was: \\(");

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("facts"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> explainTextAndHtmlOfEveryScenario() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : scenarios()) {
            tests.add(DynamicTest.dynamicTest("explain " + f, () -> clean("explain " + f, Cli.ok("explain", f.toString()).out())));
            tests.add(DynamicTest.dynamicTest("explain --format html " + f,
                    () -> clean("html of " + f, visible(Cli.ok("explain", "--format", "html", f.toString()).out()))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> whatIfAndWhyNotOfLejeunesScenarios() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : scenarios()) {
            if (!f.startsWith(Path.of("facts", "lejeune-2021"))) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("whatif " + f, () -> clean("whatif " + f,
                    Cli.ok("whatif", f.toString(), "--add", "ifn_gamma", "--add", "dara_fab2").out())));
            tests.add(DynamicTest.dynamicTest("whynot " + f, () -> {
                Cli.Run r = Cli.run("whynot", f.toString(), "--goal", "adcc=high", "--max", "2",
                        "--agents", "atra,ifn_alpha,cd38_nanobody,daratumumab");
                assertThat(r.exit()).as(r.err()).isZero();
                clean("whynot " + f, r.out());
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void theScanFindsAKeyAndAValueSaidTwice() {
        // The scan itself must be able to fail.
        assertThat(KEY.matcher("because of: modifier:nk>mm:daratumumab:effector CD38").find()).isTrue();
        assertThat(KEY.matcher("<title>cell:mm").find()).isTrue();
        assertThat(SAID_TWICE.matcher("is medium (was: low (unchanged from low))").find()).isTrue();
        assertThat(KEY.matcher("ADCC of nk against mm: high (was: moderate); see rule \"X\" (adcc.drl:8)").find()).isFalse();
    }

    private static void clean(String what, String text) {
        Matcher key = KEY.matcher(text);
        assertThat(key.find()).as("%s shows an internal key near: %s", what, key.hitEnd() ? "" : around(text, key)).isFalse();
        Matcher twice = SAID_TWICE.matcher(text);
        assertThat(twice.find()).as("%s says a value twice near: %s", what, twice.hitEnd() ? "" : around(text, twice)).isFalse();
    }

    private static String around(String text, Matcher m) {
        int from = Math.max(0, m.start() - 60);
        return text.substring(from, Math.min(text.length(), m.end() + 60));
    }

    /** What a browser shows of a page, tooltips included: the text of elements, scripts and styles left out. */
    private static String visible(String html) {
        String s = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ");
        s = s.replaceAll("(?s)<[^>]*>", " ");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
