package org.adcckb.kb;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.adcckb.engine.PackageStreams;

/**
 * What else than the rules a compiled package, or a result kept by a batch, depends on: the Drools version,
 * this program's build (the fact classes the rules are compiled against live in it) and the Java version.
 * Part of the names of what the compiled-rules cache keeps ({@link CompiledCache#key}).
 */
final class BuildIdentity {

    private static volatile String identity;

    private BuildIdentity() {
    }

    /** The Drools version, this build and the Java version, one per line. */
    static String of() {
        String k = identity;
        if (k == null) {
            k = "drools " + PackageStreams.droolsVersion() + "\nbuild " + build() + "\njava " + Runtime.version();
            identity = k;
        }
        return k;
    }

    /**
     * This build: the jar's size and time, or for a class directory (tests, an IDE) the newest class file
     * in it. A rebuilt jar thus never reads the entries of the one before.
     */
    private static String build() {
        Package own = BuildIdentity.class.getPackage();
        String version = own == null || own.getImplementationVersion() == null ? "dev" : own.getImplementationVersion();
        try {
            var source = BuildIdentity.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return version + " unknown";
            }
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return version + " " + Files.size(where) + " " + Files.getLastModifiedTime(where).toMillis();
            }
            if (Files.isDirectory(where)) {
                try (Stream<Path> s = Files.walk(where)) {
                    long[] newest = {0, 0};
                    s.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                        newest[0] = Math.max(newest[0], modified(p));
                        newest[1]++;
                    });
                    return version + " classes " + newest[1] + " " + newest[0];
                }
            }
            return version + " " + where;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return version + " unknown";
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
