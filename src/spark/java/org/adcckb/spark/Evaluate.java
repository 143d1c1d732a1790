package org.adcckb.spark;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.adcckb.batch.Lines;
import org.adcckb.input.Limits;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.RunLimits;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The work of one partition: its lines, each with its index in the whole input, to result lines, in order,
 * exactly as {@code adcc batch} turns them (a line too long, a blank line, a bad line alike). One {@link Lines}
 * per executor JVM and settings, so its table of results is shared by all the partitions the executor evaluates.
 */
final class Evaluate implements PairFlatMapFunction<Iterator<Tuple2<byte[], Long>>, NullWritable, Text> {

    private static final long serialVersionUID = 1L;
    private static final Map<Settings, Lines> LINES = new ConcurrentHashMap<>();

    /** What a {@link Lines} is made of, besides the knowledge base its fingerprint names. */
    private record Settings(String fingerprint, boolean explain, Limits limits, RunLimits runLimits) {
    }

    private final ShippedRules rules;
    private final String origin;
    private final boolean explain;
    private final int[] limits;
    private final int maxFirings;
    private final long maxMillis;
    private final LongAccumulator read;
    private final LongAccumulator failed;

    Evaluate(ShippedRules rules, String origin, boolean explain, Limits limits, RunLimits runLimits,
             LongAccumulator read, LongAccumulator failed) {
        this.rules = rules;
        this.origin = origin;
        this.explain = explain;
        // Records are not serializable; their components are.
        this.limits = new int[] {limits.maxBytes(), limits.maxDepth(), limits.maxString(), limits.maxCells(), limits.maxTreatments()};
        this.maxFirings = runLimits.maxFirings();
        this.maxMillis = runLimits.maxMillis();
        this.read = read;
        this.failed = failed;
    }

    @Override
    public Iterator<Tuple2<NullWritable, Text>> call(Iterator<Tuple2<byte[], Long>> lines) {
        Limits limits = new Limits(this.limits[0], this.limits[1], this.limits[2], this.limits[3], this.limits[4]);
        RunLimits runLimits = new RunLimits(maxFirings, maxMillis);
        Settings settings = new Settings(rules.fingerprint(), explain, limits, runLimits);
        Lines evaluator = LINES.computeIfAbsent(settings, s -> {
            KnowledgeBase kb = rules.knowledgeBase();
            return new Lines(kb, new Reasoner(kb, runLimits), limits, explain);
        });
        return new Iterator<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream(explain ? 16384 : 1024);
            private Tuple2<NullWritable, Text> next = advance();

            private Tuple2<NullWritable, Text> advance() {
                while (lines.hasNext()) {
                    Tuple2<byte[], Long> line = lines.next();
                    long number = line._2() + 1;
                    byte[] text = withoutCarriageReturn(line._1());
                    out.reset();
                    boolean error;
                    if (text.length > limits.maxBytes()) {
                        out.writeBytes(Lines.tooLongLine(number, origin, limits.maxBytes()));
                        error = true;
                    } else if (Lines.isBlank(text)) {
                        continue;
                    } else {
                        error = evaluator.evaluate(text, number, origin, out);
                    }
                    read.add(1);
                    if (error) {
                        failed.add(1);
                    }
                    byte[] result = out.toByteArray();
                    Text value = new Text();
                    value.set(result, 0, result.length - 1); // the output format writes the newline
                    return new Tuple2<>(NullWritable.get(), value);
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Tuple2<NullWritable, Text> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Tuple2<NullWritable, Text> result = next;
                next = advance();
                return result;
            }
        };
    }

    /** The distinct scenario contents tabled in this JVM, over all its {@link Lines}. */
    static int tabledContents() {
        return LINES.values().stream().mapToInt(Lines::tabledContents).sum();
    }

    /** A line as {@code adcc batch} reads it: the CR of a CRLF line end is not part of it. */
    private static byte[] withoutCarriageReturn(byte[] line) {
        int n = line.length;
        return n > 0 && line[n - 1] == '\r' ? Arrays.copyOf(line, n - 1) : line;
    }
}
