package org.adcckb.daemon;

import java.io.File;
import java.net.URISyntaxException;
import java.security.CodeSource;

/**
 * Which build of adcc-kb a process runs: the jar's path, size and modification time. A daemon serves only
 * clients of its own build, so a rebuilt jar never has its batches run by the code it replaced.
 */
final class Build {

    private Build() {
    }

    static String id() {
        CodeSource source = Build.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown";
        }
        try {
            File f = new File(source.getLocation().toURI());
            return f.isFile() ? f.getPath() + ":" + f.length() + ":" + f.lastModified() : "classes:" + f.getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }
}
