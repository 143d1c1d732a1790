package org.adcckb.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adcckb.input.InputException;
import org.adcckb.kb.Vocabulary;

/**
 * The scenarios of a run, named by files and directories (those on a command line): directories are
 * searched for *.json, {@code -} is standard input (named {@value #STDIN} in messages), and the scenarios
 * are ordered by id, so a run does not depend on file order.
 */
public final class ScenarioFiles {

    /** The name standard input has in messages, as in those of {@code adcc batch}. */
    public static final String STDIN = "stdin";

    private ScenarioFiles() {
    }

    /** Whether a command-line argument names standard input. */
    public static boolean isStdin(Path arg) {
        return arg.toString().equals("-");
    }

    /** The files named, directories replaced by the *.json files under them, in path order. */
    public static List<Path> expand(List<Path> args) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a)) {
                    s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                            .map(Path::normalize).forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new InputException(a.toString(), "", "cannot be listed: " + e.getMessage());
                }
            } else if (Files.isRegularFile(a)) {
                files.add(a.normalize());
            } else {
                throw new InputException(a.toString(), "", "no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new InputException(String.join(", ", args.stream().map(Path::toString).toList()), "",
                    "holds no scenario (.json) files");
        }
        return new ArrayList<>(files);
    }

    /** Reads every file; two files with one scenario id are refused, since comparisons name scenarios by id. */
    public static List<Scenario> read(List<Path> args, Vocabulary vocabulary, org.adcckb.input.Limits limits) {
        ScenarioReader reader = new ScenarioReader(vocabulary, limits);
        Map<String, Scenario> byId = new TreeMap<>();
        List<Path> files = args.stream().filter(a -> !isStdin(a)).toList();
        long stdin = args.size() - files.size();
        if (stdin > 1) {
            throw new InputException("-", "", "standard input is named more than once; it holds one scenario");
        }
        List<Scenario> read = new ArrayList<>();
        if (stdin == 1) {
            read.add(reader.read(System.in, STDIN));
        }
        if (!files.isEmpty()) {
            for (Path f : expand(files)) {
                read.add(reader.read(f));
            }
        }
        for (Scenario s : read) {
            Scenario before = byId.putIfAbsent(s.id(), s);
            if (before != null) {
                throw new InputException(s.origin(), "$.id", "scenario id '" + s.id() + "' is also used by "
                        + before.origin() + "; ids must be unique among the scenarios of a run");
            }
        }
        return new ArrayList<>(byId.values());
    }
}
