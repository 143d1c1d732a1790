package org.adcckb.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.adcckb.input.InputException;

/**
 * A file a command writes with {@code --output}: whole or not at all. The bytes go to a temporary file in
 * the same directory, are forced to disk, and the temporary file is renamed over the target, so a reader
 * never sees half a file and a failure leaves the old one. Only a regular file is ever replaced: a symbolic
 * link is written through (its target is replaced, the link stays), and a directory, a device, a pipe or a
 * socket is refused (exit 2), so {@code --output /dev/full} can never turn a device into a file.
 */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * The path that will be replaced: {@code path} itself, or the file a symbolic link leads to.
     *
     * @throws InputException when it is not, or would not be, a regular file in an existing directory
     */
    static Path target(Path path) {
        Path target = path;
        if (Files.isSymbolicLink(path)) {
            try {
                target = path.toRealPath();
            } catch (IOException e) {
                throw new InputException(path.toString(), "", "is a symbolic link to nothing that exists ("
                        + e.getMessage() + "); --output names a file to write, or a link to one");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(path.toString(), "", "is " + kind(target) + ", not a regular file; --output names a file to write");
        }
        Path dir = target.toAbsolutePath().normalize().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            // The directory as the user wrote it (a relative path stays relative), the absolute one only without.
            Path given = target.getParent();
            throw new InputException(path.toString(), "", "cannot be written: no such directory "
                    + (given != null ? given : dir));
        }
        return target;
    }

    /** Writes {@code bytes} to {@code path} as described in the class comment. */
    static void write(Path path, byte[] bytes) {
        Path target = target(path);
        Path dir = target.toAbsolutePath().normalize().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            keepPermissions(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(path.toString(), "", "cannot be written: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more can be done; the target is untouched
                }
            }
        }
    }

    /**
     * How the file at a path compares with the bytes that would be written there ({@code --check}).
     *
     * @param missing whether there is no file yet
     * @param line    the first line, from 1, where the file differs; 0 when it holds those bytes
     */
    record Difference(boolean missing, int line) {
        boolean upToDate() {
            return !missing && line == 0;
        }
    }

    /** Compares, without writing, the file at {@code path} with {@code bytes}. */
    static Difference compare(Path path, byte[] bytes) {
        if (!Files.exists(path)) {
            return new Difference(true, 0);
        }
        byte[] existing;
        try {
            existing = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(path.toString(), "", "cannot be read: " + InputException.why(e));
        }
        return new Difference(false, java.util.Arrays.equals(existing, bytes) ? 0 : firstDifferentLine(existing, bytes));
    }

    /** The first line (from 1) where two texts differ. */
    private static int firstDifferentLine(byte[] a, byte[] b) {
        int line = 1;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return line;
            }
            if (a[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A replaced file keeps its permissions; a new one gets the usual rw-r--r-- rather than a temp file's rw-------. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException notPosix) {
            // the file system's defaults hold
        }
    }

    private static String kind(Path p) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        return "a device, pipe or socket";
    }
}
