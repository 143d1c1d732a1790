package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Support;
import org.adcckb.facts.Grading;
import org.adcckb.facts.Levels;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Every outcome's range holds its grade, and a point range is given only where nothing can happen (no rule
 * concluded anything of that kind) or where every deciding step is published (no inference of the model's,
 * nothing unknown): on every scenario under facts/ and on a seeded sample of generated ones.
 */
class OutcomeRangeTest {

    private static List<Scenario> scenarios() throws IOException {
        List<Scenario> out = new ArrayList<>();
        ScenarioReader reader = new ScenarioReader(TestKb.kb().vocabulary());
        try (Stream<Path> files = Files.walk(TestKb.FACTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(reader.read(f));
            }
        }
        SplittableRandom random = new SplittableRandom(20261206L);
        ScenarioGenerator gen = new ScenarioGenerator(TestKb.kb().vocabulary());
        for (int i = 0; i < 300; i++) {
            out.add(gen.generate(org.adcckb.property.Choices.random(random.split())));
        }
        return out;
    }

    @Test
    void aRangeHoldsItsGradeAndIsAPointOnlyWhereNothingIsAssumed() throws IOException {
        int points = 0;
        int ranges = 0;
        for (Scenario s : scenarios()) {
            Evaluation ev = TestKb.reasoner().evaluate(s);
            for (OutcomeKind k : ev.outcome().kinds()) {
                Grading g = ev.outcome().grading(k.name());
                int level = Levels.gradeRank(g.level());
                assertThat(Levels.gradeRank(g.from())).as("%s %s from", s.id(), k.name()).isLessThanOrEqualTo(level);
                assertThat(Levels.gradeRank(g.to())).as("%s %s to", s.id(), k.name()).isGreaterThanOrEqualTo(level);
                Support support = ev.explanation().support().get(k.name());
                if (!g.exact()) {
                    ranges++;
                    continue;
                }
                points++;
                boolean nothingHappens = ev.outcome().score(k.name()) == null;
                boolean published = support.inferredSteps() == 0 && support.unknowns().isEmpty();
                assertThat(nothingHappens || published)
                        .as("%s: %s is the point %s though it rests on %s", s.id(), k.name(), g.level(), support.summary())
                        .isTrue();
            }
        }
        assertThat(points).as("point answers met").isPositive();
        assertThat(ranges).as("ranges met").isPositive();
    }

    @Test
    void whereNoRuleDecidesThereIsNoSupportToClaim() {
        Evaluation ev = TestKb.evaluate(TestKb.scenario("none").myeloma("mm", "high").nk92("nk"));
        assertThat(ev.outcome().grading("adcc")).isEqualTo(Grading.NONE);
        assertThat(ev.outcome().score("adcc")).isNull();
        assertThat(ev.explanation().support().get("adcc").weakestEvidence()).isNull();
        assertThat(ev.explanation().support().get("adcc").inferredSteps()).isZero();
    }

    @Test
    void anUnknownWidensTheAnswerAndIsNamedWithWhatWouldSettleIt() {
        // A CD38-negative myeloma population exposed to ATRA: none, but possibly some (de novo induction unknown).
        Evaluation ev = TestKb.evaluate(TestKb.scenario("negative").myeloma("mm", "none").nk("nk", "low", "158V")
                .treat("daratumumab").treat("atra", "mm"));
        assertThat(ev.outcome().get("adcc")).isEqualTo("none");
        assertThat(ev.outcome().grading("adcc").to()).isNotEqualTo("none");
        assertThat(ev.explanation().support().get("adcc").unknowns()).anySatisfy(u -> {
            assertThat(u.question()).isEqualTo("whether the inducer switches CD38 on de novo in cells that carry none");
            assertThat(u.settledBy()).contains("CD38-negative myeloma cells");
        });
        assertThat(ev.explanation().support().get("adcc").weakestEvidence()).isEqualTo("C");
    }
}
