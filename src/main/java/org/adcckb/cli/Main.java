package org.adcckb.cli;

import java.io.PrintWriter;
import java.util.List;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.reasoning.RuleFailureException;
import org.adcckb.reasoning.RuleLoopException;
import org.adcckb.reasoning.RuleTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code adcc}: the command line. Subcommands parse arguments and render; the work is done by the
 * knowledge base, the reasoner and the checker.
 *
 * <p>Exit codes: 0 success; 1 internal error; 2 bad input or usage (scenario, rules, options);
 * 3 expectations that do not hold ({@code adcc test}, {@code adcc validate}), errors found in the rules
 * ({@code adcc lint}) or a validation report that is out of date ({@code adcc validate --check}).
 */
@Command(name = "adcc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Rule-based reasoning about daratumumab NK-cell ADCC in multiple myeloma, with explanations.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or usage", "3:expectations that do not hold (test, validate), errors in the rules (lint), an out-of-date report (validate --check)"},
        footerHeading = "%nExamples:%n",
        footer = {"  adcc explain facts/lejeune-2021/atra-low-target.json",
                "  adcc whynot --goal 'adcc>=moderate' facts/lejeune-2021/low-target-dara.json",
                "  adcc help explain"})
public final class Main implements Runnable {

    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 1;
    public static final int FAILED_CHECKS = 3;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: explain, batch, whatif, sweep, whynot, serve, daemon, rules, lint, test or validate");
    }

    /**
     * The subcommands, in the order help lists them. Added to the command line here rather than named in
     * the annotation, so that a run of {@code batch} can leave the others out (see {@link #main}).
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ExplainCommand.class, BatchCommand.class, WhatIfCommand.class,
            SweepCommand.class, WhyNotCommand.class, ServeCommand.class, DaemonCommand.class, RulesCommand.class, LintCommand.class, TestCommand.class,
            ValidateCommand.class, CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class,
            picocli.codegen.docgen.manpage.ManPageGenerator.class);

    public static void main(String[] args) {
        // A batch is often one of many short runs in a script: its command line is built without the other
        // commands, whose models picocli would build by reflection first (about 0.1 s of a cold start). Only
        // "batch" as the first argument takes this way; help and errors inside batch never name its siblings.
        CommandLine cl = args.length > 0 && args[0].equals("batch") ? commandLine(BatchCommand.class) : commandLine();
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Not an exception picocli hands to the handler: told here, without the JVM's stack trace.
            System.err.println("adcc: out of memory (" + e.getMessage() + "): rules that keep firing while their facts grow, or an"
                    + " input too large for this JVM's heap; lower --max-firings or --max-millis to stop a loop sooner, or give"
                    + " the JVM more memory (ADCC_JAVA_OPTS=-Xmx...)");
            code = INTERNAL;
        }
        System.exit(code);
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line with all the subcommands, or only {@code only}. */
    static CommandLine commandLine(Class<?> only) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) {
            if (only == null || sub == only) {
                cl.addSubcommand(sub);
            }
        }
        // The descriptor itself, not System.out: a PrintStream hides write errors, and a full disk or a
        // closed pipe must end the command, not let it report success.
        versionEverywhere(cl);
        cl.setOut(new StandardOut(new java.io.FileOutputStream(java.io.FileDescriptor.out)));
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::usageError);
        if (only != null) {
            return cl;
        }
        // picocli's completion command is hidden by default; it is listed with the others, with an example.
        // It is also marked a help command, for which picocli ignores stray arguments; here a typo is a usage error.
        cl.getSubcommands().get("generate-completion").getCommandSpec().helpCommand(false);
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false)
                .footerHeading("%nExample:%n")
                .footer("  adcc generate-completion",
                        "In bash or zsh, 'source <(adcc generate-completion)' completes adcc's commands and options.");
        // picocli's man page command: AsciiDoc pages, one per command, which asciidoctor turns into man pages.
        // Its directories are checked and made first: the generator reports a file in the way as an exception
        // and a directory it cannot make only on System.err.
        // A RunLast made here, as picocli's default is, so that picocli sees the standard output of this moment.
        cl.setExecutionStrategy(new CommandLine.RunLast() {
            @Override
            public int execute(ParseResult parsed) {
                for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                    if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                        break; // help and version are printed, nothing is made
                    }
                    if (p.commandSpec().userObject() instanceof picocli.codegen.docgen.manpage.ManPageGenerator) {
                        for (String option : List.of("--outdir", "--template-dir")) {
                            directoryFor(p, option);
                        }
                    }
                }
                return super.execute(parsed);
            }
        });
        cl.getSubcommands().get("gen-manpage").getCommandSpec().usageMessage().hidden(false)
                .footerHeading("%nExample:%n")
                .footer("  adcc gen-manpage --outdir man",
                        "Then 'asciidoctor -b manpage man/*.adoc' writes adcc.1, adcc-explain.1, ... for man(1).");
        return cl;
    }

    /**
     * Every command offers --version (mixinStandardHelpOptions): each prints adcc's, not an empty line (ours)
     * or picocli's own version (its completion and man page commands).
     */
    private static void versionEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
            versionEverywhere(sub);
        }
    }

    /** The directory an option of gen-manpage names, made if missing; a usage error when it cannot be one. */
    private static void directoryFor(ParseResult parsed, String option) {
        if (!parsed.hasMatchedOption(option)) {
            return;
        }
        Object value = parsed.matchedOption(option).getValue();
        java.nio.file.Path dir = java.nio.file.Path.of(String.valueOf(value));
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException | RuntimeException e) {
            String why = java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir) ? "is not a directory"
                    : e instanceof java.io.IOException io && !(io instanceof java.nio.file.NoSuchFileException)
                    ? "cannot be created: " + InputException.why(io) : "cannot be created";
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), option + " " + dir + ": " + why);
        }
    }

    /**
     * A usage error (an unknown option, a missing one, a value picocli or an option's converter refuses)
     * is told in its own words, with picocli's suggestion for a near-miss and one line pointing to the
     * help; the help itself is not repeated.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        Throwable told = e.getCause() instanceof Converters.OptionValueException bad ? bad : e;
        err.println("adcc: " + String.valueOf(told.getMessage()).strip().replace("\n", "\nadcc: "));
        if (told == e) {
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                String typed = u.getUnmatched().get(0).split("=", 2)[0];
                List<String> near = u.getSuggestions().stream().filter(s -> nearMiss(typed, s)).toList();
                if (!near.isEmpty()) {
                    String last = near.get(near.size() - 1);
                    err.println("adcc: did you mean " + (near.size() == 1 ? last
                            : String.join(", ", near.subList(0, near.size() - 1)) + " or " + last) + "?");
                }
            }
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
        }
        // The arguments did not parse, so --debug is looked for among them as given.
        if (java.util.Arrays.asList(args).contains("--debug")) {
            (told instanceof Converters.OptionValueException bad ? bad.input() : e).printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    /**
     * Whether picocli's suggestion is a real near miss of what was typed: a longer word it begins, or a
     * word a typo or two away. picocli suggests the closest names however far they are.
     */
    static boolean nearMiss(String typed, String suggestion) {
        String a = typed.replaceFirst("^-+", "");
        String b = suggestion.replaceFirst("^-+", "");
        if (a.length() >= 2 && b.startsWith(a)) {
            return true;
        }
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()] <= Math.max(1, a.length() / 3);
    }

    private static int handle(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof OutputFailure o) {
            if (o.brokenPipe() && !debugRequested(parsed)) {
                return OutputFailure.BROKEN_PIPE;
            }
            err.println("adcc: cannot write the answer to standard output: " + o.getMessage());
            if (debugRequested(parsed)) {
                e.printStackTrace(err);
            }
            err.flush();
            return o.brokenPipe() ? OutputFailure.BROKEN_PIPE : INTERNAL;
        }
        if (e instanceof RuleFailureException) {
            // The rules are code: a rule that throws is a defect of the knowledge base, named, without a trace.
            err.println("adcc: " + e.getMessage());
            err.println("adcc: this is a defect of the rules; fix the rule" + (debugRequested(parsed) ? "" : ", or run again with --debug for the stack trace"));
            if (debugRequested(parsed)) {
                e.printStackTrace(err);
            }
            err.flush();
            return INTERNAL;
        }
        boolean known = e instanceof InputException || e instanceof KnowledgeBaseException
                || e instanceof RuleLoopException || e instanceof RuleTimeoutException
                || e instanceof org.adcckb.whatif.BudgetException;
        if (known) {
            err.println("adcc: " + e.getMessage().replace("\n", "\nadcc: "));
        } else {
            err.println("adcc: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (!debugRequested(parsed)) {
                err.println("adcc: run again with --debug for the stack trace, and report it");
            }
        }
        if (debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return known ? BAD_INPUT : INTERNAL;
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The process's standard output in UTF-8 whatever the platform's default, keeping hold of the
     * stream, so that {@code batch} can write its results, UTF-8 already, as bytes.
     */
    static final class StandardOut extends PrintWriter {
        private final Checked stream;

        StandardOut(java.io.OutputStream stream) {
            this(new Checked(stream));
        }

        private StandardOut(Checked stream) {
            super(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
            this.stream = stream;
        }

        java.io.OutputStream stream() {
            return stream;
        }

        /** The first write error, which the writer itself only flags. */
        java.io.IOException failure() {
            return stream.failure;
        }
    }

    /** Passes bytes on and remembers the first failure, so that its cause can be told. */
    private static final class Checked extends java.io.FilterOutputStream {
        private volatile java.io.IOException failure;

        Checked(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws java.io.IOException {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    /** Flushes a command's standard output and ends the command if anything written to it was lost. */
    static void checkWritten(PrintWriter out) {
        out.flush();
        if (out.checkError()) {
            throw new OutputFailure(out instanceof StandardOut std ? std.failure() : null);
        }
    }

    /** The version from the jar's manifest; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"adcc-kb " + (v == null ? "dev" : v)};
        }
    }
}
