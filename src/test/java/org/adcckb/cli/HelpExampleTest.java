package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The example in each command's help runs and succeeds, so the help cannot show a stale one. */
class HelpExampleTest {

    @TempDir
    Path temp;

    @AfterEach
    void forgetHook() {
        ServeCommand.onStarted = null;
    }

    static Stream<String> commands() {
        return Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theExampleInTheHelpRuns(String command) {
        List<String> args = example(command);
        assertThat(args).as("the example of %s", command).first().isEqualTo(command);
        if (command.equals("serve")) {
            ServeCommand.onStarted = Runnable::run; // stops the server as soon as it is up
            args.add("--port=0"); // any free port, so the test does not depend on the default one
        }

        if (command.equals("gen-manpage")) {
            args.set(args.indexOf("--outdir") + 1, temp.toString()); // not into the working directory
        }
        String socket = temp.resolve("daemon").resolve("s.sock").toString();
        if (command.equals("daemon")) {
            args.addAll(List.of("--socket", socket, "--idle-minutes", "1")); // a daemon of the test's own
        }

        Cli.Run r = Cli.run(args.toArray(String[]::new));
        if (command.equals("daemon")) {
            Cli.Run status = Cli.run("daemon", "status", "--socket", socket);
            Cli.Run stop = Cli.run("daemon", "stop", "--socket", socket);
            assertThat(status.exit()).as("status of the daemon started; stderr:%n%s", status.err()).isZero();
            assertThat(status.out()).startsWith("adcc daemon: pid ");
            assertThat(stop.exit()).isZero();
            assertThat(Cli.run("daemon", "status", "--socket", socket).exit()).isEqualTo(DaemonCommand.NOT_RUNNING);
        }

        assertThat(r.exit()).as("exit code of %s; stderr:%n%s", args, r.err()).isZero();
        if (command.equals("gen-manpage")) {
            assertThat(temp.resolve("adcc.adoc")).content().contains("= adcc(1)");
            assertThat(temp.resolve("adcc-explain.adoc")).content().contains("= adcc-explain(1)").contains("--max-bytes");
        }
    }

    @org.junit.jupiter.api.Test
    void theExamplesOfTheTopLevelHelpRun() {
        String help = Main.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        int at = help.indexOf("Examples:\n");
        assertThat(at).as("an Examples section in the top-level help").isNotNegative();
        List<String> lines = help.substring(at + "Examples:\n".length()).lines()
                .takeWhile(line -> line.startsWith("  adcc ")).map(String::strip).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        for (String line : lines) {
            Cli.Run r = Cli.run(words(line.substring("adcc ".length())).toArray(String[]::new));
            assertThat(r.exit()).as("exit code of %s; stderr:%n%s", line, r.err()).isZero();
            assertThat(r.out()).as("output of %s", line).isNotBlank();
        }
    }

    /** The words of the example's command line after "adcc", unquoted as a shell would. */
    static List<String> example(String command) {
        Map<String, CommandLine> subcommands = Main.commandLine().getSubcommands();
        String help = subcommands.get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
        int at = help.indexOf("Example:\n");
        assertThat(at).as("an Example section in the help of %s", command).isNotNegative();
        String line = help.substring(at + "Example:\n".length()).lines().findFirst().orElseThrow().strip();
        assertThat(line).startsWith("adcc ");
        return words(line.substring("adcc ".length()));
    }

    /** The words of a command line, unquoted as a shell would. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
