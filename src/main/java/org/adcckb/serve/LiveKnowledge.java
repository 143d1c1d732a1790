package org.adcckb.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.adcckb.AdccKb;
import org.adcckb.input.InputException;
import org.adcckb.input.Limits;
import org.adcckb.kb.ContentHash;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Problem;
import org.adcckb.reasoning.RunLimits;

/**
 * The knowledge base the server answers with, reloaded when the rules directory changes. A reload that
 * fails (the rules do not compile, or they throw, loop or hang on a scenario of the facts directory) keeps
 * the last good knowledge base in service and records the error for /api/status: an author editing a rule
 * sees the compiler's message, or the rule that broke, in the page instead of a dead server.
 */
final class LiveKnowledge implements AutoCloseable {

    /** A failed load: the message as the command line prints it, and each problem with its file and line. */
    record LoadError(String message, List<Problem> problems) {
    }

    private final Path rules;
    private final Path facts;
    private final RunLimits run;
    private final Limits limits;
    private final PrintWriter log;
    private final ScheduledExecutorService watcher;

    private volatile AdccKb current;
    private volatile LoadError error;
    private volatile String loadedAt;
    private volatile int loads;
    /** The content hash last tried, good or bad: a broken file is compiled once, not every second. */
    private String seen;
    /** A new content hash waiting to be seen again: files are loaded only once they stopped changing. */
    private String pending;

    /**
     * @param facts the scenarios new rules are tried on before they answer ({@link SmokeCheck})
     * @param log   where a reload that fails is reported, once; the first load is reported by the caller
     */
    LiveKnowledge(Path rules, Path facts, RunLimits run, Limits limits, PrintWriter log) {
        this.rules = rules;
        this.facts = facts;
        this.run = run;
        this.limits = limits;
        this.log = log;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adcc-rules-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads now, then checks the directory every {@code poll}. */
    void start(Duration poll) {
        load(ContentHash.of(rules));
        long ms = Math.max(50, poll.toMillis());
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Compiles the rules when their content differs from the last attempt and has stayed the same for one
     * poll: an editor that truncates a file before writing it would otherwise have a half-written (even an
     * empty, and so valid) rule file loaded. Never throws: the watcher must live.
     */
    synchronized void reloadIfChanged() {
        String hash = ContentHash.of(rules);
        if (hash.equals(seen)) {
            pending = null;
        } else if (!hash.equals(pending)) {
            pending = hash;
        } else {
            pending = null;
            load(hash);
        }
    }

    private synchronized void load(String hash) {
        boolean first = seen == null;
        try {
            seen = hash;
            try {
                AdccKb kb = new AdccKb(KnowledgeBaseLoader.load(rules), run, limits);
                LoadError smoke = SmokeCheck.run(kb, new ScenarioCatalog(facts, limits), run, limits);
                if (smoke != null) {
                    fail(smoke, first);
                    return;
                }
                // Counted before the error clears: /api/status reads without the lock, and an "ok" it reports
                // must already count the load that made it so.
                loads++;
                loadedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
                current = kb;
                error = null;
                loaded(kb, first);
            } catch (KnowledgeBaseException e) {
                fail(new LoadError(e.getMessage(), e.problems()), first);
            } catch (InputException e) {
                fail(new LoadError(e.getMessage(), List.of(new Problem(e.file(), 0, e.detail()))), first);
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // The watcher must live whatever the rules do, or later fixes would never load.
            fail(new LoadError("internal error loading the rules: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), List.of()), first);
        }
    }

    /**
     * Says on the log that changed rules now answer (the first load is reported by the caller), and whether
     * the rules lint clean.
     */
    private void loaded(AdccKb kb, boolean first) {
        if (!first) {
            log.println("adcc serve: the rules under " + rules + " changed and reloaded: " + kb.knowledgeBase().rules().size()
                    + " rules, fingerprint " + kb.knowledgeBase().fingerprint().substring(0, 12) + ", answering with them");
        }
        org.adcckb.lint.LintNotice.of(rules, kb.knowledgeBase(), org.adcckb.kb.CompiledCache.configured())
                .ifPresent(n -> log.println("adcc serve: " + n + " --rules " + rules));
        log.flush();
    }

    /** Records a failed load for /api/status and, after the first load, says so once on the log. */
    private void fail(LoadError e, boolean first) {
        error = e;
        if (first) {
            return;
        }
        AdccKb kb = current;
        log.println("adcc serve: the rules under " + rules + " changed but do not load; "
                + (kb == null ? "no rules are in service" : "still answering with the last good rules ("
                + kb.knowledgeBase().fingerprint().substring(0, 12) + ")") + ":");
        log.println("adcc serve: " + e.message().replace("\n", "\nadcc serve: "));
        log.flush();
    }

    /** The knowledge base to answer with; 503 with the rule error when none ever loaded. */
    AdccKb require() {
        AdccKb kb = current;
        if (kb == null) {
            LoadError e = error;
            throw new HttpError(503, "no knowledge base is loaded: " + (e == null ? "the rules are still loading" : e.message()));
        }
        return kb;
    }

    LoadError error() {
        return error;
    }

    /** What /api/status answers: state ok, stale (serving older rules than the files) or error (none loaded). */
    ObjectNode status() {
        AdccKb kb = current;
        LoadError e = error;
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("state", e == null ? "ok" : kb == null ? "error" : "stale");
        n.put("rulesDirectory", rules.toString());
        n.put("fingerprint", kb == null ? null : kb.knowledgeBase().fingerprint());
        n.put("rules", kb == null ? 0 : kb.knowledgeBase().rules().size());
        n.put("loadedAt", loadedAt);
        n.put("loads", loads);
        if (e == null) {
            n.putNull("error");
        } else {
            ObjectNode err = n.putObject("error");
            err.put("message", e.message());
            var problems = err.putArray("problems");
            e.problems().forEach(p -> problems.addObject().put("file", p.file()).put("line", p.line()).put("message", p.message()));
        }
        return n;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
