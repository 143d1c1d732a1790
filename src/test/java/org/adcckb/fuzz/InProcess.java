package org.adcckb.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.adcckb.cli.Main;

/**
 * The command line run in-process as the launcher runs it: standard output is the real byte stream
 * (so what is checked is the bytes a user gets, not a decoded copy), and every run has a generous time
 * limit, so a hang fails the test instead of stalling the build.
 */
final class InProcess {

    static final Duration LIMIT = Duration.ofSeconds(120);

    private InProcess() {
    }

    /** What one run gave: its exit code, its standard output as bytes and its standard error. */
    record Run(int exit, byte[] out, String err) {
        /** Standard output, which must be UTF-8: malformed bytes fail the decoding. */
        String outText() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("standard output is not UTF-8: " + e);
            }
        }

        List<String> outLines() {
            return outText().lines().toList();
        }
    }

    static Run run(String about, String... args) {
        return run(about, null, args);
    }

    /** A run with {@code stdin} as standard input (null: none given). */
    static synchronized Run run(String about, byte[] stdin, String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> execute(stdin, args), () -> about + ": no answer within " + LIMIT.toSeconds() + " s");
    }

    private static Run execute(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream systemOut = System.out;
        InputStream systemIn = System.in;
        picocli.CommandLine cl;
        // The command line takes hold of the process's standard output when it is made, as in Main.main.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            cl = Main.commandLine();
        } finally {
            System.setOut(systemOut);
        }
        cl.setErr(new PrintWriter(err, true));
        if (stdin != null) {
            System.setIn(new ByteArrayInputStream(stdin));
        }
        try {
            int exit = cl.execute(args);
            return new Run(exit, out.toByteArray(), err.toString());
        } finally {
            System.setIn(systemIn);
        }
    }
}
