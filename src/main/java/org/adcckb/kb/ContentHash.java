package org.adcckb.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * What a rules directory holds, as one hash: a process that keeps a knowledge base (the server, the batch
 * daemon) loads it again only when this changes.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * SHA-256 over every regular file under the directory, name then content: cheap enough to take every
     * second for a directory of rule files, and blind to timestamps, so touching a file reloads nothing.
     * An unreadable directory gets a value of its own; the load that follows reports why.
     */
    public static String of(Path dir) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
        } catch (IOException | UncheckedIOException e) {
            return "unreadable: " + e.getMessage();
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
