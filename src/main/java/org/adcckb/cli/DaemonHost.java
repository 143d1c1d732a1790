package org.adcckb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.adcckb.batch.Pipeline;
import org.adcckb.daemon.Call;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.RulesFiles;

/** A batch run by the daemon for a client: the client's directory, input and signals, the daemon's knowledge. */
final class DaemonHost implements Host {

    /**
     * The knowledge bases the daemon keeps, by rules directory, each with the fingerprint of the files it was
     * loaded from: a run after a rule was edited loads the rules again, as a process of its own would.
     * Each load defines classes of its own, and the daemon runs within a batch's memory bounds, so only the
     * last one is kept.
     */
    static final class Knowledge {
        private static final int KEPT = 1;

        private record Loaded(String hash, KnowledgeBase kb) {
        }

        private final Map<Path, Loaded> loaded = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Loaded> eldest) {
                return size() > KEPT;
            }
        };

        synchronized KnowledgeBase load(RulesFiles rules) {
            Path key = rules.dir().toAbsolutePath().normalize();
            String hash = rules.fingerprint().orElse(null);
            Loaded l = loaded.get(key);
            if (hash != null && l != null && l.hash().equals(hash)) {
                return l.kb();
            }
            KnowledgeBase kb = KnowledgeBaseLoader.load(rules, CompiledCache.configured());
            loaded.put(key, new Loaded(kb.fingerprint(), kb));
            return kb;
        }
    }

    private final Call call;
    private final Knowledge knowledge;

    DaemonHost(Call call, Knowledge knowledge) {
        this.call = call;
        this.knowledge = knowledge;
    }

    @Override
    public Path resolve(Path path) {
        return Path.of(call.workingDir()).resolve(path);
    }

    @Override
    public InputStream stdin() {
        return call.stdin();
    }

    @Override
    public KnowledgeBase load(RulesFiles rules) {
        return knowledge.load(rules);
    }

    @Override
    public Pipeline.Summary run(Pipeline pipeline, InputStream in, long waitMillis, LongConsumer interrupted)
            throws IOException, InterruptedException {
        // Asks for the end and returns: the batch's own thread waits for the writer's last whole line.
        call.onStop(() -> {
            try {
                pipeline.stop(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Pipeline.Summary s = pipeline.run(in);
        if (s.stopped() && call.signal() != 0) {
            interrupted.accept(s.lines());
        }
        return s;
    }
}
