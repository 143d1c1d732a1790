package org.adcckb.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.adcckb.batch.CohortEngine;
import org.adcckb.batch.SharedKnowledge;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Problem;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * A cohort on Apache Spark: the input's lines, numbered over the whole input, cut into partitions that executors
 * evaluate with one compiled knowledge base each ({@link Evaluate}), written as one result file per partition, in
 * order. The driver compiles the rules first, so bad rules fail before any executor starts, and ships them with
 * their fingerprint ({@link ShippedRules}).
 */
public final class SparkEngine implements CohortEngine {

    static final String APP_NAME = "adcc-kb cohort";

    private final String label;

    /** The engine of {@code adcc batch --engine spark}, whose progress lines start with "batch:". */
    public SparkEngine() {
        this("batch");
    }

    /** @param label what progress lines start with */
    SparkEngine(String label) {
        this.label = label;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Summary run(Job job, PrintWriter err) {
        KnowledgeBase kb = KnowledgeBaseLoader.load(job.rules());
        return run(job, err, ShippedRules.of(job.rules(), kb.fingerprint()));
    }

    /** The job with the rules shipped as given (tests pin them to another fingerprint). */
    Summary run(Job job, PrintWriter err, ShippedRules rules) {
        long start = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName(APP_NAME)
                // Results appear in the output directory only when the whole job has succeeded (docs/SCALING.md).
                .setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1");
        if (job.master() != null) {
            conf.setMaster(job.master());
            // Run inside adcc: no web UI port to bind, no progress bar (the progress below takes its place).
            conf.set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false");
            if (job.master().startsWith("local")) {
                // One machine: the driver listens on loopback only, whatever the host name resolves to.
                conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "localhost");
            }
        } else {
            conf.setIfMissing("spark.master", "local[*]");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            try (SparkProgress progress = SparkProgress.start(sc, err, label)) {
                return evaluate(sc, job, rules, start);
            }
        } catch (InputException | KnowledgeBaseException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e, job);
        }
    }

    /**
     * What a failed Spark job means: rules compiled to another fingerprint on an executor are a problem of the
     * rules (named, without a trace); anything else is an internal error with the root cause's first line.
     */
    private static RuntimeException failure(Exception e, Job job) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof SharedKnowledge.MixedRules) {
                return new KnowledgeBaseException(new Problem(job.rules().toString(), 0,
                        "an executor refused to run: " + t.getMessage()));
            }
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        if (message.contains(SharedKnowledge.MixedRules.class.getName())) { // a cause that did not travel back whole
            return new KnowledgeBaseException(new Problem(job.rules().toString(), 0, "an executor refused to run: " + message));
        }
        return new IllegalStateException("the Spark job failed: " + root.getClass().getSimpleName() + ": " + message, e);
    }

    private static Summary evaluate(JavaSparkContext sc, Job job, ShippedRules rules, long start) {
        JobConf input = inputOf(sc, job);
        Path output = new Path(job.output());
        if (exists(fileSystem(output, sc.hadoopConfiguration(), job.output()), output)) {
            throw new InputException(job.output(), "",
                    "already exists: give a directory that does not exist yet (results are never written over)");
        }
        LongAccumulator read = sc.sc().longAccumulator("scenarios");
        LongAccumulator failed = sc.sc().longAccumulator("failed");
        JavaPairRDD<LongWritable, Text> raw = sc.hadoopRDD(input, TextInputFormat.class, LongWritable.class, Text.class,
                Math.max(2, sc.defaultParallelism()));
        // The reader reuses its Text: each line is copied out before anything keeps it.
        JavaRDD<byte[]> lines = raw.map(t -> java.util.Arrays.copyOf(t._2().getBytes(), t._2().getLength()));
        JavaPairRDD<NullWritable, Text> results = lines.zipWithIndex()
                .mapPartitionsToPair(new Evaluate(rules, job.input(), job.explain(), job.limits(), job.runLimits(), read, failed));
        results.saveAsNewAPIHadoopFile(job.output(), NullWritable.class, Text.class,
                org.apache.hadoop.mapreduce.lib.output.TextOutputFormat.class, new Configuration(sc.hadoopConfiguration()));
        return new Summary(read.value(), failed.value(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The input as a job configuration: the file given, or the files of the directory given in name order (hidden
     * ones, starting with '.' or '_', left out), so the line numbers and the order of results never depend on
     * how a file system lists a directory. Lines end at '\n' only, as in {@code adcc batch}; a CR before it is
     * dropped by {@link Evaluate}.
     */
    private static JobConf inputOf(JavaSparkContext sc, Job job) {
        Path path = new Path(job.input());
        FileSystem fs = fileSystem(path, sc.hadoopConfiguration(), job.input());
        List<Path> files = new ArrayList<>();
        try {
            if (!fs.exists(path)) {
                throw new InputException(job.input(), "", "no such file or directory");
            }
            FileStatus status = fs.getFileStatus(path);
            if (status.isDirectory()) {
                List<FileStatus> children = new ArrayList<>(List.of(fs.listStatus(path)));
                children.sort(Comparator.comparing(s -> s.getPath().getName()));
                for (FileStatus child : children) {
                    String name = child.getPath().getName();
                    if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                        files.add(child.getPath());
                    }
                }
                if (files.isEmpty()) {
                    throw new InputException(job.input(), "", "is a directory with no files in it");
                }
            } else {
                files.add(path);
            }
        } catch (IOException e) {
            throw new InputException(job.input(), "", "cannot be read: " + e.getMessage());
        }
        JobConf conf = new JobConf(sc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        FileInputFormat.setInputPaths(conf, files.toArray(new Path[0]));
        return conf;
    }

    private static FileSystem fileSystem(Path path, Configuration conf, String shown) {
        try {
            return path.getFileSystem(conf);
        } catch (IOException e) {
            throw new InputException(shown, "", "no file system for it: " + e.getMessage());
        }
    }

    private static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
