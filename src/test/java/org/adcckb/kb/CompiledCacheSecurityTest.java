package org.adcckb.kb;

import static org.adcckb.kb.CompiledCacheTest.entries;
import static org.adcckb.kb.CompiledCacheTest.everything;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.adcckb.TestKb;
import org.drools.base.common.DroolsObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled-rules cache loads only what this user wrote into a directory no one else can write: a shared
 * or open directory or key is not used (one warning, answers unchanged), and a planted, copied or altered
 * entry is ignored and rebuilt.
 */
class CompiledCacheSecurityTest {

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    private static String expected;

    private static synchronized String expected() throws IOException {
        if (expected == null) {
            expected = everything(KnowledgeBaseLoader.load(TestKb.RULES, CompiledCache.OFF));
        }
        return expected;
    }

    private CompiledCache cache(Path dir) {
        return CompiledCache.in(dir, warnings::add);
    }

    private static void chmod(Path p, String permissions) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
    }

    /** The cache in {@code dir} is not used: two loads compile, and nothing is written; one warning. */
    private KnowledgeBase assertNotUsed(Path dir) throws IOException {
        CompiledCache cache = cache(dir);
        KnowledgeBase first = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        KnowledgeBase second = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isFalse();
        assertThat(second.rules()).isEqualTo(TestKb.kb().rules());
        assertThat(entries(dir)).isEmpty();
        assertWarnedOnce(dir);
        return second;
    }

    /** Cheaper, for many cases: packages are neither written to nor read from {@code dir}; one warning. */
    private void assertNotUsedCheaply(Path dir) throws IOException {
        CompiledCache cache = cache(dir);
        cache.write("features", features().getKnowledgePackages());
        assertThat(cache.read("features")).isEmpty();
        assertThat(entries(dir)).isEmpty();
        assertWarnedOnce(dir);
    }

    private void assertWarnedOnce(Path dir) {
        assertThat(warnings).as("one warning line, however often the cache is asked").hasSize(1);
        assertThat(warnings.get(0)).startsWith("adcc: warning: the compiled-rules cache " + dir).doesNotContain("\n");
    }

    private static KnowledgeBuilder features() throws IOException {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        try (var in = CompiledCacheSecurityTest.class.getResourceAsStream("features.drl")) {
            builder.add(ResourceFactory.newByteArrayResource(in.readAllBytes()).setSourcePath("features.drl"), ResourceType.DRL);
        }
        assertThat(builder.hasErrors()).as(builder.getErrors().toString()).isFalse();
        return builder;
    }

    @Test
    void aGroupWritableDirectoryIsNotUsedWithOneWarning() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("cache"));
        chmod(dir, "rwxrwx---");
        assertThat(everything(assertNotUsed(dir))).isEqualTo(expected());
        assertThat(warnings).containsExactly("adcc: warning: the compiled-rules cache " + dir
                + " is group-writable; not used (chmod 700 " + dir + ")");
        assertThat(dir.resolve(CacheDirectory.KEY_FILE)).doesNotExist();
    }

    @Test
    void aChosenDirectoryThatIsAFileIsToldAndTheDefaultOneIsQuiet() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        for (Path dir : List.of(file, file.resolve("cache"))) {
            CompiledCache chosen = CompiledCache.chosen(dir, warnings::add);
            assertThat(KnowledgeBaseLoader.load(TestKb.RULES, chosen).cached()).isFalse();
            assertThat(KnowledgeBaseLoader.load(TestKb.RULES, chosen).cached()).isFalse();
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).isEqualTo("adcc: warning: the compiled-rules cache " + file
                + " is not a directory; not used (set ADCC_CACHE to a directory of your own, or ADCC_CACHE=off)");
        assertThat(warnings.get(1)).startsWith("adcc: warning: the compiled-rules cache " + file.resolve("cache") + " ")
                .endsWith("; not used (set ADCC_CACHE to a directory of your own, or ADCC_CACHE=off)").doesNotContain("\n");
        warnings.clear();
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, cache(file.resolve("cache"))).cached()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aWorldWritableDirectoryIsNotUsed() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("cache"));
        chmod(dir, "rwxr-xrwx");
        assertNotUsedCheaply(dir);
        assertThat(warnings.get(0)).contains(" is world-writable; not used (chmod 700 ");
    }

    @Test
    void aDirectoryInsideAGroupWritableOneIsNotUsed() throws IOException {
        Path parent = Files.createDirectory(tmp.resolve("shared"));
        chmod(parent, "rwxrwxr-x");
        Path dir = parent.resolve("cache");
        assertNotUsed(dir);
        assertThat(warnings.get(0)).isEqualTo("adcc: warning: the compiled-rules cache " + dir + " is inside "
                + parent.toRealPath() + ", which is group-writable; not used (chmod go-w " + parent.toRealPath()
                + ", or set ADCC_CACHE elsewhere)");
    }

    @Test
    void aDirectoryInsideAStickyWorldWritableOneIsUsed() throws IOException {
        Path parent = Files.createDirectory(tmp.resolve("like-tmp"));
        Files.setAttribute(parent, "unix:mode", 01777);
        assertThat((Integer) Files.getAttribute(parent, "unix:mode") & 07777).isEqualTo(01777);
        CompiledCache cache = cache(parent.resolve("cache"));
        KnowledgeBaseLoader.load(TestKb.RULES, cache);
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, cache).cached()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aNewCacheDirectoryAndItsKeyAndEntriesAreTheOwnersAlone() throws IOException {
        Path dir = tmp.resolve("a").resolve("cache");
        KnowledgeBase kb = KnowledgeBaseLoader.load(TestKb.RULES, cache(dir));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path key = dir.resolve(CacheDirectory.KEY_FILE);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(key)).isEqualTo(CacheDirectory.KEY_BYTES);
        assertThat(Files.getPosixFilePermissions(cache(dir).entry(kb.fingerprint())))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getOwner(dir)).isEqualTo(Files.getOwner(key)).isEqualTo(Files.getOwner(tmp));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aKeyFileOthersCanReadOrWriteIsNotUsed() throws IOException {
        for (String open : List.of("rw-r--r--", "rw-rw----", "rw-----w-", "rwx------")) {
            warnings.clear();
            Path dir = Files.createDirectory(tmp.resolve("cache-" + open.replace('-', '_')));
            chmod(dir, "rwx------");
            Path key = Files.write(dir.resolve(CacheDirectory.KEY_FILE), new byte[CacheDirectory.KEY_BYTES]);
            chmod(key, open);
            assertNotUsedCheaply(dir);
            assertThat(warnings.get(0)).isEqualTo("adcc: warning: the compiled-rules cache " + dir + " has a key file "
                    + key + " that has permissions " + open + " (rw------- at most); not used (chmod 600 " + key
                    + ", or delete it)");
        }
    }

    @Test
    void aKeyFileThatIsALinkIsNotUsed() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("cache"));
        chmod(dir, "rwx------");
        Path elsewhere = Files.write(tmp.resolve("elsewhere"), new byte[CacheDirectory.KEY_BYTES]);
        chmod(elsewhere, "rw-------");
        Files.createSymbolicLink(dir.resolve(CacheDirectory.KEY_FILE), elsewhere);
        assertNotUsedCheaply(dir);
        assertThat(warnings.get(0)).contains("that is not a regular file; not used");
    }

    @Test
    void aDamagedKeyIsReplacedAndItsEntriesRebuilt() throws IOException {
        Path dir = tmp.resolve("cache");
        CompiledCache cache = cache(dir);
        KnowledgeBaseLoader.load(TestKb.RULES, cache);
        Path key = dir.resolve(CacheDirectory.KEY_FILE);
        byte[] old = Files.readAllBytes(key);
        Files.write(key, Arrays.copyOf(old, 5));
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, cache).cached()).as("the old entry is foreign now").isFalse();
        assertThat(Files.readAllBytes(key)).hasSize(CacheDirectory.KEY_BYTES).isNotEqualTo(old);
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, cache).cached()).isTrue();
        assertThat(warnings).isEmpty();
    }

    /** Ownership decided for given users: the test does not depend on which user runs it. */
    @Test
    void ownershipDecisions() {
        UserPrincipal me = new User("alice");
        UserPrincipal other = new User("mallory");
        UserPrincipal root = new User("root");
        Set<PosixFilePermission> rwx = PosixFilePermissions.fromString("rwx------");
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxrwxrwx");
        Path parent = Path.of("/home");
        Path cache = Path.of("/home/alice/.cache/adcc-kb");

        assertThat(CacheDirectory.unsafeDirectory(cache, null, me, rwx, false, me)).isNull();
        assertThat(CacheDirectory.unsafeDirectory(cache, null, other, rwx, false, me))
                .isEqualTo(" is owned by mallory, not by you (alice); not used (set ADCC_CACHE to a directory of your own)");
        assertThat(CacheDirectory.unsafeDirectory(cache, null, root, rwx, false, me)).as("root's cache is not alice's")
                .contains("owned by root");
        assertThat(CacheDirectory.unsafeDirectory(cache, null, me, open, true, me)).as("sticky does not help the cache itself")
                .isEqualTo(" is world-writable; not used (chmod 700 /home/alice/.cache/adcc-kb)");
        assertThat(CacheDirectory.unsafeDirectory(cache, parent, root, PosixFilePermissions.fromString("rwxr-xr-x"), false, me)).isNull();
        assertThat(CacheDirectory.unsafeDirectory(cache, parent, root, open, true, me)).isNull();
        assertThat(CacheDirectory.unsafeDirectory(cache, parent, root, open, false, me)).contains("which is world-writable");
        assertThat(CacheDirectory.unsafeDirectory(cache, parent, other, PosixFilePermissions.fromString("rwxr-xr-x"), false, me))
                .contains("is inside /home, which is owned by mallory");

        assertThat(CacheDirectory.unsafeKey(true, me, PosixFilePermissions.fromString("rw-------"), me)).isNull();
        assertThat(CacheDirectory.unsafeKey(true, me, PosixFilePermissions.fromString("r--------"), me)).isNull();
        assertThat(CacheDirectory.unsafeKey(true, other, PosixFilePermissions.fromString("rw-------"), me))
                .isEqualTo("is owned by mallory, not by you (alice)");
        assertThat(CacheDirectory.unsafeKey(false, me, PosixFilePermissions.fromString("rw-------"), me))
                .isEqualTo("is not a regular file");
    }

    private record User(String name) implements UserPrincipal {
        @Override
        public String getName() {
            return name;
        }
    }

    // --- entries ---

    private record Filled(CompiledCache cache, String fingerprint, Path entry, byte[] good, byte[] key) {
    }

    private Filled filled(Path dir) throws IOException {
        CompiledCache cache = cache(dir);
        KnowledgeBase kb = KnowledgeBaseLoader.load(TestKb.RULES, cache);
        Path entry = cache.entry(kb.fingerprint());
        return new Filled(cache, kb.fingerprint(), entry, Files.readAllBytes(entry), Files.readAllBytes(dir.resolve(CacheDirectory.KEY_FILE)));
    }

    /** An entry holding {@code bytes} is ignored: the load compiles, answers right, and the entry is rewritten. */
    private KnowledgeBase assertRebuilt(Filled f, byte[] bytes) throws IOException {
        Files.write(f.entry(), bytes);
        KnowledgeBase kb = KnowledgeBaseLoader.load(TestKb.RULES, f.cache());
        assertThat(kb.cached()).isFalse();
        assertThat(kb.rules()).isEqualTo(TestKb.kb().rules());
        assertThat(Files.readAllBytes(f.entry())).as("rewritten").isNotEqualTo(bytes);
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, f.cache()).cached()).isTrue();
        assertThat(warnings).isEmpty();
        return kb;
    }

    private static byte[] entry(byte[] magic, byte[] mac, byte[] body) {
        byte[] out = new byte[magic.length + mac.length + body.length];
        System.arraycopy(magic, 0, out, 0, magic.length);
        System.arraycopy(mac, 0, out, magic.length, mac.length);
        System.arraycopy(body, 0, out, magic.length + mac.length, body.length);
        return out;
    }

    /** A well-made entry for {@code f}'s name and key holding {@code body}. */
    private static byte[] signed(Filled f, byte[] body) {
        return entry(CompiledCache.MAGIC, CompiledCache.mac(f.key(), f.entry(), body, 0), body);
    }

    private static byte[] body(byte[] entry) {
        return Arrays.copyOfRange(entry, CompiledCache.MAGIC.length + CompiledCache.MAC_BYTES, entry.length);
    }

    private static byte[] serialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void theEntryMacIsHmacSha256() throws Exception {
        byte[] key = new byte[CacheDirectory.KEY_BYTES];
        new java.util.Random(7).nextBytes(key);
        byte[] entry = "header and MAC slot, then the body".getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        hmac.update(CompiledCache.MAGIC);
        hmac.update("name.kb\n".getBytes(StandardCharsets.UTF_8));
        hmac.update(entry, 11, entry.length - 11);
        assertThat(CompiledCache.mac(key, Path.of("dir", "name.kb"), entry, 11)).isEqualTo(hmac.doFinal());
    }

    @Test
    void theSameBodyUnderItsOwnMacIsRead() throws IOException {
        Filled f = filled(tmp.resolve("cache"));
        Files.write(f.entry(), signed(f, body(f.good())));
        assertThat(KnowledgeBaseLoader.load(TestKb.RULES, f.cache()).cached()).as("the control for the tests below").isTrue();
    }

    @Test
    void anAlteredEntryWithARecomputedPlainHashIsRebuilt() throws Exception {
        Filled f = filled(tmp.resolve("cache"));
        byte[] body = body(f.good());
        body[body.length / 2] ^= 0x55;
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
        assertRebuilt(f, entry(CompiledCache.MAGIC, sha, body));
        assertRebuilt(f, entry("adcc-kb compiled packages 1\n".getBytes(StandardCharsets.US_ASCII), sha, body));
    }

    @Test
    void anEntryFromAnotherKeyIsForeignAndRebuilt() throws IOException {
        Filled mine = filled(tmp.resolve("mine"));
        Filled theirs = filled(tmp.resolve("theirs"));
        assertThat(theirs.entry().getFileName()).isEqualTo(mine.entry().getFileName());
        assertThat(theirs.key()).isNotEqualTo(mine.key());
        assertThat(everything(assertRebuilt(mine, theirs.good()))).isEqualTo(expected());
    }

    @Test
    void anEntryWithAnotherMagicIsRebuilt() throws IOException {
        Filled f = filled(tmp.resolve("cache"));
        byte[] bad = f.good().clone();
        bad[3] ^= 0x20;
        assertRebuilt(f, bad);
    }

    @Test
    void anEntryRenamedToStandForOtherRulesIsRebuilt() throws IOException {
        Filled f = filled(tmp.resolve("cache"));
        f.cache().write("other rules", f.cache().read(f.fingerprint()).orElseThrow());
        assertRebuilt(f, Files.readAllBytes(f.cache().entry("other rules")));
    }

    @Test
    void aWellMacedEntryWithAClassOutsideTheAllowListIsRebuilt() throws Exception {
        Filled f = filled(tmp.resolve("cache"));
        byte[] refused = serialized(new ArrayList<>(List.of(new File("planted"))));
        byte[] allowed = serialized(new ArrayList<>(List.of("planted")));
        assertThat(EntryFilter.read(allowed, 0, allowed.length)).isEqualTo(List.of("planted"));
        assertThatThrownBy(() -> EntryFilter.read(refused, 0, refused.length))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
        assertRebuilt(f, signed(f, refused));
    }

    @Test
    void aWellMacedEntryWithATooDeepGraphIsRebuilt() throws Exception {
        Filled f = filled(tmp.resolve("cache"));
        byte[] deep = serialized(nested(EntryFilter.MAX_DEPTH + 50));
        byte[] shallow = serialized(nested(EntryFilter.MAX_DEPTH - 10));
        assertThat(EntryFilter.read(shallow, 0, shallow.length)).isInstanceOf(ArrayList.class);
        assertThatThrownBy(() -> EntryFilter.read(deep, 0, deep.length))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
        assertRebuilt(f, signed(f, deep));
    }

    private static ArrayList<Object> nested(int depth) {
        ArrayList<Object> list = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            ArrayList<Object> outer = new ArrayList<>();
            outer.add(list);
            list = outer;
        }
        return list;
    }

    /** Drools reads compiled classes through a plain stream of its own: that stream is filtered too. */
    @Test
    void aStreamOpenedWhileAnEntryIsReadIsFilteredToo() throws Exception {
        byte[] file = serialized(new File("planted"));
        assertThat(EntryFilter.everyStream()).as("no other filter factory in the tests' JVM").isTrue();
        assertThatThrownBy(() -> EntryFilter.reading(() -> plain(file)))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
        assertThat(plain(file)).as("streams opened otherwise are left alone").isEqualTo(new File("planted"));
    }

    private static Object plain(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Rules using Drools features the shipped rules do not (see features.drl) are still served from the cache. */
    @Test
    void packagesOfRulesUsingFurtherDroolsFeaturesPassTheFilter() throws IOException {
        KnowledgeBuilder builder = features();
        CompiledCache cache = cache(tmp.resolve("cache"));
        cache.write("features", builder.getKnowledgePackages());
        Collection<KiePackage> read = cache.read("features").orElseThrow();
        assertThat(read).extracting(KiePackage::getName).containsExactlyElementsOf(
                builder.getKnowledgePackages().stream().map(KiePackage::getName).toList());
        assertThat(read.stream().mapToInt(p -> p.getRules().size()).sum()).isEqualTo(6);
        List<String> fired = fire(read);
        assertThat(fired).hasSize(5).isEqualTo(fire(builder.getKnowledgePackages()));
    }

    private static List<String> fire(Collection<KiePackage> packages) {
        var kieBase = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        var session = kieBase.newKieSession();
        try {
            List<String> log = new ArrayList<>();
            session.setGlobal("log", log);
            session.insert(new org.adcckb.facts.Cell("nk1", "nk", "high", "158V", false, null));
            session.insert(new org.adcckb.facts.Cell("t2", "myeloma", "low", "none", false, null));
            session.insert(new org.adcckb.facts.Agent("daratumumab", "antibody", "CD38", "dara", true, "Daratumumab"));
            session.fireAllRules();
            return log.stream().sorted().toList();
        } finally {
            session.dispose();
        }
    }
}
