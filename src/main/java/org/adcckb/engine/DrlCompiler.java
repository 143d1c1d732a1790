package org.adcckb.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL text at run time and makes a rule base of compiled packages. The public KIE API compiles
 * only through a KieFileSystem and KieContainer (a Maven-style module, slower to start and without the
 * source-path errors used here); the kie-internal builder compiles a batch of texts directly and gives
 * each error with the file and line it came from.
 */
public final class DrlCompiler {

    /** A compile error: the source path it names (null when it names none), the DRL line (0 when unknown). */
    public record Error(String file, int line, String message) {
    }

    /** The packages of a compilation without errors; otherwise the errors and no packages. */
    public record Compiled(Collection<KiePackage> packages, List<Error> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private DrlCompiler() {
    }

    /** Compiles DRL texts (source path to text) in one batch, so rules may refer across files. */
    public static Compiled compile(Map<String, String> texts) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            batch.add(ResourceFactory.newByteArrayResource(e.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(e.getKey()), ResourceType.DRL);
        }
        batch.build();
        if (!builder.hasErrors()) {
            return new Compiled(builder.getKnowledgePackages(), List.of());
        }
        List<Error> errors = new ArrayList<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String file = error.getResource() == null ? null : error.getResource().getSourcePath();
            int line = error.getLines() == null || error.getLines().length == 0 ? 0 : error.getLines()[0];
            errors.add(new Error(file, line, error.getMessage()));
        }
        return new Compiled(List.of(), List.copyOf(errors));
    }

    /**
     * A rule base of compiled packages. Made directly rather than through a KieContainer, which would need
     * the packages as a module (and so compile again).
     */
    public static KieBase ruleBase(Collection<KiePackage> packages) {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return base;
    }

    /** The DRL of a CSV decision table, as Drools' own spreadsheet compiler writes it. */
    public static String decisionTable(String csv) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
    }
}
