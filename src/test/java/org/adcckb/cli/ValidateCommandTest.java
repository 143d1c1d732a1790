package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.adcckb.cli.Cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adcckb.cli.Cli.Run;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adcc validate}, run in-process: the report, its exit codes, --check, and refused input. */
class ValidateCommandTest {

    private static final String FACTS = "facts/lejeune-2021";

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path f = temp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> rows(Path report) throws IOException {
        return Files.readAllLines(report).stream().filter(l -> l.startsWith("| ") && !l.startsWith("| finding |")).toList();
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A myeloma population alone: no ADCC, no fratricide, whatever its CD38. */
    private static String alone(String id, String findings, String outcome) {
        return """
                { "id": "%s", "cells": [ { "id": "mm", "type": "myeloma", "cd38": "high" } ],
                  "treatments": [ { "agent": "daratumumab" } ],
                  "expect": { %s "source": "PMID:9242542", "evidence": "RECALL", "outcome": %s } }
                """.formatted(id, findings, outcome);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void writesOneRowPerFindingAndSaysWhereOnStderr() throws IOException {
        Path report = temp.resolve("VALIDATION.md");

        Run r = run("validate", "--output", report.toString(), FACTS);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("adcc: wrote " + report + ": 14 passed, 0 failed\n");
        String md = Files.readString(report);
        assertThat(md).startsWith("# Validation report\n")
                .contains("`./adcc validate`")
                .contains("- Rules fingerprint: `" + TestKb.kb().fingerprint() + "`")
                .endsWith("\n\n14 passed, 0 failed\n");
        assertThat(rows(report)).hasSize(14).allSatisfy(l -> assertThat(l).endsWith(" | pass |"));
        assertThat(filesIn(temp)).containsExactly("VALIDATION.md");
    }

    @Test
    void sameRulesAndFactsGiveTheSameBytesWhateverTheOrderOfTheFiles() throws IOException {
        Path a = temp.resolve("a.md");
        Path b = temp.resolve("b.md");
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of(FACTS))) {
            files = s.map(Path::toString).sorted().toList();
        }
        String[] forward = Stream.concat(Stream.of("validate", "--output", a.toString()), files.stream()).toArray(String[]::new);
        String[] backward = Stream.concat(Stream.of("validate", "--output", b.toString()),
                reversed(files).stream()).toArray(String[]::new);

        assertThat(run(forward).exit()).isZero();
        assertThat(run(backward).exit()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readString(a)).doesNotContain(temp.toString()).doesNotContainPattern("\\b20\\d\\d-\\d\\d-\\d\\d\\b");
    }

    @Test
    void aFailingFindingGivesAFailRowAndExitThree() throws IOException {
        Path dir = temp.resolve("failing");
        write("failing/fails.json", alone("fails", "\"findings\": [\"X10\", \"X2\"],", "{ \"adcc\": \"high\", \"fratricide\": \"none\" }"));
        write("failing/holds.json", alone("holds", "\"findings\": [\"X2\"],", "{ \"adcc\": \"none\" }"));
        write("failing/no-finding.json", alone("no-finding", "", "{ \"fratricide\": \"none\" }"));
        Path report = temp.resolve("report.md");

        Run r = run("validate", "--output", report.toString(), dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(Main.FAILED_CHECKS);
        assertThat(r.err()).isEqualTo("adcc: wrote " + report + ": 1 passed, 2 failed (X2, X10)\n");
        List<String> rows = rows(report);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("| X2 | [PMID:9242542](https://pubmed.ncbi.nlm.nih.gov/9242542/) | RECALL | ")
                .contains("[fails](failing/fails.json) (RECALL)<br>[holds](failing/holds.json) (RECALL)")
                .contains("fails: **`adcc = high`**; `fratricide = none`<br>holds: `adcc = none`")
                .contains("fails: **`adcc none`**; `fratricide none`<br>holds: `adcc none`")
                .endsWith(" | **FAIL** (1 of 3 checks) |");
        assertThat(rows.get(1)).startsWith("| X10 | ").endsWith(" | **FAIL** (1 of 2 checks) |");
        assertThat(rows.get(2)).startsWith("| - | [PMID:9242542](https://pubmed.ncbi.nlm.nih.gov/9242542/) | RECALL | [no-finding](failing/no-finding.json) (RECALL) | ")
                .endsWith(" | `fratricide = none` | `fratricide none` | pass |");
        assertThat(Files.readString(report)).endsWith("\n\n1 passed, 2 failed\n");
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws IOException {
        Path dir = temp.resolve("bad");
        Files.createDirectories(dir);
        Files.copy(Path.of(FACTS, "nk-dara.json"), dir.resolve("nk-dara.json"));
        Files.copy(Path.of(FACTS, "low-cd38-nk-dara.json"), dir.resolve("low-cd38-nk-dara.json"));
        Path bad = write("bad/bad-evidence.json", """
                { "id": "bad-evidence", "cells": [ { "id": "mm", "type": "myeloma", "cd38": "low" } ],
                  "expect": { "evidence": "read", "outcome": { "adcc": "none" } } }
                """);
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Path report = write("out/VALIDATION.md", "the previous report\n");

        Run r = run("validate", "--output", report.toString(), dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("adcc: " + bad + ": $.expect.evidence: 'read' is not a provenance tag; "
                + "allowed: READ, READ-2nd, RECALL, INFER (did you mean 'READ'?)\n");
        assertThat(Files.readString(report)).isEqualTo("the previous report\n");
        assertThat(filesIn(out)).containsExactly("VALIDATION.md");

        Path fresh = temp.resolve("out/fresh.md");
        assertThat(run("validate", "--output", fresh.toString(), temp.resolve("missing").toString()).exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run("validate", "--output", fresh.toString(), FACTS + "/nk-dara.json").exit())
                .as("a comparison with a scenario not in the run").isEqualTo(Main.BAD_INPUT);
        assertThat(run("validate", "--output", temp.resolve("no/such/dir/r.md").toString(), FACTS).err())
                .contains("cannot be written: no such directory");
        assertThat(run("validate", "--output", out.toString(), FACTS).err()).contains("is a directory");
        assertThat(filesIn(out)).containsExactly("VALIDATION.md");
    }

    @Test
    void checkComparesWithoutWriting() throws IOException {
        Path report = temp.resolve("VALIDATION.md");
        assertThat(run("validate", "--output", report.toString(), FACTS).exit()).isZero();
        String written = Files.readString(report);

        Run same = run("validate", "--check", "--output", report.toString(), FACTS);
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.err()).isEqualTo("adcc: " + report + " is up to date: 14 passed, 0 failed\n");

        Files.writeString(report, written.replace("| L07 |", "| L7 |"));
        Run stale = run("validate", "--check", "--output", report.toString(), FACTS);
        assertThat(stale.exit()).isEqualTo(Main.FAILED_CHECKS);
        int line = written.substring(0, written.indexOf("| L07 |")).split("\n", -1).length;
        assertThat(stale.err()).isEqualTo("adcc: " + report + " is out of date (first difference at line " + line
                + "); run the same command without --check to write it\n");
        assertThat(Files.readString(report)).contains("| L7 |");

        Path missing = temp.resolve("missing.md");
        Run none = run("validate", "--check", "--output", missing.toString(), FACTS);
        assertThat(none.exit()).isEqualTo(Main.FAILED_CHECKS);
        assertThat(none.err()).contains("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void committedReportIsUpToDate() {
        Run r = run("validate", "--check");

        assertThat(r.exit()).as("%s: regenerate docs/VALIDATION.md with ./adcc validate", r.err()).isZero();
        assertThat(r.err()).matches("adcc: " + java.util.regex.Pattern.quote(Path.of("docs", "VALIDATION.md").toString())
                + " is up to date: \\d+ passed, 0 failed\n");
    }
}
