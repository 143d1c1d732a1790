package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.batch.CohortEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adcc batch --engine}: the options of another engine are refused on the local one and the reverse, and an
 * engine that is not on the class path is named with the way to get it. (The Spark engine itself is tested in its
 * Maven profile, by {@code org.adcckb.spark.CohortJobTest}.)
 */
class BatchEngineOptionTest {

    private static final String COHORT = "facts/lejeune-2021.jsonl";

    @TempDir
    Path dir;

    @Test
    void outputAndMasterBelongToAnotherEngine() {
        assertThat(Cli.badInput("batch", "--output", dir.resolve("r").toString(), COHORT).err())
                .contains("--output: applies to --engine spark only; the local engine writes results to standard output");
        assertThat(Cli.badInput("batch", "--master", "local[2]", COHORT).err()).contains("--master: applies to --engine spark only");
    }

    @Test
    void anotherEngineNeedsAFileAndAnOutputDirectoryAndTakesNoThreads() {
        assertThat(Cli.badInput("batch", "--engine", "spark", "--output", dir.resolve("r").toString()).err())
                .contains("--engine spark reads a file or directory, not standard input");
        assertThat(Cli.badInput("batch", "--engine", "spark", COHORT).err())
                .contains("--engine spark writes its results to a directory: give --output DIR");
        assertThat(Cli.badInput("batch", "--engine", "spark", "--threads", "2", "--output", dir.resolve("r").toString(), COHORT).err())
                .contains("--threads: applies to the local engine only");
    }

    @Test
    void anUnknownEngineIsNamed() {
        assertThat(Cli.badInput("batch", "--engine", "flink", "--output", dir.resolve("r").toString(), COHORT).err())
                .contains("no engine 'flink'; the engines are 'local' and 'spark'");
        // Named first, whatever else is missing: not a complaint about --output for an engine that does not exist.
        assertThat(Cli.badInput("batch", "--engine", "flink", COHORT).err())
                .isEqualTo("adcc: --engine: no engine 'flink'; the engines are 'local' and 'spark'\n");
        assertThat(Cli.badInput("batch", "--engine=LOCAL", "-").err()).contains("no engine 'LOCAL'");
    }

    @Test
    void sparkOffTheClassPathSaysHowToGetIt() throws Exception {
        Path out = dir.resolve("results");
        Cli.Run run = Cli.run("batch", "--engine", "spark", "--master", "local[1]", "--output", out.toString(), COHORT);
        if (CohortEngine.named("spark").isEmpty()) { // the default build
            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).contains("spark is not on the class path of this run; ./adcc batch --engine spark builds it");
            assertThat(out).doesNotExist();
        } else { // the build of the Spark profile: the engine runs
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(Files.list(out).filter(p -> p.getFileName().toString().startsWith("part-")).count()).isPositive();
        }
    }
}
