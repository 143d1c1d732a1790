package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Levels;
import org.adcckb.kb.Vocabulary;
import org.adcckb.property.Choices;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.adcckb.scenario.Treatment;
import org.junit.jupiter.api.Test;

/**
 * The generator behind the property tests makes valid scenarios and reaches every case the invariants
 * speak about, so that a property that passes has been tested on something; and the agents the invariants
 * call raisers are the ones the knowledge base's table says raise CD38.
 */
class ScenarioGeneratorTest {

    private static final Vocabulary VOCABULARY = TestKb.kb().vocabulary();
    private static final ScenarioGenerator GENERATOR = new ScenarioGenerator(VOCABULARY);

    private static List<Scenario> samples(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(GENERATOR.generate(Choices.random(random.split())));
        }
        return out;
    }

    @Test
    void everyGeneratedScenarioIsAValidScenarioFileThatReadsBackTheSame() {
        ScenarioReader reader = new ScenarioReader(VOCABULARY);
        for (Scenario s : samples(1000, 11)) {
            Scenario read = reader.read(ScenarioJson.bytes(ScenarioJson.toJson(s, VOCABULARY)), "generated.json");
            assertThat(read.cells()).isEqualTo(s.cells());
            assertThat(read.treatments()).isEqualTo(s.treatments());
            assertThat(read.setting()).isEqualTo(s.setting());
            assertThat(read.course()).isEqualTo(s.course());
            assertThat(read.cells()).allSatisfy(c -> assertThat(c.id()).matches(ScenarioReader.ID));
        }
    }

    @Test
    void theGeneratorReachesEveryCaseTheInvariantsSpeakAbout() {
        Map<String, Set<String>> seen = new TreeMap<>();
        var reasoner = TestKb.reasoner();
        for (Scenario s : samples(2000, 12)) {
            Evaluation ev = reasoner.evaluateWithoutExplanation(s);
            ev.outcome().asMap().forEach((field, grade) -> note(seen, field, grade));
            note(seen, "setting", s.setting());
            if (s.course() != null) {
                note(seen, "course", s.courseName());
            }
            for (String type : VOCABULARY.cellTypeNames()) {
                note(seen, "populations of " + type, String.valueOf(s.cells().stream().filter(c -> c.type().equals(type)).count()));
            }
            for (Cell c : s.cells()) {
                note(seen, "cd38 of " + c.type(), c.cd38Knockout() ? "knockout" : c.cd38());
                if (c.heterogeneous()) {
                    note(seen, "mixed", c.type());
                }
                if (VOCABULARY.carriesCd16(c.type())) {
                    note(seen, "cd16", c.cd16());
                }
            }
            for (Treatment t : s.treatments()) {
                note(seen, "treatment", t.agent() + (t.on() == null ? " in the system" : " on a " + s.cell(t.on()).orElseThrow().type()));
            }
            note(seen, "treatments", String.valueOf(Math.min(s.treatments().size(), 6)));
        }
        List<String> counts = List.of("0", "1", "2", "3");
        List<String> cd38 = new ArrayList<>(Levels.CD38);
        cd38.add("knockout");
        assertThat(seen.get("adcc")).containsAll(Levels.GRADES);
        assertThat(seen.get("fratricide")).containsAll(Levels.GRADES);
        assertThat(seen.get("nkDepletion")).containsAll(Levels.GRADES);
        assertThat(seen.get("setting")).containsAll(Scenario.SETTINGS);
        assertThat(seen.get("course")).containsAll(VOCABULARY.courseNames());
        assertThat(seen.get("mixed")).containsAll(VOCABULARY.cellTypeNames());
        assertThat(seen.get("cd16")).containsAll(Levels.CD16);
        assertThat(seen.get("treatments")).contains("0", "1", "2", "3", "4", "5", "6");
        for (String type : VOCABULARY.cellTypeNames()) {
            assertThat(seen.get("populations of " + type)).as(type).containsAll(counts);
            assertThat(seen.get("cd38 of " + type)).as(type).containsAll(cd38);
            for (String agent : VOCABULARY.agentNames()) {
                assertThat(seen.get("treatment")).contains(agent + " in the system", agent + " on a " + type);
            }
        }
    }

    private static void note(Map<String, Set<String>> seen, String what, String value) {
        seen.computeIfAbsent(what, k -> new TreeSet<>()).add(value);
    }

    /**
     * The invariants find raisers by evaluating; the modulator table (rules/cd38-modulators.csv) says the
     * same: the rows with a fold above 1 for the cell type, in any setting or the one asked.
     */
    @Test
    void theRaisersFoundByEvaluatingAreTheTableRowsThatRaiseCd38() throws IOException {
        ScientificInvariants invariants = new ScientificInvariants(TestKb.kb());
        List<List<String>> rows = csvRows(Files.readString(TestKb.RULES.resolve("cd38-modulators.csv")));
        int header = 0;
        while (!rows.get(header).get(0).equals("rule")) {
            header++;
        }
        List<String> columns = rows.get(header);
        int setting = columns.indexOf("setting");
        int agent = columns.indexOf("agent");
        int type = columns.indexOf("cell type");
        int fold = columns.indexOf("fold");
        for (String cellType : VOCABULARY.cellTypeNames()) {
            for (String s : Scenario.SETTINGS) {
                Set<String> fromTable = new TreeSet<>();
                for (List<String> row : rows.subList(header + 1, rows.size())) {
                    if (row.size() > fold && row.get(type).equals(cellType)
                            && (row.get(setting).isEmpty() || row.get(setting).equals(s))
                            && Double.parseDouble(row.get(fold)) > 1.0) {
                        fromTable.add(row.get(agent));
                    }
                }
                assertThat(new TreeSet<>(invariants.raisers(cellType, s))).as("%s %s", cellType, s).isEqualTo(fromTable);
            }
        }
        // Not vacuous: the shipped table raises CD38 on the targets in both settings.
        for (String cellType : VOCABULARY.cellTypeNames()) {
            if (VOCABULARY.isTarget(cellType)) {
                assertThat(invariants.raisers(cellType, "in_vitro")).isNotEmpty();
                assertThat(invariants.raisers(cellType, "in_vivo")).isNotEmpty();
            }
        }
        assertThat(invariants.blockers()).isNotEmpty();
    }

    /** Rows of a CSV text with double-quoted cells ("" inside quotes is a quote). */
    private static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
