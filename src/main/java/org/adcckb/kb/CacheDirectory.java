package org.adcckb.kb;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Whether a cache directory is private enough to load compiled code from, and its secret key. Compiled
 * packages carry class bytes, so whoever can write the directory, or read the key, can run code in the
 * next run: the directory must be the user's own and writable by no one else, and so must the directories
 * above it (like OpenSSH's check of {@code ~/.ssh}), except that root's directories and directories with
 * the sticky bit ({@code /tmp}) are accepted, since nobody else can rename or replace what is inside them.
 * A file system without POSIX permissions cannot be checked, so the cache is not used there.
 */
final class CacheDirectory {

    /** The key file's name: 32 random bytes, readable and writable by the owner alone. */
    static final String KEY_FILE = "key";
    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> PRIVATE_FILE =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final int STICKY = 01000;

    /** The key of an acceptable directory, or else why the directory is not used (a whole warning line). */
    record Opened(byte[] key, String problem) {
    }

    private CacheDirectory() {
    }

    /**
     * Creates {@code dir} (owner-only) when it is missing, checks it and returns its key, creating the key
     * when missing. Throws {@link IOException} when the directory or the key cannot be made at all.
     */
    static Opened open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                return notPosix(dir);
            }
        }
        UserPrincipal me = currentUser(dir);
        Path real = dir.toRealPath();
        for (Path p = real; p != null; p = p.getParent()) {
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(p, PosixFileAttributes.class);
            } catch (UnsupportedOperationException e) {
                return notPosix(dir);
            }
            String problem = unsafeDirectory(dir, p.equals(real) ? null : p, a.owner(), a.permissions(), sticky(p), me);
            if (problem != null) {
                return refused(dir + problem);
            }
        }
        return key(dir.resolve(KEY_FILE), me);
    }

    /**
     * Why a directory makes the cache {@code cache} unsafe (the rest of the warning after the cache's name),
     * or null. {@code ancestor} is null for the cache directory itself, which must be the user's own and
     * writable by the user alone; an ancestor may also be root's, or writable by others when sticky.
     */
    static String unsafeDirectory(Path cache, Path ancestor, UserPrincipal owner, Set<PosixFilePermission> permissions,
                                  boolean sticky, UserPrincipal me) {
        String subject = ancestor == null ? "" : " is inside " + ancestor + ", which";
        if (!owner.equals(me) && (ancestor == null || !owner.getName().equals("root"))) {
            return subject + " is owned by " + owner.getName() + ", not by you (" + me.getName()
                    + "); not used (set ADCC_CACHE to a directory of your own)";
        }
        if (ancestor != null && sticky) {
            return null;
        }
        String writable = permissions.contains(PosixFilePermission.OTHERS_WRITE) ? "world-writable"
                : permissions.contains(PosixFilePermission.GROUP_WRITE) ? "group-writable" : null;
        if (writable == null) {
            return null;
        }
        return subject + " is " + writable + "; not used ("
                + (ancestor == null ? "chmod 700 " + cache + ")" : "chmod go-w " + ancestor + ", or set ADCC_CACHE elsewhere)");
    }

    /** Why a key file cannot be trusted, or null: it must be a plain file, the user's own, for the owner alone. */
    static String unsafeKey(boolean regularFile, UserPrincipal owner, Set<PosixFilePermission> permissions, UserPrincipal me) {
        if (!regularFile) {
            return "is not a regular file";
        }
        if (!owner.equals(me)) {
            return "is owned by " + owner.getName() + ", not by you (" + me.getName() + ")";
        }
        if (!PRIVATE_FILE.containsAll(permissions)) {
            return "has permissions " + PosixFilePermissions.toString(permissions) + " (rw------- at most)";
        }
        return null;
    }

    /** Reads the key, or makes one (written whole: a concurrent run reads either no key or all of one). */
    private static Opened key(Path file, UserPrincipal me) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                create(file);
                continue;
            }
            String problem = unsafeKey(a.isRegularFile(), a.owner(), a.permissions(), me);
            if (problem != null) {
                return refused(file.getParent() + " has a key file " + file + " that " + problem
                        + "; not used (chmod 600 " + file + ", or delete it)");
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length == KEY_BYTES) {
                return new Opened(key, null);
            }
            // damaged, and only its owner could have written it: a new key, and every entry is rebuilt
            Files.deleteIfExists(file);
        }
        throw new IOException("no key in " + file);
    }

    /** A new key file, appearing whole or not at all: a hard link never replaces the key another run just made. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = Files.createTempFile(file.getParent(), ".key-", ".tmp",
                PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        try {
            Files.write(tmp, key);
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (!(e instanceof FileAlreadyExistsException)) {
                    Files.move(tmp, file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            // another run made it first: that key is used
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Opened refused(String problem) {
        return new Opened(null, "adcc: warning: the compiled-rules cache " + problem);
    }

    /** The user this process runs as: by name, else (no such name, as in some containers) as the owner of a new file. */
    private static UserPrincipal currentUser(Path dir) throws IOException {
        String name = System.getProperty("user.name");
        try {
            if (name != null && !name.isBlank() && !name.equals("?")) {
                return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
            }
        } catch (IOException e) {
            // fall through to the probe
        }
        Path probe = Files.createTempFile(dir, ".owner-", ".tmp");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static boolean sticky(Path p) {
        try {
            return (((Integer) Files.getAttribute(p, "unix:mode")) & STICKY) != 0;
        } catch (IOException | RuntimeException e) {
            return false; // unknown: the directory is then judged by its write permissions alone
        }
    }

    private static Opened notPosix(Path dir) {
        return refused(dir + " is on a file system without POSIX permissions, where its privacy cannot be"
                + " checked; not used (ADCC_CACHE=off silences this)");
    }
}
