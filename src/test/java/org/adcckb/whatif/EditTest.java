package org.adcckb.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.facts.Cell;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;
import org.junit.jupiter.api.Test;

/** What-if edits: written as on the command line, applied to a copy, refused when they do not fit. */
class EditTest {

    private static Scenario apply(Scenario s, Edit... edits) {
        return Edit.applyAll(s, List.of(edits), TestKb.kb().vocabulary());
    }

    private static InputException refused(Scenario s, Edit e) {
        try {
            apply(s, e);
        } catch (InputException x) {
            return x;
        }
        throw new AssertionError("edit should have been refused: " + e.describe());
    }

    @Test
    void addAndRemoveTreatmentsWithoutTouchingTheOriginal() {
        Scenario base = TestKb.lejeune("low-target-dara");
        Scenario v = apply(base, Edit.add("atra@mm"), Edit.add("cd38_nanobody@nk"), Edit.remove("daratumumab"));
        assertThat(v.treatments()).containsExactly(new Treatment("atra", "mm"), new Treatment("cd38_nanobody", "nk"));
        assertThat(base.treatments()).containsExactly(new Treatment("daratumumab", null));
        assertThat(v.expect()).isNull();
    }

    @Test
    void setChangesOneCellField() {
        Scenario v = apply(TestKb.lejeune("high-target-dara"), Edit.set("nk.cd38=low"), Edit.set("nk.cd16=158F"),
                Edit.set("setting=in_vivo"));
        Cell nk = v.cell("nk").orElseThrow();
        assertThat(nk.cd38()).isEqualTo("low");
        assertThat(nk.cd16()).isEqualTo("158F");
        assertThat(v.setting()).isEqualTo("in_vivo");
    }

    @Test
    void aKnockoutClearsTheCd38Level() {
        Cell nk = apply(TestKb.lejeune("high-target-dara"), Edit.set("nk.cd38Knockout=true")).cell("nk").orElseThrow();
        assertThat(nk.cd38Knockout()).isTrue();
        assertThat(nk.cd38()).isEqualTo("none");
    }

    @Test
    void badEditsNameTheEditAndWhatIsAllowed() {
        Scenario s = TestKb.lejeune("low-target-dara");
        assertThat(refused(s, Edit.add("atr@mm")).getMessage())
                .isEqualTo("add atr@mm: unknown agent 'atr'; the knowledge base knows: atra, cd38_nanobody, dara_fab2, daratumumab, ifn_alpha, ifn_gamma, il6, isatuximab, lenalidomide, panobinostat, pomalidomide, ruxolitinib (did you mean 'atra'?)");
        assertThat(refused(s, Edit.add("atra@nkk")).getMessage()).startsWith("add atra@nkk: 'nkk' names no cell of the scenario; cells: mm, nk");
        assertThat(refused(s, Edit.add("daratumumab")).getMessage()).isEqualTo("add daratumumab: daratumumab is already in the scenario");
        assertThat(refused(s, Edit.remove("atra@mm")).getMessage())
                .isEqualTo("remove atra@mm: atra@mm is not in the scenario; its treatments: daratumumab");
        assertThat(refused(s, Edit.set("nk.cd38=hihg")).getMessage())
                .isEqualTo("set nk.cd38=hihg: 'hihg' is not a CD38 level; allowed: none, low, medium, high (did you mean 'high'?)");
        assertThat(refused(s, Edit.set("mm.cd16=158V")).getMessage()).contains("mm is a myeloma population, which carries no CD16 here");
        assertThat(refused(s, Edit.set("nk.colour=red")).getMessage()).contains("'colour' cannot be set; fields: cd38, cd16, cd38Knockout, line");
        assertThat(refused(s, Edit.set("setting=in_silico")).getMessage()).contains("'in_silico' is not a setting");
    }

    @Test
    void malformedEditTextIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Edit.add("ATRA on mm")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected AGENT or AGENT@CELL");
        assertThatThrownBy(() -> Edit.set("nk.cd38")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected CELL.FIELD=VALUE");
        assertThatThrownBy(() -> Edit.set("colour=red")).isInstanceOf(InputException.class)
                .hasMessageContaining("setting=VALUE or course=VALUE");
    }
}
