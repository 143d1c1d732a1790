package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.adcckb.cli.Cli.Run;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Treatment;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Goal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The option converters: the value each gives for good text, and for bad text the one-line message, exit 2,
 * no usage text, given as soon as the arguments are parsed, before any scenario is read.
 */
class ConvertersTest {

    private static final String LOW = "facts/lejeune-2021/low-target-dara.json";
    private static final String MISSING = "no-such-scenario.json";

    @Test
    void goalsBecomeGoals() {
        Converters.GoalConverter c = new Converters.GoalConverter();

        assertThat(c.convert("adcc=high")).isEqualTo(new Goal("adcc", "=", "high"));
        assertThat(c.convert(" fratricide <= low ")).isEqualTo(new Goal("fratricide", "<=", "low"));
        assertThat(c.convert("nkDepletion<moderate")).isEqualTo(new Goal("nkDepletion", "<", "moderate"));
    }

    @Test
    void editsBecomeEdits() {
        assertThat(new Converters.AddConverter().convert("atra@mm")).isEqualTo(new Edit.Add(new Treatment("atra", "mm")));
        assertThat(new Converters.AddConverter().convert("daratumumab")).isEqualTo(new Edit.Add(new Treatment("daratumumab", null)));
        assertThat(new Converters.RemoveConverter().convert("atra@mm.1")).isEqualTo(new Edit.Remove(new Treatment("atra", "mm.1")));
        assertThat(new Converters.SetConverter().convert("nk.cd38=low")).isEqualTo(new Edit.SetField("nk", "cd38", "low"));
        assertThat(new Converters.SetConverter().convert("mm.1.line=U266 B1")).isEqualTo(new Edit.SetField("mm.1", "line", "U266 B1"));
        assertThat(new Converters.SetConverter().convert("setting=in_vivo")).isEqualTo(new Edit.SetField(null, "setting", "in_vivo"));
    }

    @Test
    void aVaryValueBecomesItsFactorsInOrderBlankItemsNamingNothing() {
        List<Factor> factors = new Converters.FactorsConverter().convert(" atra@mm,, nk.cd38=high|low ,setting=in_vitro|in_vivo,mm.1.cd16=158V|158F").list();

        assertThat(factors).containsExactly(
                new Factor.TreatmentFactor(new Treatment("atra", "mm")),
                new Factor.FieldFactor("nk", "cd38", List.of("high", "low")),
                new Factor.FieldFactor(null, "setting", List.of("in_vitro", "in_vivo")),
                new Factor.FieldFactor("mm.1", "cd16", List.of("158V", "158F")));
    }

    @Test
    void aRefusedValueCarriesTheMessageTheUserSees() {
        assertThatThrownBy(() -> new Converters.GoalConverter().convert("adcc"))
                .isInstanceOf(Converters.OptionValueException.class)
                .hasMessage("--goal adcc: expected FIELD=LEVEL or FIELD>=LEVEL (also <=, >, <): an outcome kind of the vocabulary"
                        + " and one of none, low, moderate, high");
        assertThatThrownBy(() -> new Converters.FactorsConverter().convert(" , "))
                .isInstanceOf(Converters.OptionValueException.class)
                .hasMessage("--vary  , : names no factor; expected AGENT[@CELL],... or CELL.FIELD=v1|v2");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(new String[] {"whynot", MISSING, "--goal", "adcc>=hihg"},
                        "adcc: --goal adcc>=hihg: 'hihg' is not a grade; grades: none, low, moderate, high (did you mean 'high'?)\n"),
                Arguments.of(new String[] {"whynot", MISSING, "--goal", "adc=high"},
                        "adcc: --goal adc=high: 'adc' is not an outcome; outcomes: adcc, fratricide, nkDepletion (did you mean 'adcc'?)\n"),
                Arguments.of(new String[] {"whynot", MISSING, "--goal", "adcc"},
                        "adcc: --goal adcc: expected FIELD=LEVEL or FIELD>=LEVEL (also <=, >, <): an outcome kind of the vocabulary and one of none, low, moderate, high\n"),
                Arguments.of(new String[] {"whatif", MISSING, "--add", "atra on mm"},
                        "adcc: --add atra on mm: expected AGENT or AGENT@CELL, such as atra@mm\n"),
                Arguments.of(new String[] {"whatif", MISSING, "--remove", "@mm"},
                        "adcc: --remove @mm: expected AGENT or AGENT@CELL, such as atra@mm\n"),
                Arguments.of(new String[] {"whatif", MISSING, "--set", "nk.cd38"},
                        "adcc: --set nk.cd38: expected CELL.FIELD=VALUE (such as nk.cd38=low), setting=VALUE or course=VALUE\n"),
                Arguments.of(new String[] {"whatif", MISSING, "--set", "colour=red"},
                        "adcc: --set colour=red: expected CELL.FIELD=VALUE (such as nk.cd38=low), setting=VALUE or course=VALUE\n"),
                Arguments.of(new String[] {"sweep", MISSING, "--vary", "atra@mm,ATRA!"},
                        "adcc: --vary ATRA!: expected AGENT or AGENT@CELL, such as atra@mm\n"),
                Arguments.of(new String[] {"sweep", MISSING, "--vary", "nk.cd38=low|"},
                        "adcc: --vary nk.cd38=low|: expected CELL.FIELD=v1|v2|..., setting=in_vitro|in_vivo or course=v1|v2|..., distinct values, such as nk.cd38=low|high\n"),
                Arguments.of(new String[] {"sweep", MISSING, "--vary", "cd38=low|high"},
                        "adcc: --vary cd38=low|high: expected CELL.FIELD=v1|v2|..., setting=in_vitro|in_vivo or course=v1|v2|..., distinct values, such as nk.cd38=low|high\n"),
                Arguments.of(new String[] {"sweep", MISSING, "--vary", "atra@mm", "--vary", ","},
                        "adcc: --vary ,: names no factor; expected AGENT[@CELL],... or CELL.FIELD=v1|v2\n"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsOneLineAndExit2BeforeTheScenarioIsRead(String[] args, String message) {
        // The scenario file does not exist: the value is refused first, when the arguments are parsed.
        Run r = badInput(args);

        assertThat(r.err()).isEqualTo(message);
    }

    @Test
    void whatDependsOnTheScenarioIsCheckedByTheCommand() {
        // Good syntax, an agent the knowledge base does not know: only the command, with the rules loaded, can tell.
        assertThat(badInput("sweep", LOW, "--vary", "atra@mm,atr@mm").err()).startsWith("adcc: --vary atr@mm: unknown agent 'atr'");
        assertThat(badInput("whatif", LOW, "--add", "atra@nn").err()).startsWith("adcc: add atra@nn: 'nn' names no cell of the scenario");
    }

    @Test
    void otherUsageErrorsKeepPicocliMessageAndTheUsage() {
        Run r = badInput("sweep", LOW, "--vary", "atra@mm", "--threads", "two");

        assertThat(r.err()).contains("Invalid value for option '--threads': 'two' is not an int").contains("Try 'adcc sweep --help' for more.").doesNotContain("Usage:");
    }

    @Test
    void debugShowsWhereABadValueWasRefused() {
        Run r = run("--debug", "whynot", LOW, "--goal", "adcc=hihg");

        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("adcc: --goal adcc=hihg: 'hihg' is not a grade").contains("InputException").contains("\tat ");
    }
}
