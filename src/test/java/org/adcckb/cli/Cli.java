package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** The command line run in-process, as the command-line tests use it. */
final class Cli {

    private Cli() {
    }

    /** What one run gave: its exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A progress line of a long sweep or why-not: on stderr once a second, so whether it shows depends on the machine. */
    static boolean isProgress(String line) {
        return line.matches("(sweep|whynot): \\d+/\\d+ (combinations|sets) \\(\\d+%\\)");
    }

    /** Exit 0, an answer on stdout ending with a newline, nothing on stderr but progress. */
    static Run ok(String... args) {
        Run r = run(args);
        assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isZero();
        assertThat(r.err().lines().filter(l -> !isProgress(l))).as("stderr").isEmpty();
        assertThat(r.out()).as("stdout").isNotBlank().endsWith("\n");
        return r;
    }

    /** Exit 2, nothing on stdout, the message on stderr and no stack trace. */
    static Run badInput(String... args) {
        Run r = run(args);
        assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.err()).as("stderr").isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
        return r;
    }
}
