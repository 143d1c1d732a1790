package org.adcckb.cli;

import java.io.PrintWriter;
import org.adcckb.json.InputException;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.reasoning.RuleLoopException;
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
        subcommands = {ExplainCommand.class, BatchCommand.class, WhatIfCommand.class, SweepCommand.class, WhyNotCommand.class, ServeCommand.class, RulesCommand.class, LintCommand.class, TestCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or usage", "3:expectations that do not hold (test, validate), errors in the rules (lint), an out-of-date report (validate --check)"})
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
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: explain, batch, whatif, sweep, whynot, serve, rules, lint, test or validate");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new StandardOut(System.out));
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean known = e instanceof InputException || e instanceof KnowledgeBaseException
                || e instanceof RuleLoopException || e instanceof org.adcckb.whatif.BudgetException;
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
        private final java.io.OutputStream stream;

        StandardOut(java.io.OutputStream stream) {
            super(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
            this.stream = stream;
        }

        java.io.OutputStream stream() {
            return stream;
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
