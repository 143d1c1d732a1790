package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.facts.Setting;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Vocabulary;
import org.adcckb.lint.Linter;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course of treatment of an in vivo scenario ({@code "course"}): declared by the vocabulary, defaulted,
 * refused in vitro and when unknown, given to the rules on the {@code Setting} fact, echoed by the reports
 * and changed by what-if edits and sweeps.
 */
class CourseInputTest {

    private static final Vocabulary VOCABULARY = TestKb.kb().vocabulary();
    private static final String CELLS = """
            "cells": [ { "id": "mm", "type": "myeloma", "cd38": "low" },
                       { "id": "nk", "type": "nk", "cd16": "158V", "cd38": "high" } ],
              "treatments": [ { "agent": "daratumumab" } ]""";

    @TempDir
    Path temp;

    private Path write(String name, String json) throws IOException {
        Path p = temp.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    private static String scenario(String top) {
        return "{ \"id\": \"course-test\", " + top + (top.isEmpty() ? "" : ", ") + CELLS + " }\n";
    }

    private static Scenario read(String json) {
        return new ScenarioReader(VOCABULARY).read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test.json");
    }

    @Test
    void theVocabularyDeclaresTheCoursesInOrderWithOneDefault() {
        assertThat(VOCABULARY.courseNames()).containsExactly("first_dose", "on_treatment", "refractory", "after_stop");
        assertThat(VOCABULARY.defaultCourse().name()).isEqualTo("on_treatment");
        assertThat(VOCABULARY.defaultCourse().label()).isEqualTo("on continued treatment");
        assertThat(VOCABULARY.courses()).filteredOn(Vocabulary.Course::isDefault).hasSize(1);
    }

    @Test
    void anInVivoScenarioWithoutACourseIsOnTheDefaultCourseAndAnInVitroOneHasNone() {
        Scenario vivo = read(scenario("\"setting\": \"in_vivo\""));
        assertThat(vivo.courseName()).isEqualTo("on_treatment");
        assertThat(vivo.settingFact()).isEqualTo(new Setting("in_vivo", "on_treatment"));

        Scenario vitro = read(scenario(""));
        assertThat(vitro.course()).isNull();
        assertThat(vitro.settingFact()).isEqualTo(new Setting("in_vitro", null));
    }

    @Test
    void theCourseReachesTheRulesOnTheSettingFact() {
        Scenario s = read(scenario("\"setting\": \"in_vivo\", \"course\": \"refractory\""));
        List<Object> facts = Reasoner.inputFacts(s, VOCABULARY);
        assertThat(facts).filteredOn(Setting.class::isInstance).containsExactly(new Setting("in_vivo", "refractory"));
        Setting setting = (Setting) facts.stream().filter(Setting.class::isInstance).findFirst().orElseThrow();
        assertThat(setting.inVivo()).isTrue();
        assertThat(setting.inVitro()).isFalse();
        assertThat(setting.key()).isEqualTo("setting:in_vivo");
        assertThat(setting.describe()).isEqualTo("the scenario is in vivo, course: refractory");
        assertThat(new Setting("in_vitro", null).describe()).isEqualTo("the scenario is in vitro");
    }

    @Test
    void aSettingFactRefusesACourseInVitroAndNeedsOneInVivo() {
        assertThatThrownBy(() -> new Setting("in_vitro", "refractory")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("course applies only to in_vivo scenarios");
        assertThatThrownBy(() -> new Setting("in_vivo", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a course");
    }

    @Test
    void aCourseInVitroIsRefusedWithFilePathValueAndWhatIsAllowed() throws IOException {
        for (String top : List.of("\"course\": \"refractory\"", "\"setting\": \"in_vitro\", \"course\": \"refractory\"")) {
            Path f = write("in-vitro-course.json", scenario(top));
            assertThat(badInput("explain", f.toString()).err()).isEqualTo("adcc: " + f + ": $.course: course 'refractory' given for "
                    + "an in_vitro scenario; course applies only to in_vivo scenarios: give \"setting\": \"in_vivo\", or leave \"course\" out\n");
        }
    }

    @Test
    void anUnknownCourseIsRefusedWithTheCoursesAndANearMiss() throws IOException {
        Path f = write("unknown-course.json", scenario("\"setting\": \"in_vivo\", \"course\": \"refactory\""));
        assertThat(badInput("explain", f.toString()).err()).isEqualTo("adcc: " + f + ": $.course: 'refactory' is not a course; "
                + "allowed: first_dose, on_treatment, refractory, after_stop (did you mean 'refractory'?)\n");
        Path far = write("far-course.json", scenario("\"setting\": \"in_vivo\", \"course\": \"relapsed\""));
        assertThat(badInput("test", far.toString()).err()).isEqualTo("adcc: " + far + ": $.course: 'relapsed' is not a course; "
                + "allowed: first_dose, on_treatment, refractory, after_stop\n");
        Path number = write("number-course.json", scenario("\"setting\": \"in_vivo\", \"course\": 2"));
        assertThat(badInput("explain", number.toString()).err())
                .isEqualTo("adcc: " + number + ": $.course: expected a string, got the number 2\n");
    }

    @Test
    void theReportsEchoTheCourseOnlyInVivo() throws IOException {
        Path vivo = write("vivo.json", scenario("\"setting\": \"in_vivo\", \"course\": \"after_stop\""));
        JsonNode json = new ObjectMapper().readTree(ok("explain", "--format", "json", vivo.toString()).out());
        assertThat(json.get("course").asText()).isEqualTo("after_stop");
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields.subList(0, 5)).containsExactly("format", "scenario", "setting", "course", "treatments");
        assertThat(ok("explain", vivo.toString()).outLines()).contains("  setting: in vivo, after treatment stopped");

        Path defaulted = write("defaulted.json", scenario("\"setting\": \"in_vivo\""));
        assertThat(new ObjectMapper().readTree(ok("explain", "--format", "json", defaulted.toString()).out()).get("course").asText())
                .isEqualTo("on_treatment");
        assertThat(ok("explain", defaulted.toString()).outLines()).contains("  setting: in vivo, on continued treatment");

        Path vitro = write("vitro.json", scenario(""));
        assertThat(new ObjectMapper().readTree(ok("explain", "--format", "json", vitro.toString()).out()).has("course")).isFalse();
        assertThat(ok("explain", vitro.toString()).outLines()).contains("  setting: in vitro");
    }

    @Test
    void editsSetTheCourseInVivoAndRefuseItInVitro() {
        Scenario vivo = read(scenario("\"setting\": \"in_vivo\", \"course\": \"first_dose\""));
        assertThat(Edit.applyAll(vivo, List.of(Edit.set("course=refractory")), VOCABULARY).courseName()).isEqualTo("refractory");
        assertThat(Edit.applyAll(vivo, List.of(Edit.set("setting=in_vivo")), VOCABULARY).courseName())
                .as("already in vivo: the course stays").isEqualTo("first_dose");
        assertThat(Edit.applyAll(vivo, List.of(Edit.set("setting=in_vitro")), VOCABULARY).course()).isNull();

        Scenario vitro = read(scenario(""));
        assertThat(Edit.applyAll(vitro, List.of(Edit.set("setting=in_vivo")), VOCABULARY).courseName()).isEqualTo("on_treatment");
        assertThat(Edit.applyAll(vitro, List.of(Edit.set("setting=in_vivo"), Edit.set("course=after_stop")), VOCABULARY).courseName())
                .isEqualTo("after_stop");
        assertThatThrownBy(() -> Edit.applyAll(vitro, List.of(Edit.set("course=refractory")), VOCABULARY))
                .isInstanceOf(InputException.class).hasMessage("set course=refractory: course applies only to in_vivo scenarios, "
                        + "and course-test is in_vitro; set setting=in_vivo first");
        assertThatThrownBy(() -> Edit.applyAll(vivo, List.of(Edit.set("course=refactory")), VOCABULARY))
                .isInstanceOf(InputException.class).hasMessage("set course=refactory: 'refactory' is not a course; allowed: "
                        + "first_dose, on_treatment, refractory, after_stop (did you mean 'refractory'?)");
    }

    @Test
    void whatIfAndSweepChangeTheCourseOnTheCommandLine() throws IOException {
        Path vivo = write("vivo.json", scenario("\"setting\": \"in_vivo\""));
        ok("whatif", vivo.toString(), "--set", "course=refractory");
        String sweep = ok("sweep", vivo.toString(), "--vary", "course=first_dose|refractory|after_stop", "--format", "csv").out();
        assertThat(sweep).contains("first_dose", "refractory", "after_stop");

        Path vitro = write("vitro.json", scenario(""));
        assertThat(badInput("whatif", vitro.toString(), "--set", "course=refractory").err())
                .isEqualTo("adcc: set course=refractory: course applies only to in_vivo scenarios, and course-test is in_vitro; "
                        + "set setting=in_vivo first\n");
        assertThat(badInput("sweep", vivo.toString(), "--vary", "setting=in_vitro|in_vivo", "--vary", "course=first_dose|refractory").err())
                .startsWith("adcc: --vary setting: course applies only to in_vivo scenarios, and course is varied too");
    }

    @Test
    void aWhatIfOfAnExpectBlockThatSetsACourseInVitroIsRefusedOnReading() throws IOException {
        Path f = write("expect-course.json", "{ \"id\": \"course-test\", " + CELLS + """
                , "expect": { "whatif": [ { "set": ["course=refractory"], "outcome": { "adcc": "same" } } ] } }
                """);
        assertThat(badInput("test", f.toString()).err()).isEqualTo("adcc: " + f + ": $.expect.whatif[0]: set course=refractory: "
                + "course applies only to in_vivo scenarios, and course-test is in_vitro; set setting=in_vivo first\n");
    }

    @Test
    void aVocabularyWithoutOneDefaultCourseIsRefused() throws IOException {
        Path rules = TestKb.copyRules(temp.resolve("rules"));
        Path vocabulary = rules.resolve("vocabulary.json");
        String shipped = Files.readString(vocabulary);
        Files.writeString(vocabulary, shipped.replace("\"on continued treatment\",\n      \"default\": true",
                "\"on continued treatment\""));
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(rules)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("$.courses: declares no default course");
        Files.writeString(vocabulary, shipped.replace("\"after treatment stopped\"", "\"after treatment stopped\", \"default\": true"));
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(rules)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("$.courses.after_stop.default: 'on_treatment' is already the default course");
        Files.writeString(vocabulary, shipped.replace("\"first_dose\": {", "\"First dose\": {"));
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(rules)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("$.courses.First dose: course name 'First dose' must be lower-case letters, digits and '_'");
    }

    @Test
    void lintCatchesACourseNoScenarioCanGive() throws IOException {
        Path rules = TestKb.copyRules(temp.resolve("lint-rules"));
        Files.writeString(rules.resolve("course-typo.drl"), """
                package adcckb.coursetypo;

                import org.adcckb.facts.*;

                rule "A rule on a misspelt course"
                    @source("doi:10.3390/cancers13123072")
                    @evidence("C")
                    @inferred("a test rule")
                    @rationale("Matches a course the vocabulary does not declare.")
                when
                    Setting( inVivo, course == "refactory" )
                    Cell( $id : id )
                then
                    insertLogical( new Effect( "course_test", $id, "none", "none" ) );
                end
                """);
        Linter.Report r = Linter.lint(rules, 10);
        // (The Effect's kind, course_test, is not a declared outcome kind either: reported on its own line.)
        assertThat(r.findings()).filteredOn(f -> f.check().equals("vocabulary") && f.message().contains("is not a known course")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'refactory'").contains("course")
                        .contains("first_dose, on_treatment, refractory, after_stop").contains("did you mean 'refractory'?"));
    }
}
