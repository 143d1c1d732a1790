package org.adcckb.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.report.TextReport;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.input.JsonInput;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Vocabulary;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * What {@code adcc explain FILE} does, through the API and in a fresh JVM, timed phase by phase: where a
 * cold start goes. Prints {@code phase.NAME MILLISECONDS} lines. Usage: {@code ColdPhases RULES_DIR FILE}.
 */
public final class ColdPhases {

    public static void main(String[] args) throws java.io.IOException {
        long mainWall = System.currentTimeMillis();
        long t0 = System.nanoTime();
        // First uses, on their own: Jackson (vocabulary and scenario are JSON), and the Drools builder
        // machinery (service loading, class initialisation). The load that follows finds them warm.
        JsonInput.parse(Files.readAllBytes(Path.of(args[0], Vocabulary.FILE)), Vocabulary.FILE);
        long tj = System.nanoTime();
        KnowledgeBuilderFactory.newKnowledgeBuilder();
        long t1 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBaseLoader.load(Path.of(args[0]));
        long t2 = System.nanoTime();
        Scenario s = new ScenarioReader(kb.vocabulary()).read(Path.of(args[1]));
        long t3 = System.nanoTime();
        Reasoner reasoner = new Reasoner(kb);
        Evaluation ev = reasoner.evaluate(s);
        long t4 = System.nanoTime();
        String text = TextReport.render(ev);
        long t5 = System.nanoTime();
        Evaluation again = reasoner.evaluate(s);
        long t6 = System.nanoTime();
        if (!again.outcome().equals(ev.outcome()) || text.isEmpty()) {
            throw new IllegalStateException("evaluations differ");
        }
        long vmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        print("jvm_to_main", mainWall - vmStart);
        print("jackson_first_use", ms(tj - t0));
        print("drools_builder_init", ms(t1 - tj));
        print("load_rules", ms(t2 - t1));
        print("read_scenario", ms(t3 - t2));
        print("first_evaluate", ms(t4 - t3));
        print("render_text", ms(t5 - t4));
        print("second_evaluate", ms(t6 - t5));
        print("main_total", ms(t5 - t0));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void print(String phase, double ms) {
        System.out.printf(java.util.Locale.ROOT, "phase.%s %.3f%n", phase, ms);
    }
}
