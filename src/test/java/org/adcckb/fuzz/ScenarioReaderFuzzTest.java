package org.adcckb.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.adcckb.TestKb;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The scenario reader against damaged and disguised scenarios (see {@link Mutator}): the same value
 * written another way reads as the same scenario, damage is refused with a message that names the file
 * and is safe to print, and nothing throws anything else or hangs.
 */
@org.junit.jupiter.api.extension.ExtendWith(Timing.class)
class ScenarioReaderFuzzTest {

    private static final String ORIGIN = "fuzz.json";
    private static final ScenarioReader READER = new ScenarioReader(TestKb.kb().vocabulary());

    @Test
    void everyCaseIsReadAsExpectedOrRefusedWithAPrintableMessage() {
        Mutator mutator = Mutator.ofShippedScenarios();
        Scenario[] originals = new Scenario[mutator.seedCount()];
        for (int s = 0; s < originals.length; s++) {
            originals[s] = READER.read(Mutator.utf8(mutator.seedLine(s)), ORIGIN);
        }
        Map<Mutator.Expect, int[]> seen = new EnumMap<>(Mutator.Expect.class);
        int cases = Fuzz.cases();
        Failures failures = new Failures(Fuzz.replay("ScenarioReaderFuzzTest"));
        for (int n = 0; n < cases; n++) {
            int i = n;
            Random r = Fuzz.random("reader", i);
            Mutator.Case c = mutator.next(r);
            String about = "case " + i + " (" + c.kind() + ")";
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(c.bytes()),
                    () -> about + ": took more than 10 s; input kept in " + Fuzz.keep("reader-" + i, c.bytes()));
            try {
                check(c, o, originals, about);
            } catch (AssertionError e) {
                failures.add(e.getMessage() + "\n  (input kept in " + Fuzz.keep("reader-" + i, c.bytes()) + ")");
            }
            seen.computeIfAbsent(c.expect(), k -> new int[2])[o.scenario != null ? 0 : 1]++;
        }
        failures.assertNone();
        // The generator must still make every kind of case (a change to it could silently stop doing so).
        if (cases >= 500) {
            assertThat(seen.keySet()).as(Fuzz.replay("ScenarioReaderFuzzTest")).containsExactlyInAnyOrder(Mutator.Expect.values());
            assertThat(seen.get(Mutator.Expect.EITHER)).as("random damage is sometimes survived and sometimes refused")
                    .doesNotContain(0);
        }
    }

    private static void check(Mutator.Case c, Outcome o, Scenario[] originals, String about) {
        if (o.error != null) {
            fail(about + ": threw " + o.error, o.error);
        }
        switch (c.expect()) {
            case SAME -> assertThat(o.scenario).as(about + ": %s", o.message).isEqualTo(originals[c.seed()]);
            case ACCEPTED -> assertThat(o.message).as(about).isNull();
            case REFUSED -> assertThat(o.scenario).as(about + ": accepted").isNull();
            default -> { }
        }
        if (o.message != null) {
            assertSafeMessage(o.message, ORIGIN, about);
        }
    }

    /**
     * A refusal a person can read and a terminal can print: it names the input, says no more about the
     * program's insides than a JSON line and column, and holds no control character (an ESC sequence or
     * a line break from a hostile file would otherwise reach the terminal or fake a message line), no
     * invisible format character and no lone surrogate: those are shown as escapes.
     */
    static void assertSafeMessage(String message, String origin, String about) {
        assertThat(message).as(about).startsWith(origin + ": ")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("com.fasterxml").doesNotContain("org.adcckb")
                .doesNotContain("Source: ").doesNotContain("REDACTED");
        for (int k = 0; k < message.length(); k++) {
            char ch = message.charAt(k);
            int type = Character.getType(ch);
            boolean pair = Character.isHighSurrogate(ch) && k + 1 < message.length() && Character.isLowSurrogate(message.charAt(k + 1));
            if (pair) {
                k++;
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                fail(about + ": the message holds control character U+%04X at %d: %s", (int) ch, k,
                        Failures.printable(message));
            }
        }
    }

    private record Outcome(Scenario scenario, String message, Throwable error) {
    }

    private static Outcome read(byte[] bytes) {
        try {
            return new Outcome(READER.read(bytes, ORIGIN), null, null);
        } catch (InputException e) {
            return new Outcome(null, e.getMessage(), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Outcome(null, null, e);
        }
    }
}
