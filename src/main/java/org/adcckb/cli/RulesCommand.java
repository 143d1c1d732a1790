package org.adcckb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.report.DocTables;
import org.adcckb.report.JsonReport;
import org.adcckb.report.RulesReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adcc rules}: the loaded rules with their sources and evidence, and the documentation's tables of them. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc rules --format json",
        description = {"List the loaded rules with their file, sources, evidence grade and rationale.",
                "--format markdown prints the tables the documentation holds between '<!-- generated: NAME -->' and "
                        + "'<!-- end generated -->'; with --update, rewrites those sections of the given files instead."})
final class RulesCommand extends KnowledgeCommand {

    enum Format { text, json, markdown }

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default), json or markdown.")
    Format format;

    @Option(names = "--update", paramLabel = "FILE", arity = "1..*",
            description = "With --format markdown: rewrite the generated tables of these Markdown files in place.")
    List<Path> update;

    @Override
    public Integer call() {
        if (update != null && format != Format.markdown) {
            throw new InputException("--update", "", "rewrites Markdown tables; give it with --format markdown");
        }
        KnowledgeBase kb = knowledge.load();
        if (update != null) {
            return update(kb);
        }
        return print(switch (format) {
            case json -> JsonReport.pretty(RulesReport.json(kb)) + "\n";
            case markdown -> DocTables.markdown(kb);
            case text -> RulesReport.text(kb);
        });
    }

    /** Every file is read and its tables made before any is written, so an error leaves all of them as they were. */
    private int update(KnowledgeBase kb) {
        Map<Path, String> fresh = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        for (Path file : update) {
            String doc;
            try {
                doc = Files.readString(file);
            } catch (IOException e) {
                throw new InputException(file.toString(), "", "cannot be read: " + InputException.why(e));
            }
            String updated;
            try {
                updated = DocTables.update(doc, kb);
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), "", e.getMessage());
            }
            int tables = DocTables.sections(doc).size();
            report.add("adcc: " + file + ": " + tables + (tables == 1 ? " table" : " tables")
                    + (updated.equals(doc) ? ", up to date" : ", updated"));
            if (!updated.equals(doc)) {
                OutputFile.target(file);
                fresh.put(file, updated);
            }
        }
        fresh.forEach((file, text) -> OutputFile.write(file, text.getBytes(StandardCharsets.UTF_8)));
        PrintWriter err = spec.commandLine().getErr();
        report.forEach(err::println);
        err.flush();
        return 0;
    }
}
