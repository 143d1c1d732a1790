package org.adcckb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.adcckb.batch.Pipeline;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.RulesFiles;

/**
 * Where a batch runs: in this process ({@link #PROCESS}), or in the batch daemon for a client
 * ({@link DaemonHost}), whose working directory, standard input and signals are the client's, and whose
 * knowledge base stays loaded between runs.
 */
interface Host {

    /** A path of the command line, read against the working directory of whoever typed it. */
    Path resolve(Path path);

    InputStream stdin();

    /** The knowledge base of the rules as {@code rules} read them. */
    KnowledgeBase load(RulesFiles rules);

    /** Runs the pipeline to its end, or until a signal stops it; then tells {@code interrupted} how many lines went out. */
    Pipeline.Summary run(Pipeline pipeline, InputStream in, long waitMillis, LongConsumer interrupted)
            throws IOException, InterruptedException;

    Host PROCESS = new Host() {
        @Override
        public Path resolve(Path path) {
            return path;
        }

        @Override
        public InputStream stdin() {
            return System.in;
        }

        @Override
        public KnowledgeBase load(RulesFiles rules) {
            return KnowledgeBaseLoader.load(rules, CompiledCache.configured());
        }

        @Override
        public Pipeline.Summary run(Pipeline pipeline, InputStream in, long waitMillis, LongConsumer interrupted)
                throws IOException, InterruptedException {
            return pipeline.runUntilSignalled(in, waitMillis, interrupted);
        }
    };
}
