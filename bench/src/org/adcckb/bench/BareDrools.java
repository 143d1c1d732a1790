package org.adcckb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The smallest program on adcc-kb's Drools path (as in KnowledgeBaseLoader and Reasoner): compile one DRL
 * file at run time, build a knowledge base, insert one fact, fire, print one line. Its cold start is the
 * floor that {@code adcc explain} is compared with.
 */
public final class BareDrools {

    public static void main(String[] args) throws Exception {
        Path drl = Path.of(args.length > 0 ? args[0] : "bench/one-rule.drl");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.batch().add(ResourceFactory.newByteArrayResource(Files.readAllBytes(drl)).setSourcePath(drl.toString()),
                ResourceType.DRL).build();
        if (builder.hasErrors()) {
            System.err.println(builder.getErrors());
            System.exit(1);
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        KieSession session = base.newKieSession();
        try {
            session.insert(new Ping(1));
            int fired = session.fireAllRules();
            System.out.println("bare drools: " + fired + " rule fired, " + session.getFactCount() + " facts in memory");
        } finally {
            session.dispose();
        }
    }
}
