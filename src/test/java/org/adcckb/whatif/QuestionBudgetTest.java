package org.adcckb.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.WideScenario;
import org.adcckb.report.SweepReport;
import org.adcckb.report.WhatIfReport;
import org.adcckb.report.WhyNotReport;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Why-not, sweep and what-if within their budget: refused before anything runs when the count is over,
 * stopped when the time is spent, and, within the budget, the very answer they give without one.
 */
class QuestionBudgetTest {

    private static final List<String> LEJEUNE = List.of("atra", "ifn_alpha", "cd38_nanobody", "daratumumab");
    /** Catches a hang; a refusal takes milliseconds. */
    private static final Duration HANG = Duration.ofSeconds(120);

    private static String json(WhyNot w) {
        return WhyNotReport.json(w, "fp").toString();
    }

    @Test
    void theWideWhyNotIsRefusedBeforeAnythingRuns() {
        Scenario wide = WideScenario.read();
        BudgetException e = assertTimeoutPreemptively(HANG, () -> catchBudget(
                () -> TestKb.api().whyNot(wide, Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary()), 3, null, Budget.DEFAULT)));

        assertThat(e.getMessage()).isEqualTo("whynot: 78,788,839 combinations of up to 3 added treatments from 779 "
                + "candidates (12 agents, each in the whole system or on one of 64 cell populations) exceed the budget of "
                + "100,000 (--max-combinations); narrow with --agents, a smaller --max, or fewer cells");
    }

    @Test
    void aWhyNotAtItsCountIsAnsweredAsWithoutABudgetAndOneOverIsRefused() {
        Scenario s = TestKb.lejeune("low-target-dara");
        Goal g = Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary());
        // 4 agents, each in the system or on mm or nk, less daratumumab already there: 11 candidates, 11 + 55 sets.
        WhyNot plain = TestKb.api().whyNot(s, g, 2, LEJEUNE);
        WhyNot atCount = TestKb.api().whyNot(s, g, 2, LEJEUNE, Budget.DEFAULT.withMaxCombinations(66));

        assertThat(json(atCount)).isEqualTo(json(plain));
        assertThat(plain.solutions()).isNotEmpty();
        assertThatThrownBy(() -> TestKb.api().whyNot(s, g, 2, LEJEUNE, Budget.DEFAULT.withMaxCombinations(65)))
                .isInstanceOf(BudgetException.class)
                .hasMessage("whynot: 66 combinations of up to 2 added treatments from 11 candidates (4 agents, each in the "
                        + "whole system or on one of 2 cell populations) exceed the budget of 65 (--max-combinations); "
                        + "narrow with --agents, a smaller --max, or fewer cells");
    }

    @Test
    void aWhyNotKeepsAtMostItsSolutions() {
        Scenario s = TestKb.lejeune("low-target-dara");
        Goal g = Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary());
        WhyNot plain = TestKb.api().whyNot(s, g, 3, LEJEUNE);
        int n = plain.solutions().size();
        assertThat(n).isGreaterThan(1);

        assertThat(json(TestKb.api().whyNot(s, g, 3, LEJEUNE, Budget.DEFAULT.withMaxSolutions(n)))).isEqualTo(json(plain));
        assertThatThrownBy(() -> TestKb.api().whyNot(s, g, 3, LEJEUNE, Budget.DEFAULT.withMaxSolutions(n - 1)))
                .isInstanceOf(BudgetException.class)
                .hasMessage("whynot: more than " + (n - 1) + " minimal solutions (--max-solutions) among sets of up to 3 "
                        + "added treatments; narrow with --agents, a smaller --max, or fewer cells, or allow more with --max-solutions");
    }

    @Test
    void aWhyNotWithinItsCountStopsWhenItsTimeIsSpent() {
        Scenario wide = WideScenario.read();
        // 3 agents on 64 cells at --max 2: 19,110 sets, within the count; one millisecond is not enough for one.
        BudgetException e = assertTimeoutPreemptively(HANG, () -> catchBudget(() -> TestKb.api().whyNot(wide,
                Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary()), 2, List.of("atra", "ifn_alpha", "cd38_nanobody"), Budget.DEFAULT.withMaxMillis(1))));

        assertThat(e.getMessage()).isEqualTo("whynot: stopped at the time budget of 1 ms (--budget-millis) before the "
                + "answer over sets of up to 2 added treatments from 195 candidates was complete; narrow with --agents, "
                + "a smaller --max, or fewer cells, or allow more time with --budget-millis");
    }

    @Test
    void aSweepOverItsCountIsRefusedAndOneAtItsCountAnswersAsBefore() {
        Scenario s = TestKb.lejeune("low-target-dara");
        List<Factor> three = Factor.parse("atra@mm,ifn_alpha@mm,cd38_nanobody@nk", s, TestKb.kb().vocabulary());

        String plain = SweepReport.json(TestKb.api().sweep(s, three, 2, null), "fp").toString();
        String atCount = SweepReport.json(TestKb.api().sweep(s, three, 2, null, Budget.DEFAULT.withMaxCombinations(8)), "fp").toString();
        assertThat(atCount).isEqualTo(plain);
        assertThatThrownBy(() -> TestKb.api().sweep(s, three, 2, null, Budget.DEFAULT.withMaxCombinations(7)))
                .isInstanceOf(BudgetException.class)
                .hasMessage("sweep: 8 combinations of 3 factors exceed the budget of 7 (--max-combinations); "
                        + "vary fewer factors or levels (--vary)");
    }

    @Test
    void aWideSweepIsRefusedByTheDefaultBudget() {
        Scenario wide = WideScenario.read();
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            factors.addAll(Factor.parse(String.format("mm%02d.cd38=none|low|medium|high", i), wide, TestKb.kb().vocabulary()));
        }
        assertThatThrownBy(() -> TestKb.api().sweep(wide, factors, 2, null))
                .isInstanceOf(BudgetException.class)
                .hasMessage("sweep: 262,144 combinations of 9 factors exceed the budget of 100,000 (--max-combinations); "
                        + "vary fewer factors or levels (--vary)");
    }

    @Test
    void aSweepWithinItsCountStopsWhenItsTimeIsSpent() {
        Scenario wide = WideScenario.read();
        List<Factor> eight = Factor.parse("atra@mm00,atra@mm01,atra@mm02,atra@mm03,atra@mm04,atra@mm05,atra@mm06,atra@mm07",
                wide, TestKb.kb().vocabulary());
        BudgetException e = assertTimeoutPreemptively(HANG, () -> catchBudget(
                () -> TestKb.api().sweep(wide, eight, 2, null, Budget.DEFAULT.withMaxMillis(1))));

        assertThat(e.getMessage()).isEqualTo("sweep: stopped at the time budget of 1 ms (--budget-millis) before its 256 "
                + "combinations were evaluated; vary fewer factors or levels (--vary), or allow more time with --budget-millis");
    }

    @Test
    void aWhatIfStopsWhenItsTimeIsSpentAndAnswersAsBeforeWithin() {
        Scenario wide = WideScenario.read();
        List<Edit> edits = List.of(Edit.add("atra@mm00"));
        assertThatThrownBy(() -> TestKb.api().whatIf(wide, edits, Budget.DEFAULT.withMaxMillis(1)))
                .isInstanceOf(BudgetException.class)
                .hasMessage("whatif: stopped at the time budget of 1 ms (--budget-millis) before both scenarios were "
                        + "evaluated; allow more time with --budget-millis");

        Scenario s = TestKb.lejeune("low-target-dara");
        List<Edit> nanobody = List.of(Edit.add("cd38_nanobody@nk"));
        assertThat(WhatIfReport.toJson(TestKb.api().whatIf(s, nanobody, Budget.DEFAULT), "fp"))
                .isEqualTo(WhatIfReport.toJson(TestKb.api().whatIf(s, nanobody), "fp"));
    }

    private static BudgetException catchBudget(Runnable question) {
        try {
            question.run();
        } catch (BudgetException e) {
            return e;
        }
        throw new AssertionError("the question was answered, not refused or stopped");
    }
}
