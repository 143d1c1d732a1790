package org.adcckb.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.scenario.Edit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What-if: the Lejeune comparisons as edits give the published directions, and the difference is explained. */
class WhatIfTest {

    private static WhatIf whatIf(String scenario, String... edits) {
        List<Edit> e = new java.util.ArrayList<>();
        for (String x : edits) {
            e.add(x.startsWith("-") ? Edit.remove(x.substring(1)) : x.contains("=") ? Edit.set(x) : Edit.add(x));
        }
        return TestKb.api().whatIf(TestKb.lejeune(scenario), e);
    }

    private static String direction(WhatIf w, String path) {
        return w.outcome().stream().filter(c -> c.path().equals(path)).findFirst()
                .or(() -> w.cells().stream().filter(c -> c.path().equals(path)).findFirst())
                .orElseThrow(() -> new AssertionError("no change reported for " + path)).direction();
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3} {4}")
    @CsvSource(delimiter = ';', value = {
        "L01; high-target-no-dara; daratumumab;      outcome.adcc;                      increased",
        "L02; high-target-dara;    mm.cd38=low;      outcome.adcc;                      decreased",
        "L03; high-target-dara;    nk.cd38=low;      outcome.fratricide;                decreased",
        "L03; high-target-dara;    nk.cd38=low;      outcome.adcc;                      increased",
        "L04; nk-dara;             nk.cd38=low;      outcome.fratricide;                decreased",
        "L05; medium-target-dara;  nk.cd38=low;      outcome.adcc;                      increased",
        "L06; low-target-dara;     atra@mm;          cells.mm.cd38;                     increased",
        "L07; low-target-dara;     ifn_alpha@mm;     cells.mm.cd38Fold;                 increased",
        "L09; low-target-dara;     atra@mm;          outcome.adcc;                      increased",
        "L10; low-target-dara;     ifn_alpha@mm;     outcome.adcc;                      increased",
        "L11; nk-dara;             cd38_nanobody@nk; cells.nk.binding.daratumumab;      decreased",
        "L12; nk-dara;             cd38_nanobody@nk; outcome.fratricide;                decreased",
        "L13; high-target-dara;    cd38_nanobody@nk; outcome.adcc;                      increased",
        "L13; low-target-dara;     cd38_nanobody@nk; outcome.adcc;                      increased",
        "L14; high-target-no-dara; nk.cd38=low;      outcome.fratricide;                unchanged",
    })
    void lejeuneComparisonsAsWhatIfs(String finding, String scenario, String edit, String path, String expected) {
        assertThat(direction(whatIf(scenario, edit), path)).as(finding).isEqualTo(expected);
    }

    @Test
    void l08AtraRaisesCd38MoreThanIfnAlpha() {
        WhatIf w = whatIf("atra-low-target", "-atra@mm", "ifn_alpha@mm");
        assertThat(direction(w, "cells.mm.cd38Fold")).isEqualTo("decreased");
        assertThat(w.cells()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("cells.mm.cd38Fold");
            assertThat(c.from()).isEqualTo("3.0");
            assertThat(c.to()).isEqualTo("2.0");
        });
    }

    @Test
    void theChainRunsFromTheEditThroughMaskingToFratricide() {
        WhatIf w = whatIf("high-target-dara", "cd38_nanobody@nk");
        Chain fratricide = w.chains().stream().filter(c -> c.outcome().equals("fratricide")).findFirst().orElseThrow();
        assertThat(fratricide.steps()).extracting(Chain.Step::key).containsExactly(
                "exposure:cd38_nanobody@nk", "masked:daratumumab@nk:cd38_nanobody", "binding:daratumumab@nk",
                "fratricide:nk>nk:daratumumab");
        assertThat(fratricide.steps()).extracting(Chain.Step::kind).containsExactly("added", "gained", "changed", "lost");
        assertThat(fratricide.text()).startsWith("added: nk was pre-incubated with cd38_nanobody and washed -> ")
                .contains("(was: binds nk at a high level)").endsWith("no longer: NK cells of nk kill each other through daratumumab (fratricide): high (moderate to high)");
        Chain adcc = w.chains().stream().filter(c -> c.outcome().equals("adcc")).findFirst().orElseThrow();
        assertThat(adcc.text()).endsWith("ADCC of nk against mm with daratumumab: high (moderate to high) (was: moderate (low to high))");
    }

    @Test
    void twoEditsGiveTwoChainsToTheSameOutcome() {
        WhatIf w = whatIf("low-target-dara", "atra@mm", "cd38_nanobody@nk");
        assertThat(w.chains()).filteredOn(c -> c.outcome().equals("adcc")).extracting(c -> c.steps().get(0).key())
                .containsExactly("exposure:atra@mm", "exposure:cd38_nanobody@nk");
    }

    @Test
    void everyChangedConclusionNamesItsRuleAndTheChangedPremisesBehindIt() {
        WhatIf w = whatIf("high-target-dara", "cd38_nanobody@nk");
        assertThat(w.conclusions()).extracting(ConclusionChange::key, ConclusionChange::kind).contains(
                org.assertj.core.groups.Tuple.tuple("exposure:cd38_nanobody@nk", "added"),
                org.assertj.core.groups.Tuple.tuple("masked:daratumumab@nk:cd38_nanobody", "gained"),
                org.assertj.core.groups.Tuple.tuple("binding:daratumumab@nk", "changed"),
                org.assertj.core.groups.Tuple.tuple("fratricide:nk>nk:daratumumab", "lost"));
        for (ConclusionChange c : w.conclusions()) {
            if (c.kind().equals("added") || c.kind().equals("removed")) {
                assertThat(c.causes()).isEmpty();
                continue;
            }
            assertThat(c.causes()).as(c.key()).isNotEmpty().allSatisfy(cause -> {
                assertThat(cause.rule()).isNotBlank();
                assertThat(cause.sources()).isNotEmpty();
                assertThat(cause.changed()).as("changed premises of %s", c.key()).isNotEmpty();
            });
        }
        ConclusionChange lostFratricide = w.conclusions().stream().filter(c -> c.key().equals("fratricide:nk>nk:daratumumab")).findFirst().orElseThrow();
        assertThat(lostFratricide.causes().get(0).changed()).containsExactly("binding:daratumumab@nk");
    }

    @Test
    void aNotConditionThatStartsToHoldIsNamedAsTheCause() {
        // The binding rule needs "not EpitopeMasked": masking removes that derivation although its premises stay.
        WhatIf w = whatIf("nk-dara", "cd38_nanobody@nk");
        ConclusionChange binding = w.conclusions().stream().filter(c -> c.key().equals("binding:daratumumab@nk")).findFirst().orElseThrow();
        assertThat(binding.kind()).isEqualTo("changed");
        assertThat(binding.causes()).extracting(ConclusionChange.Cause::changed).contains(List.of("masked:daratumumab@nk:cd38_nanobody"));
    }

    @Test
    void anEditThatChangesNothingSaysSo() {
        WhatIf w = whatIf("high-target-no-dara", "atra@nk");
        assertThat(w.anyOutcomeChanged()).isFalse();
        assertThat(w.chains()).isEmpty();
        assertThat(org.adcckb.report.WhatIfReport.text(w)).contains("No outcome changes.");
    }
}
