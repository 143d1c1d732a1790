package org.adcckb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Each use of Drools' internals (see README.md in the engine package) once, on a real rule base, with its
 * result checked. A Drools upgrade that changes any of them fails here, each test named after its touch point,
 * before it shows as a wrong explanation, an unnamed rule or a cache that is never used.
 */
class DroolsInternalsSmokeTest {

    /** Strings of four or more letters conclude their length; a byte and all strings their count; one rule spies on its stack. */
    private static final String DRL = """
            package smoke;

            global java.util.List stacks;

            rule "long word"
                @source("doi:10.1/x")
                when
                    $s : String( length >= 4 )
                    not Boolean()
                then
                    insertLogical( Integer.valueOf( $s.length() ) );
            end

            rule "word count"
                when
                    $b : Byte()
                    accumulate( $w : String(); $all : collectList( $w ) )
                then
                    insertLogical( Long.valueOf( $all.size() ) );
            end

            rule "spy"
                when
                    Double()
                then
                    stacks.add( Thread.currentThread().getStackTrace() );
            end
            """;

    private static DrlCompiler.Compiled compiled() {
        DrlCompiler.Compiled c = DrlCompiler.compile(Map.of("smoke.drl", DRL));
        assertThat(c.errors()).as("DrlCompiler.compile: the smoke rules compile").isEmpty();
        return c;
    }

    private static KieBase base() {
        return DrlCompiler.ruleBase(compiled().packages());
    }

    @Test
    void drlCompilerCompilesAndNamesTheFileAndLineOfAnError() {
        assertThat(compiled().packages()).as("DrlCompiler.compile: packages").extracting(KiePackage::getName).contains("smoke");
        DrlCompiler.Compiled bad = DrlCompiler.compile(Map.of("bad.drl", "package bad;\n\nrule \"x\"\nwhen\n  Nonexistent()\nthen\nend\n"));
        assertThat(bad.ok()).as("DrlCompiler.compile: an unknown type is an error").isFalse();
        assertThat(bad.errors()).as("DrlCompiler.compile: errors carry the source path and the line")
                .anySatisfy(e -> {
                    assertThat(e.file()).isEqualTo("bad.drl");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.message()).contains("Nonexistent");
                });
    }

    @Test
    void drlCompilerMakesARuleBaseThatRuns() {
        KieSession session = base().newKieSession();
        try {
            session.setGlobal("stacks", new ArrayList<>());
            session.insert((byte) 1);
            session.insert("word");
            session.fireAllRules();
            assertThat(new ArrayList<Object>(session.getObjects())).as("DrlCompiler.ruleBase: the rules fire").contains(4, 1L);
        } finally {
            session.dispose();
        }
    }

    @Test
    void drlCompilerConvertsADecisionTable() throws Exception {
        String drl = DrlCompiler.decisionTable(Files.readString(Path.of("rules/cd38-modulators.csv")));
        assertThat(drl).as("DrlCompiler.decisionTable: one rule per row, with the row in a comment")
                .contains("package adcckb.modulators;", "rule \"ATRA raises CD38 on myeloma cells about 3-fold\"")
                .containsPattern("//\\s*rule values at [A-Z]+\\d+");
    }

    @Test
    void justificationsAreReadFromTheTruthMaintenanceSystem() {
        KieSession session = base().newKieSession();
        try {
            session.setGlobal("stacks", new ArrayList<>());
            session.insert((byte) 1);
            FactHandle word = session.insert("word");
            session.insert("bird");
            FactHandle flag = session.insert("wave");
            session.fireAllRules();
            FactHandle four = session.getFactHandle(4);
            assertThat(four).as("Justifications: the conclusion is in memory").isNotNull();
            List<Match> live = Justifications.of(four);
            assertThat(live).as("Justifications.of: three words of four letters justify one conclusion 4")
                    .hasSize(3).allSatisfy(m -> assertThat(m.getRule().getName()).isEqualTo("long word"));
            assertThat(Justifications.of(word)).as("Justifications.of: an input has no justification").isEmpty();

            List<Object> premises = new ArrayList<>();
            live.forEach(m -> premises.addAll(Justifications.objectsOf(m)));
            assertThat(premises).as("Justifications.objectsOf: each match's premise, without the not's place")
                    .containsExactlyInAnyOrder("word", "bird", "wave");

            Match count = Justifications.of(session.getFactHandle(3L)).get(0);
            List<Object> objects = Justifications.objectsOf(count);
            assertThat(objects).as("Justifications.objectsOf: a pattern's fact, then an accumulate's result as one collection")
                    .hasSize(2).first().isEqualTo((byte) 1);
            assertThat(objects.get(1)).isInstanceOf(Collection.class);
            assertThat(new ArrayList<Object>((Collection<?>) objects.get(1))).containsExactlyInAnyOrder("word", "bird", "wave");

            session.delete(flag);
            session.insert(Boolean.TRUE);
            session.fireAllRules();
            assertThat(session.getFactHandle(4)).as("Justifications: a conclusion whose not premise failed is retracted").isNull();
        } finally {
            session.dispose();
        }
    }

    @Test
    void runningRuleIsNamedFromAStack() {
        KieBase base = base();
        KieSession session = base.newKieSession();
        List<StackTraceElement[]> stacks = new ArrayList<>();
        try {
            session.setGlobal("stacks", stacks);
            session.insert(1.0);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        assertThat(stacks).hasSize(1);
        Rule running = RunningRule.in(stacks.get(0), base);
        assertThat(running).as("RunningRule.in: the consequence's class is on the stack").isNotNull();
        assertThat(running.getName()).as("RunningRule.in").isEqualTo("spy");
        assertThat(RunningRule.in(Thread.currentThread().getStackTrace(), base)).as("RunningRule.in: no rule running").isNull();
    }

    @Test
    void packageStreamsWriteAndReadCompiledPackages() throws Exception {
        byte[] bytes = PackageStreams.write(compiled().packages());
        Object read;
        try (ObjectInputStream in = PackageStreams.reader(new ByteArrayInputStream(bytes), getClass().getClassLoader())) {
            read = in.readObject();
        }
        assertThat(read).as("PackageStreams: a list of packages comes back").isInstanceOf(List.class);
        List<KiePackage> packages = new ArrayList<>();
        for (Object p : (List<?>) read) {
            packages.add((KiePackage) p);
        }
        KieSession session = DrlCompiler.ruleBase(packages).newKieSession();
        try {
            session.setGlobal("stacks", new ArrayList<>());
            session.insert("word");
            session.fireAllRules();
            assertThat(new ArrayList<Object>(session.getObjects())).as("PackageStreams: the packages read back run").contains(4);
        } finally {
            session.dispose();
        }
        assertThat(PackageStreams.droolsVersion()).as("PackageStreams.droolsVersion").matches("\\d+\\.\\d+.*");
    }

    @Test
    void drlSyntaxReadsRulesConditionsAndErrors() {
        DrlSyntax.Parsed parsed = DrlSyntax.parse(DRL);
        assertThat(parsed.ok()).as("DrlSyntax.parse").isTrue();
        assertThat(parsed.packageName()).isEqualTo("smoke");
        assertThat(parsed.rules()).extracting(DrlSyntax.ParsedRule::name).containsExactly("long word", "word count", "spy");
        DrlSyntax.ParsedRule first = parsed.rules().get(0);
        assertThat(first.line()).as("DrlSyntax: the rule's line").isEqualTo(5);
        assertThat(first.annotations()).as("DrlSyntax: annotations as written")
                .containsExactly(new DrlSyntax.Annotation("source", "\"doi:10.1/x\""));
        assertThat(first.consequence()).contains("insertLogical( Integer.valueOf( $s.length() ) );");
        DrlSyntax.Condition word = first.conditions().get(0);
        assertThat(DRL.substring(word.start(), word.end())).as("DrlSyntax: a condition's characters")
                .isEqualTo("$s : String( length >= 4 )");
        assertThat(word.line()).isEqualTo(8);
        assertThat(word.negated()).isFalse();
        assertThat(word.patterns()).as("DrlSyntax: patterns and their constraints")
                .containsExactly(new DrlSyntax.Pattern("String", 8, List.of("length >= 4")));
        assertThat(first.conditions().get(1).negated()).as("DrlSyntax: a not").isTrue();
        assertThat(first.conditions().get(1).patterns()).extracting(DrlSyntax.Pattern::type).containsExactly("Boolean");
        assertThat(parsed.rules().get(1).conditions().get(1).patterns()).as("DrlSyntax: an accumulate's input pattern")
                .extracting(DrlSyntax.Pattern::type).containsExactly("Object", "String");

        DrlSyntax.Parsed broken = DrlSyntax.parse("package p;\nrule \"x\"\nwhen\n  String(\nthen\nend\n");
        assertThat(broken.ok()).as("DrlSyntax.parse: a syntax error").isFalse();
        assertThat(broken.errors()).as("DrlSyntax: errors with their line").isNotEmpty()
                .allSatisfy(e -> assertThat(e.line()).isPositive());
    }
}
