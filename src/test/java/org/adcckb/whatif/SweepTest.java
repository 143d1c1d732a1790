package org.adcckb.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcckb.TestKb;
import org.adcckb.report.JsonReport;
import org.adcckb.report.SweepReport;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Sweeps: the full factorial, ranked, with main effects, the same answer on one thread or many. */
class SweepTest {

    private static List<Factor> factors(Scenario s, String... vary) {
        List<Factor> out = new ArrayList<>();
        for (String v : vary) {
            out.addAll(Factor.parse(v, s, TestKb.kb().vocabulary()));
        }
        return out;
    }

    private static Sweep.Result sweep(String scenario, int threads, String... vary) {
        Scenario s = TestKb.lejeune(scenario);
        return TestKb.api().sweep(s, factors(s, vary), threads, null);
    }

    @Test
    void aCd38RaiserWithTheNanobodyRanksAtTheTop() {
        Sweep.Result r = sweep("low-target-dara", 2, "atra@mm,ifn_alpha@mm,cd38_nanobody@nk");
        assertThat(r.rows()).hasSize(8);
        Sweep.Row top = r.rows().get(0);
        assertThat(top.levels().get(2)).as("nanobody on nk").isEqualTo("present");
        assertThat(top.levels().subList(0, 2)).contains("present");
        assertThat(top.outcome().get("adcc")).isEqualTo("high");
        assertThat(top.outcome().get("fratricide")).isEqualTo("none");
        // Every raiser-plus-nanobody combination beats every combination without one of the two.
        int lastWithBoth = 0;
        int firstWithoutBoth = Integer.MAX_VALUE;
        for (int i = 0; i < r.rows().size(); i++) {
            List<String> lv = r.rows().get(i).levels();
            boolean both = lv.get(2).equals("present") && (lv.get(0).equals("present") || lv.get(1).equals("present"));
            if (both) {
                lastWithBoth = i;
            } else {
                firstWithoutBoth = Math.min(firstWithoutBoth, i);
            }
        }
        assertThat(lastWithBoth).isLessThan(firstWithoutBoth);
        assertThat(r.rows().get(7).levels()).containsOnly("absent");
        assertThat(r.rows().get(7).outcome().get("adcc")).isEqualTo("none");
    }

    @Test
    void mainEffectsCountHowOftenEachFactorRaisesAdcc() {
        Sweep.Result r = sweep("low-target-dara", 2, "atra@mm,ifn_alpha@mm,cd38_nanobody@nk");
        assertThat(r.effects()).extracting(Sweep.Effect::factor).containsExactly("atra@mm", "ifn_alpha@mm", "cd38_nanobody@nk");
        assertThat(r.effects()).allSatisfy(e -> {
            assertThat(e.raises() + e.lowers() + e.unchanged()).isEqualTo(4);
            assertThat(e.raises()).isEqualTo(4);
        });
        Sweep.Result dara = sweep("low-target-dara", 2, "daratumumab,atra@nk");
        assertThat(dara.effects()).filteredOn(e -> e.factor().equals("atra@nk"))
                .singleElement().satisfies(e -> assertThat(e.unchanged()).isEqualTo(2));
    }

    @Test
    void aFieldFactorTakesEveryValue() {
        Sweep.Result r = sweep("high-target-dara", 2, "nk.cd38=high|medium|low", "cd38_nanobody@nk");
        assertThat(r.rows()).hasSize(6);
        assertThat(r.effects()).extracting(e -> e.factor() + " " + e.level())
                .containsExactly("nk.cd38 medium vs high", "nk.cd38 low vs high", "cd38_nanobody@nk present");
        assertThat(r.effects().get(1).raises()).isEqualTo(1); // low NK CD38 helps only without the nanobody
        assertThat(r.effects().get(1).unchanged()).isEqualTo(1);
    }

    @Test
    void oneThreadOrManyGiveTheSameRanking() {
        String[] vary = {"atra@mm,ifn_alpha@mm,cd38_nanobody@nk,atra,ifn_alpha,cd38_nanobody@mm,atra@nk,ifn_alpha@nk,daratumumab",
                "nk.cd38=high|low"};
        Sweep.Result one = sweep("low-target-dara", 1, vary);
        Sweep.Result four = sweep("low-target-dara", 4, vary);
        assertThat(one.rows()).hasSize(1024);
        assertThat(SweepReport.csv(four)).isEqualTo(SweepReport.csv(one));
        assertThat(four.effects()).isEqualTo(one.effects());
    }

    @Test
    void progressCountsEveryCombination() {
        Scenario s = TestKb.lejeune("low-target-dara");
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        TestKb.api().sweep(s, factors(s, "atra@mm,ifn_alpha@mm,cd38_nanobody@nk,atra@nk"), 2, (done, total) -> {
            calls.incrementAndGet();
            last.accumulateAndGet((int) done, Math::max);
            assertThat(total).isEqualTo(16);
        });
        assertThat(calls.get()).isEqualTo(16);
        assertThat(last.get()).isEqualTo(16);
    }

    @Test
    void everyFormatCarriesTheRankedTable() throws Exception {
        Sweep.Result r = sweep("low-target-dara", 2, "atra@mm,cd38_nanobody@nk");
        assertThat(SweepReport.csv(r).lines().findFirst().orElseThrow())
                .isEqualTo("rank,atra@mm,cd38_nanobody@nk,adcc,fratricide,nkDepletion,adccScore,mm.cd38After");
        assertThat(SweepReport.csv(r).lines()).hasSize(5).element(1).isEqualTo("1,+,+,moderate,none,none,2.335,medium");
        assertThat(SweepReport.markdown(r)).startsWith("| rank | atra@mm | cd38_nanobody@nk |").contains("| raises ADCC |");
        assertThat(SweepReport.text(r)).contains("Main effects on ADCC").contains("atra@mm");
        JsonNode json = new ObjectMapper().readTree(JsonReport.pretty(SweepReport.json(r, "f")));
        assertThat(json.path("rows")).hasSize(4);
        assertThat(json.path("rows").get(0).path("levels").path("atra@mm").asText()).isEqualTo("present");
        assertThat(json.path("rows").get(0).path("targetCd38").path("mm").asText()).isEqualTo("medium");
        assertThat(json.path("effects").get(0).path("raises").asInt()).isEqualTo(2);
    }

    @Test
    void badFactorsAreRefused() {
        Scenario s = TestKb.lejeune("low-target-dara");
        assertThatThrownBy(() -> factors(s, "atr@mm")).isInstanceOf(InputException.class).hasMessageContaining("unknown agent 'atr'");
        assertThatThrownBy(() -> factors(s, "nk.cd38=high|hihg")).isInstanceOf(InputException.class).hasMessageContaining("'hihg' is not a CD38 level");
        assertThatThrownBy(() -> factors(s, "nk.cd38=")).isInstanceOf(InputException.class).hasMessageContaining("expected CELL.FIELD=v1|v2");
        assertThatThrownBy(() -> TestKb.api().sweep(s, factors(s, "atra@mm,atra@mm"), 1, null))
                .isInstanceOf(InputException.class).hasMessageContaining("given twice");
        List<Factor> thirteen = factors(s, "atra,ifn_alpha,cd38_nanobody,atra@mm,ifn_alpha@mm,cd38_nanobody@mm,atra@nk,ifn_alpha@nk,"
                + "cd38_nanobody@nk,daratumumab,daratumumab@mm,daratumumab@nk,nk.cd38=high|low");
        assertThatThrownBy(() -> TestKb.api().sweep(s, thirteen, 1, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("13 factors given; a sweep takes at most 12");
    }

    @Test
    void theSettingCanBeVariedAndValuesAreTrimmed() {
        Sweep.Result r = sweep("high-target-dara", 1, "setting=in_vitro | in_vivo");
        assertThat(r.factors()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("setting");
            assertThat(f.levels()).containsExactly("in_vitro", "in_vivo");
        });
        assertThat(r.rows()).extracting(row -> row.levels().get(0) + ":" + row.outcome().get("nkDepletion"))
                .containsExactlyInAnyOrder("in_vitro:high", "in_vivo:high");
    }

    @Test
    void levelsThatOnlyClashInCombinationAreNamedWithTheCombination() {
        Scenario s = TestKb.lejeune("high-target-dara");
        assertThatThrownBy(() -> TestKb.api().sweep(s, factors(s, "nk.cd38Knockout=false|true,nk.cd38=low|high"), 1, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the combination nk.cd38Knockout=true, nk.cd38=low cannot be built")
                .hasMessageContaining("is a CD38 knockout");
    }
}
