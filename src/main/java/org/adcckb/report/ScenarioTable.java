package org.adcckb.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adcckb.facts.Grading;
import org.adcckb.input.Limits;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.reasoning.Support;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioFiles;

/**
 * The generated table {@code scenarios PATH...} of the documentation ({@link DocTables}): the answer to each
 * scenario of some files or directories, one row per scenario in order of id, each outcome as its grade, range,
 * score and weakest evidence. A path written {@code !PATH} leaves out the scenarios of PATH.
 */
final class ScenarioTable {

    private ScenarioTable() {
    }

    static String table(KnowledgeBase kb, List<String> paths) {
        List<Path> in = new ArrayList<>();
        List<Path> out = new ArrayList<>();
        for (String p : paths) {
            if (p.startsWith("!")) {
                out.add(Path.of(p.substring(1)));
            } else {
                in.add(Path.of(p));
            }
        }
        if (in.isEmpty()) {
            throw new IllegalArgumentException("'scenarios' names the scenario files or directories to answer, "
                    + "and '!PATH' the ones to leave out");
        }
        Set<String> left = new HashSet<>();
        if (!out.isEmpty()) {
            ScenarioFiles.read(out, kb.vocabulary(), Limits.DEFAULT).forEach(s -> left.add(s.id()));
        }
        List<String> header = new ArrayList<>(List.of("Scenario", "Setting"));
        kb.vocabulary().outcomes().forEach(k -> header.add(k.label()));
        DocTables.Markdown t = new DocTables.Markdown(header.toArray(String[]::new));
        Reasoner reasoner = new Reasoner(kb);
        for (Scenario s : ScenarioFiles.read(in, kb.vocabulary(), Limits.DEFAULT)) {
            if (left.contains(s.id())) {
                continue;
            }
            Evaluation ev = reasoner.evaluate(s);
            List<String> row = new ArrayList<>(List.of("`" + s.id() + "`", s.inVivo() ? "in vivo, " + s.courseName() : "in vitro"));
            for (OutcomeKind k : ev.outcome().kinds()) {
                row.add(cell(ev, k.name()));
            }
            t.row(row.toArray(String[]::new));
        }
        return t.toString();
    }

    /** "moderate (low to high), 1.75, C": the grade with its range, the score, and the weakest evidence. */
    private static String cell(Evaluation ev, String kind) {
        Grading g = ev.outcome().grading(kind);
        Double score = ev.outcome().score(kind);
        Support support = ev.explanation().support().get(kind);
        StringBuilder c = new StringBuilder(g.toString());
        if (score != null) {
            c.append(", ").append(JsonReport.round(score));
        }
        if (support != null && support.weakestEvidence() != null) {
            c.append(", ").append(support.weakestEvidence());
        }
        return c.toString();
    }
}
