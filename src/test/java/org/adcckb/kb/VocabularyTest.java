package org.adcckb.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.TestKb;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vocabulary is data: a new agent or cell type is an edit to rules/vocabulary.json, not to Java. */
class VocabularyTest {

    @Test
    void theShippedVocabularyDeclaresCellTypesWithTheirRoles() {
        Vocabulary v = TestKb.kb().vocabulary();
        assertThat(v.cellTypeNames()).containsExactly("myeloma", "nk");
        assertThat(v.isTarget("myeloma")).isTrue();
        assertThat(v.isEffector("nk")).isTrue();
        assertThat(v.carriesCd16("nk")).isTrue();
        assertThat(v.carriesCd16("myeloma")).isFalse();
    }

    @Test
    void theShippedVocabularyDeclaresTheOutcomeKindsInReportOrder() {
        Vocabulary v = TestKb.kb().vocabulary();
        assertThat(v.outcomeNames()).containsExactly("adcc", "fratricide", "nkDepletion");
        assertThat(v.outcome("adcc").orElseThrow().higherIsBetter()).isTrue();
        assertThat(v.outcome("nkDepletion").orElseThrow()).extracting(OutcomeKind::label, OutcomeKind::fact, OutcomeKind::better)
                .containsExactly("NK depletion", "NkDepletion", "lower");
    }

    @Test
    void anOutcomeIsAggregatedAsDeclared() {
        OutcomeKind max = new OutcomeKind("x", "x", "Effect", "grade", "max", "higher");
        OutcomeKind min = new OutcomeKind("x", "x", "Effect", "grade", "min", "higher");
        assertThat(max.combine(max.combine(-1, 1), 3)).isEqualTo(3);
        assertThat(min.combine(min.combine(-1, 1), 3)).isEqualTo(1);
        assertThat(max.counts(new org.adcckb.facts.Effect("x", "mm", "dara", "low"))).isTrue();
        assertThat(max.counts(new org.adcckb.facts.Effect("y", "mm", "dara", "low"))).as("another kind's effect").isFalse();
        assertThat(max.counts(new org.adcckb.facts.Adcc("mm", "nk", "dara", org.adcckb.facts.Estimate.exactly(1), new org.adcckb.facts.Grading("low", "low", "low")))).as("another fact type").isFalse();
    }

    @Test
    void aBadOutcomeEntryIsRefusedWithItsPathAndWhatIsAllowed(@TempDir Path tmp) throws IOException {
        TestKb.copyRules(tmp);
        Path vocab = tmp.resolve("vocabulary.json");
        String shipped = Files.readString(vocab);
        Files.writeString(vocab, shipped.replace("\"fact\": \"Adcc\"", "\"fact\": \"Adc\""));
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(tmp)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("$.outcomes.adcc.fact: 'Adc' is not a graded fact type; allowed: Adcc, Effect, Fratricide, NkDepletion")
                .hasMessageContaining("did you mean 'Adcc'?");
        Files.writeString(vocab, shipped.replace("\"aggregate\": \"max\"", "\"aggregate\": \"mean\""));
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(tmp)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("$.outcomes.adcc.aggregate").hasMessageContaining("mean").hasMessageContaining("max, min");
    }

    @Test
    void aNewAntibodyAndCellTypeWorkWithoutJavaChanges(@TempDir Path tmp) throws IOException {
        TestKb.copyRules(tmp);
        Path vocab = tmp.resolve("vocabulary.json");
        String text = Files.readString(vocab);
        text = text.replace("\"cellTypes\": {", """
                "cellTypes": {
                    "plasma_line": { "role": "target", "label": "plasma-cell line cells" },""");
        text = text.replace("\"agents\": {", """
                "agents": {
                    "other_cd38_igg1": { "role": "antibody", "target": "CD38", "epitope": "other", "fc": true,
                                         "label": "an anti-CD38 IgG1 binding another epitope than daratumumab" },""");
        Files.writeString(vocab, text);
        KnowledgeBase kb = KnowledgeBaseLoader.load(tmp);
        Scenario s = new ScenarioReader(kb.vocabulary()).read("""
                {"id": "new-words", "cells": [
                  {"id": "mm", "type": "myeloma", "cd38": "high"},
                  {"id": "pc", "type": "plasma_line", "cd38": "high"},
                  {"id": "nk", "type": "nk", "cd38": "low", "cd16": "158V"}],
                 "treatments": [{"agent": "other_cd38_igg1"}, {"agent": "cd38_nanobody", "on": "mm"}]}
                """.getBytes(StandardCharsets.UTF_8), "new-words.json");
        Evaluation ev = new Reasoner(kb).evaluate(s);
        // The rules speak of any Fc antibody against CD38, and the nanobody masks only daratumumab's epitope.
        assertThat(ev.cells().get("mm").binding()).containsEntry("other_cd38_igg1", "high");
        assertThat(ev.outcome().get("adcc")).isEqualTo("high");
        // A new cell type is read and bound like any other; what the rules do with it is for rules to say
        // (the ADCC rules name myeloma targets, so it is no ADCC target until a rule makes it one).
        assertThat(ev.cells().get("pc").role()).isEqualTo("target");
        assertThat(ev.cells().get("pc").binding()).containsEntry("other_cd38_igg1", "high");
        assertThat(ev.explanation().outcomeSupport().get("adcc")).containsExactly("adcc:nk>mm:other_cd38_igg1");
    }

    @Test
    void theCd38ScaleIsAParameterOfTheKnowledgeBase(@TempDir Path tmp) throws IOException {
        TestKb.copyRules(tmp);
        assertThat(TestKb.kb().vocabulary().cd38Scale()).isEqualTo(org.adcckb.facts.Cd38Scale.DEFAULT);
        Path vocab = tmp.resolve("vocabulary.json");
        // Narrower bands: a 3-fold rise now takes a CD38-low cell to high.
        Files.writeString(vocab, Files.readString(vocab).replace("\"highFrom\": 3.0", "\"highFrom\": 2.0")
                .replace("\"mediumFrom\": 1.5", "\"mediumFrom\": 1.0").replace("\"mediumAt\": 2.25", "\"mediumAt\": 1.5")
                .replace("\"highAt\": 3.75", "\"highAt\": 2.5"));
        KnowledgeBase kb = KnowledgeBaseLoader.load(tmp);
        Scenario s = new ScenarioReader(kb.vocabulary()).read(Path.of("facts/lejeune-2021/atra-low-target.json"));
        assertThat(new Reasoner(kb).evaluate(s).cells().get("mm").cd38()).isEqualTo("high");

        Files.writeString(vocab, Files.readString(vocab).replace("\"highFrom\": 2.0", "\"highFrom\": 0.5"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KnowledgeBaseLoader.load(tmp))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("$.cd38Scale: the CD38 scale must satisfy lowAt < mediumFrom <= mediumAt < highFrom <= highAt");
    }
}
