package org.adcckb.cli;

import static org.adcckb.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.adcckb.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written with --output: whole, by a rename over a regular file only; a symbolic link is written
 * through, a directory, a device or a pipe is refused with exit 2 and left as it was.
 */
class OutputFileTest {

    @TempDir
    Path tmp;

    private static final String SCENARIOS = "facts/lejeune-2021";

    private Run validate(Path output) {
        return run("validate", "--output", output.toString(), SCENARIOS);
    }

    private String report() throws IOException {
        Path ref = tmp.resolve("reference.md");
        Run r = validate(ref);
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readString(ref);
    }

    private String[] leftovers() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toArray(String[]::new);
        }
    }

    @Test
    void aRegularFileIsReplacedWholeAndKeepsItsPermissions() throws IOException {
        Path out = Files.writeString(tmp.resolve("report.md"), "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
        Run r = validate(out);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(report());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-rw----");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path target = Files.writeString(Files.createDirectories(tmp.resolve("real")).resolve("report.md"), "old\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.md"), target);
        Run r = validate(link);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo(report());
    }

    @Test
    void aDanglingLinkADirectoryAPipeAndADeviceAreRefused() throws Exception {
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.md"), tmp.resolve("nowhere/report.md"));
        Run r = validate(dangling);
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(dangling + ": is a symbolic link to nothing that exists");

        Path dir = Files.createDirectories(tmp.resolve("dir"));
        assertThat(validate(dir).err()).contains("is a directory");

        Path fifo = tmp.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Run onFifo = validate(fifo);
        assertThat(onFifo.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(onFifo.err()).contains(fifo + ": is a device, pipe or socket, not a regular file");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();

        for (String device : new String[] {"/dev/full", "/dev/null"}) {
            Run onDevice = validate(Path.of(device));
            assertThat(onDevice.exit()).as(onDevice.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(onDevice.err()).contains(device + ": is a device, pipe or socket, not a regular file")
                    .doesNotContain("\tat ");
            assertThat(Files.isRegularFile(Path.of(device), LinkOption.NOFOLLOW_LINKS)).as(device + " is still a device").isFalse();
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsRefusedBeforeAnyWork() {
        Run r = validate(tmp.resolve("no/such/dir/report.md"));
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("cannot be written: no such directory");
    }
}
