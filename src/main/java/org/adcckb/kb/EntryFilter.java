package org.adcckb.kb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.function.BinaryOperator;
import org.adcckb.engine.PackageStreams;

/**
 * The classes a cache entry may hold, and the size of its object graph. An entry is only read once its MAC
 * proved this user wrote it; the filter is a second line, which keeps a stream from building anything but
 * what compiled packages are made of (no other library's classes, no JDK class outside a few collections
 * and values). It cannot make a forged entry harmless, since packages hold rule code by design: the MAC
 * is what keeps foreign entries out. The list is what the packages of the shipped rules and of rules using
 * further DRL features (accumulate functions, forall, from, collect, queries, globals, the mvel dialect;
 * see the tests) actually contain, as named Drools sub-packages and named JDK classes; no adcc-kb class is
 * ever in an entry. Packages needing a class outside it are compiled on every run, never answered wrongly.
 *
 * <p>Drools reads part of a package (its compiled classes) through a second, plain {@link ObjectInputStream}
 * of its own, which a filter set on the outer stream does not reach; a JVM-wide filter factory (installed
 * once, the first time an entry is read) gives every stream opened on this thread while an entry is read
 * the same filter, and leaves every other stream as it was. Where a factory was already installed (by the
 * {@code jdk.serialFilterFactory} property), only the outer stream is filtered here.
 */
final class EntryFilter {

    /**
     * Limits far above what the shipped rules need (graph depth 17, 8,515 references, arrays of 45,845
     * elements, 261 kB; references and bytes grow with the number of rules, depth does not), so that only a
     * graph made to exhaust memory or stack is refused. The depth limit must stay well below where reading
     * nested objects overflows a thread's stack (a few hundred levels of nested lists did, in a test).
     */
    static final int MAX_DEPTH = 100;
    static final String LIMITS = "maxdepth=" + MAX_DEPTH + ";maxrefs=5000000;maxarray=16777216;maxbytes=268435456";

    static final List<String> ALLOWED = List.of(
            "org.drools.base.base.**", "org.drools.base.definitions.**", "org.drools.base.factmodel.*",
            "org.drools.base.rule.**", "org.drools.base.util.index.*", "org.drools.core.base.accumulators.*",
            "org.drools.core.rule.*", "org.drools.mvel.**", "org.drools.compiler.rule.builder.EvaluatorWrapper",
            "org.drools.io.BaseResource", "org.drools.io.ByteArrayResource", "org.drools.io.ResourceConfigurationImpl",
            "org.drools.util.PortablePath", "org.kie.api.definition.type.*", "org.kie.api.io.ResourceType",
            "java.lang.Object", "java.lang.String", "java.lang.Enum", "java.lang.Number", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.Collection", "java.util.List", "java.util.Set", "java.util.Map", "java.util.Map$Entry",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.HashSet",
            "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.IdentityHashMap",
            "java.util.Collections$Empty*", "java.util.Collections$Singleton*", "java.util.Collections$Synchronized*",
            "java.util.Collections$Unmodifiable*", "java.util.concurrent.ConcurrentHashMap*",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.atomic.Atomic*",
            "java.util.concurrent.locks.ReentrantLock*", "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.util.concurrent.locks.AbstractOwnableSynchronizer");

    static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter(LIMITS + ";" + String.join(";", ALLOWED) + ";!*");

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();
    private static volatile Boolean everyStream;

    private EntryFilter() {
    }

    /** The object serialized in {@code bytes}, every stream involved filtered (see the class comment). */
    static Object read(byte[] bytes, int offset, int length) throws IOException, ClassNotFoundException {
        boolean factory = everyStream();
        return reading(() -> {
            try (ObjectInputStream in = PackageStreams.reader(new ByteArrayInputStream(bytes, offset, length),
                    CompiledCache.class.getClassLoader())) {
                if (!factory) {
                    in.setObjectInputFilter(FILTER);
                }
                return in.readObject();
            }
        });
    }

    /** Reading an object, as a value or an I/O or class failure. */
    interface Read<T> {
        T read() throws IOException, ClassNotFoundException;
    }

    /** Runs {@code read} with every stream it opens on this thread filtered (when the factory is in place). */
    static <T> T reading(Read<T> read) throws IOException, ClassNotFoundException {
        everyStream();
        READING.set(Boolean.TRUE);
        try {
            return read.read();
        } finally {
            READING.remove();
        }
    }

    /** Whether the factory that filters every stream opened while an entry is read is in place. */
    static boolean everyStream() {
        Boolean installed = everyStream;
        if (installed == null) {
            synchronized (EntryFilter.class) {
                installed = everyStream;
                if (installed == null) {
                    installed = install();
                    everyStream = installed;
                }
            }
        }
        return installed;
    }

    private static boolean install() {
        try {
            BinaryOperator<ObjectInputFilter> before = ObjectInputFilter.Config.getSerialFilterFactory();
            ObjectInputFilter.Config.setSerialFilterFactory((current, next) -> {
                ObjectInputFilter chosen = before.apply(current, next);
                if (READING.get() == null || chosen == FILTER) {
                    return chosen;
                }
                return chosen == null ? FILTER : ObjectInputFilter.merge(FILTER, chosen);
            });
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }
}
