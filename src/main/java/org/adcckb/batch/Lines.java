package org.adcckb.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.adcckb.report.JsonReport;
import org.adcckb.input.InputException;
import org.adcckb.input.Limits;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.RuleFailureException;
import org.adcckb.reasoning.RuleLoopException;
import org.adcckb.reasoning.RuleTimeoutException;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import java.util.function.Supplier;

/**
 * Scenario lines to result lines: the unit of work of {@code adcc batch} and of a distributed run
 * (docs/SCALING.md), where each partition of a cohort is a {@link #partition} of lines evaluated
 * against the knowledge base its executor compiled once. Thread-safe; a bad line becomes an error
 * record, never an exception. A scenario whose content (all but its id and title) came before gets the
 * earlier result with its own id and title written in ({@link ResultTable}): the same bytes, without
 * reasoning again.
 */
public final class Lines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How results are tabled: not at all (tests compare with it), by content, by content and raw line. */
    enum Tabling { NONE, CONTENT, RAW }

    /** The rules a batch reasons with, loaded when first needed ({@link #Lines(Supplier, Limits, boolean, KeptResults)}). */
    public record Knowledge(KnowledgeBase kb, Reasoner reasoner) {
    }

    private record Loaded(KnowledgeBase kb, Reasoner reasoner, ScenarioReader reader) {
    }

    private final Supplier<Knowledge> knowledge;
    private volatile Loaded loaded;
    private RulesUnavailable loadFailure;
    private final Limits limits;
    private final boolean explain;
    private final Tabling tabling;
    /** Results by scenario content, shared by the threads of a batch or the partitions of an executor. */
    private final ResultTable table = ResultTable.sizedToHeap();
    private final KeptResults kept;
    private final boolean hasKept;
    /** Lines answered with a result read from the disk. */
    private final java.util.concurrent.atomic.LongAdder keptAnswers = new java.util.concurrent.atomic.LongAdder();

    public Lines(KnowledgeBase kb, Reasoner reasoner, Limits limits, boolean explain) {
        this(kb, reasoner, limits, explain, Tabling.RAW);
    }

    Lines(KnowledgeBase kb, Reasoner reasoner, Limits limits, boolean explain, Tabling tabling) {
        this(() -> new Knowledge(kb, reasoner), limits, explain, tabling, KeptResults.NONE);
    }

    /**
     * Lines of a batch that starts from the results {@code kept} on disk: the rules are loaded by
     * {@code knowledge} when a line is not among them (at once when nothing was kept), and {@link #keepResults}
     * writes back what was worth keeping. {@code knowledge} loads the rules {@code kept} was opened for (the same
     * {@code RulesFiles}); it may throw, and from {@link #evaluate} that ends the run ({@link RulesUnavailable})
     * rather than failing one line.
     */
    public Lines(Supplier<Knowledge> knowledge, Limits limits, boolean explain, KeptResults kept) {
        this(knowledge, limits, explain, Tabling.RAW, kept);
    }

    Lines(Supplier<Knowledge> knowledge, Limits limits, boolean explain, Tabling tabling, KeptResults kept) {
        this.knowledge = knowledge;
        this.limits = limits;
        this.explain = explain;
        this.tabling = tabling;
        this.kept = tabling == Tabling.NONE ? KeptResults.NONE : kept;
        this.hasKept = this.kept.found();
        this.kept.into(table);
        if (!hasKept) {
            try {
                loaded();
            } catch (RulesUnavailable e) {
                throw rethrow(e); // at the start, as before any line: the load's own exception
            }
        }
    }

    /** The rules, loaded on first use; a load that failed is not tried again, its failure is thrown again. */
    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    if (loadFailure != null) {
                        throw loadFailure;
                    }
                    try {
                        Knowledge k = knowledge.get();
                        kept.check(k.kb());
                        l = new Loaded(k.kb(), k.reasoner(), new ScenarioReader(k.kb().vocabulary(), limits));
                    } catch (RuntimeException | Error e) {
                        loadFailure = new RulesUnavailable(e);
                        throw loadFailure;
                    }
                    loaded = l;
                }
            }
        }
        return l;
    }

    /** The load's own failure behind {@code e}, to be thrown as it is. */
    public static RuntimeException rethrow(RulesUnavailable e) {
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return e.getCause() instanceof RuntimeException re ? re : e;
    }

    /**
     * The rules could not be loaded when a line first needed them (a batch that started from kept results):
     * the run ends, with the load's own failure ({@link #getCause}), as a load at its start would have.
     */
    public static final class RulesUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RulesUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Lines answered so far with a result an earlier batch kept on disk ({@link KeptResults}). */
    public long keptAnswers() {
        return keptAnswers.sum();
    }

    private void answered(byte[] tail) {
        if (hasKept && table.fromDisk(tail)) {
            keptAnswers.increment();
        }
    }

    /** Whether the rules were loaded: not when every line so far was found among the results kept on disk. */
    public boolean rulesLoaded() {
        return loaded != null;
    }

    /**
     * Writes back to the disk the results worth keeping ({@link KeptResults}); called once the batch has
     * written its last line. Nothing is written when every result came from there, or nothing recurred.
     */
    public void keepResults() {
        if (kept != KeptResults.NONE) {
            kept.save(table);
        }
    }

    /**
     * One scenario line to one result line: the object of {@code explain --format jsonl} (without its
     * explanation when {@code explain} is off), or {@code {"line": N, "error": "..."}}.
     *
     * @param origin names the input in error messages ({@code cohort.jsonl}, or a partition id)
     */
    public String evaluate(String text, long line, String origin) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(explain ? 16384 : 1024);
        evaluate(text.getBytes(StandardCharsets.UTF_8), line, origin, out);
        byte[] result = out.toByteArray();
        return new String(result, 0, result.length - 1, StandardCharsets.UTF_8);
    }

    /**
     * The result line of one scenario line appended to {@code out} (a batch's buffer of results, written
     * into directly); true if it is an error record.
     */
    public boolean evaluate(byte[] text, long line, String origin, java.io.OutputStream out) {
        RawLine raw = null;
        try {
            raw = tabling == Tabling.RAW ? RawLine.scan(text) : null;
            if (raw != null && fromRawKey(raw, text, out)) {
                return false;
            }
        } catch (java.io.UncheckedIOException e) {
            throw e; // the output failed: the run ends, as below
        } catch (RuntimeException e) {
            // The scan is a shortcut: whatever it cannot do, the reader below does (or refuses with its message).
            raw = null;
        }
        Loaded k = loaded(); // outside the try below: rules that cannot be loaded end the run, not a line
        Evaluation ev = null;
        ResultTable.Content content = null;
        String error = null;
        try {
            Scenario scenario = k.reader().read(text, origin + ":" + line);
            if (tabling != Tabling.NONE) {
                content = ResultTable.Content.of(scenario);
                byte[] tail = table.get(content);
                if (tail == null && hasKept && table.mayHaveKept(content)) {
                    tail = table.kept(content);
                    if (tail != null) {
                        table.putKept(content, tail);
                    }
                }
                if (tail != null) {
                    answered(tail);
                    JsonReport.head(out, scenario.id(), scenario.title());
                    out.write(tail);
                    keepRaw(raw, scenario, tail);
                    return false;
                }
            }
            ev = explain ? k.reasoner().evaluate(scenario) : k.reasoner().evaluateWithoutExplanation(scenario);
        } catch (InputException e) {
            error = e.getMessage(); // names the input and line already
        } catch (RuleLoopException | RuleTimeoutException | RuleFailureException e) {
            error = origin + ":" + line + ": " + e.getMessage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException | StackOverflowError e) {
            // Not the rules' doing as far as can be told: still this line's failure only.
            error = origin + ":" + line + ": internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        try {
            if (error == null) {
                byte[] result = JsonReport.line(ev, k.kb().fingerprint(), explain);
                out.write(result);
                if (content != null) {
                    keepRaw(raw, ev.scenario(), keep(content, ev.scenario(), result));
                }
                return false;
            }
            out.write(errorLine(line, error));
        } catch (java.io.IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
        return true;
    }

    /**
     * A line whose raw key (its bytes but for its id and title) is tabled: a line the reader accepted
     * before, the same but for those two strings. Written from the table, with its own id and title, if
     * they are what the reader would accept (true); false leaves the line to the reader.
     */
    private boolean fromRawKey(RawLine raw, byte[] text, java.io.OutputStream out) {
        byte[] tail = table.get(raw.key());
        if (tail == null || text.length > limits.maxBytes()) {
            return false;
        }
        String id = raw.id(limits);
        if (id == null) {
            return false;
        }
        String title = null;
        if (raw.hasTitle() && (title = raw.title(limits)) == null) {
            return false;
        }
        answered(tail);
        JsonReport.head(out, id, title);
        try {
            out.write(tail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return true;
    }

    /**
     * Tables the part of {@code result} after its head (id and title), checking that the head is where it
     * is expected, and returns it; a result that does not start with it is simply not tabled (null).
     */
    private byte[] keep(ResultTable.Content content, Scenario scenario, byte[] result) {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(64);
        JsonReport.head(head, scenario.id(), scenario.title());
        byte[] h = head.toByteArray();
        if (java.util.Arrays.equals(result, 0, h.length, h, 0, h.length)) {
            byte[] tail = java.util.Arrays.copyOfRange(result, h.length, result.length);
            table.put(content, tail);
            return tail;
        }
        return null;
    }

    /**
     * Tables {@code tail} under the raw key of the line too, when the scan found the id and title the
     * reader read ({@code scenario}'s): only then does an equal key mean the same scenario but for them.
     */
    private void keepRaw(RawLine raw, Scenario scenario, byte[] tail) {
        if (raw == null || tail == null || !scenario.id().equals(raw.id(limits))) {
            return;
        }
        if (raw.hasTitle() ? scenario.title() == null || !scenario.title().equals(raw.title(limits)) : scenario.title() != null) {
            return;
        }
        table.put(raw.key(), tail);
    }

    /** Distinct scenario contents whose results are tabled now. */
    public int tabledContents() {
        return table.contents();
    }

    /** Entries tabled now, under contents and raw keys (for tests). */
    int tabledEntries() {
        return table.size();
    }

    /**
     * Whether a line holds nothing but spaces, tabs and a CR: such lines are skipped, by batch and partitions
     * alike. Any other character, even Unicode white space, makes a line that is evaluated (and refused).
     */
    public static boolean isBlank(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** As {@link #isBlank(CharSequence)}, for a line of bytes. */
    public static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The error record of a line. */
    public static String error(long line, String message) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("line", line);
        error.put("error", message);
        return JsonReport.compact(error);
    }

    /** The error record of a line in UTF-8, with its newline. */
    public static byte[] errorLine(long line, String message) {
        return (error(line, message) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The error record, with its newline, of a line longer than {@code maxBytes} (--max-bytes), which is not read. */
    public static byte[] tooLongLine(long line, String origin, int maxBytes) {
        return errorLine(line, origin + ":" + line + ": the line is longer than the limit of " + maxBytes + " bytes (--max-bytes)");
    }

    /**
     * A partition of lines, evaluated lazily in order, one result per non-blank line; line numbers count
     * from {@code firstLine}, so records name lines of the whole cohort.
     */
    public Iterator<String> partition(Iterator<String> lines, long firstLine, String origin) {
        return new Iterator<>() {
            private long number = firstLine - 1;
            private String next = advance();

            private String advance() {
                while (lines.hasNext()) {
                    String text = lines.next();
                    number++;
                    if (!isBlank(text)) {
                        return evaluate(text, number, origin);
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String out = next;
                next = advance();
                return out;
            }
        };
    }
}
