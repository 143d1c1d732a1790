package org.adcckb.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.adcckb.engine.PackageStreams;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk, so a run whose rules have not changed skips the DRL compiler (about
 * two thirds of a cold start). An entry is named by the rules' fingerprint together with the Drools
 * version, this program's build and the Java version, so edited rules, a new build or another JVM never
 * read an old entry. Entries are written whole (temporary file, then rename); an entry that cannot be used
 * is ignored and replaced, never a failed run. Only the newest {@link #KEEP} entries are kept.
 *
 * <p>An entry is compiled code, so it is only loaded from a directory no one else can write
 * ({@link CacheDirectory}; otherwise the cache is not used, with one warning), only when its HMAC-SHA256
 * under this user's secret key (a file in that directory, for the owner alone) matches, which an entry
 * planted or copied from another user or machine cannot, and only through {@link EntryFilter}.
 *
 * <p>Where: the system property {@code adcc.cache}, else the environment variable {@code ADCC_CACHE},
 * else {@code $XDG_CACHE_HOME/adcc-kb}, else {@code ~/.cache/adcc-kb}; {@code off} turns the cache off.
 */
public final class CompiledCache {

    public static final String PROPERTY = "adcc.cache";
    public static final String ENVIRONMENT = "ADCC_CACHE";
    static final int KEEP = 8;
    static final String SUFFIX = ".kb";
    static final byte[] MAGIC = "adcc-kb compiled packages 2\n".getBytes(StandardCharsets.US_ASCII);
    static final int MAC_BYTES = 32;
    private static final int HMAC_BLOCK = 64;

    /** No cache: every load compiles. */
    public static final CompiledCache OFF = new CompiledCache(null, s -> { }, false);

    /** Each warning once per process on stderr: a server reloading its rules does not repeat it. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final Consumer<String> STDERR = line -> {
        if (WARNED.add(line)) {
            System.err.println(line);
        }
    };

    private final Path dir;
    private final Consumer<String> warnings;
    /** Named by the user (ADCC_CACHE, -Dadcc.cache): a directory that cannot be made or read is told, too. */
    private final boolean chosen;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private CompiledCache(Path dir, Consumer<String> warnings, boolean chosen) {
        this.dir = dir;
        this.warnings = warnings;
        this.chosen = chosen;
    }

    /** A cache in {@code dir} (created, for the owner alone, when first used); warnings go to stderr. */
    public static CompiledCache in(Path dir) {
        return new CompiledCache(dir, STDERR, false);
    }

    /** A cache in {@code dir} whose warnings (each a whole line, once per cache) go to {@code warnings}. */
    static CompiledCache in(Path dir, Consumer<String> warnings) {
        return new CompiledCache(dir, warnings, false);
    }

    /**
     * A cache in a directory the user named, whose warnings go to {@code warnings}: one that cannot be created
     * or read is told as well (the default directory stays quiet then: a read-only home only costs a compile).
     */
    static CompiledCache chosen(Path dir, Consumer<String> warnings) {
        return new CompiledCache(dir, warnings, true);
    }

    /** The cache the system property, the environment or the XDG convention names (see the class comment). */
    public static CompiledCache configured() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(ENVIRONMENT);
        }
        if (setting != null && !setting.isBlank()) {
            return setting.strip().equalsIgnoreCase("off") ? OFF : chosen(Path.of(setting.strip()), STDERR);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return in(Path.of(xdg, "adcc-kb"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? OFF : in(Path.of(home, ".cache", "adcc-kb"));
    }

    public boolean enabled() {
        return dir != null;
    }

    /** The directory of the entries; empty when the cache is off. */
    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    /** The file of the entry for rules with this fingerprint. */
    Path entry(String fingerprint) {
        return dir.resolve(key(fingerprint) + SUFFIX);
    }

    /** The name of the rules with this fingerprint under this build, Drools and Java: what else is kept about them is keyed by it. */
    public static String key(String fingerprint) {
        return sha256((fingerprint + "\n" + BuildIdentity.of()).getBytes(StandardCharsets.UTF_8));
    }

    /** The compiled packages of rules with this fingerprint, if an intact entry this user wrote holds them. */
    Optional<Collection<KiePackage>> read(String fingerprint) {
        if (dir == null) {
            return Optional.empty();
        }
        Optional<java.nio.ByteBuffer> body = readKept(entry(fingerprint).getFileName().toString(), MAGIC, Integer.MAX_VALUE - 64);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.nio.ByteBuffer b = body.get();
            if (!(EntryFilter.read(b.array(), b.arrayOffset() + b.position(), b.remaining()) instanceof List<?> list) || list.isEmpty()) {
                return Optional.empty();
            }
            List<KiePackage> packages = new ArrayList<>(list.size());
            for (Object p : list) {
                if (!(p instanceof KiePackage pkg)) {
                    return Optional.empty();
                }
                packages.add(pkg);
            }
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError | StackOverflowError e) {
            // corrupt or refused by the filter: compile instead, and the entry is written anew
            return Optional.empty();
        }
    }

    /**
     * The body of the file {@code name} in the cache directory (read-only use), if it is intact, of this {@code format} (its
     * first bytes), at most {@code maxBytes} long, and sealed by this user's key under this name; empty otherwise
     * (missing, larger, damaged, from an older build, foreign, or the cache off). What other parts of the program
     * keep by the rules' {@link #key} is read through this, so it is checked as the compiled packages are.
     */
    public Optional<java.nio.ByteBuffer> readKept(String name, byte[] format, long maxBytes) {
        byte[] key = key();
        if (key == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        try {
            if (Files.size(file) > maxBytes) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            int start = format.length + MAC_BYTES;
            if (bytes.length < start || !Arrays.equals(bytes, 0, format.length, format, 0, format.length)
                    || !MessageDigest.isEqual(mac(key, format, file, bytes, start),
                    Arrays.copyOfRange(bytes, format.length, start))) {
                return Optional.empty();
            }
            touch(file);
            return Optional.of(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start).slice());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return Optional.empty();
        }
    }

    /**
     * The MAC of an entry: HMAC-SHA256 (RFC 2104) of its format, its name (an entry renamed to stand for
     * other rules is refused) and its content. Written out over {@link MessageDigest}, which a run loads
     * anyway: the first use of {@code javax.crypto.Mac} costs a cold start about 150 ms (its policy files).
     */
    static byte[] mac(byte[] key, Path file, byte[] bytes, int start) {
        return mac(key, MAGIC, file, bytes, start);
    }

    /** The MAC of a kept file of this {@code format} (its first bytes, which the MAC covers). */
    static byte[] mac(byte[] key, byte[] format, Path file, byte[] bytes, int start) {
        if (key.length > HMAC_BLOCK) {
            throw new IllegalArgumentException("a key longer than the SHA-256 block");
        }
        byte[] inner = new byte[HMAC_BLOCK];
        byte[] outer = new byte[HMAC_BLOCK];
        for (int i = 0; i < HMAC_BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        MessageDigest sha = sha256();
        sha.update(inner);
        sha.update(format);
        sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(bytes, start, bytes.length - start);
        byte[] digest = sha.digest();
        sha.update(outer);
        return sha.digest(digest);
    }

    /** This user's key, after checking the directory; null (after one warning) when the cache is not to be used. */
    private byte[] key() {
        if (dir == null) {
            return null;
        }
        try {
            CacheDirectory.Opened opened = CacheDirectory.open(dir);
            if (opened.problem() != null && warned.add(opened.problem())) {
                warnings.accept(opened.problem());
            }
            return opened.key();
        } catch (IOException | RuntimeException e) {
            // cannot be created or read (a read-only home, a file in the way): only costs a compile
            if (chosen) {
                String why = e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException
                        || Files.isRegularFile(dir) ? "is not a directory"
                        : e instanceof java.nio.file.AccessDeniedException ? "cannot be created or read: permission denied"
                        : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? "cannot be created or read: " + fs.getReason() : "cannot be created or read";
                String line = "adcc: warning: the compiled-rules cache " + dir + " " + why
                        + "; not used (set ADCC_CACHE to a directory of your own, or ADCC_CACHE=off)";
                if (warned.add(line)) {
                    warnings.accept(line);
                }
            }
            return null;
        }
    }

    /** Keeps the compiled packages of rules with this fingerprint; a cache that cannot be written is no error. */
    void write(String fingerprint, Collection<KiePackage> packages) {
        if (dir == null || key() == null) {
            return;
        }
        try {
            keep(entry(fingerprint).getFileName().toString(), MAGIC, PackageStreams.write(packages), SUFFIX, KEEP);
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk only costs the next run a compile
        }
    }

    /**
     * Writes {@code body} as the file {@code name} of this {@code format}, sealed by this user's key (read back by
     * {@link #readKept}): whole or not at all (a temporary file, then a rename), so a reader never sees half of
     * it. Of the files whose names end in {@code suffix}, the newest {@code keep} are kept. A cache that cannot
     * be written is no error: false.
     */
    public boolean keep(String name, byte[] format, byte[] body, String suffix, int keep) {
        byte[] key = key();
        if (key == null) {
            return false;
        }
        Path tmp = null;
        try {
            Path file = dir.resolve(name);
            tmp = Files.createTempFile(dir, ".entry-", ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                out.write(format);
                out.write(mac(key, format, file, body, 0));
                out.write(body);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(file, suffix, keep);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for a later prune
                }
            }
        }
    }

    /** Keeps the newest {@code keep} files ending in {@code suffix} (the one just written among them) and drops abandoned temporary files. */
    private void prune(Path written, String suffix, int keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(suffix) && !p.equals(written)) {
                    entries.add(p);
                } else if (name.startsWith(".entry-") && name.endsWith(".tmp") && modified(p) < hourAgo) {
                    Files.deleteIfExists(p);
                }
            }
        }
        entries.sort(Comparator.comparingLong(CompiledCache::modified).reversed());
        for (Path old : entries.subList(Math.min(entries.size(), keep - 1), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** An entry used is kept longer than one not used: pruning goes by the time of last use. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache still serves
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return dir == null ? "off" : dir.toString();
    }
}
